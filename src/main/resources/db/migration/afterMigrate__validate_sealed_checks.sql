-- The checks of V6 (sealed fields) are added NOT VALID; the schema's owner validates each one that
-- every row already meets (a fresh database: at once). Rows written in clear before V6 are sealed
-- by the service at start (record/SealExisting), and their check validated at the next migrate,
-- since the service's own role may not ALTER a table.
DO $validate$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT conrelid::regclass AS tab, conname FROM pg_constraint
             WHERE contype = 'c' AND conname LIKE '%\_sealed' AND NOT convalidated
               AND pg_has_role((SELECT relowner FROM pg_class WHERE oid = conrelid), 'USAGE') LOOP
        BEGIN
            EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', c.tab, c.conname);
        EXCEPTION WHEN check_violation THEN
            RAISE NOTICE '% stays NOT VALID until the service has sealed the clear values', c.conname;
        END;
    END LOOP;
END
$validate$;
