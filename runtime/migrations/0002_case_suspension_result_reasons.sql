ALTER TABLE "cases" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "result_reason" text;