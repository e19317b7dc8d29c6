ALTER TABLE "tax_rates" ADD COLUMN "rate_ppm" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "tax_rates" SET "rate_ppm" = "rate_bps" * 100;
