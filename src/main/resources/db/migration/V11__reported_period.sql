-- A version written by a quarterly submission counts in the period the submission reports, whenever it
-- was accepted (a 2025-Q1 report accepted in 2026 belongs to 2025-Q1); a direct edit counts when made.
ALTER TABLE record_version ADD COLUMN period text CHECK (period IS NULL OR period ~ '^[0-9]{4}-Q[1-4]$');
UPDATE record_version v SET period = s.period FROM submission s WHERE s.id = v.submission_id;

-- The first instant of a period (YYYY-Qn) in Vietnam, where its days are counted.
CREATE FUNCTION period_start(p text) RETURNS timestamptz LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT make_timestamptz(left(p, 4)::int, (right(p, 1)::int - 1) * 3 + 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')
$$;
