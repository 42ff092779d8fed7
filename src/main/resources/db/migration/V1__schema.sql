-- Diaspora Registry schema. Hibernate never generates DDL: every change is a new migration.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Search key: lower case without diacritics ("Nguyễn Thị Hương" -> "nguyen thi huong").
-- unaccent() is only STABLE (it reads its dictionary); naming the dictionary makes it safe
-- to declare this wrapper IMMUTABLE, so it can back generated columns and indexes.
CREATE FUNCTION registry_norm(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- Reference data ---------------------------------------------------------------------------
CREATE TABLE country (
    code    text PRIMARY KEY,
    name_en text NOT NULL,
    name_vi text NOT NULL
);

-- Codes are reused across the 2025 reform (07210 is an old commune and a new one), so a unit
-- is a code within a validity period.
CREATE TABLE admin_unit (
    id            serial PRIMARY KEY,
    code          text NOT NULL,
    name          text NOT NULL,
    unit_type     text NOT NULL,
    full_name     text NOT NULL,
    level         text NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    parent_code   text,
    province_code text NOT NULL,
    territory     text,          -- registry province (24 Bắc Giang, 52 Bình Định) whose former territory holds the unit
    valid_from    date,          -- NULL: in force before the data's cut-off, start not recorded
    valid_to      date,          -- NULL: still in force
    UNIQUE NULLS NOT DISTINCT (code, level, valid_from)
);
CREATE INDEX admin_unit_code ON admin_unit (code);
CREATE INDEX admin_unit_parent ON admin_unit (parent_code);

-- Official old -> new commune conversion of 1 July 2025 (one old commune may feed several new ones).
CREATE TABLE admin_unit_successor (
    old_code text NOT NULL,
    new_code text NOT NULL,
    note     text,
    PRIMARY KEY (old_code, new_code)
);

-- For each code used as a filter, every hometown code that lies in it, across the reform.
CREATE TABLE admin_unit_area (
    area_code text NOT NULL,
    unit_code text NOT NULL,
    PRIMARY KEY (area_code, unit_code)
);

-- Records ------------------------------------------------------------------------------------
-- Search indexes are GiST trigram indexes: they filter by word similarity and return rows in
-- order of it (KNN), so a search reads only its page, however many names look alike.
-- Every record table shares the bookkeeping columns: optimistic version, content hash (a write
-- that changes nothing makes no new version), soft delete with a reason, who/when.
CREATE TABLE person (
    id                uuid PRIMARY KEY,
    full_name         text NOT NULL,
    foreign_name      text,
    birth_name        text,
    sex               text NOT NULL,
    birth_date        date,
    birth_year        int,
    hometown_code     text NOT NULL,
    country           text NOT NULL REFERENCES country,
    city              text,
    residence_status  text NOT NULL,
    nationalities     text[] NOT NULL DEFAULT '{}',
    categories        text[] NOT NULL DEFAULT '{}',
    occupation        text,
    expertise         text,
    employer          text,
    contacts          jsonb,
    relatives_contact jsonb,
    consent           jsonb,
    status            text NOT NULL,
    notes             text,
    search_text       text GENERATED ALWAYS AS (
        registry_norm(full_name || ' ' || coalesce(foreign_name, '') || ' ' || coalesce(birth_name, ''))) STORED,
    reporting_unit    text NOT NULL,
    province_code     text NOT NULL,
    source_submission uuid,
    version           int NOT NULL,
    content_hash      text NOT NULL,
    created_at        timestamptz NOT NULL,
    created_by        text NOT NULL,
    updated_at        timestamptz NOT NULL,
    updated_by        text NOT NULL,
    deleted_at        timestamptz,
    deleted_by        text,
    delete_reason     text
);
CREATE INDEX person_search ON person USING gist (search_text gist_trgm_ops(siglen = 256)) WHERE deleted_at IS NULL;
CREATE INDEX person_country ON person (country, id) WHERE deleted_at IS NULL;
CREATE INDEX person_hometown ON person (hometown_code, id) WHERE deleted_at IS NULL;
CREATE INDEX person_unit ON person (reporting_unit, id) WHERE deleted_at IS NULL;
CREATE INDEX person_province ON person (province_code, id) WHERE deleted_at IS NULL;
CREATE INDEX person_categories ON person USING gin (categories) WHERE deleted_at IS NULL;
CREATE INDEX person_updated ON person (updated_at, id);

CREATE TABLE association (
    id                uuid PRIMARY KEY,
    name              text NOT NULL,
    original_name     text,
    kind              text NOT NULL,
    country           text NOT NULL REFERENCES country,
    city              text,
    founded_year      int,
    member_count      int,
    contacts          jsonb,
    website           text,
    notes             text,
    search_text       text GENERATED ALWAYS AS (registry_norm(name || ' ' || coalesce(original_name, ''))) STORED,
    reporting_unit    text NOT NULL,
    province_code     text NOT NULL,
    source_submission uuid,
    version           int NOT NULL,
    content_hash      text NOT NULL,
    created_at        timestamptz NOT NULL,
    created_by        text NOT NULL,
    updated_at        timestamptz NOT NULL,
    updated_by        text NOT NULL,
    deleted_at        timestamptz,
    deleted_by        text,
    delete_reason     text
);
CREATE INDEX association_search ON association USING gist (search_text gist_trgm_ops(siglen = 64)) WHERE deleted_at IS NULL;
CREATE INDEX association_country ON association (country, id) WHERE deleted_at IS NULL;
CREATE INDEX association_province ON association (province_code, id) WHERE deleted_at IS NULL;
CREATE INDEX association_unit ON association (reporting_unit, id) WHERE deleted_at IS NULL;
CREATE INDEX association_updated ON association (updated_at, id);

CREATE TABLE association_member (
    association_id uuid NOT NULL REFERENCES association ON DELETE CASCADE,
    person_id      uuid NOT NULL REFERENCES person,
    role           text NOT NULL,
    PRIMARY KEY (association_id, person_id, role)
);
CREATE INDEX association_member_person ON association_member (person_id);

CREATE TABLE business (
    id                           uuid PRIMARY KEY,
    name                         text NOT NULL,
    country                      text NOT NULL REFERENCES country,
    city                         text,
    registration_number          text,
    sector                       text,
    products                     text[] NOT NULL DEFAULT '{}',
    distributes_vietnamese_goods boolean NOT NULL DEFAULT false,
    vietnamese_product_groups    text[] NOT NULL DEFAULT '{}',
    province_links               text,
    contacts                     jsonb,
    website                      text,
    notes                        text,
    search_text                  text GENERATED ALWAYS AS (registry_norm(name)) STORED,
    reporting_unit               text NOT NULL,
    province_code                text NOT NULL,
    source_submission            uuid,
    version                      int NOT NULL,
    content_hash                 text NOT NULL,
    created_at                   timestamptz NOT NULL,
    created_by                   text NOT NULL,
    updated_at                   timestamptz NOT NULL,
    updated_by                   text NOT NULL,
    deleted_at                   timestamptz,
    deleted_by                   text,
    delete_reason                text
);
CREATE INDEX business_search ON business USING gist (search_text gist_trgm_ops(siglen = 64)) WHERE deleted_at IS NULL;
CREATE INDEX business_country ON business (country, id) WHERE deleted_at IS NULL;
CREATE INDEX business_province ON business (province_code, id) WHERE deleted_at IS NULL;
CREATE INDEX business_unit ON business (reporting_unit, id) WHERE deleted_at IS NULL;
CREATE INDEX business_updated ON business (updated_at, id);

CREATE TABLE business_owner (
    business_id uuid NOT NULL REFERENCES business ON DELETE CASCADE,
    person_id     uuid NOT NULL REFERENCES person,
    role          text NOT NULL,
    share_percent numeric(5, 2),
    PRIMARY KEY (business_id, person_id, role)
);
CREATE INDEX business_owner_person ON business_owner (person_id);

CREATE TABLE contribution (
    id                uuid PRIMARY KEY,
    kind              text NOT NULL,
    contributed_on    date NOT NULL,
    amount            numeric(18, 2),
    currency          text,
    description       text,
    project           text,
    person_id         uuid REFERENCES person,
    association_id    uuid REFERENCES association,
    business_id       uuid REFERENCES business,
    search_text       text GENERATED ALWAYS AS (registry_norm(coalesce(description, '') || ' ' || coalesce(project, ''))) STORED,
    reporting_unit    text NOT NULL,
    province_code     text NOT NULL,
    source_submission uuid,
    version           int NOT NULL,
    content_hash      text NOT NULL,
    created_at        timestamptz NOT NULL,
    created_by        text NOT NULL,
    updated_at        timestamptz NOT NULL,
    updated_by        text NOT NULL,
    deleted_at        timestamptz,
    deleted_by        text,
    delete_reason     text,
    CHECK (person_id IS NOT NULL OR association_id IS NOT NULL OR business_id IS NOT NULL)
);
CREATE INDEX contribution_search ON contribution USING gist (search_text gist_trgm_ops(siglen = 64)) WHERE deleted_at IS NULL;
CREATE INDEX contribution_province ON contribution (province_code, id) WHERE deleted_at IS NULL;
CREATE INDEX contribution_unit ON contribution (reporting_unit, id) WHERE deleted_at IS NULL;
CREATE INDEX contribution_person ON contribution (person_id);
CREATE INDEX contribution_association ON contribution (association_id);
CREATE INDEX contribution_business ON contribution (business_id);
CREATE INDEX contribution_updated ON contribution (updated_at, id);

-- One row per version of every record: written in the same transaction as the change.
CREATE TABLE record_version (
    collection     text NOT NULL,
    record_id      uuid NOT NULL,
    version        int NOT NULL,
    action         text NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE')),
    changed_fields text[] NOT NULL,
    snapshot       jsonb NOT NULL,
    actor          text NOT NULL,
    at             timestamptz NOT NULL,
    request_id     text,
    submission_id  uuid,
    reason         text,
    PRIMARY KEY (collection, record_id, version)
);

-- POST Idempotency-Key: the first answer, replayed for a retry by the same client.
CREATE TABLE idempotency_key (
    client       text NOT NULL,
    key          text NOT NULL,
    request_hash text NOT NULL,
    status       int NOT NULL,
    location     text,
    body         text NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (client, key)
);
