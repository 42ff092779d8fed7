#!/usr/bin/env bash
# Benchmark: loads 1,000,000 synthetic persons (src/main/resources/demo/generate.sql) into a
# PostgreSQL, starts the packaged service on it, and compares GET /api/v1/persons/{id} through the
# API (wrk) with the statements the service must send for it straight on PostgreSQL (pgbench: the
# SELECT of the person, the audit INSERT, the commit). Searches: bench/search.sh.
# Prints the throughput ratio, latency percentiles and the service's peak RSS.
#
#   bench/run.sh                 # 1,000,000 persons on 127.0.0.1:5432 (user postgres), database registry_bench
#   PERSONS=100000 bench/run.sh  # smaller
# Env: PGHOST PGPORT PGUSER (defaults 127.0.0.1 5432 postgres), DURATION (s, default 20), WARMUP (s, default 15),
#      CONNECTIONS (default 16), JAVA_OPTS (default: a 96 MiB heap, see below), RELOAD=1 to reload data.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
load_tools
TOKEN=$(token api-reader)
start_service
load_registry
if [ $fresh = 1 ]; then  # time the start on the loaded database
  kill $SERVICE; wait $SERVICE 2>/dev/null || true
  start_service
fi
idle_rss=$(( $(ps -o rss= -p $SERVICE) / 1024 ))

# Samples: 10,000 random ids.
psql -q -d "$DB" <<SQL
DROP TABLE IF EXISTS bench_id;
CREATE TABLE bench_id AS SELECT row_number() OVER () AS n, id FROM (SELECT id FROM person TABLESAMPLE SYSTEM (2) LIMIT 10000) s;
CREATE UNIQUE INDEX ON bench_id (n);
SQL
psql -d "$DB" -tAc "SELECT id FROM bench_id ORDER BY n" > "$OUT/ids.txt"

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
# The statements the service sends for a GET (Hibernate's load by id, the audit event, the commit).
# pgbench picks the sampled id with a lookup of its own (\gset): one more tiny query per
# transaction on the raw side.
NIDS=$(wc -l < "$OUT/ids.txt")  # 10,000 at a million persons, fewer for smaller runs
cat > "$OUT/get.sql" <<SQL
\set n random(1, $NIDS)
SELECT id AS pid FROM bench_id WHERE n = :n \gset
BEGIN;
SELECT p.* FROM person p WHERE p.id = :pid;
INSERT INTO audit_event (at, subject, roles, action, collection, record_ids, result_count) VALUES (now(), 'bench', '{api-reader}', 'READ', 'persons', ARRAY[cast(:pid AS uuid)], 1);
COMMIT;
SQL

run_wrk() { # name script -> "rps p50 p95 p99 rss"
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-15}s" -s "$OUT/$2" "http://localhost:$PORT" >/dev/null  # warm-up: the JIT is still compiling after 5 s
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$OUT/$2" "http://localhost:$PORT" > "$OUT/$1.wrk" &
  local w=$!
  local rss; rss=$(peak_rss $w); wait $w
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$1.wrk")
  local non2xx; non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/$1.wrk")
  [ -z "$non2xx" ] || { echo "$1: $non2xx non-2xx answers" >&2; exit 1; }
  echo "$rps $(grep -o 'p50_ms=[0-9.]*' "$OUT/$1.wrk" | cut -d= -f2) $(grep -o 'p95_ms=[0-9.]*' "$OUT/$1.wrk" | cut -d= -f2) $(grep -o 'p99_ms=[0-9.]*' "$OUT/$1.wrk" | cut -d= -f2) $rss"
}
run_pgbench() { # script -> tps
  pgbench -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -M prepared -f "$OUT/$1" "$DB" 2>/dev/null | awk '/^tps/ {print $3}'
}

read -r get_rps get_p50 get_p95 get_p99 get_rss <<<"$(run_wrk get get.lua)"
kill $SERVICE; wait $SERVICE 2>/dev/null || true
get_tps=$(run_pgbench get.sql)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", 100 * a / b }'; }
cat <<REPORT | tee "$OUT/results.md"
Diaspora Registry benchmark — $(date -u +%F), $(nproc) cores, $PERSONS persons, $CONNECTIONS connections, ${DURATION}s per run
JVM: $JAVA_OPTS; PostgreSQL: $(psql -d "$DB" -tAc "SHOW server_version")

| workload | API (wrk) | raw PostgreSQL (pgbench) | API / raw | API p50 / p95 / p99 (ms) | service peak RSS |
|---|---|---|---|---|---|
| GET person by id | $get_rps req/s | $get_tps tps | $(ratio "$get_rps" "$get_tps") | $get_p50 / $get_p95 / $get_p99 | $get_rss MiB |

Start to ready: $READY_S s; RSS idle after start: $idle_rss MiB.
REPORT
