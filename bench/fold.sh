#!/usr/bin/env bash
# The record versions' retention at national size (migration V19), on the registry bench/scale.sh
# loaded: how long the daily upkeep holds record_version when a month falls out of the retention.
# Set up in one transaction, then rolled back (the database is left as it was):
#   - BASE_SHARE % of the records' versions moved before the months kept (folded long ago: the
#     base partition a registry has after years), by row movement;
#   - one record in MONTH_SHARE has its versions moved into the oldest month kept;
#   - the retention shortened by one month, and registry_versions_maintain() timed.
#   bench/fold.sh                       (BENCH_DB=registry_scale)
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-registry_scale}
BASE_SHARE=${BASE_SHARE:-30}
MONTH_SHARE=${MONTH_SHARE:-60}
OUT=bench/out
mkdir -p "$OUT"
psql -d "$DB" -v ON_ERROR_STOP=1 -q <<SQL | tee "$OUT/fold.txt"
\\timing on
BEGIN;
SELECT months AS retention_months FROM registry_retention WHERE what = 'record_version';
CREATE TEMP TABLE edge AS SELECT date_trunc('month', now() AT TIME ZONE 'Asia/Ho_Chi_Minh') - make_interval(months => months) AS oldest_kept
FROM registry_retention WHERE what = 'record_version';
\\echo moving the base share before the months kept
UPDATE record_version SET at = (SELECT oldest_kept FROM edge) AT TIME ZONE 'Asia/Ho_Chi_Minh' - interval '1 year'
WHERE abs(hashtext(record_id::text)) % 100 < $BASE_SHARE;
\\echo moving one record in $MONTH_SHARE into the oldest month kept
UPDATE record_version SET at = (SELECT oldest_kept FROM edge) AT TIME ZONE 'Asia/Ho_Chi_Minh' + interval '1 day'
WHERE abs(hashtext(record_id::text)) % 100 >= $BASE_SHARE AND abs(hashtext(record_id::text)) % $MONTH_SHARE = 0;
SELECT (SELECT count(*) FROM record_version_base) AS base_versions,
       (SELECT count(*) FROM record_version WHERE at < (SELECT oldest_kept FROM edge) AT TIME ZONE 'Asia/Ho_Chi_Minh' + interval '1 month'
                                              AND at >= (SELECT oldest_kept FROM edge) AT TIME ZONE 'Asia/Ho_Chi_Minh') AS month_versions;
UPDATE registry_retention SET months = months - 1 WHERE what = 'record_version';
\\echo the upkeep: the month folded into the base (record_version held meanwhile)
SELECT registry_versions_maintain() AS months_folded;
SELECT count(*) AS base_versions_after FROM record_version_base;
ROLLBACK;
SQL
