CREATE TABLE "sign_in_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"tries" integer NOT NULL,
	"window_started_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"address" text NOT NULL,
	"user_agent" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_signed_in_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_sessions_user_idx" ON "user_sessions" USING btree ("user_id");--> statement-breakpoint
-- History is append-only: an order's timeline and the audit trail refuse UPDATE, DELETE and TRUNCATE from any role,
-- the owner included (a mistake in a migration or a console must not rewrite who did what).
CREATE FUNCTION "refuse_history_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
--> statement-breakpoint
CREATE TRIGGER "order_events_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "order_events" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_change"();
--> statement-breakpoint
-- The app's role (.env.example): the app logs in as a member of orderdesk_app, migrations run as the owner. It may
-- read and write every table but only add to the history. A migrating user that may not create roles skips this.
DO $$
BEGIN
  BEGIN
    CREATE ROLE orderdesk_app NOLOGIN;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  -- CREATE on the database: pg-boss makes its own schema on first start.
  EXECUTE format('GRANT CONNECT, CREATE ON DATABASE %I TO orderdesk_app', current_database());
  GRANT USAGE ON SCHEMA public TO orderdesk_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO orderdesk_app;
  GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO orderdesk_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events", "order_events" FROM orderdesk_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO orderdesk_app;
  ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO orderdesk_app;
  -- /api/ready compares the applied migrations with the committed ones.
  GRANT USAGE ON SCHEMA drizzle TO orderdesk_app;
  GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO orderdesk_app;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'orderdesk_app not set up (%): grant it by hand, see .env.example', SQLERRM;
END $$;
