CREATE TABLE "order_plans" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"policy_code" text NOT NULL,
	"policy_version" integer NOT NULL,
	"chosen_by" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"promised_date" date NOT NULL,
	"pays_first" boolean DEFAULT false NOT NULL,
	"line_promises" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"projected_date" date,
	"jeopardy_cause" text,
	"checked_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"policy_code" text NOT NULL,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"segments" text[] DEFAULT '{}'::text[] NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_total" bigint,
	"max_total" bigint,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transit_times" (
	"warehouse_id" uuid NOT NULL,
	"region" text NOT NULL,
	"days" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transit_times_warehouse_id_region_pk" PRIMARY KEY("warehouse_id","region"),
	CONSTRAINT "transit_times_days_range" CHECK ("transit_times"."days" between 0 and 60)
);
--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD COLUMN "order_id" uuid;--> statement-breakpoint
ALTER TABLE "order_plans" ADD CONSTRAINT "order_plans_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_plans" ADD CONSTRAINT "order_plans_policy_code_policy_version_policy_versions_policy_code_version_fk" FOREIGN KEY ("policy_code","policy_version") REFERENCES "public"."policy_versions"("policy_code","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_rules" ADD CONSTRAINT "policy_rules_policy_code_policies_code_fk" FOREIGN KEY ("policy_code") REFERENCES "public"."policies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transit_times" ADD CONSTRAINT "transit_times_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_plans_policy_idx" ON "order_plans" USING btree ("policy_code","policy_version");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_rules_position_uq" ON "policy_rules" USING btree ("position");--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "purchase_orders_order_idx" ON "purchase_orders" USING btree ("order_id");