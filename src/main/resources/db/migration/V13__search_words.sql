-- Search by words (issue 11). Each record keeps the distinct words of its names, normalised like
-- registry_norm (lower case, no diacritics), in a GIN-indexed array: a query's words are looked
-- up exactly in it, in any order. A typo is corrected against the dictionary of every word the
-- records hold (a few thousand Vietnamese syllables and foreign names), trigram-indexed. The GiST
-- trigram indexes this replaces found a common family name at the same distance for 11 % of the
-- persons and could not order them; they also cost 3 of every 7 s of a bulk insert.
-- (a plain expression, not a set of rows aggregated: it runs for every record written, 5 µs a name)
CREATE FUNCTION registry_words(text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT array_remove(string_to_array(regexp_replace(registry_norm($1), '[[:space:][:punct:]]+', ' ', 'g'), ' '), '') $$;

ALTER TABLE person ADD COLUMN search_words text[] GENERATED ALWAYS AS (
    registry_words(full_name || ' ' || coalesce(foreign_name, '') || ' ' || coalesce(birth_name, ''))) STORED;
ALTER TABLE association ADD COLUMN search_words text[] GENERATED ALWAYS AS (
    registry_words(name || ' ' || coalesce(original_name, ''))) STORED;
ALTER TABLE business ADD COLUMN search_words text[] GENERATED ALWAYS AS (registry_words(name)) STORED;
ALTER TABLE contribution ADD COLUMN search_words text[] GENERATED ALWAYS AS (
    registry_words(coalesce(description, '') || ' ' || coalesce(project, ''))) STORED;

CREATE INDEX person_words ON person USING gin (search_words) WHERE deleted_at IS NULL;
CREATE INDEX association_words ON association USING gin (search_words) WHERE deleted_at IS NULL;
CREATE INDEX business_words ON business USING gin (search_words) WHERE deleted_at IS NULL;
CREATE INDEX contribution_words ON contribution USING gin (search_words) WHERE deleted_at IS NULL;
DROP INDEX person_search;
DROP INDEX association_search;
DROP INDEX business_search;
DROP INDEX contribution_search;

-- Likely duplicates of a submission's new persons are looked for among the persons of the same
-- hometown and birth year (they were found through the GiST index).
CREATE INDEX person_hometown_year ON person (hometown_code, birth_year) WHERE deleted_at IS NULL;

-- The dictionary: every word any record holds. Words are only added (a word no record holds any
-- more corrects to nothing that matches), by the records' own statements.
CREATE TABLE search_word (word text PRIMARY KEY);
INSERT INTO search_word
SELECT unnest(search_words) FROM person UNION SELECT unnest(search_words) FROM association
UNION SELECT unnest(search_words) FROM business UNION SELECT unnest(search_words) FROM contribution;
CREATE INDEX search_word_trigrams ON search_word USING gin (word gin_trgm_ops);

CREATE FUNCTION remember_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_word SELECT DISTINCT unnest(search_words) FROM new_rows ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['person', 'association', 'business', 'contribution'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_words_inserted AFTER INSERT ON %1$s REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION remember_search_words()', t);
        EXECUTE format('CREATE TRIGGER %1$s_words_updated AFTER UPDATE ON %1$s REFERENCING NEW TABLE AS new_rows '
                       'FOR EACH STATEMENT EXECUTE FUNCTION remember_search_words()', t);
    END LOOP;
END $$;
