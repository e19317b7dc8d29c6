ALTER TYPE "public"."transfer_status" ADD VALUE 'partially_received' BEFORE 'received';--> statement-breakpoint
CREATE TABLE "stock_transfer_lines" (
	"transfer_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stock_transfer_lines_transfer_id_line_no_pk" PRIMARY KEY("transfer_id","line_no"),
	CONSTRAINT "stock_transfer_lines_quantity_pos" CHECK ("stock_transfer_lines"."quantity" > 0),
	CONSTRAINT "stock_transfer_lines_received_range" CHECK ("stock_transfer_lines"."received" >= 0 and "stock_transfer_lines"."received" <= "stock_transfer_lines"."quantity")
);
--> statement-breakpoint
ALTER TABLE "stock_transfers" DROP CONSTRAINT "stock_transfers_quantity_pos";--> statement-breakpoint
ALTER TABLE "stock_transfers" DROP CONSTRAINT "stock_transfers_product_id_products_id_fk";
--> statement-breakpoint
DROP INDEX "stock_transfers_product_idx";--> statement-breakpoint
ALTER TABLE "stock_transfer_lines" ADD CONSTRAINT "stock_transfer_lines_transfer_id_stock_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."stock_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_transfer_lines" ADD CONSTRAINT "stock_transfer_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stock_transfer_lines_product_uq" ON "stock_transfer_lines" USING btree ("transfer_id","product_id");--> statement-breakpoint
CREATE INDEX "stock_transfer_lines_product_idx" ON "stock_transfer_lines" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "stock_transfers_status_idx" ON "stock_transfers" USING btree ("status");--> statement-breakpoint
-- Every transfer so far carried one SKU: it becomes its line 1, fully received when the transfer was.
INSERT INTO "stock_transfer_lines" ("transfer_id", "line_no", "product_id", "quantity", "received")
SELECT "id", 1, "product_id", "quantity", CASE WHEN "status" = 'received' THEN "quantity" ELSE 0 END FROM "stock_transfers";--> statement-breakpoint
ALTER TABLE "stock_transfers" DROP COLUMN "product_id";--> statement-breakpoint
ALTER TABLE "stock_transfers" DROP COLUMN "quantity";