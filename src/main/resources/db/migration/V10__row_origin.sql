-- Where an uploaded row came from (sheet and line as the official sees them in Excel), so that its
-- findings name them; rows sent as JSON have none.
ALTER TABLE submission_item ADD COLUMN sheet text, ADD COLUMN line int;
