CREATE TABLE "customer_segments" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_aliases" (
	"alias" text PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The values that were pg enums, so every database has them (the admin adds, renames and archives them at Admin → Settings).
INSERT INTO "customer_segments" ("code", "name") VALUES
  ('wholesale', 'Wholesale'),
  ('retail', 'Retail'),
  ('contractor', 'Contractor'),
  ('industrial', 'Industrial');--> statement-breakpoint
INSERT INTO "tax_categories" ("code", "name") VALUES
  ('standard', 'Standard'),
  ('reduced', 'Reduced'),
  ('zero', 'Zero-rated'),
  ('exempt', 'Exempt');--> statement-breakpoint
INSERT INTO "units" ("code", "name") VALUES
  ('each', 'Each'),
  ('box', 'Box'),
  ('case', 'Case'),
  ('pallet', 'Pallet'),
  ('kg', 'Kilogram'),
  ('m', 'Meter'),
  ('l', 'Liter');--> statement-breakpoint
-- UN/ECE Recommendation 20 codes that EDI messages carry for these units.
INSERT INTO "unit_aliases" ("alias", "unit_code") VALUES
  ('EA', 'each'),
  ('C62', 'each'),
  ('H87', 'each'),
  ('BX', 'box'),
  ('CS', 'case'),
  ('PF', 'pallet'),
  ('KGM', 'kg'),
  ('MTR', 'm'),
  ('LTR', 'l');--> statement-breakpoint
-- The enum columns become text (same values), then refer to the lists. Defaults are enum-typed: dropped and set again.
ALTER TABLE "products" ALTER COLUMN "unit" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "unit" SET DATA TYPE text USING "unit"::text;--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "unit" SET DEFAULT 'each';--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "tax_category" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "tax_category" SET DATA TYPE text USING "tax_category"::text;--> statement-breakpoint
ALTER TABLE "products" ALTER COLUMN "tax_category" SET DEFAULT 'standard';--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "segment" SET DATA TYPE text USING "segment"::text;--> statement-breakpoint
ALTER TABLE "discount_rules" ALTER COLUMN "segment" SET DATA TYPE text USING "segment"::text;--> statement-breakpoint
ALTER TABLE "price_lists" ALTER COLUMN "segment" SET DATA TYPE text USING "segment"::text;--> statement-breakpoint
ALTER TABLE "tax_rates" ALTER COLUMN "tax_category" SET DATA TYPE text USING "tax_category"::text;--> statement-breakpoint
ALTER TABLE "unit_aliases" ADD CONSTRAINT "unit_aliases_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_unit_units_code_fk" FOREIGN KEY ("unit") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_tax_category_tax_categories_code_fk" FOREIGN KEY ("tax_category") REFERENCES "public"."tax_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_segment_customer_segments_code_fk" FOREIGN KEY ("segment") REFERENCES "public"."customer_segments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_rules" ADD CONSTRAINT "discount_rules_segment_customer_segments_code_fk" FOREIGN KEY ("segment") REFERENCES "public"."customer_segments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_lists" ADD CONSTRAINT "price_lists_segment_customer_segments_code_fk" FOREIGN KEY ("segment") REFERENCES "public"."customer_segments"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_tax_category_tax_categories_code_fk" FOREIGN KEY ("tax_category") REFERENCES "public"."tax_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
DROP TYPE "public"."tax_category";--> statement-breakpoint
DROP TYPE "public"."unit";--> statement-breakpoint
DROP TYPE "public"."customer_segment";