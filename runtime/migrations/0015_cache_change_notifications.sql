-- What every Tongban process caches (the organisation, the calendars and their notices, the
-- published definitions) is announced on channel tongban_changes when it changes, by whichever
-- writer: the API, tongban seed, an operator's SQL. The payload names the topic; PostgreSQL sends
-- it at commit, once per transaction and topic.
CREATE FUNCTION "tongban_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('tongban_changes', TG_ARGV[0]);
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "jurisdictions_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "jurisdictions" FOR EACH STATEMENT EXECUTE FUNCTION "tongban_notify_change"('organisation');--> statement-breakpoint
CREATE TRIGGER "departments_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "departments" FOR EACH STATEMENT EXECUTE FUNCTION "tongban_notify_change"('organisation');--> statement-breakpoint
CREATE TRIGGER "calendars_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "calendars" FOR EACH STATEMENT EXECUTE FUNCTION "tongban_notify_change"('calendars');--> statement-breakpoint
CREATE TRIGGER "calendar_notices_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "calendar_notices" FOR EACH STATEMENT EXECUTE FUNCTION "tongban_notify_change"('calendars');--> statement-breakpoint
-- A published version never changes, so publishing one stales nothing: only a rewrite or a removal does.
CREATE TRIGGER "workflow_definitions_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "workflow_definitions" FOR EACH STATEMENT EXECUTE FUNCTION "tongban_notify_change"('definitions');
