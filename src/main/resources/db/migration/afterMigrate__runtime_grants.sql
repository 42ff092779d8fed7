-- Least privilege: the service runs as a login role that is a member of the group role named by the
-- placeholder runtime_role (default registry_runtime; README "Database roles"), while Flyway
-- migrates as the schema's owner. Run after every migrate, so that tables added by later
-- migrations are granted too. Without that role (dev, tests on one superuser) nothing is granted.
DO $grants$
DECLARE
    runtime text := '${runtime_role}';
    read_only text[] := ARRAY['country', 'admin_unit', 'admin_unit_successor', 'admin_unit_area', 'registry_retention', '${flyway:table}'];
    t text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime) THEN
        RAISE NOTICE 'role % does not exist: no runtime grants', runtime;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema, runtime);
    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', current_schema, runtime);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema, runtime);
    -- Reference data and the migration history are read, never written, by the service.
    FOREACH t IN ARRAY read_only LOOP
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I FROM %I', t, runtime);
    END LOOP;
    -- The audit trail is append-only against the service's own credentials too.
    EXECUTE format('REVOKE UPDATE, DELETE ON audit_event FROM %I', runtime);
    -- Versions are written and, for an erasure, scrubbed; only their retention (V19) removes any.
    EXECUTE format('REVOKE DELETE ON record_version FROM %I', runtime);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema, runtime);
    -- A partitioned table is used through itself (the audit trail's and the versions' months): no right on its partitions.
    FOR t IN SELECT c.relname FROM pg_class c WHERE c.relispartition AND c.relkind = 'r' AND c.relnamespace = current_schema::regnamespace LOOP
        EXECUTE format('REVOKE ALL ON %I FROM %I', t, runtime);
    END LOOP;
    -- Monthly partitions and retention (V18, V19): the one DDL the service may cause, through the owner's functions.
    EXECUTE format('GRANT EXECUTE ON FUNCTION registry_audit_maintain() TO %I', runtime);
    EXECUTE format('GRANT EXECUTE ON FUNCTION registry_versions_maintain() TO %I', runtime);
END
$grants$;
