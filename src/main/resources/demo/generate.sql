-- Realistic synthetic registry data: Vietnamese names with diacritics, real hometown codes of
-- Bắc Giang and Bình Định (pre- and post-2025 units), a realistic spread of host countries.
-- __PERSONS__ is replaced by the number of persons (the demo start uses 800, bench/ 1,000,000);
-- associations, businesses and contributions follow in proportion. Runs in one transaction.
-- Contacts are encrypted by the service (security/FieldCipher), so the demo start adds them itself.
-- Deterministic: a fixed seed, and ids made from each record's number, so every fresh start tells the same story.
SELECT setseed(0.2026);

CREATE TEMP TABLE demo_pick ON COMMIT DROP AS
SELECT ARRAY['Nguyễn','Nguyễn','Nguyễn','Trần','Trần','Lê','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý','Đinh','Trương','Lương','Mai','Tạ','Thân','Giáp'] AS family,
       ARRAY['Văn','Thị','Thị','Văn','Đức','Minh','Thanh','Hữu','Ngọc','Quang','Thu','Kim','Xuân','Hồng','Công'] AS middle,
       ARRAY['An','Anh','Bình','Cường','Dũng','Giang','Hà','Hải','Hạnh','Hiếu','Hoa','Hùng','Hương','Huy','Lan','Linh','Long','Mai','Nam','Nga','Ngọc','Phong','Phương','Quân','Sơn','Tâm','Thảo','Thắng','Trang','Trung','Tú','Tuấn','Vân','Việt','Yến','Khánh','Đạt','Thúy','Hằng','Nhung','Quỳnh','Lộc','Phúc','Thịnh','Hiền','Duyên','Trâm','Khoa','Nhật','Bảo'] AS given,
       ARRAY['US','US','US','US','US','JP','JP','JP','KR','KR','KR','TW','TW','DE','DE','AU','AU','CA','CA','FR','CZ','RU','LA','GB','MY','TH','SG','PL','NL','NZ','KH','CN','AE','IT','SE','CH'] AS countries,
       ARRAY['CITIZEN','CITIZEN','PERMANENT_RESIDENT','PERMANENT_RESIDENT','TEMPORARY_RESIDENT','STUDENT','WORKER','WORKER','UNKNOWN'] AS residence,
       ARRAY['EXPERT','INTELLECTUAL','ENTREPRENEUR','STUDENT','WORKER','WORKER','ATHLETE','ARTIST','ASSOCIATION_LEADER','RESPECTED_INDIVIDUAL'] AS categories,
       ARRAY['Kỹ sư phần mềm','Bác sĩ','Giảng viên đại học','Chủ nhà hàng','Công nhân nhà máy','Sinh viên','Điều dưỡng','Kỹ sư cơ khí','Thợ làm móng','Kinh doanh thương mại','Nghiên cứu viên','Đầu bếp','Thực tập sinh kỹ năng'] AS occupations,
       (SELECT array_agg(code ORDER BY code) FROM admin_unit WHERE territory IS NOT NULL AND level = 'COMMUNE') AS hometowns;

CREATE TEMP TABLE demo_person ON COMMIT DROP AS
SELECT id, full_name, family, given, middle, hometown, country,
       (SELECT territory FROM admin_unit u WHERE u.code = hometown AND u.territory IS NOT NULL ORDER BY valid_to NULLS FIRST LIMIT 1) AS province_code,
       coalesce((SELECT u.code FROM admin_unit u WHERE u.code = hometown AND u.valid_to IS NULL AND u.territory IS NOT NULL LIMIT 1),
                (SELECT u.parent_code FROM admin_unit u WHERE u.code = hometown AND u.territory IS NOT NULL LIMIT 1)) AS reporting_unit,
       CASE WHEN middle = 'Thị' THEN 'FEMALE' WHEN middle = 'Văn' THEN 'MALE' WHEN r1 < 0.5 THEN 'MALE' ELSE 'FEMALE' END AS sex,
       CASE WHEN r2 < 0.6 THEN date '1945-01-01' + (r3 * 22600)::int END AS birth_date,
       -- the year of that same date (rounding days / 365.25 gave the next year for a quarter of them,
       -- and such a record could not be edited: birthYear must match birthDate)
       extract(year FROM date '1945-01-01' + (r3 * 22600)::int)::int AS birth_year,
       residence, categories, occupation, r1, r2
