#!/usr/bin/env bash
# The rate limit's shared store (issue 14): what a request pays to share its client's bucket
# across replicas, through Redis or through PostgreSQL, side by side in one run.
#  1. the store alone, 8 clients over 10,000 buckets: Redis running the service's bucket script
#     (src/main/resources/rate-limit/take.lua) with redis-benchmark; PostgreSQL running the same
#     bucket as one upsert on an unlogged table with pgbench.
#  2. through the service: wrk on a light endpoint (GET /api/v1/countries) with the limit off, with
#     buckets in the replica's memory (local), and in Redis (redis).
#
#   bench/ratelimit.sh          (DURATION=10 CONNECTIONS=8 WARMUP=10 ROUNDS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${PERSONS:-2000}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-8}
. bench/lib.sh
load_tools
READER=$(token api-reader)
REQUESTS=$((DURATION * 20000))

# 1. The stores alone
script=$(grep -v '^--' src/main/resources/rate-limit/take.lua)
redis=$(redis-benchmark -q -n $REQUESTS -c $CONNECTIONS -r 10000 EVAL "$script" 1 "bench:rate:__rand_int__" 1000000000 | tr '\r' '\n' | grep -E 'requests per second' | tail -1 | sed 's/.*: //')
psql -q -d "$DB" -c "DROP TABLE IF EXISTS bench_rate_bucket" \
  -c "CREATE UNLOGGED TABLE bench_rate_bucket (key text PRIMARY KEY, tokens double precision NOT NULL, at timestamptz NOT NULL)"
cat > "$OUT/ratelimit.sql" <<'SQL'
\set k random(1, 10000)
INSERT INTO bench_rate_bucket AS b VALUES (:k, 1000000000 - 1, clock_timestamp())
ON CONFLICT (key) DO UPDATE SET
  tokens = least(1000000000, b.tokens + extract(epoch FROM clock_timestamp() - b.at) * 1000000000 / 60) - 1,
  at = clock_timestamp()
RETURNING tokens;
SQL
pg=$(pgbench -n -c $CONNECTIONS -j 2 -T $DURATION -f "$OUT/ratelimit.sql" "$DB" 2>/dev/null | grep -E 'latency average|tps' | tr '\n' ' ')
psql -q -d "$DB" -c "DROP TABLE bench_rate_bucket"

# 2. Through the service
through() { # STORE PER_MINUTE -> wrk's requests/s
  RATE_LIMIT_STORE=$1 RATE_LIMIT_PER_MINUTE=$2 start_instance $PORT "$OUT/ratelimit-$1.log"
  SERVICE=$INSTANCE
  trap 'kill $SERVICE 2>/dev/null || true' EXIT
  wrk -t2 -c$CONNECTIONS -d"${WARMUP:-10}s" -H "Authorization: Bearer $READER" "http://localhost:$PORT/api/v1/countries" >/dev/null  # warm-up (JIT)
  local out; out=$(wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency -H "Authorization: Bearer $READER" "http://localhost:$PORT/api/v1/countries")
  grep -q "Non-2xx" <<< "$out" && { echo "the $1 run was refused: $out" >&2; exit 1; }
  kill $SERVICE; wait $SERVICE 2>/dev/null || true
  awk '/Requests\/sec/ {printf "%.0f", $2}' <<< "$out"
}
# Runs vary by tens of percent on two shared cores, and by their order: ROUNDS rounds, the three
# settings in turn in each, and the median of each setting.
median() { printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
off="" local_="" shared=""
for _ in $(seq 1 "${ROUNDS:-3}"); do
  off="$off $(through local 0)"
  local_="$local_ $(through local 1000000000)"
  shared="$shared $(through redis 1000000000)"
done
row() { echo "$(median "$1") req/s (runs:$1)"; }

{
  echo "Rate limit store — $(date -u +%F), $(nproc) cores, $CONNECTIONS clients, $DURATION s each; JVM: $JAVA_OPTS"
  echo
  echo "| store alone | figure |"
  echo "|---|---|"
  echo "| Redis, bucket script (EVAL) | $redis |"
  echo "| PostgreSQL, one upsert (unlogged table) | $pg |"
  echo
  echo "| GET /api/v1/countries through the service | figure |"
  echo "|---|---|"
  echo "| no limit | $(row "$off") |"
  echo "| local buckets (per replica) | $(row "$local_") |"
  echo "| Redis buckets (shared, leased) | $(row "$shared") |"
  echo
  echo "Redis against no limit: $(awk -v a="$(median "$shared")" -v b="$(median "$off")" 'BEGIN { printf "%+.1f %%", 100 * (a - b) / b }')"
} | tee "$OUT/ratelimit.md"
