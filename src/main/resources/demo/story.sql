-- The demo registry's past (after generate.sql, in the same transaction): the last eight quarters
-- as the units and the province lived them. Each person was reported by its unit in one quarter
-- (a district's report up to 2025-Q2, a commune's after the reform) and came into the registry
-- when the province accepted that report; associations, businesses and contributions came with
-- a person of theirs. Most reports were accepted on time, some late, some only after being
-- returned once; in the latest quarter some still wait for review, some were returned with a
-- comment per row, some are drafts, and many units have not reported at all. Lục Ngạn (219) has
-- not sent 2025-Q2: the README's example sends it.
-- The subjects of deploy/dev/token.sh's tokens: who did what in the story.
CREATE FUNCTION pg_temp.unit_officer(unit text, province text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT 'dev-unit-officer-' || unit || '-' || province $$;
CREATE FUNCTION pg_temp.province_officer(province text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT 'dev-province-officer-' || province $$;

-- The demo's "today": 08:00 in Vietnam of the day it starts. Every instant of the story is fixed
-- relative to it, so that two fresh starts of a day tell the same story to the minute.
CREATE FUNCTION pg_temp.demo_today() RETURNS timestamptz LANGUAGE sql STABLE
    AS $$ SELECT (date_trunc('day', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') + interval '8 hours') AT TIME ZONE 'Asia/Ho_Chi_Minh' $$;

CREATE TEMP TABLE demo_period ON COMMIT DROP AS
SELECT extract(year FROM q)::int || '-Q' || extract(quarter FROM q)::int AS period, q AS starts,
       (q + interval '3 months')::date AS ends, n
FROM (SELECT (date_trunc('quarter', pg_temp.demo_today() AT TIME ZONE 'Asia/Ho_Chi_Minh') - make_interval(months => 3 * n))::date AS q, n
      FROM generate_series(1, 8) n) s;

-- The quarter each person was reported in: among the quarters in which its unit reported.
CREATE TEMP TABLE demo_reported ON COMMIT DROP AS
SELECT p.id, p.reporting_unit AS unit, p.province_code AS province,
       (SELECT d.period FROM demo_period d
        WHERE (u.level = 'DISTRICT') = (d.ends <= date '2025-07-01')
        ORDER BY d.n OFFSET abs(hashtext(p.id::text)) % 8 % greatest(
            (SELECT count(*) FROM demo_period e WHERE (u.level = 'DISTRICT') = (e.ends <= date '2025-07-01')), 1)
        LIMIT 1) AS period
FROM demo_person p
JOIN LATERAL (SELECT level FROM admin_unit WHERE code = p.reporting_unit LIMIT 1) u ON true;
UPDATE demo_reported SET period = NULL WHERE unit = '219' AND period = '2025-Q2';
-- The person of the README's examples (generate.sql) was typed in directly, at version 1.
UPDATE demo_reported SET period = NULL WHERE id = (SELECT id FROM demo_person ORDER BY id LIMIT 1);

CREATE TEMP TABLE demo_submission ON COMMIT DROP AS
SELECT md5('demo-submission-' || g.unit || '-' || g.period)::uuid AS id, g.period, g.unit, g.province, d.n, d.ends,
       abs(hashtext(g.unit || g.period)) % 100 AS h
FROM (SELECT DISTINCT unit, province, period FROM demo_reported WHERE period IS NOT NULL) g
JOIN demo_period d USING (period);

ALTER TABLE demo_submission ADD COLUMN state text, ADD COLUMN created timestamptz, ADD COLUMN submitted timestamptz,
    ADD COLUMN returned timestamptz, ADD COLUMN reviewed timestamptz;
UPDATE demo_submission SET
    state = CASE WHEN n > 1 OR h < 55 THEN 'ACCEPTED' WHEN h < 75 THEN 'SUBMITTED' WHEN h < 90 THEN 'RETURNED' ELSE 'DRAFT' END,
    created = ends + make_interval(days => 1 + h % 2, hours => 8),
    -- the deadline is the 15th day after the quarter; one report in seven comes after it
    submitted = ends + make_interval(days => CASE WHEN h % 7 = 3 THEN 17 + h % 20 ELSE 6 + h % 9 END, hours => 9 + h % 8),
    returned = CASE WHEN n > 1 AND h % 10 = 4 THEN ends + make_interval(days => 4 + h % 2, hours => 14) END;
UPDATE demo_submission SET submitted = returned + interval '3 days' WHERE returned IS NOT NULL AND submitted <= returned;
UPDATE demo_submission SET reviewed = submitted + make_interval(days => 2 + h % 6, hours => 3) WHERE state = 'ACCEPTED';
-- the latest quarter's returned reports went back to their units in the last days
UPDATE demo_submission SET returned = least(submitted + interval '5 days', pg_temp.demo_today() - interval '1 day')
WHERE state = 'RETURNED';
UPDATE demo_submission SET submitted = NULL WHERE state = 'DRAFT';
-- nothing in the future when the latest quarter has only just ended
-- (least() skips nulls: a time that is absent stays absent)
UPDATE demo_submission SET created = least(created, pg_temp.demo_today() - interval '3 days'),
                           submitted = CASE WHEN submitted IS NOT NULL THEN least(submitted, pg_temp.demo_today() - interval '2 days') END,
                           returned = CASE WHEN returned IS NOT NULL THEN least(returned, pg_temp.demo_today() - interval '1 day') END,
                           reviewed = CASE WHEN reviewed IS NOT NULL THEN least(reviewed, pg_temp.demo_today() - interval '1 day') END;

INSERT INTO submission (id, period, unit_code, province_code, state, review_comment, version, created_at, created_by,
                        submitted_at, submitted_by, reviewed_at, reviewed_by)
SELECT id, period, unit, province, state,
       CASE WHEN state = 'RETURNED' THEN 'Đề nghị bổ sung thành phố cư trú và kiểm tra lại mã quê quán' END,
       1 + (submitted IS NOT NULL)::int + (reviewed IS NOT NULL)::int + 2 * (returned IS NOT NULL AND state = 'ACCEPTED')::int
         + (state = 'RETURNED')::int,
       created, pg_temp.unit_officer(unit, province),
       submitted, CASE WHEN submitted IS NOT NULL THEN pg_temp.unit_officer(unit, province) END,
       coalesce(reviewed, CASE WHEN state = 'RETURNED' THEN returned END),
       CASE WHEN reviewed IS NOT NULL OR state = 'RETURNED' THEN pg_temp.province_officer(province) END
FROM demo_submission;

INSERT INTO submission_event (submission_id, seq, from_state, to_state, actor, at, comment)
SELECT id, row_number() OVER (PARTITION BY id ORDER BY at, ord), from_state, to_state, actor, at, comment
FROM (
    SELECT id, 1 AS ord, NULL AS from_state, 'DRAFT' AS to_state, pg_temp.unit_officer(unit, province) AS actor, created AS at, NULL AS comment
    FROM demo_submission
    UNION ALL -- returned once, then sent again (older quarters)
    SELECT id, 2, 'DRAFT', 'SUBMITTED', pg_temp.unit_officer(unit, province), returned - interval '2 days', NULL
    FROM demo_submission WHERE state = 'ACCEPTED' AND returned IS NOT NULL
    UNION ALL
    SELECT id, 3, 'SUBMITTED', 'RETURNED', pg_temp.province_officer(province), returned, 'Thiếu năm sinh của một số người; đề nghị bổ sung'
    FROM demo_submission WHERE state = 'ACCEPTED' AND returned IS NOT NULL
    UNION ALL
    SELECT id, 4, CASE WHEN returned IS NOT NULL AND state = 'ACCEPTED' THEN 'RETURNED' ELSE 'DRAFT' END, 'SUBMITTED',
           pg_temp.unit_officer(unit, province), submitted, NULL
    FROM demo_submission WHERE submitted IS NOT NULL
    UNION ALL
    SELECT id, 5, 'SUBMITTED', 'ACCEPTED', pg_temp.province_officer(province), reviewed, NULL
    FROM demo_submission WHERE state = 'ACCEPTED'
    UNION ALL
    SELECT id, 5, 'SUBMITTED', 'RETURNED', pg_temp.province_officer(province), returned,
           'Đề nghị bổ sung thành phố cư trú và kiểm tra lại mã quê quán'
    FROM demo_submission WHERE state = 'RETURNED'
) e;

-- Persons of accepted reports came into the registry when the report was accepted; the persons of
-- reports not accepted yet are rows of those reports, not records.
CREATE TEMP TABLE demo_applied ON COMMIT DROP AS
SELECT r.id AS person_id, s.id AS submission_id, s.period, s.reviewed, s.state, s.unit, s.province,
       row_number() OVER (PARTITION BY s.id ORDER BY r.id) AS position
FROM demo_reported r JOIN demo_submission s ON s.unit = r.unit AND s.period = r.period;

INSERT INTO submission_item (submission_id, kind, row_key, action, data, position, applied_id, sheet, line)
SELECT a.submission_id, 'PERSON', upper(left(regexp_replace(registry_norm(u.name), '[^a-z]', '', 'g'), 3)) || '-' || lpad(a.position::text, 4, '0'),
       'CREATE', v.snapshot, a.position, CASE WHEN a.state = 'ACCEPTED' THEN a.person_id END, 'Người ở nước ngoài', a.position + 1
FROM demo_applied a
JOIN record_version v ON v.collection = 'persons' AND v.record_id = a.person_id AND v.version = 1
JOIN LATERAL (SELECT name FROM admin_unit WHERE code = a.unit LIMIT 1) u ON true;

-- A returned report's rows carry the province's comment on what to fix.
INSERT INTO row_comment (submission_id, event_seq, kind, row_key, comment)
SELECT i.submission_id, (SELECT max(seq) FROM submission_event e WHERE e.submission_id = i.submission_id), i.kind, i.row_key,
       'Thiếu thành phố cư trú'
FROM submission_item i JOIN demo_submission s ON s.id = i.submission_id
WHERE s.state = 'RETURNED' AND i.position = 1;
UPDATE submission_item i SET data = i.data - 'city' FROM demo_submission s
WHERE s.id = i.submission_id AND s.state = 'RETURNED' AND i.position = 1;

-- Records of the persons, associations, businesses and contributions whose reports are not
-- accepted do not exist yet.
DELETE FROM association_member m USING demo_applied a WHERE a.state <> 'ACCEPTED' AND m.person_id = a.person_id;
DELETE FROM business_owner o USING demo_applied a WHERE a.state <> 'ACCEPTED' AND o.person_id = a.person_id;
DELETE FROM business b WHERE b.created_by = 'demo-data' AND NOT EXISTS (SELECT 1 FROM business_owner o WHERE o.business_id = b.id);
DELETE FROM contribution c USING demo_applied a WHERE a.state <> 'ACCEPTED' AND c.person_id = a.person_id;
DELETE FROM record_version v WHERE v.collection IN ('businesses', 'contributions')
    AND NOT EXISTS (SELECT 1 FROM business b WHERE b.id = v.record_id) AND NOT EXISTS (SELECT 1 FROM contribution c WHERE c.id = v.record_id);
DELETE FROM record_version v USING demo_applied a WHERE a.state <> 'ACCEPTED' AND v.collection = 'persons' AND v.record_id = a.person_id;
DELETE FROM person p USING demo_applied a WHERE a.state <> 'ACCEPTED' AND p.id = a.person_id;
DELETE FROM demo_applied WHERE state <> 'ACCEPTED';

-- When each record came: with its accepted report, or (persons no unit reported) typed in directly
-- over the API some time in the last two years.
CREATE TEMP TABLE demo_arrival ON COMMIT DROP AS
SELECT p.id, coalesce(a.reviewed, (SELECT min(starts) FROM demo_period) + make_interval(days => abs(hashtext(p.id::text)) % 600)) AS at,
       a.submission_id, a.period,
       CASE WHEN a.submission_id IS NULL THEN pg_temp.unit_officer(p.reporting_unit, p.province_code)
            ELSE pg_temp.province_officer(p.province_code) END AS actor
FROM person p LEFT JOIN demo_applied a ON a.person_id = p.id
WHERE p.created_by = 'demo-data';
UPDATE demo_arrival SET at = least(at, pg_temp.demo_today() - interval '1 day');

UPDATE person p SET created_at = a.at, updated_at = a.at, source_submission = a.submission_id, created_by = a.actor, updated_by = a.actor
FROM demo_arrival a WHERE a.id = p.id;

-- An association, business or contribution came with the person it names first.
CREATE TEMP TABLE demo_linked ON COMMIT DROP AS
SELECT 'associations' AS collection, m.association_id AS id, (array_agg(m.person_id ORDER BY m.role = 'CHAIR' DESC, m.person_id))[1] AS person_id
FROM association_member m JOIN association x ON x.id = m.association_id AND x.created_by = 'demo-data' GROUP BY m.association_id
UNION ALL
SELECT 'businesses', o.business_id, min(o.person_id::text)::uuid FROM business_owner o JOIN business x ON x.id = o.business_id AND x.created_by = 'demo-data' GROUP BY o.business_id
UNION ALL
SELECT 'contributions', c.id, c.person_id FROM contribution c WHERE c.created_by = 'demo-data';

DO $$
DECLARE k record;
BEGIN
    FOR k IN SELECT * FROM (VALUES ('association', 'associations'), ('business', 'businesses'), ('contribution', 'contributions')) v(tab, collection) LOOP
        EXECUTE format('UPDATE %I x SET created_at = p.created_at, updated_at = p.created_at, created_by = p.created_by,
                               updated_by = p.created_by, source_submission = p.source_submission
                        FROM demo_linked l JOIN person p ON p.id = l.person_id WHERE l.collection = %L AND x.id = l.id',
                       k.tab, k.collection);
    END LOOP;
END $$;

-- Associations without members left (their members' reports are pending) came in directly too.
UPDATE association x SET created_at = (SELECT min(starts) FROM demo_period), updated_at = (SELECT min(starts) FROM demo_period),
       created_by = pg_temp.province_officer(province_code), updated_by = pg_temp.province_officer(province_code)
WHERE x.created_by = 'demo-data' AND NOT EXISTS (SELECT 1 FROM association_member m WHERE m.association_id = x.id);

-- Their first versions say the same: when, by whom, with which report, for which period.
UPDATE record_version v SET at = r.created_at, actor = r.created_by, submission_id = r.source_submission, period = s.period
FROM (SELECT 'persons' AS collection, id, created_at, created_by, source_submission FROM person
      UNION ALL SELECT 'associations', id, created_at, created_by, source_submission FROM association
      UNION ALL SELECT 'businesses', id, created_at, created_by, source_submission FROM business
      UNION ALL SELECT 'contributions', id, created_at, created_by, source_submission FROM contribution) r
LEFT JOIN submission s ON s.id = r.source_submission
WHERE v.collection = r.collection AND v.record_id = r.id AND v.version = 1 AND v.actor = 'demo-data';