FROM (
    SELECT md5('demo-person-' || n)::uuid AS id,
           f || ' ' || m || ' ' || g AS full_name, f AS family, g AS given, m AS middle,
           p.hometowns[1 + floor(random() * array_length(p.hometowns, 1))::int] AS hometown,
           p.countries[1 + floor(random() * array_length(p.countries, 1))::int] AS country,
           p.residence[1 + floor(random() * array_length(p.residence, 1))::int] AS residence,
           CASE WHEN random() < 0.7 THEN ARRAY[p.categories[1 + floor(random() * array_length(p.categories, 1))::int]] ELSE '{}' END AS categories,
           p.occupations[1 + floor(random() * array_length(p.occupations, 1))::int] AS occupation,
           random() AS r1, random() AS r2, random() AS r3
    FROM generate_series(1, __PERSONS__) n, demo_pick p,
         LATERAL (SELECT p.family[1 + floor(random() * array_length(p.family, 1) + n * 0)::int] AS f,
                         p.middle[1 + floor(random() * array_length(p.middle, 1) + n * 0)::int] AS m,
                         p.given[1 + floor(random() * array_length(p.given, 1) + n * 0)::int] AS g) names
) s;

-- The person the README's examples find: "nguyen thi huogn", and a Japanese expert from Bắc Giang city (213).
UPDATE demo_person SET full_name = 'Nguyễn Thị Hương', family = 'Nguyễn', middle = 'Thị', given = 'Hương', sex = 'FEMALE',
       hometown = '07201', country = 'JP', categories = ARRAY['EXPERT'], residence = 'PERMANENT_RESIDENT', province_code = '24',
       reporting_unit = coalesce((SELECT u.code FROM admin_unit u WHERE u.code = '07201' AND u.valid_to IS NULL AND u.territory IS NOT NULL LIMIT 1),
                                 (SELECT u.parent_code FROM admin_unit u WHERE u.code = '07201' AND u.territory IS NOT NULL LIMIT 1))
WHERE id = (SELECT id FROM demo_person ORDER BY id LIMIT 1);

INSERT INTO person (id, full_name, foreign_name, sex, birth_date, birth_year, hometown_code, country, city,
                    residence_status, nationalities, categories, occupation, consent, status,
                    reporting_unit, province_code, version, content_hash, created_at, created_by, updated_at, updated_by)
SELECT id, full_name,
       CASE WHEN r1 < 0.4 THEN initcap(registry_norm(given)) || ' ' || initcap(registry_norm(family)) END,
       sex, birth_date, birth_year, hometown, country,
       CASE country WHEN 'US' THEN (ARRAY['San Jose','Houston','Los Angeles','Seattle'])[1 + (r2 * 3.99)::int]
                    WHEN 'JP' THEN (ARRAY['Tokyo','Osaka','Nagoya','Fukuoka'])[1 + (r2 * 3.99)::int]
                    WHEN 'KR' THEN (ARRAY['Seoul','Busan','Incheon'])[1 + (r2 * 2.99)::int]
                    WHEN 'TW' THEN (ARRAY['Taipei','Taichung','Kaohsiung'])[1 + (r2 * 2.99)::int]
                    WHEN 'DE' THEN (ARRAY['Berlin','Leipzig','Frankfurt am Main'])[1 + (r2 * 2.99)::int]
                    WHEN 'AU' THEN (ARRAY['Sydney','Melbourne'])[1 + (r2 * 1.99)::int]
                    WHEN 'CZ' THEN 'Praha' WHEN 'RU' THEN 'Moskva' WHEN 'LA' THEN 'Viêng Chăn' WHEN 'FR' THEN 'Paris'
                    WHEN 'CA' THEN 'Toronto' END,
       residence, CASE WHEN residence = 'CITIZEN' THEN ARRAY[country] ELSE ARRAY['VN'] END, categories, occupation,
       jsonb_build_object('legalBasis', 'PUBLIC_TASK', 'date', '2025-01-15', 'scope', 'registry of natives abroad'),
       CASE WHEN r1 > 0.97 THEN 'RETURNED' WHEN r1 > 0.95 THEN 'LOST_CONTACT' ELSE 'ACTIVE' END,
       reporting_unit, province_code, 1, 'generated', now(), 'demo-data', now(), 'demo-data'
FROM demo_person;

INSERT INTO association (id, name, kind, country, city, founded_year, member_count, reporting_unit, province_code,
                         version, content_hash, created_at, created_by, updated_at, updated_by)
SELECT md5('demo-association-' || k)::uuid,
       'Hội ' || (ARRAY['đồng hương','doanh nhân','trí thức','sinh viên'])[1 + (k % 4)] || ' ' ||
       (CASE WHEN dp.province_code = '24' THEN 'Bắc Giang' ELSE 'Bình Định' END) || ' tại ' || c.name_vi || ' ' || k,
       (ARRAY['HOMETOWN','BUSINESS','PROFESSIONAL','STUDENT'])[1 + (k % 4)], dp.country, NULL, 1990 + (k % 35), 20 + (k * 37) % 900,
       dp.reporting_unit, dp.province_code, 1, 'generated', now(), 'demo-data', now(), 'demo-data'
