ALTER TABLE "orders" ADD COLUMN "assigned_to_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_assignee_created_idx" ON "orders" USING btree ("assigned_to_id","created_at","id");