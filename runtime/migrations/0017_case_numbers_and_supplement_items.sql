CREATE TABLE "case_number_counters" (
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "case_number_counters_prefix_year_pk" PRIMARY KEY("prefix","year")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "case_number" text;--> statement-breakpoint
-- Existing cases are numbered SH-<year of filing in Shanghai>-<sequence>, in the order they were filed.
WITH "numbered" AS (
	SELECT "id",
		extract(year FROM "created_at" AT TIME ZONE 'Asia/Shanghai')::integer AS "year",
		row_number() OVER (PARTITION BY extract(year FROM "created_at" AT TIME ZONE 'Asia/Shanghai') ORDER BY "created_at", "id") AS "n"
	FROM "cases"
)
UPDATE "cases" SET "case_number" = 'SH-' || "numbered"."year" || '-' || lpad("numbered"."n"::text, 6, '0')
FROM "numbered" WHERE "cases"."id" = "numbered"."id";--> statement-breakpoint
INSERT INTO "case_number_counters" ("prefix", "year", "last_value")
SELECT 'SH', extract(year FROM "created_at" AT TIME ZONE 'Asia/Shanghai')::integer, count(*)
FROM "cases" GROUP BY 1, 2;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "case_number" SET NOT NULL;--> statement-breakpoint
-- Cases an API key filed before the key was recorded on the case: its idempotency scope names it.
UPDATE "cases" SET "filed_by_api_key" = substr("idempotency_scope", 8) WHERE "filed_by_api_key" IS NULL AND "idempotency_scope" LIKE 'apiKey:%';--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "supplement_request" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_case_number_idx" ON "cases" USING btree ("case_number");--> statement-breakpoint
CREATE INDEX "cases_filed_by_api_key_idx" ON "cases" USING btree ("filed_by_api_key");