FROM (SELECT row_number() OVER () AS k, * FROM demo_person LIMIT greatest(__PERSONS__ / 15, 1)) dp
JOIN country c ON c.code = dp.country;

INSERT INTO association_member (association_id, person_id, role)
SELECT a.id, p.id, CASE WHEN p.rn = 1 THEN 'CHAIR' ELSE 'MEMBER' END
FROM association a
JOIN LATERAL (SELECT id, row_number() OVER () AS rn FROM demo_person d
              WHERE d.country = a.country AND d.province_code = a.province_code LIMIT 3) p ON true
WHERE a.created_by = 'demo-data';

CREATE TEMP TABLE demo_business ON COMMIT DROP AS
SELECT md5('demo-business-' || k)::uuid AS id, dp.id AS owner, k, country, reporting_unit, province_code
FROM (SELECT row_number() OVER () AS k, * FROM demo_person OFFSET greatest(__PERSONS__ / 15, 1) LIMIT greatest(__PERSONS__ / 10, 1)) dp;

INSERT INTO business (id, name, country, sector, products, distributes_vietnamese_goods, vietnamese_product_groups,
                      reporting_unit, province_code, version, content_hash, created_at, created_by, updated_at, updated_by)
SELECT id, (ARRAY['Saigon','Hanoi','Mekong','Lotus','Bamboo','Pho'])[1 + (k % 6)] || ' ' ||
           (ARRAY['Foods','Trading','Tech','Logistics','Nails','Restaurant'])[1 + (k % 5)] || ' ' || k,
       country, (ARRAY['Thực phẩm','Thương mại','Công nghệ thông tin','Vận tải','Dịch vụ làm đẹp','Nhà hàng'])[1 + (k % 5)],
       ARRAY['Hàng tiêu dùng'], k % 3 = 0,
       CASE WHEN k % 3 = 0 THEN ARRAY[(ARRAY['Vải thiều Lục Ngạn','Bún, phở khô','Nước mắm','Cà phê'])[1 + (k % 4)]] ELSE '{}' END,
       reporting_unit, province_code, 1, 'generated', now(), 'demo-data', now(), 'demo-data'
FROM demo_business;

INSERT INTO business_owner (business_id, person_id, role, share_percent)
SELECT id, owner, 'OWNER', 100 FROM demo_business;

INSERT INTO contribution (id, kind, contributed_on, amount, currency, description, project, person_id,
                          reporting_unit, province_code, version, content_hash, created_at, created_by, updated_at, updated_by)
SELECT md5('demo-contribution-' || k)::uuid, (ARRAY['CHARITY','INVESTMENT','KNOWLEDGE_TRANSFER','TRADE_PROMOTION'])[1 + (k % 4)],
       date '2024-01-01' + (k * 7 % 1000)::int, (k % 50 + 1) * 10000000, 'VND',
       (ARRAY['Ủng hộ đồng bào lũ lụt','Học bổng cho học sinh nghèo','Chuyển giao công nghệ','Quảng bá vải thiều'])[1 + (k % 4)],
       (ARRAY['Xây nhà tình nghĩa','Quỹ khuyến học','Hội thảo khoa học','Hội chợ xúc tiến thương mại'])[1 + (k % 4)],
       id, reporting_unit, province_code, 1, 'generated', now(), 'demo-data', now(), 'demo-data'
FROM (SELECT row_number() OVER () AS k, * FROM demo_person LIMIT greatest(__PERSONS__ / 8, 1)) dp;

-- Their first versions, so that every record has a history.
INSERT INTO record_version (collection, record_id, version, action, changed_fields, snapshot, actor, at)
SELECT 'persons', id, 1, 'CREATE', '{}'::text[], jsonb_strip_nulls(jsonb_build_object(
           'fullName', full_name, 'foreignName', foreign_name, 'sex', sex, 'birthDate', birth_date, 'birthYear', birth_year,
           'hometownCode', hometown_code, 'reportingUnit', reporting_unit, 'country', country, 'city', city,
           'residenceStatus', residence_status, 'categories', categories, 'occupation', occupation, 'status', status)),
       created_by, created_at
FROM person WHERE created_by = 'demo-data'
UNION ALL
SELECT 'associations', id, 1, 'CREATE', '{}', jsonb_build_object('name', name, 'kind', kind, 'country', country), created_by, created_at
FROM association WHERE created_by = 'demo-data'
UNION ALL
SELECT 'businesses', id, 1, 'CREATE', '{}', jsonb_build_object('name', name, 'country', country), created_by, created_at
FROM business WHERE created_by = 'demo-data'
UNION ALL
SELECT 'contributions', id, 1, 'CREATE', '{}', jsonb_build_object('kind', kind, 'date', contributed_on, 'amount', amount), created_by, created_at
FROM contribution WHERE created_by = 'demo-data'
ON CONFLICT DO NOTHING;
