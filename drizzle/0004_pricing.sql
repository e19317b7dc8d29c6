CREATE TYPE "public"."discount_scope" AS ENUM('line', 'order');--> statement-breakpoint
CREATE TYPE "public"."tier_basis" AS ENUM('line', 'sku', 'category');--> statement-breakpoint
CREATE TABLE "discount_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"scope" "discount_scope" DEFAULT 'line' NOT NULL,
	"percent_off_bps" integer,
	"amount_off" bigint,
	"buy_quantity" integer,
	"get_quantity" integer,
	"customer_id" uuid,
	"segment" "customer_segment",
	"product_id" uuid,
	"category_id" uuid,
	"min_quantity" integer,
	"min_order_amount" bigint,
	"channel" "channel",
	"valid_from" date,
	"valid_to" date,
	"priority" integer DEFAULT 0 NOT NULL,
	"stackable" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discount_rules_one_benefit" CHECK (("discount_rules"."percent_off_bps" is not null)::int + ("discount_rules"."amount_off" is not null)::int + ("discount_rules"."buy_quantity" is not null)::int = 1),
	CONSTRAINT "discount_rules_percent" CHECK ("discount_rules"."percent_off_bps" is null or ("discount_rules"."percent_off_bps" > 0 and "discount_rules"."percent_off_bps" <= 10000)),
	CONSTRAINT "discount_rules_dates" CHECK ("discount_rules"."valid_from" is null or "discount_rules"."valid_to" is null or "discount_rules"."valid_from" <= "discount_rules"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "override_limits" (
	"role" "role" PRIMARY KEY NOT NULL,
	"max_below_bps" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_list_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"price_list_id" uuid NOT NULL,
	"product_id" uuid,
	"category_id" uuid,
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"unit_price" bigint NOT NULL,
	CONSTRAINT "price_list_items_target" CHECK (("price_list_items"."product_id" is null) <> ("price_list_items"."category_id" is null)),
	CONSTRAINT "price_list_items_min_qty" CHECK ("price_list_items"."min_quantity" >= 1),
	CONSTRAINT "price_list_items_price" CHECK ("price_list_items"."unit_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "price_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"segment" "customer_segment",
	"customer_id" uuid,
	"valid_from" date,
	"valid_to" date,
	"priority" integer DEFAULT 0 NOT NULL,
	"tier_basis" "tier_basis" DEFAULT 'line' NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_lists_dates" CHECK ("price_lists"."valid_from" is null or "price_lists"."valid_to" is null or "price_lists"."valid_from" <= "price_lists"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"tax_category" "tax_category" NOT NULL,
	"rate_bps" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_rates_rate" CHECK ("tax_rates"."rate_bps" >= 0 and "tax_rates"."rate_bps" <= 10000)
);
--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "approval_reason" text;--> statement-breakpoint
ALTER TABLE "discount_rules" ADD CONSTRAINT "discount_rules_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_rules" ADD CONSTRAINT "discount_rules_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_rules" ADD CONSTRAINT "discount_rules_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_items" ADD CONSTRAINT "price_list_items_price_list_id_price_lists_id_fk" FOREIGN KEY ("price_list_id") REFERENCES "public"."price_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_items" ADD CONSTRAINT "price_list_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_items" ADD CONSTRAINT "price_list_items_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_lists" ADD CONSTRAINT "price_lists_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "discount_rules_code_uq" ON "discount_rules" USING btree ("code");--> statement-breakpoint
CREATE INDEX "price_list_items_list_idx" ON "price_list_items" USING btree ("price_list_id");--> statement-breakpoint
CREATE UNIQUE INDEX "price_lists_code_uq" ON "price_lists" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "tax_rates_place_category_uq" ON "tax_rates" USING btree ("country","region","tax_category");