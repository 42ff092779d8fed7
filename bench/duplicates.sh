#!/usr/bin/env bash
# The duplicate scan (issue 13) on the bench registry (1,000,000 persons by default): a scan of
# both provinces started through the API by the registry admin, timed to its end (the first
# computes the contact keys of persons loaded around the service), then a second; beside the
# same candidate query run by psql alone (no contact keys, nothing written).
#   bench/duplicates.sh
#   PERSONS=100000 bench/duplicates.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
ADMIN=$(token registry-admin)
start_service
load_registry

scan() { # -> "seconds persons pairs"
  local t0 location state
  t0=$(date +%s%N)
  location=$(curl -fs -D - -o /dev/null -X POST -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d '{}' \
    "http://localhost:$PORT/api/v1/duplicates/scans" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
  while :; do
    state=$(curl -fs -H "Authorization: Bearer $ADMIN" "$location")
    case $state in *'"RUNNING"'*) sleep 0.5 ;; *) break ;; esac
  done
  case $state in *'"DONE"'*) ;; *) echo "scan failed: $state" >&2; exit 1 ;; esac
  python3 -c 'import json, sys; s = json.loads(sys.argv[1]); print(sys.argv[2], s["persons"], s["pairsFound"])' \
    "$state" "$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }')"
}

read -r first persons pairs <<< "$(scan)"
read -r second _ pairs2 <<< "$(scan)"
t0=$(date +%s%N)
raw=$(psql -d "$DB" -tAX <<'SQL'
SET pg_trgm.similarity_threshold = 0.7;
SELECT count(*) FROM person a JOIN person b ON b.province_code = a.province_code AND b.hometown_code = a.hometown_code
  AND b.birth_year = a.birth_year AND a.id < b.id
WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL AND a.search_text % b.search_text;
SQL
)
raw_s=$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }')
open=$(psql -d "$DB" -tAc "SELECT count(*) FROM duplicate_pair WHERE status = 'OPEN'")
{
  echo "Duplicates — $(date -u +%F), $(nproc) cores, $persons live persons; JVM: $JAVA_OPTS"
  echo "first scan (with contact keys):  ${first} s, $pairs pairs"
  echo "second scan:                     ${second} s, $pairs2 pairs"
  echo "raw name query in psql:          ${raw_s} s, $(echo "$raw" | tail -1) name pairs"
  echo "open pairs in the review queue:  $open"
} | tee "$OUT/duplicates.txt"
