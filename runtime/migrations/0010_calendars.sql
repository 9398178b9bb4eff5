CREATE TABLE "calendar_notices" (
	"calendar_key" text NOT NULL,
	"year" integer NOT NULL,
	"notice" jsonb NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL,
	"loaded_by" text,
	CONSTRAINT "calendar_notices_calendar_key_year_pk" PRIMARY KEY("calendar_key","year")
);
--> statement-breakpoint
CREATE TABLE "calendars" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"base_key" text,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "calendar_key" text;--> statement-breakpoint
UPDATE "cases" SET "calendar_key" = coalesce((SELECT d."definition"->>'calendar' FROM "workflow_definitions" d WHERE d."key" = "cases"."definition_key" AND d."version" = "cases"."definition_version"), 'cn-mainland');--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "calendar_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "jurisdictions" ADD COLUMN "calendar_key" text;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "basis" jsonb;--> statement-breakpoint
ALTER TABLE "timers" ADD COLUMN "provisional" boolean DEFAULT false NOT NULL;