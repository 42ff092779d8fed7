-- Expand (README "Upgrades"): record_version becomes partitioned by month (Vietnam's months, the
-- registry's periods), with the same columns, checks and name, so that a release still running on
-- V18 keeps writing to it. Retention (placeholder version_retention_months) folds the months older
-- than it into one partition, record_version_base, that keeps only each record's last version
-- before the cut: history then starts there, and the figures of any period after the cut stay
-- exact (StatisticsService refuses earlier ones), while superseded personal data is dropped.

-- Monthly partitions of a table partitioned by range of "at", named <table>_YYYY_MM, the months
-- of the zone, from the month of "first" to three months ahead.
CREATE FUNCTION registry_make_months(parent text, zone text, first date) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    month date := date_trunc('month', first)::date;
    last date := (date_trunc('month', now() AT TIME ZONE zone) + interval '3 months')::date;
BEGIN
    WHILE month <= last LOOP
        IF to_regclass(format('%s_%s', parent, to_char(month, 'YYYY_MM'))) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                           parent || '_' || to_char(month, 'YYYY_MM'), parent,
                           month::timestamp AT TIME ZONE zone, (month + interval '1 month')::timestamp AT TIME ZONE zone);
        END IF;
        month := (month + interval '1 month')::date;
    END LOOP;
END $$;

-- The monthly partitions of a table wholly before the month "horizon".
CREATE FUNCTION registry_months_before(parent text, horizon date) RETURNS SETOF text
LANGUAGE sql SET search_path = public, pg_temp AS $$
    SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent::regclass AND c.relname ~ ('^' || parent || '_\d{4}_\d{2}$')
      AND to_date(right(c.relname, 7), 'YYYY_MM') < horizon
    ORDER BY 1
$$;
REVOKE ALL ON FUNCTION registry_make_months(text, text, date) FROM PUBLIC;
REVOKE ALL ON FUNCTION registry_months_before(text, date) FROM PUBLIC;

-- The audit trail's upkeep of V18, now on the shared helpers.
CREATE OR REPLACE FUNCTION registry_audit_maintain() RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    keep int := (SELECT months FROM registry_retention WHERE what = 'audit_event');
    horizon date := (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => keep))::date;
    part text;
    dropped int := 0;
BEGIN
    PERFORM registry_make_months('audit_event', 'UTC', horizon);
    FOR part IN SELECT registry_months_before('audit_event', horizon) LOOP
        EXECUTE format('DROP TABLE %I', part);
        dropped := dropped + 1;
    END LOOP;
    RETURN dropped;
END $$;

-- Cuts the change feed before an instant and remembers where (a reader behind it gets 410):
-- feed/FeedRetention after its own retention, and the versions' retention for the versions it drops.
CREATE FUNCTION registry_feed_cut(before timestamptz) RETURNS int
LANGUAGE sql AS $$
    WITH gone AS (DELETE FROM change_event WHERE at < before RETURNING xid, seq),
    moved AS (INSERT INTO change_feed_horizon (xid, seq)
              SELECT xid, seq FROM gone ORDER BY xid DESC, seq DESC LIMIT 1
              ON CONFLICT (only_row) DO UPDATE SET xid = excluded.xid, seq = excluded.seq
              WHERE (excluded.xid, excluded.seq) > (change_feed_horizon.xid, change_feed_horizon.seq))
    SELECT count(*)::int FROM gone
$$;

-- Where the versions' retention has cut: versions written before kept_from are folded, and the
-- earliest instant any of them counted at (its reported period, else when written) is folded_from;
-- the figures of a period between the two are gone (null: nothing folded yet).
ALTER TABLE registry_retention ADD COLUMN kept_from timestamptz, ADD COLUMN folded_from timestamptz;

ALTER TABLE record_version RENAME TO record_version_unpartitioned;
ALTER INDEX record_version_pkey RENAME TO record_version_unpartitioned_pkey;
DROP TRIGGER record_version_change_event ON record_version_unpartitioned;

