-- Expand (README "Upgrades"): audit_event becomes partitioned by month, with the same columns,
-- defaults and name, so that a release still running on V17 keeps appending to it. Retention is
-- enforced by dropping whole months (registry_audit_maintain below): no DELETE, which the
-- append-only trigger refuses, and no bloat. Each month's table holds the month's events; a
-- default partition catches an event outside the months made ahead (it never should).
ALTER TABLE audit_event RENAME TO audit_event_unpartitioned;
ALTER INDEX audit_event_pkey RENAME TO audit_event_unpartitioned_pkey;
ALTER INDEX audit_event_subject RENAME TO audit_event_unpartitioned_subject;
ALTER INDEX audit_event_records RENAME TO audit_event_unpartitioned_records;
ALTER INDEX audit_event_at RENAME TO audit_event_unpartitioned_at;
DROP TRIGGER audit_event_append_only ON audit_event_unpartitioned;

-- the same columns, NOT NULLs and defaults (the id's sequence among them)
CREATE TABLE audit_event (LIKE audit_event_unpartitioned INCLUDING DEFAULTS) PARTITION BY RANGE (at);
ALTER TABLE audit_event ADD PRIMARY KEY (id, at);
ALTER SEQUENCE audit_event_id_seq OWNED BY audit_event.id;
CREATE INDEX audit_event_subject ON audit_event (subject, id);
CREATE INDEX audit_event_records ON audit_event USING gin (record_ids);
CREATE INDEX audit_event_at ON audit_event (at, id);
CREATE TABLE audit_event_default PARTITION OF audit_event DEFAULT;

-- The retention, in months: the Flyway placeholder audit_retention_months (default 24; set again
-- by every migrate, afterMigrate__retention.sql), kept in a table the service's role may read but not change.
CREATE TABLE registry_retention (
    what   text PRIMARY KEY,
    months int NOT NULL CHECK (months >= 1)
);

-- Makes the monthly partitions of the retention, from its first month to three months ahead, and
-- drops the months wholly older than it. SECURITY DEFINER: it runs as the schema's owner, so the
-- service's role (which may not create or drop tables) can call it, and can do nothing else with
-- it: the retention is read from registry_retention, never passed in.
CREATE FUNCTION registry_audit_maintain() RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    keep int := (SELECT months FROM registry_retention WHERE what = 'audit_event');
    horizon date := (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => keep))::date;
    month date := horizon;
    last date := (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months')::date;
    part record;
    dropped int := 0;
BEGIN
    WHILE month <= last LOOP
        IF to_regclass(format('audit_event_%s', to_char(month, 'YYYY_MM'))) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)',
                           'audit_event_' || to_char(month, 'YYYY_MM'),
                           month::timestamp AT TIME ZONE 'UTC', (month + interval '1 month')::timestamp AT TIME ZONE 'UTC');
        END IF;
        month := (month + interval '1 month')::date;
    END LOOP;
    FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'audit_event'::regclass AND c.relname ~ '^audit_event_\d{4}_\d{2}$'
                  AND to_date(substr(c.relname, 13), 'YYYY_MM') < horizon LOOP
        EXECUTE format('DROP TABLE %I', part.relname);
        dropped := dropped + 1;
    END LOOP;
    RETURN dropped;
END $$;
REVOKE ALL ON FUNCTION registry_audit_maintain() FROM PUBLIC;

INSERT INTO registry_retention VALUES ('audit_event', ${audit_retention_months});
SELECT registry_audit_maintain();
-- what the retention keeps (older events would be dropped with their months anyway)
INSERT INTO audit_event SELECT * FROM audit_event_unpartitioned
WHERE at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(months => ${audit_retention_months});
DROP TABLE audit_event_unpartitioned;

-- Append-only, as before (a statement trigger of the partitioned table); the service's role has
-- no right on the months themselves (afterMigrate__runtime_grants.sql), only on the table.
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
