#!/usr/bin/env bash
# The registry at national size (issue 14): 6,000,000 persons over the 34 provinces of 2025, on
# this machine's PostgreSQL, the packaged service on it. The generator (demo/generate.sql) makes
# persons of Bắc Giang's and Bình Định's real hometowns; the simulation then spreads them over the
# 34 provinces (deploy/../shared/data provinces_2025.csv), weighted by each province's number of
# communes, so that a province officer's scope is one province's share as it would be. Measured,
# each on the loaded registry: the hot calls through the API (median and p95 of sequential calls
# by a province officer of Bắc Ninh's 24 and by the registry admin), and the plans of the
# statements behind them (EXPLAIN ANALYZE, BUFFERS), with the table and index sizes.
#
#   bench/scale.sh                      (PERSONS=6000000; the load takes about half an hour here)
#   PERSONS=600000 BENCH_DB=registry_scale_small bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${PERSONS:-6000000}
export BENCH_DB=${BENCH_DB:-registry_scale}
CALLS=${CALLS:-40}
PROVINCES=${PROVINCES:-$(cd .. && pwd)/shared/data/admin-units/provinces_2025.csv}  # code, ..., communes (7th)
[ -f "$PROVINCES" ] || { echo "no $PROVINCES: the provinces' weights (PROVINCES=...)" >&2; exit 1; }
. bench/lib.sh
P24=$(token province-officer 24)
ADMIN=$(token registry-admin)
start_service
t0=$(date +%s)
load_registry
if [ "$fresh" = 1 ]; then
  # 34 provinces: each person's province drawn with the weight of its number of communes (24 and 52
  # keep theirs); no versions or events are written for this (session_replication_role: triggers off).
  psql -q -d "$DB" -v ON_ERROR_STOP=1 <<SQL
CREATE TEMP TABLE weights (code text, w int);
\\copy weights FROM PROGRAM 'tail -n +2 $PROVINCES | cut -d, -f1,7' WITH (FORMAT csv)
DO \$\$ BEGIN IF (SELECT count(*) FROM weights) <> 34 THEN RAISE EXCEPTION 'expected the weights of 34 provinces'; END IF; END \$\$;
CREATE TEMP TABLE slots AS SELECT code, sum(w) OVER (ORDER BY code) - w AS lo, sum(w) OVER (ORDER BY code) AS hi, sum(w) OVER () AS total FROM weights;
SET session_replication_role = replica;
UPDATE person p SET province_code = s.code
FROM slots s WHERE (abs(hashtext(p.id::text)) % s.total) >= s.lo AND (abs(hashtext(p.id::text)) % s.total) < s.hi;
RESET session_replication_role;
VACUUM ANALYZE person;
SQL
  echo "spread over 34 provinces in $(( $(date +%s) - t0 )) s in all"
fi

# the hot calls, one client, sequential: median and p95 in ms
timed() { # TOKEN PATH -> "p50 p95 status"
  local token=$1 path=$2 i status times=()
  for i in $(seq 1 "$CALLS"); do
    read -r status t < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" "http://localhost:$PORT$path")
    [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
    times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1*1000} END {printf "%.0f %.0f", a[int(NR*0.5)+1], a[int(NR*0.95)]}'
}
ID=$(psql -d "$DB" -tAc "SELECT id FROM person WHERE province_code = '24' AND deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM person WHERE province_code = '24')")
[ -n "$ID" ] || { echo "no person in province 24" >&2; exit 1; }
PERIOD=2026-Q3
rows=()
row() { rows+=("| $1 | $(timed "$2" "$3" | awk '{print $1 " ms | " $2 " ms"}') |"); }
row "GET a person by id (province 24)" "$P24" "/api/v1/persons/$ID"
row "history of that person (province 24)" "$P24" "/api/v1/persons/$ID/history"
row "search a full name, province 24" "$P24" "/api/v1/persons?q=nguyen%20thi%20huong&limit=20"
row "search a common family name, province 24" "$P24" "/api/v1/persons?q=nguyen&limit=20"
row "search a full name with a typo, province 24" "$P24" "/api/v1/persons?q=nguyen%20thi%20huogn&limit=20"
row "search a full name, all 34 provinces (admin)" "$ADMIN" "/api/v1/persons?q=nguyen%20thi%20huong&limit=20"
row "list page of 200 (export's page), province 24" "$P24" "/api/v1/persons?limit=200"
row "completeness of $PERIOD, province 24" "$P24" "/api/v1/periods/$PERIOD/completeness?province=24"
row "statistics of $PERIOD by country, province 24" "$P24" "/api/v1/statistics?period=$PERIOD&groupBy=COUNTRY"
row "change feed, a page of 500 from the start (admin)" "$ADMIN" "/api/v1/changes?limit=500"

plans=$OUT/scale-plans.txt
explain() { echo "== $1"; psql -d "$DB" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $2"; }
{
  explain "person by id" "SELECT * FROM person WHERE id = '$ID'"
  explain "history of a person (its versions)" "SELECT version, snapshot FROM record_version WHERE collection = 'persons' AND record_id = '$ID' ORDER BY version DESC LIMIT 100"
  explain "full name, province 24 (word index)" "SELECT id FROM person WHERE deleted_at IS NULL AND province_code = '24' AND search_words @> registry_words('nguyen thi huong') ORDER BY id LIMIT 21"
  explain "common family name, province 24 (id order)" "SELECT id FROM person WHERE deleted_at IS NULL AND province_code = '24' AND search_words @> registry_words('nguyen') ORDER BY id LIMIT 21"
  explain "export page of 1,000, province 24" "SELECT * FROM person WHERE deleted_at IS NULL AND province_code = '24' AND id > '$ID' ORDER BY id LIMIT 1000"
  explain "feed page of 500" "SELECT * FROM change_event WHERE xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid, seq LIMIT 500"
  explain "versions of the period by country (statistics' input), province 24" "SELECT snapshot->>'country', count(*) FROM record_version v JOIN person p ON p.id = v.record_id WHERE v.collection = 'persons' AND p.province_code = '24' AND v.at < '2026-10-01' GROUP BY 1"
} > "$plans" 2>&1
# a partitioned table's size is its partitions'
sizes=$(psql -d "$DB" -tA -F' ' -c "SELECT relname, pg_size_pretty(size) FROM pg_class, LATERAL (SELECT coalesce(sum(pg_total_relation_size(relid)), pg_total_relation_size(pg_class.oid)) AS size FROM pg_partition_tree(oid)) t
                                    WHERE relname IN ('person', 'record_version', 'change_event', 'audit_event', 'search_word') ORDER BY size DESC")
{
  echo "Scale — $(date -u +%F), $(nproc) cores, PostgreSQL $(psql -d "$DB" -tAc 'SHOW server_version'), $(psql -d "$DB" -tAc "SELECT count(*) FROM person") persons in $(psql -d "$DB" -tAc "SELECT count(DISTINCT province_code) FROM person") provinces ($(psql -d "$DB" -tAc "SELECT count(*) FROM person WHERE province_code = '24'") in 24); $CALLS sequential calls each; JVM: $JAVA_OPTS"
  echo
  echo "| call | p50 | p95 |"
  echo "|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Sizes: $(tr '\n' ';' <<< "$sizes")"
  echo "Plans: $plans (execution times:)"
  grep -E "^== |Execution Time" "$plans" | paste - - | sed 's/^== /- /'
} | tee "$OUT/scale.md"
