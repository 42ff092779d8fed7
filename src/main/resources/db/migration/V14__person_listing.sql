-- Lists and searches of persons read in id order (keyset pages). Through the primary key each
-- candidate row is a visit to the table (1,355 random reads for a page of "huong" at a million
-- persons: 29 ms cold); this index carries the words and every list filter and scope column, so
-- such a page is read from the index alone (0.6 ms). Rare combinations of words are still found
-- through person_words.
CREATE INDEX person_listing ON person (id)
    INCLUDE (search_words, country, hometown_code, categories, status, reporting_unit, province_code, updated_at)
    WHERE deleted_at IS NULL;
