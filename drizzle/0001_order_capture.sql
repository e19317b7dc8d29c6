CREATE TYPE "public"."exception_severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."exception_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."exception_type" AS ENUM('credit_hold', 'price_approval', 'address_hold', 'suspicious_quantity', 'stockout', 'jeopardy', 'overdue', 'return', 'delivery_failure');--> statement-breakpoint
CREATE TABLE "exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "exception_type" NOT NULL,
	"severity" "exception_severity" DEFAULT 'medium' NOT NULL,
	"status" "exception_status" DEFAULT 'open' NOT NULL,
	"order_id" uuid,
	"customer_id" uuid,
	"reason" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"assignee" text,
	"opened_by" text NOT NULL,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"resolution_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"order_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "bill_to" jsonb;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "created_by_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "canceled_reason" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "canceled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "converted_from_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "converted_to_id" uuid;--> statement-breakpoint
ALTER TABLE "exceptions" ADD CONSTRAINT "exceptions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exceptions" ADD CONSTRAINT "exceptions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exceptions_status_due_idx" ON "exceptions" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "exceptions_order_idx" ON "exceptions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "exceptions_customer_idx" ON "exceptions" USING btree ("customer_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_client_key_uq" ON "idempotency_keys" USING btree ("client_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_user_name_uq" ON "saved_views" USING btree ("user_id","name");--> statement-breakpoint
CREATE INDEX "orders_kind_created_idx" ON "orders" USING btree ("kind","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orders_creator_created_idx" ON "orders" USING btree ("created_by_id","created_at" DESC NULLS LAST);