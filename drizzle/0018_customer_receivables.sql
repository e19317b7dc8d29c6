ALTER TABLE "customers" ADD COLUMN "unpaid_invoices" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "overdue_hold" text;