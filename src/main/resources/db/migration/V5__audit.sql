-- Audit log: every read of a single record, every search and every write, appended in the same
-- transaction as writes. Append-only: the database itself refuses changes and deletes.
CREATE TABLE audit_event (
    id           bigserial PRIMARY KEY,
    at           timestamptz NOT NULL,
    subject      text NOT NULL,
    roles        text[] NOT NULL,
    client       text,
    action       text NOT NULL,
    collection   text,
    record_ids   uuid[] NOT NULL DEFAULT '{}',
    query        text,
    result_count int,
    request_id   text
);
CREATE INDEX audit_event_subject ON audit_event (subject, id);
CREATE INDEX audit_event_records ON audit_event USING gin (record_ids);
CREATE INDEX audit_event_at ON audit_event (at, id);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
