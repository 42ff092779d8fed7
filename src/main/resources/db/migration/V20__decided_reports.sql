-- What the portal keeps so that a decision is shown as it was decided, and a refused file survives a reload.

-- The dry run of the rows as the accept found them (all applied), frozen: an accepted report is
-- never checked again against the registry its own accept changed.
ALTER TABLE submission ADD COLUMN decided_report jsonb;

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
