CREATE TABLE "policies" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"policy_code" text NOT NULL,
	"version" integer NOT NULL,
	"steps" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_versions_policy_code_version_pk" PRIMARY KEY("policy_code","version")
);
--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_policy_code_policies_code_fk" FOREIGN KEY ("policy_code") REFERENCES "public"."policies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policies_one_default_uq" ON "policies" USING btree ("is_default") WHERE "policies"."is_default";--> statement-breakpoint
-- The four policies every installation starts with (fulfillment/policies/policy.ts DEFAULT_POLICIES); Standard is the default.
INSERT INTO "policies" ("code", "name", "current_version", "is_default") VALUES ('STANDARD', 'Standard', 1, true), ('PREPAID', 'Prepaid', 1, false), ('DROP_SHIP', 'Drop-ship', 1, false), ('WILL_CALL', 'Will-call', 1, false);
--> statement-breakpoint
INSERT INTO "policy_versions" ("policy_code", "version", "steps", "created_by") VALUES ('STANDARD', 1, '[{"kind":"reserve","duration":{"amount":1,"unit":"hours"},"owner":"rep"},{"kind":"pick","duration":{"amount":8,"unit":"hours"},"owner":"warehouse"},{"kind":"pack","duration":{"amount":4,"unit":"hours"},"owner":"warehouse"},{"kind":"ship","duration":{"amount":8,"unit":"hours"},"owner":"warehouse"},{"kind":"invoice","duration":{"amount":1,"unit":"hours"},"owner":"finance"},{"kind":"paid","duration":{"amount":30,"unit":"business_days"},"owner":"finance"}]'::jsonb, 'System'), ('PREPAID', 1, '[{"kind":"invoice","duration":{"amount":1,"unit":"hours"},"owner":"finance"},{"kind":"paid","duration":{"amount":3,"unit":"business_days"},"owner":"finance"},{"kind":"reserve","duration":{"amount":1,"unit":"hours"},"owner":"rep"},{"kind":"pick","duration":{"amount":8,"unit":"hours"},"owner":"warehouse"},{"kind":"pack","duration":{"amount":4,"unit":"hours"},"owner":"warehouse"},{"kind":"ship","duration":{"amount":8,"unit":"hours"},"owner":"warehouse"}]'::jsonb, 'System'), ('DROP_SHIP', 1, '[{"kind":"vendor_po","duration":{"amount":4,"unit":"hours"},"owner":"manager"},{"kind":"vendor_ships","duration":{"amount":5,"unit":"business_days"},"owner":"manager"},{"kind":"invoice","duration":{"amount":1,"unit":"hours"},"owner":"finance"}]'::jsonb, 'System'), ('WILL_CALL', 1, '[{"kind":"reserve","duration":{"amount":1,"unit":"hours"},"owner":"rep"},{"kind":"pick","duration":{"amount":8,"unit":"hours"},"owner":"warehouse"},{"kind":"collect","duration":{"amount":5,"unit":"business_days"},"owner":"rep"},{"kind":"invoice","duration":{"amount":1,"unit":"hours"},"owner":"finance"}]'::jsonb, 'System');
