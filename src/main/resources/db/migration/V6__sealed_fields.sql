-- Contacts, relatives' contacts and notes are encrypted by the service (security/FieldCipher,
-- AES-256-GCM) before they reach the database: the columns hold "enc:v1:<key id>:<base64>" and
-- the database refuses anything else, in the records, inside their versions and in submission rows. The checks are
-- added NOT VALID: rows written before this version are encrypted by the service at its next
-- start (security/SealExisting), which then validates them.
ALTER TABLE person ALTER COLUMN contacts TYPE text USING contacts::text,
                   ALTER COLUMN relatives_contact TYPE text USING relatives_contact::text;
ALTER TABLE association ALTER COLUMN contacts TYPE text USING contacts::text;
ALTER TABLE business ALTER COLUMN contacts TYPE text USING contacts::text;

ALTER TABLE person ADD CONSTRAINT person_sealed CHECK (
    (contacts IS NULL OR contacts LIKE 'enc:%') AND (relatives_contact IS NULL OR relatives_contact LIKE 'enc:%')
    AND (notes IS NULL OR notes LIKE 'enc:%')) NOT VALID;
ALTER TABLE association ADD CONSTRAINT association_sealed CHECK (
    (contacts IS NULL OR contacts LIKE 'enc:%') AND (notes IS NULL OR notes LIKE 'enc:%')) NOT VALID;
ALTER TABLE business ADD CONSTRAINT business_sealed CHECK (
    (contacts IS NULL OR contacts LIKE 'enc:%') AND (notes IS NULL OR notes LIKE 'enc:%')) NOT VALID;
ALTER TABLE record_version ADD CONSTRAINT record_version_sealed CHECK (
    coalesce(snapshot->>'contacts', 'enc:') LIKE 'enc:%' AND coalesce(snapshot->>'relativesContact', 'enc:') LIKE 'enc:%'
    AND coalesce(snapshot->>'notes', 'enc:') LIKE 'enc:%') NOT VALID;
ALTER TABLE submission_item ADD CONSTRAINT submission_item_sealed CHECK (
    coalesce(data->>'contacts', 'enc:') LIKE 'enc:%' AND coalesce(data->>'relativesContact', 'enc:') LIKE 'enc:%'
    AND coalesce(data->>'notes', 'enc:') LIKE 'enc:%') NOT VALID;
