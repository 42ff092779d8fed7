-- Duplicate persons (issue 13): candidate pairs found by a nightly or on-demand scan, kept in a
-- review queue per province until an officer merges them or marks them as not duplicates (that
-- decision is remembered, so the pair never comes back).

-- A merged person is a tombstone (deleted) that points to the person it was merged into.
ALTER TABLE person ADD COLUMN merged_into uuid REFERENCES person;
CREATE INDEX person_merged_into ON person (merged_into) WHERE merged_into IS NOT NULL;  -- the reference's check on delete

-- Blind keys of a person's e-mail and phone (HMAC under a key derived from the encryption key):
-- the contacts are encrypted, yet two persons with the same e-mail or phone can be found.
-- NULL: not computed yet (rows written before this migration; the scan computes them).
ALTER TABLE person ADD COLUMN contact_keys text[];
CREATE INDEX person_contact_keys ON person USING gin (contact_keys) WHERE deleted_at IS NULL;
CREATE INDEX person_duplicate_block ON person (province_code, hometown_code, birth_year) WHERE deleted_at IS NULL;

CREATE TABLE duplicate_pair (
    id            uuid PRIMARY KEY,
    person_a      uuid NOT NULL REFERENCES person,
    person_b      uuid NOT NULL REFERENCES person,
    province_code text NOT NULL,
    score         real NOT NULL,
    reasons       text[] NOT NULL,
    found_at      timestamptz NOT NULL,
    status        text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'MERGED', 'NOT_DUPLICATE')),
    decided_by    text,
    decided_at    timestamptz,
    survivor      uuid,
    note          text,
    CHECK (person_a < person_b),
    UNIQUE (person_a, person_b)
);
CREATE INDEX duplicate_pair_queue ON duplicate_pair (province_code, status, score DESC, id);
CREATE INDEX duplicate_pair_b ON duplicate_pair (person_b);

CREATE TABLE duplicate_scan (
    id           uuid PRIMARY KEY,
    requested_by text NOT NULL,
    province_code text,
    state        text NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    persons      bigint,
    pairs_found  int,
    error        text
);
