ALTER TABLE "cases" ADD COLUMN "parent_case_id" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "parent_node_id" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "parent_sub_case_id" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "parent_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_parent_case_id_cases_id_fk" FOREIGN KEY ("parent_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_parent_idx" ON "cases" USING btree ("parent_case_id");