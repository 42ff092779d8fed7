-- The audit trail's retention in months (placeholder audit_retention_months, README "Configuration"),
-- which registry_audit_maintain() enforces by dropping the months older than it (V18).
INSERT INTO registry_retention VALUES ('audit_event', ${audit_retention_months})
ON CONFLICT (what) DO UPDATE SET months = excluded.months;
