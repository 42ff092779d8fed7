#!/usr/bin/env bash
# The workloads of bench/run.sh and bench/search.sh, run against a HAPI FHIR JPA server (the
# reference open-source Java registry of persons), on the same persons, for issue 11's side-by-side
# comparison. Run it after bench/run.sh on the same PERSONS (it reads the persons from that
# database), with the registry stopped, so that each service runs alone:
#
#   HAPI=http://localhost:8080/fhir bench/hapi.sh
#   HAPI=... HAPI_PGDB=hapi HAPI_PID=$(pgrep -f hapi) PERSONS=100000 bench/hapi.sh
#
# It loads the persons as Patients (transaction bundles of PUTs, 500 each; the first 20,000 timed:
# bulk ingest), then GETs Patients by id and runs the five search classes as FHIR searches (one
# name= per word: HAPI matches each as an accent- and case-insensitive prefix of a name part;
# country, hometown and category as address-country, address-postalcode and _tag), every request
# with Cache-Control: no-cache so that HAPI's search cache does not answer repeats.
# Env: HAPI (base URL, required); HAPI_PGDB (HAPI's PostgreSQL database on PGHOST: when given, the
# varchar_pattern_ops index its prefix search needs is created there: its own index serves
# LIKE 'x%' only under the C collation);
# HAPI_PID (HAPI's process, for its peak RSS); LOAD=0 when the Patients are already there;
# PERSONS, DURATION, CONNECTIONS as for bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${HAPI:?HAPI=<base URL of a HAPI FHIR server>, e.g. http://localhost:8080/fhir}"
. bench/lib.sh
load_tools
[ $fresh = 0 ] || { echo "no registry of $PERSONS persons in $DB: run bench/run.sh first" >&2; exit 1; }
SERVICE=${HAPI_PID:-}  # peak_rss reads this process
curl -fs -o /dev/null "$HAPI/metadata" || { echo "$HAPI/metadata does not answer" >&2; exit 1; }

psql -d "$DB" -tA -F $'\t' -c "SELECT id, full_name, sex, birth_year, country, hometown_code, coalesce(categories[1], '')
  FROM person WHERE deleted_at IS NULL AND created_by = 'demo-data' ORDER BY id" > "$OUT/patients.tsv"
if [ "${LOAD:-1}" = 1 ]; then
  ingest=$(python3 - "$OUT/patients.tsv" "$HAPI" <<'PY'
import json, sys, time, urllib.request

def patient(pid, name, sex, year, country, hometown, category):
    words = name.split()
    p = {"resourceType": "Patient", "id": pid,
         "name": [{"text": name, "family": words[0], "given": words[1:]}],
         "gender": {"MALE": "male", "FEMALE": "female"}.get(sex, "unknown"),
         "address": [{"use": "home", "country": country}, {"use": "old", "postalCode": hometown, "country": "VN"}]}
    if year:
        p["birthDate"] = year
    if category:
        p["meta"] = {"tag": [{"system": "urn:vn-diaspora:category", "code": category}]}
    return {"resource": p, "request": {"method": "PUT", "url": "Patient/" + pid}}

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8")]
start, timed = time.monotonic(), None
for i in range(0, len(rows), 500):
    bundle = {"resourceType": "Bundle", "type": "transaction", "entry": [patient(*r) for r in rows[i:i + 500]]}
    req = urllib.request.Request(sys.argv[2] + "/", data=json.dumps(bundle).encode(), method="POST",
                                 headers={"Content-Type": "application/fhir+json"})
    urllib.request.urlopen(req, timeout=600).read()
    if timed is None and i + 500 >= 20000:
        timed = time.monotonic() - start
print(f"{timed or time.monotonic() - start:.1f} {min(len(rows), 20000)} {time.monotonic() - start:.1f} {len(rows)}")
PY
)
fi
if [ -n "${HAPI_PGDB:-}" ]; then
  psql -q -d "$HAPI_PGDB" -c "CREATE INDEX IF NOT EXISTS bench_spidx_string_prefix ON hfj_spidx_string (hash_norm_prefix, sp_value_normalized varchar_pattern_ops, res_id)" \
    -c "ANALYZE hfj_spidx_string"
fi

# The query sets: bench/search.sh's sample and classes, as FHIR paths.
psql -d "$DB" -tA -F $'\t' -c "SELECT id, full_name, hometown_code, country, coalesce(categories[1], '')
  FROM person TABLESAMPLE BERNOULLI ($(awk -v p="$PERSONS" 'BEGIN { s = 200000 / p; print (s > 100 ? 100 : s) }')) REPEATABLE (2026)
  WHERE deleted_at IS NULL AND created_by = 'demo-data' LIMIT 1000" > "$OUT/sample.tsv"
python3 bench/search_queries.py "$OUT" "$OUT/sample.tsv"
cut -f1 "$OUT/patients.tsv" | shuf -n 10000 --random-source=<(yes) | sed 's|^|/Patient/|' > "$OUT/fhir-get.txt"

run_wrk() { # name -> "rps p50 p95 p99 rss", GETs of $OUT/fhir-name.txt under $HAPI
  cat > "$OUT/fhir-$1.lua" <<LUA
local paths = {}
for line in io.lines("$OUT/fhir-$1.txt") do paths[#paths + 1] = line end
wrk.headers["Cache-Control"] = "no-cache"
wrk.headers["Accept"] = "application/fhir+json"
request = function() return wrk.format("GET", "$(echo "$HAPI" | sed 's|^[a-z]*://[^/]*||')" .. paths[math.random(#paths)]) end
done = function(summary, latency, requests)
  io.write(string.format("p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
  local origin; origin=$(echo "$HAPI" | grep -o '^[a-z]*://[^/]*')
  wrk -t2 -c"$CONNECTIONS" -d5s -s "$OUT/fhir-$1.lua" "$origin" >/dev/null  # warm-up (JIT)
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$OUT/fhir-$1.lua" "$origin" > "$OUT/fhir-$1.wrk" &
  local w=$!
  local rss="–"
  if [ -n "$SERVICE" ]; then rss=$(peak_rss $w); fi
  wait $w
  local non2xx; non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/fhir-$1.wrk")
  [ -z "$non2xx" ] || { echo "HAPI $1: $non2xx non-2xx answers" >&2; exit 1; }
  echo "$(awk '/Requests\/sec/ {print $2}' "$OUT/fhir-$1.wrk") $(grep -o 'p50_ms=[0-9.]*' "$OUT/fhir-$1.wrk" | cut -d= -f2) $(grep -o 'p95_ms=[0-9.]*' "$OUT/fhir-$1.wrk" | cut -d= -f2) $(grep -o 'p99_ms=[0-9.]*' "$OUT/fhir-$1.wrk" | cut -d= -f2) $rss"
}

{
  echo "HAPI FHIR at $HAPI — $(date -u +%F), $(nproc) cores, $(wc -l < "$OUT/patients.tsv") Patients, $CONNECTIONS connections, ${DURATION}s per run"
  [ -z "${ingest:-}" ] || { read -r t20 n20 tall nall <<<"$ingest"; echo "Bulk ingest (transaction bundles of 500): $n20 Patients in $t20 s; all $nall in $tall s"; }
  echo
  echo "| workload | HAPI (wrk) | p50 / p95 / p99 (ms) | HAPI peak RSS |"
  echo "|---|---|---|---|"
  for c in get family given fullname typo filters; do
    read -r rps p50 p95 p99 rss <<<"$(run_wrk "$c")"
    echo "| $c | $rps req/s | $p50 / $p95 / $p99 | $rss MiB |"
  done
} | tee "$OUT/hapi.md"
