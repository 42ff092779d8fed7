-- The retentions in months (placeholders audit_retention_months and version_retention_months,
-- README "Configuration"), which registry_audit_maintain() (V18) and registry_versions_maintain()
-- (V19) enforce, by the month.
INSERT INTO registry_retention (what, months) VALUES ('audit_event', ${audit_retention_months}), ('record_version', ${version_retention_months})
ON CONFLICT (what) DO UPDATE SET months = excluded.months;
