-- Expand (issue 24): two indexes replace two narrower ones with the same keys; nothing reads or
-- writes differently. A build holds writes to person for its seconds (5 s and 4 s at a million).
--
-- A search with a list filter read person_listing in id order and checked the words and the filter
-- on each entry: fast while both are common, slow when they are not together (a family name in one
-- commune: 101,430 entries read for 21 rows, 83 ms at a million persons; through the hometown index
-- instead, 6,429 table rows visited, 299 ms cold). Keyed by the filter, carrying the words and every
-- other list filter and scope column, such a page is read from the index alone: the filter's rows
-- in id order, each checked for the words (8.6 ms; a family name in one country, 35 ms -> 1.4 ms).
-- A category is an array: its GIN index and the words' intersect instead (11 ms).
CREATE INDEX IF NOT EXISTS person_hometown_listing ON person (hometown_code, id)
    INCLUDE (search_words, country, categories, status, reporting_unit, province_code, updated_at)
    WHERE deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS person_country_listing ON person (country, id)
    INCLUDE (search_words, hometown_code, categories, status, reporting_unit, province_code, updated_at)
    WHERE deleted_at IS NULL;
DROP INDEX IF EXISTS person_hometown;
DROP INDEX IF EXISTS person_country;
