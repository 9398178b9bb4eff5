ALTER TABLE "workflow_definitions" ALTER COLUMN "definition" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "workflow_definitions" ADD COLUMN "change_note" text;