CREATE TABLE "pricing_revision" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" uuid DEFAULT gen_random_uuid() NOT NULL,
	CONSTRAINT "pricing_revision_single_row" CHECK ("pricing_revision"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "discount_rules" ADD COLUMN "currency" text DEFAULT 'USD' NOT NULL;--> statement-breakpoint
INSERT INTO "pricing_revision" ("id") VALUES (1);
