-- A replayed POST is rebuilt from the record as the caller may see it now, so no answer is kept:
-- the stored bodies held personal data in clear, escaped erasure and never expired.
ALTER TABLE idempotency_key DROP COLUMN body, ADD COLUMN resource_id uuid;
-- keys expire (registry.idempotency.retention); the purge reads them by age
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
