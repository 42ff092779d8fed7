-- Quarterly update cycle: each reporting unit submits the changes to its records for a period
-- (YYYY-Qn); the province reviews, then accepts (all items applied in one transaction) or returns.

-- Days after the end of a quarter by which a unit's submission is on time (default 15).
CREATE TABLE province_deadline (
    province_code      text PRIMARY KEY,
    days_after_quarter int NOT NULL CHECK (days_after_quarter BETWEEN 0 AND 365)
);

-- The units expected to report in a period when the registry admin has set them; otherwise
-- they are derived from the administrative units in force during the quarter.
CREATE TABLE period_unit (
    period        text NOT NULL,
    province_code text NOT NULL,
    unit_code     text NOT NULL,
    PRIMARY KEY (period, province_code, unit_code)
);

CREATE TABLE submission (
    id             uuid PRIMARY KEY,
    period         text NOT NULL,
    unit_code      text NOT NULL,
    province_code  text NOT NULL,
    state          text NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
    review_comment text,
    version        int NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text NOT NULL,
    submitted_at   timestamptz,
    submitted_by   text,
    reviewed_at    timestamptz,
    reviewed_by    text,
    UNIQUE (period, unit_code)
);
CREATE INDEX submission_period ON submission (period, province_code, state);

-- Every transition, with who and when.
CREATE TABLE submission_event (
    submission_id uuid NOT NULL REFERENCES submission,
    seq           int NOT NULL,
    from_state    text,
    to_state      text NOT NULL,
    actor         text NOT NULL,
    at            timestamptz NOT NULL,
    comment       text,
    PRIMARY KEY (submission_id, seq)
);

-- The rows of a submission, keyed by the unit's own row key: a re-upload updates the same row.
CREATE TABLE submission_item (
    submission_id uuid NOT NULL REFERENCES submission ON DELETE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('PERSON', 'ASSOCIATION', 'BUSINESS', 'CONTRIBUTION')),
    row_key       text NOT NULL,
    action        text NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE')),
    record_id     uuid,
    base_version  int,
    data          jsonb,
    reason        text,
    position      int NOT NULL,
    applied_id    uuid,
    PRIMARY KEY (submission_id, kind, row_key)
);

-- Likely duplicates of a submission's new persons are found by their normalised name.
CREATE INDEX person_name_key ON person (registry_norm(full_name)) WHERE deleted_at IS NULL;
