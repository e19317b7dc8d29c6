CREATE TABLE "customer_tax_exemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"certificate_number" text NOT NULL,
	"country" text DEFAULT 'US' NOT NULL,
	"region" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_tax_exemptions_region" CHECK ("customer_tax_exemptions"."region" ~ '^([A-Z]{2}|ALL)$'),
	CONSTRAINT "customer_tax_exemptions_dates" CHECK ("customer_tax_exemptions"."expires_on" is null or "customer_tax_exemptions"."expires_on" >= "customer_tax_exemptions"."issued_on")
);
--> statement-breakpoint
ALTER TABLE "customer_tax_exemptions" ADD CONSTRAINT "customer_tax_exemptions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_tax_exemptions_number_uq" ON "customer_tax_exemptions" USING btree ("customer_id","certificate_number","region");--> statement-breakpoint
CREATE INDEX "customer_tax_exemptions_customer_idx" ON "customer_tax_exemptions" USING btree ("customer_id");--> statement-breakpoint
-- The old flag said "exempt everywhere" without a certificate: each such customer keeps that as a country-wide
-- certificate numbered ON-FILE, without expiry, dated the day the account was opened, for finance to replace.
INSERT INTO "customer_tax_exemptions" ("customer_id", "certificate_number", "country", "region", "issued_on", "created_by")
SELECT c."id", 'ON-FILE', coalesce(nullif(a."country", ''), 'US'), 'ALL', (c."created_at" at time zone 'America/New_York')::date, 'migration'
FROM "customers" c LEFT JOIN "customer_addresses" a ON a."customer_id" = c."id" AND a."kind" = 'billing'
WHERE c."tax_exempt";--> statement-breakpoint
ALTER TABLE "customers" DROP COLUMN "tax_exempt";