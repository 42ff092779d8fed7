-- What the portal keeps so that a report's page reads its last check instead of checking every row
-- again, a decision is shown as it was decided, and a refused file survives a reload.

-- The last dry run of a submission's rows: every finding that is not "OK" (a row without one is
-- OK), replaced when the rows change, when the unit asks for a new check, and by submit and accept.
-- An accepted submission is never checked again: its findings are those of its accept.
-- A likely duplicate keeps the existing person with its unit and province, so that each reader is
-- told of it as their scope allows (QuarterlyService), whoever ran the check.
ALTER TABLE submission ADD COLUMN checked_at timestamptz;
CREATE TABLE submission_finding (
    submission_id   uuid NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    seq             int NOT NULL,
    position        int NOT NULL,
    kind            text NOT NULL,
    row_key         text NOT NULL,
    sheet           text,
    line            int,
    level           text NOT NULL CHECK (level IN ('WARNING', 'ERROR')),
    code            text,
    field           text,
    detail          text,
    person_id       uuid,
    person_unit     text,
    person_province text,
    PRIMARY KEY (submission_id, seq)
);
CREATE INDEX submission_finding_row ON submission_finding (submission_id, position);

-- A file or row refused in the portal, kept for the officer who sent it so that the page after the
-- redirect (post/redirect/get) shows why, also on a reload. Kept a day at most: the next refusal clears older ones.
CREATE TABLE portal_refusal (
    id            uuid PRIMARY KEY,
    submission_id uuid NOT NULL REFERENCES submission (id) ON DELETE CASCADE,
    actor         text NOT NULL,
    refusal       jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_refusal_created ON portal_refusal (created_at);
