#!/usr/bin/env bash
# Benchmark: loads 1,000,000 synthetic persons (src/main/resources/demo/generate.sql) into a
# PostgreSQL, starts the packaged service on it, and compares through the API (wrk) with the
# same SELECTs straight on PostgreSQL (pgbench):
#   - GET /api/v1/persons/{id}      vs  SELECT of the person by id
#   - GET /api/v1/persons?q=...     vs  the service's search SELECT
# Prints throughput ratios, search latency percentiles and the service's peak RSS.
#
#   bench/run.sh                 # 1,000,000 persons on 127.0.0.1:5432 (user postgres), database registry_bench
#   PERSONS=100000 bench/run.sh  # smaller
# Env: PGHOST PGPORT PGUSER (defaults 127.0.0.1 5432 postgres), DURATION (s, default 20),
#      CONNECTIONS (default 16), JAVA_OPTS (default: a 96 MiB heap, see below), RELOAD=1 to reload data.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-16}
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
command -v pgbench >/dev/null || { apt-get update -q && apt-get install -y -q postgresql-contrib; }
. bench/lib.sh
TOKEN=$(token api-reader)
start_service
load_registry

# Samples: 10,000 random ids, and search terms taken from real rows (full names, some with a typo).
psql -q -d "$DB" <<SQL
DROP TABLE IF EXISTS bench_id;
CREATE TABLE bench_id AS SELECT row_number() OVER () AS n, id FROM (SELECT id FROM person TABLESAMPLE SYSTEM (2) LIMIT 10000) s;
CREATE UNIQUE INDEX ON bench_id (n);
DROP TABLE IF EXISTS bench_q;
CREATE TABLE bench_q AS
SELECT row_number() OVER () AS n,
       CASE WHEN random() < 0.3 THEN overlay(q placing reverse(substr(q, length(q) - 1, 2)) from length(q) - 1 for 2) ELSE q END AS q
FROM (SELECT registry_norm(full_name) AS q FROM person TABLESAMPLE SYSTEM (1) LIMIT 1000) s;
CREATE UNIQUE INDEX ON bench_q (n);
SQL
psql -d "$DB" -tAc "SELECT id FROM bench_id ORDER BY n" > "$OUT/ids.txt"
psql -d "$DB" -tAc "SELECT q FROM bench_q ORDER BY n" > "$OUT/queries.txt"
NQ=$(wc -l < "$OUT/queries.txt")

# wrk_script FILE SAMPLES PATH_PREFIX: GETs PATH_PREFIX followed by a random line of SAMPLES
# (spaces encoded), with the token, and prints the latency percentiles.
wrk_script() {
  cat > "$OUT/$1" <<LUA
local samples = {}
for line in io.lines("$OUT/$2") do samples[#samples + 1] = line:gsub(" ", "%%20") end
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function() return wrk.format("GET", "$3" .. samples[math.random(#samples)]) end
done = function(summary, latency, requests)
  io.write(string.format("p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
}
wrk_script get.lua ids.txt "/api/v1/persons/"
wrk_script search.lua queries.txt "/api/v1/persons?limit=20&q="
# The same statements the service sends (RecordService.list: a page of 20 and its tie window,
# read in distance order; Hibernate's load by id). pgbench
# picks the sampled id or query with a lookup of its own (\gset): one more tiny query per
# transaction on the raw side.
NIDS=$(wc -l < "$OUT/ids.txt")  # 10,000 at a million persons, fewer for smaller runs
cat > "$OUT/get.sql" <<SQL
\set n random(1, $NIDS)
SELECT id AS pid FROM bench_id WHERE n = :n \gset
SELECT p.* FROM person p WHERE p.id = :pid;
SQL
cat > "$OUT/search.sql" <<SQL
\set n random(1, $NQ)
SELECT q AS qq FROM bench_q WHERE n = :n \gset
SELECT t.id, t.search_text <->> registry_norm(:qq) AS distance FROM person t
 WHERE t.deleted_at IS NULL AND registry_norm(:qq) <% t.search_text
 ORDER BY t.search_text <->> registry_norm(:qq) LIMIT 50;
SQL

run_wrk() { # name script -> "rps p50 p95 p99 rss"
  wrk -t2 -c"$CONNECTIONS" -d5s -s "$OUT/$2" "http://localhost:$PORT" >/dev/null  # warm-up (JIT)
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$OUT/$2" "http://localhost:$PORT" > "$OUT/$1.wrk" &
  local w=$!
  local rss; rss=$(peak_rss $w); wait $w
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$1.wrk")
  local non2xx; non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/$1.wrk")
  [ -z "$non2xx" ] || { echo "$1: $non2xx non-2xx answers" >&2; exit 1; }
  echo "$rps $(grep -o 'p50_ms=[0-9.]*' "$OUT/$1.wrk" | cut -d= -f2) $(grep -o 'p95_ms=[0-9.]*' "$OUT/$1.wrk" | cut -d= -f2) $(grep -o 'p99_ms=[0-9.]*' "$OUT/$1.wrk" | cut -d= -f2) $rss"
}
run_pgbench() { # script -> tps
  PGOPTIONS="-c pg_trgm.word_similarity_threshold=0.8 -c enable_bitmapscan=off" \
    pgbench -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -M prepared -f "$OUT/$1" "$DB" 2>/dev/null | awk '/^tps/ {print $3}'
}

read -r get_rps get_p50 get_p95 get_p99 get_rss <<<"$(run_wrk get get.lua)"
read -r s_rps s_p50 s_p95 s_p99 s_rss <<<"$(run_wrk search search.lua)"
kill $SERVICE; wait $SERVICE 2>/dev/null || true
get_tps=$(run_pgbench get.sql)
s_tps=$(run_pgbench search.sql)
plan=$(PGOPTIONS="-c pg_trgm.word_similarity_threshold=0.8 -c enable_bitmapscan=off" psql -d "$DB" -tA \
  -c "EXPLAIN (ANALYZE, COSTS OFF) SELECT t.id FROM person t WHERE t.deleted_at IS NULL AND registry_norm('nguyen thi huong') <% t.search_text ORDER BY t.search_text <->> registry_norm('nguyen thi huong') LIMIT 31" \
  | tr '\n' ' ' | sed 's/  */ /g')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", 100 * a / b }'; }
cat <<REPORT | tee "$OUT/results.md"
Diaspora Registry benchmark — $(date -u +%F), $(nproc) cores, $PERSONS persons, $CONNECTIONS connections, ${DURATION}s per run
JVM: $JAVA_OPTS; PostgreSQL: $(psql -d "$DB" -tAc "SHOW server_version")

| workload | API (wrk) | raw PostgreSQL (pgbench) | API / raw | API p50 / p95 / p99 (ms) | service peak RSS |
|---|---|---|---|---|---|
| GET person by id | $get_rps req/s | $get_tps tps | $(ratio "$get_rps" "$get_tps") | $get_p50 / $get_p95 / $get_p99 | $get_rss MiB |
| search q (name, 30 % with a typo) | $s_rps req/s | $s_tps tps | $(ratio "$s_rps" "$s_tps") | $s_p50 / $s_p95 / $s_p99 | $s_rss MiB |

Search plan at this size (EXPLAIN ANALYZE, q = "nguyen thi huong"): `$plan`
REPORT
