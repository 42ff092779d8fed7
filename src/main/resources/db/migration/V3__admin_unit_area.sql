-- Which hometown codes a filter code covers: itself, the units under it (pre-reform hierarchy,
-- new province -> new communes), the new communes its units were merged into, and, for a new
-- commune, the old communes merged into it. One hop across the reform, never two: a district
-- does not pull in the other districts' communes that share a new commune with it.
INSERT INTO admin_unit_area (area_code, unit_code)
SELECT DISTINCT code, code FROM admin_unit;

INSERT INTO admin_unit_area (area_code, unit_code)
SELECT DISTINCT a.code, u.code
FROM admin_unit a
JOIN admin_unit u ON (u.parent_code = a.code AND u.province_code = a.province_code)
                  OR (a.level = 'PROVINCE' AND u.level = 'COMMUNE' AND u.province_code = a.code)
WHERE u.level <> 'PROVINCE'
ON CONFLICT DO NOTHING;

INSERT INTO admin_unit_area (area_code, unit_code)
SELECT DISTINCT h.area_code, s.new_code
FROM admin_unit_area h
JOIN admin_unit_successor s ON s.old_code = h.unit_code
ON CONFLICT DO NOTHING;

INSERT INTO admin_unit_area (area_code, unit_code)
SELECT DISTINCT s.new_code, s.old_code
FROM admin_unit_successor s
ON CONFLICT DO NOTHING;
