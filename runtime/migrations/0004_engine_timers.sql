ALTER TABLE "timers" ADD COLUMN "engine_timer_id" text;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "unit" text;