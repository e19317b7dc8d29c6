CREATE TABLE "stock_allocations" (
	"order_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"demand_class" "demand_class" NOT NULL,
	"quantity" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_allocations_order_id_product_id_warehouse_id_pk" PRIMARY KEY("order_id","product_id","warehouse_id"),
	CONSTRAINT "stock_allocations_quantity_pos" CHECK ("stock_allocations"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "stock_backorders" (
	"order_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"demand_class" "demand_class" NOT NULL,
	"quantity" integer NOT NULL,
	"reference" text NOT NULL,
	"queued_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "stock_backorders_order_id_product_id_pk" PRIMARY KEY("order_id","product_id"),
	CONSTRAINT "stock_backorders_quantity_pos" CHECK ("stock_backorders"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "stock_allocations" ADD CONSTRAINT "stock_allocations_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_allocations" ADD CONSTRAINT "stock_allocations_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_backorders" ADD CONSTRAINT "stock_backorders_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_backorders" ADD CONSTRAINT "stock_backorders_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stock_allocations_level_idx" ON "stock_allocations" USING btree ("product_id","warehouse_id","demand_class");--> statement-breakpoint
CREATE INDEX "stock_backorders_queue_idx" ON "stock_backorders" USING btree ("product_id","queued_at");--> statement-breakpoint
-- Inventory takes over where reserved units sit (with the customer's demand class) and what waits as backorders.
INSERT INTO "stock_allocations" ("order_id", "product_id", "warehouse_id", "demand_class", "quantity", "created_at")
SELECT a."order_id", a."product_id", a."warehouse_id", c."demand_class", a."quantity", a."created_at"
FROM "order_allocations" a JOIN "orders" o ON o."id" = a."order_id" JOIN "customers" c ON c."id" = o."customer_id";--> statement-breakpoint
INSERT INTO "stock_backorders" ("order_id", "product_id", "warehouse_id", "demand_class", "quantity", "reference", "queued_at")
SELECT b.* FROM (
  SELECT o."id", l."product_id",
    coalesce(min(l."warehouse_id"::text)::uuid, (SELECT w."id" FROM "warehouses" w WHERE w."is_active" AND w."archived_at" IS NULL ORDER BY w."priority", w."code" LIMIT 1)) AS warehouse_id,
    c."demand_class", sum(l."backordered")::int AS quantity, o."number", coalesce(o."submitted_at", o."created_at") AS queued_at
  FROM "order_lines" l JOIN "orders" o ON o."id" = l."order_id" JOIN "customers" c ON c."id" = o."customer_id"
  WHERE l."backordered" > 0 AND o."status" IN ('submitted', 'on_hold', 'open')
  GROUP BY o."id", l."product_id", c."demand_class", o."number", o."submitted_at", o."created_at"
) b WHERE b.warehouse_id IS NOT NULL;
