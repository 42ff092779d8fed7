-- Rows of a submission are read in order of position, in chunks (a dry run, an accept, a page of
-- rows): without this index every chunk read and sorted all of the submission's rows again.
CREATE INDEX submission_item_position ON submission_item (submission_id, position);
