DROP INDEX "cases_idempotency_key_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "idempotency_scope" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "idempotency_fingerprint" text;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_idempotency_scope_key_idx" ON "cases" USING btree ("idempotency_scope","idempotency_key") WHERE "cases"."idempotency_key" is not null;