CREATE TABLE record_version (LIKE record_version_unpartitioned INCLUDING DEFAULTS) PARTITION BY RANGE (at);
-- the same checks, each as valid as it was (V6's sealed check may still wait for SealExisting)
DO $checks$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
             WHERE conrelid = 'record_version_unpartitioned'::regclass AND contype = 'c' LOOP
        EXECUTE format('ALTER TABLE record_version ADD CONSTRAINT %I %s', c.conname, c.def);
    END LOOP;
END
$checks$;
ALTER TABLE record_version ADD PRIMARY KEY (collection, record_id, version, at);
CREATE TABLE record_version_default PARTITION OF record_version DEFAULT;

-- The months of the versions there are, from the first (or the retention's first month, if later
-- months hold them all); before them, an empty base. Then the retention folds the old months.
DO $months$
DECLARE
    first date := least(
        date_trunc('month', coalesce((SELECT min(at) FROM record_version_unpartitioned), now()) AT TIME ZONE 'Asia/Ho_Chi_Minh'),
        date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - make_interval(months => ${version_retention_months}))::date;
BEGIN
    PERFORM registry_make_months('record_version', 'Asia/Ho_Chi_Minh', first);
    EXECUTE format('CREATE TABLE record_version_base PARTITION OF record_version FOR VALUES FROM (MINVALUE) TO (%L)',
                   first::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh');
END
$months$;
INSERT INTO record_version SELECT * FROM record_version_unpartitioned;
DROP TABLE record_version_unpartitioned;

CREATE TRIGGER record_version_change_event AFTER INSERT ON record_version
    REFERENCING NEW TABLE AS new_versions FOR EACH STATEMENT EXECUTE FUNCTION record_change_event();

-- Makes the next months and folds the months older than the retention into record_version_base:
-- each record's last version before the cut stays (its state then), the others go, and so do
-- the feed's events before the cut. SECURITY DEFINER as registry_audit_maintain (V18): the service's
-- role calls it, the retention is read from registry_retention. Returns how many months it folded.
CREATE FUNCTION registry_versions_maintain() RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    zone constant text := 'Asia/Ho_Chi_Minh';
    keep int := (SELECT months FROM registry_retention WHERE what = 'record_version');
    horizon date := (date_trunc('month', now() AT TIME ZONE zone) - make_interval(months => keep))::date;
    cut timestamptz := horizon::timestamp AT TIME ZONE zone;
    -- the base's upper bound: where the months begin
    bound timestamptz := (SELECT split_part(pg_get_expr(relpartbound, oid), '''', 2)::timestamptz
                          FROM pg_class WHERE oid = 'record_version_base'::regclass);
    old text[] := ARRAY(SELECT registry_months_before('record_version', horizon));
    part text;
    first_counted timestamptz;
BEGIN
    PERFORM registry_make_months('record_version', zone, (greatest(cut, bound) AT TIME ZONE zone)::date);
    -- Autovacuum analyses the months, never the partitioned table, whose statistics plan the joins
    -- (the feed's, by record and version): without them a feed page became a scan of every version.
    ANALYZE record_version;
    IF cut <= bound THEN  -- nothing older than the retention (or a retention made longer: what was folded stays folded)
        RETURN 0;
    END IF;
    first_counted := (SELECT min(coalesce(period_start(period), at)) FROM record_version WHERE at >= bound AND at < cut);
    -- Detached, the base can take the versions up to the cut; the lock on record_version is held
    -- to the end of the transaction, so no version is written or scrubbed meanwhile.
    ALTER TABLE record_version DETACH PARTITION record_version_base;
    -- each record's last version before the cut moves into the base, where it replaces the record's older one
    WITH moved AS (
        INSERT INTO record_version_base
        SELECT DISTINCT ON (collection, record_id) * FROM record_version WHERE at < cut ORDER BY collection, record_id, version DESC
        RETURNING collection, record_id, version)
    DELETE FROM record_version_base b USING moved m
    WHERE b.collection = m.collection AND b.record_id = m.record_id AND b.version < m.version;
    DELETE FROM record_version_default WHERE at < cut;
    FOREACH part IN ARRAY old LOOP
        EXECUTE format('DROP TABLE %I', part);
    END LOOP;
    EXECUTE format('ALTER TABLE record_version ATTACH PARTITION record_version_base FOR VALUES FROM (MINVALUE) TO (%L)', cut);
    PERFORM registry_feed_cut(cut);
    UPDATE registry_retention SET kept_from = cut, folded_from = least(folded_from, first_counted) WHERE what = 'record_version';
    RETURN cardinality(old);
END $$;
REVOKE ALL ON FUNCTION registry_versions_maintain() FROM PUBLIC;

INSERT INTO registry_retention (what, months) VALUES ('record_version', ${version_retention_months});
SELECT registry_versions_maintain();
