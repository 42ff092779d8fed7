# Shared by the bench scripts: settings, the packaged service on a PostgreSQL loaded with the
# synthetic registry (src/main/resources/demo/generate.sql), tokens, peak RSS.
PERSONS=${PERSONS:-1000000}
JAVA_OPTS=${JAVA_OPTS:--Xmx96m -Xss256k -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-registry_bench}  # the smoke run of .ci/run uses a database of its own
PORT=18080
OUT=bench/out
mkdir -p "$OUT"

./mvnw -B -q -ntp package -DskipTests  # the jar of the current code

# A throw-away key pair: the prod profile (rightly) refuses the dev key.
[ -f "$OUT/bench-key.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/bench-key.pem" 2>/dev/null
PUBLIC_KEY=$(openssl pkey -in "$OUT/bench-key.pem" -pubout | grep -v -- ----- | tr -d '\n')
token() { TOKEN_KEY="$OUT/bench-key.pem" deploy/dev/token.sh "$@"; }

fresh=0
if [ "${RELOAD:-0}" = 1 ] || ! psql -d "$DB" -tAc "SELECT count(*) >= $PERSONS FROM person" 2>/dev/null | grep -q t; then
  fresh=1
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
fi

load_tools() { # the load generators of run.sh and search.sh: DURATION s per run, CONNECTIONS clients
  DURATION=${DURATION:-20}
  CONNECTIONS=${CONNECTIONS:-16}
  command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
  command -v pgbench >/dev/null || { apt-get update -q && apt-get install -y -q postgresql-contrib; }
}

start_instance() { # PORT LOG: an instance of the packaged service on the bench database, ready; its pid in INSTANCE
  local port=$1 log=$2
  if curl -s -o /dev/null "localhost:$port"; then echo "port $port is in use" >&2; exit 1; fi
  # The bench database outlives a run, so its encryption key does too (bench/out is not committed).
  [ -f "$OUT/encryption.key" ] || head -c 32 /dev/urandom | base64 > "$OUT/encryption.key"
  REGISTRY_ENCRYPTION_KEY=$(cat "$OUT/encryption.key") \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_DATASOURCE_USERNAME=$PGUSER \
  QUARKUS_OIDC_PUBLIC_KEY=$PUBLIC_KEY QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$((port + 1)) QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  REGISTRY_RATE_LIMIT_PER_MINUTE=${RATE_LIMIT_PER_MINUTE:-0} REGISTRY_RATE_LIMIT_STORE=${RATE_LIMIT_STORE:-local} \
    ${JAVA:-java} -XX:+ExitOnOutOfMemoryError $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
  INSTANCE=$!
  local t0; t0=$(date +%s%N)
  for _ in $(seq 1 9000); do  # a migration of a million rows takes minutes
    if curl -fs "localhost:$((port + 1))/q/health/ready" >/dev/null 2>&1; then
      READY_S=$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }')  # start to ready
      return 0
    fi
    kill -0 $INSTANCE 2>/dev/null || break
    sleep 0.1
  done
  echo "service did not start; see $log" >&2
  exit 1
}

start_service() {
  trap 'kill ${SERVICE:-} 2>/dev/null || true' EXIT
  start_instance $PORT "$OUT/service.log"
  SERVICE=$INSTANCE
}

load_registry() { # [SQL_FILE run after the generator, in its transaction]; after start_service, which ran the migrations
  [ $fresh = 1 ] || return 0
  echo "loading $PERSONS persons ..."
  local t0; t0=$(date +%s)
  { echo "BEGIN;"; sed "s/__PERSONS__/$PERSONS/g" src/main/resources/demo/generate.sql; [ -z "${1:-}" ] || cat "$1"; echo "COMMIT;"; } \
    | psql -q -d "$DB" -v ON_ERROR_STOP=1 >/dev/null
  psql -q -d "$DB" -c "VACUUM ANALYZE"
  echo "loaded in $(( $(date +%s) - t0 )) s"
}

loaded_registry() { # the bench database migrated and loaded, no service left running (each run starts its own)
  start_service
  load_registry
  kill $SERVICE; wait $SERVICE 2>/dev/null || true
}

get_by_id_script() { # NAME: $OUT/NAME.lua, GETs of persons by id (2,000 sampled ids) with $TOKEN, for wrk -s
  psql -d "$DB" -tAc "SELECT id FROM person TABLESAMPLE SYSTEM (2) LIMIT 2000" > "$OUT/$1-ids.txt"
  cat > "$OUT/$1.lua" <<LUA
local ids = {}
for line in io.lines("$OUT/$1-ids.txt") do ids[#ids + 1] = line end
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function() return wrk.format("GET", "/api/v1/persons/" .. ids[math.random(#ids)]) end
LUA
}

new_submission() { # TOKEN QUARTER -> a new submission of that token's unit in a pre-reform year it has not used yet
  local id
  for _ in $(seq 1 50); do
    id=$(curl -s -X POST -H "Authorization: Bearer $1" "http://localhost:$PORT/api/v1/periods/$((1100 + RANDOM % 800))-Q$2/submissions" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id") or "")')
    [ -n "$id" ] && { echo "$id"; return 0; }
  done
  echo "could not open a submission" >&2; return 1
}

peak_rss() { # highest RSS (MiB) of the service while process $1 runs
  local peak=0 r
  while kill -0 "$1" 2>/dev/null; do
    r=$(ps -o rss= -p $SERVICE | tr -d ' '); [ "${r:-0}" -gt $peak ] && peak=$r
    sleep 0.2
  done
  echo $((peak / 1024))
}
