-- The registry's database and its two roles (README "Database roles"). Run once as a superuser:
--   psql -v db=registry -v owner_password="$OWNER_PASSWORD" -v app_password="$APP_PASSWORD" -f deploy/postgres/roles.sql
-- registry_owner owns the schema; only Flyway connects as it (QUARKUS_FLYWAY_USERNAME).
-- registry_app is the service's login (QUARKUS_DATASOURCE_USERNAME); it gets its rights through the
-- group role registry_runtime, which every migrate grants DML only: no DDL, no TRUNCATE, and on
-- audit_event INSERT and SELECT only.
CREATE ROLE registry_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE registry_runtime NOLOGIN;
CREATE ROLE registry_app LOGIN PASSWORD :'app_password' IN ROLE registry_runtime;
CREATE DATABASE :"db" OWNER registry_owner;
\connect :"db"
-- Only the owner creates objects in the schema (PostgreSQL 15's default, stated for older ones).
ALTER SCHEMA public OWNER TO registry_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
REVOKE TEMPORARY ON DATABASE :"db" FROM PUBLIC;
