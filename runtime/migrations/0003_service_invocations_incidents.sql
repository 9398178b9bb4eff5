CREATE TABLE "incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"node_id" text NOT NULL,
	"invocation_id" text NOT NULL,
	"service" text NOT NULL,
	"error" text NOT NULL,
	"attempts" integer NOT NULL,
	"status" text NOT NULL,
	"retries" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"retried_at" timestamp with time zone,
	"retried_by" text,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service_invocations" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"node_id" text NOT NULL,
	"activation_id" text NOT NULL,
	"service" text NOT NULL,
	"params" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempt" integer NOT NULL,
	"max_attempts" integer NOT NULL,
	"backoff_ms" integer NOT NULL,
	"last_error" text,
	"result" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"queued_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "node_id" text;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "activation_id" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_invocation_id_service_invocations_id_fk" FOREIGN KEY ("invocation_id") REFERENCES "public"."service_invocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_retried_by_users_id_fk" FOREIGN KEY ("retried_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_invocations" ADD CONSTRAINT "service_invocations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_status_created_idx" ON "incidents" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "incidents_case_idx" ON "incidents" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_open_invocation_idx" ON "incidents" USING btree ("invocation_id") WHERE "incidents"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "service_invocations_case_activation_idx" ON "service_invocations" USING btree ("case_id","activation_id");--> statement-breakpoint
CREATE INDEX "service_invocations_status_idx" ON "service_invocations" USING btree ("status","queued_at");