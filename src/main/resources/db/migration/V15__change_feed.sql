-- The change feed (issue 13): one event per committed version of a record (create, update,
-- delete, erasure), written by the transaction that writes the version (a statement trigger on
-- record_version), with that transaction's id. Readers serve only events of transactions older
-- than every transaction still running (pg_snapshot_xmin), in (xid, seq) order, so an event that
-- commits late is never skipped by a reader that has moved on.
CREATE TABLE change_event (
    xid        xid8 NOT NULL DEFAULT pg_current_xact_id(),
    seq        bigint GENERATED ALWAYS AS IDENTITY,
    collection text NOT NULL,
    record_id  uuid NOT NULL,
    version    int NOT NULL,
    at         timestamptz NOT NULL,
    PRIMARY KEY (xid, seq)
);
CREATE INDEX change_event_at ON change_event (at);

-- Where retention has cut the feed: a cursor before it gets 410 Gone.
CREATE TABLE change_feed_horizon (
    only_row bool PRIMARY KEY DEFAULT true CHECK (only_row),
    xid      xid8 NOT NULL,
    seq      bigint NOT NULL
);

CREATE FUNCTION record_change_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO change_event (collection, record_id, version, at)
    SELECT collection, record_id, version, at FROM new_versions;
    PERFORM pg_notify('registry_changes', '');  -- delivered at commit: wakes the feed's long polls
    RETURN NULL;
END $$;

CREATE TRIGGER record_version_change_event AFTER INSERT ON record_version
    REFERENCING NEW TABLE AS new_versions FOR EACH STATEMENT EXECUTE FUNCTION record_change_event();

-- The versions written before the feed existed: served as events of the migrating transaction.
INSERT INTO change_event (collection, record_id, version, at)
SELECT collection, record_id, version, at FROM record_version ORDER BY at, record_id, version;
