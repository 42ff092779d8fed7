#!/usr/bin/env bash
# Export benchmark (issue 13): every person of the bench registry (1,000,000 by default) exported
# through the API as CSV, NDJSON and XLSX by the registry admin (whose scope is both provinces).
# The service runs with the bench's JVM flags, a 96 MiB heap: an export that held its rows in
# memory could not finish. Prints the time, size, rows and the service's peak RSS of each, beside
# PostgreSQL's own COPY of the same rows to CSV.
#
#   bench/export.sh                    # on bench/run.sh's database (loaded if missing)
#   PERSONS=100000 bench/export.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
ADMIN=$(token registry-admin)
start_service
load_registry

timed() { # format -> "seconds bytes rows rss"
  local t0; t0=$(date +%s%N)
  curl -s -o "$OUT/export.$1" -w '%{http_code}' -H "Authorization: Bearer $ADMIN" \
    "http://localhost:$PORT/api/v1/persons/export?format=$1" > "$OUT/export.status" &
  local c=$!
  local rss; rss=$(peak_rss $c); wait $c
  [ "$(cat "$OUT/export.status")" = 200 ] || { echo "$1 export answered $(cat "$OUT/export.status")" >&2; exit 1; }
  local s; s=$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }')
  local rows
  case $1 in
    csv) rows=$(( $(wc -l < "$OUT/export.csv") - 1 )) ;;
    ndjson) rows=$(wc -l < "$OUT/export.ndjson") ;;
    xlsx) rows=$(unzip -p "$OUT/export.xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l); rows=$((rows - 1)) ;;
  esac
  echo "$s $(( $(stat -c %s "$OUT/export.$1") / 1048576 )) $rows $rss"
}

live=$(psql -d "$DB" -tAc "SELECT count(*) FROM person WHERE deleted_at IS NULL")
t0=$(date +%s%N)
psql -d "$DB" -c "\\copy (SELECT * FROM person WHERE deleted_at IS NULL ORDER BY id) TO '$OUT/copy.csv' CSV HEADER" >/dev/null
copy_s=$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }')
{
  echo "Export — $(date -u +%F), $(nproc) cores, $live live persons; JVM: $JAVA_OPTS"
  echo
  echo "| format | time | size | rows | service peak RSS |"
  echo "|---|---|---|---|---|"
  for f in csv ndjson xlsx; do
    read -r s mb rows rss <<<"$(timed $f)"
    [ "$rows" = "$live" ] || { echo "$f export holds $rows rows, not $live (see $OUT/service.log)" >&2; exit 1; }
    echo "| $f | $s s | $mb MiB | $rows | $rss MiB |"
  done
  echo "| raw PostgreSQL: COPY of the same rows to CSV | $copy_s s | $(( $(stat -c %s "$OUT/copy.csv") / 1048576 )) MiB | $live | – |"
} | tee "$OUT/export.md"
rm -f "$OUT"/export.csv "$OUT"/export.ndjson "$OUT"/export.xlsx "$OUT"/copy.csv
