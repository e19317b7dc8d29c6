CREATE TYPE "public"."exception_event_type" AS ENUM('opened', 'assigned', 'unassigned', 'commented', 'resolved', 'dismissed', 'reopened', 'breached', 'changed');--> statement-breakpoint
ALTER TYPE "public"."exception_status" ADD VALUE 'in_progress' BEFORE 'resolved';--> statement-breakpoint
ALTER TYPE "public"."exception_status" ADD VALUE 'dismissed';--> statement-breakpoint
CREATE TABLE "exception_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"exception_id" uuid NOT NULL,
	"type" "exception_event_type" NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exception_slas" (
	"type" "exception_type" NOT NULL,
	"severity" "exception_severity" NOT NULL,
	"hours" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exception_slas_type_severity_pk" PRIMARY KEY("type","severity"),
	CONSTRAINT "exception_slas_hours_positive" CHECK ("exception_slas"."hours" > 0 and "exception_slas"."hours" <= 2160)
);
--> statement-breakpoint
CREATE TABLE "restricted_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "restricted_items_kind" CHECK ("restricted_items"."kind" in ('country', 'product'))
);
--> statement-breakpoint
ALTER TABLE "exception_slas" ALTER COLUMN "type" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "exceptions" ALTER COLUMN "type" SET DATA TYPE text;--> statement-breakpoint
UPDATE "exceptions" SET "type" = CASE "type" WHEN 'overdue' THEN 'payment_overdue' WHEN 'return' THEN 'return_requested' ELSE "type" END;--> statement-breakpoint
DROP TYPE "public"."exception_type";--> statement-breakpoint
CREATE TYPE "public"."exception_type" AS ENUM('credit_hold', 'price_approval', 'address_hold', 'compliance_hold', 'suspicious_quantity', 'duplicate_order', 'stockout', 'jeopardy', 'payment_overdue', 'return_requested', 'delivery_failure');--> statement-breakpoint
ALTER TABLE "exception_slas" ALTER COLUMN "type" SET DATA TYPE "public"."exception_type" USING "type"::"public"."exception_type";--> statement-breakpoint
ALTER TABLE "exceptions" ALTER COLUMN "type" SET DATA TYPE "public"."exception_type" USING "type"::"public"."exception_type";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "pack_size" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "exceptions" ADD COLUMN "team" "role";--> statement-breakpoint
UPDATE "exceptions" SET "team" = (CASE "type"
	WHEN 'credit_hold' THEN 'finance' WHEN 'payment_overdue' THEN 'finance'
	WHEN 'price_approval' THEN 'manager' WHEN 'compliance_hold' THEN 'manager' WHEN 'jeopardy' THEN 'manager'
	WHEN 'stockout' THEN 'warehouse' WHEN 'delivery_failure' THEN 'warehouse'
	ELSE 'rep' END)::"role";--> statement-breakpoint
ALTER TABLE "exceptions" ALTER COLUMN "team" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "exceptions" ADD COLUMN "cause" text;--> statement-breakpoint
ALTER TABLE "exceptions" ADD COLUMN "accepted_cause" text;--> statement-breakpoint
ALTER TABLE "exceptions" ADD COLUMN "breached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exceptions" ADD COLUMN "assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "exceptions" ADD COLUMN "reopen_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "exception_events" ADD CONSTRAINT "exception_events_exception_id_exceptions_id_fk" FOREIGN KEY ("exception_id") REFERENCES "public"."exceptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exception_events_exception_idx" ON "exception_events" USING btree ("exception_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "restricted_items_kind_value_uq" ON "restricted_items" USING btree ("kind","value");--> statement-breakpoint
ALTER TABLE "exceptions" ADD CONSTRAINT "exceptions_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exceptions_team_idx" ON "exceptions" USING btree ("team","status","due_at");--> statement-breakpoint
CREATE INDEX "exceptions_assignee_idx" ON "exceptions" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "exceptions_created_idx" ON "exceptions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "exceptions_resolved_idx" ON "exceptions" USING btree ("resolved_at");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_pack_size_positive" CHECK ("products"."pack_size" >= 1);