-- A person row that the dry run found like an existing person, decided "not a duplicate" by an officer.
-- Kept for the pair (the row's kind and key, the person), so a re-upload of the row keeps the decision.
CREATE TABLE duplicate_decision (
    submission_id uuid NOT NULL REFERENCES submission (id),
    kind          text NOT NULL,
    row_key       text NOT NULL,
    person_id     uuid NOT NULL,
    decided_by    text NOT NULL,
    decided_at    timestamptz NOT NULL,
    PRIMARY KEY (submission_id, kind, row_key, person_id)
);

-- The reviewer's comment on a row, with the review (the accept or return event) it belongs to:
-- a submission shows the comments of its latest review only.
CREATE TABLE row_comment (
    submission_id uuid NOT NULL REFERENCES submission (id),
    event_seq     int NOT NULL,
    kind          text NOT NULL,
    row_key       text NOT NULL,
    comment       text NOT NULL,
    PRIMARY KEY (submission_id, event_seq, kind, row_key)
);
