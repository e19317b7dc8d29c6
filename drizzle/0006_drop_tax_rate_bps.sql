ALTER TABLE "tax_rates" DROP CONSTRAINT "tax_rates_rate";--> statement-breakpoint
ALTER TABLE "tax_rates" DROP COLUMN "rate_bps";--> statement-breakpoint
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_rate_ppm" CHECK ("tax_rates"."rate_ppm" >= 0 and "tax_rates"."rate_ppm" <= 1000000);