ALTER TABLE "incidents" ALTER COLUMN "invocation_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "service" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "kind" text DEFAULT 'service' NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "edge_id" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "expression" text;--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_open_expression_idx" ON "incidents" USING btree ("case_id","expression") WHERE "incidents"."status" = 'open' and "incidents"."kind" = 'feel';