#!/usr/bin/env bash
# Page latency of the officer portal (issue 12) on the demo data: the packaged service on a fresh
# database of the bench's PostgreSQL, loaded with the demo registry and its eight quarters of reports
# (demo/generate.sql and demo/story.sql, as dev mode loads them; the prod package has no embedded database),
# every page of a unit officer and of the Department fetched by wrk (4 connections: an office's
# worth of officers) with the officers' bearer tokens, which the portal accepts like the API when
# its OpenID Connect sign-in is off. Prints p50 / p95 / p99 per page; the goal is p95 < 200 ms.
# Also a report of ROWS rows (default 20,000) sent by Lục Ngạn: the unit's page and the
# Department's review of it, which read the report's last check a page at a time (issue 22).
#
#   bench/portal.sh                 # DURATION (s, default 10) per page, CONNECTIONS (default 4), ROWS (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-4}
ROWS=${ROWS:-20000}
PERSONS=800 BENCH_DB=${BENCH_DB:-registry_portal} RELOAD=1  # the demo's size (demo/DemoData), loaded afresh
. bench/lib.sh
load_tools
UNIT=$(token unit-officer 24 219)
PROVINCE=$(token province-officer 24)
start_service  # runs the migrations
load_registry src/main/resources/demo/story.sql
kill $SERVICE; wait $SERVICE 2>/dev/null || true
start_service  # as dev mode finds the demo: loaded before the start

LINK=$(curl -fs -H "Authorization: Bearer $UNIT" "http://localhost:$PORT/portal/unit" | grep -o '/portal/submission?id=[0-9a-f-]*' | head -1)
[ -n "$LINK" ] || { echo "no report of Lục Ngạn in the demo data" >&2; exit 1; }
SUBMISSION=${LINK#*id=}
YEAR=$(( $(date +%Y) - 1 ))

# A large report: ROWS persons of Lục Ngạn in a pre-reform quarter, uploaded and sent for review.
API="http://localhost:$PORT/api/v1"
python3 - "$ROWS" > "$OUT/large.csv" <<'PY'
import random, sys
random.seed(22)
family = "Nguyễn Trần Lê Phạm Hoàng Phan Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Thân Giáp".split()
middle = "Văn Thị Đức Minh Thanh Hữu Ngọc Quang Thu".split()
given = "An Bình Cường Dũng Giang Hà Hải Hạnh Hiếu Hoa Hùng Hương Huy Lan Linh Long Mai Nam Nga Phong Quân Sơn Tâm Thảo Trang Tuấn Vân Yến".split()
print("\ufeffMã dòng;Thao tác;Họ và tên;Năm sinh;Mã quê quán;Quốc gia cư trú")
for n in range(int(sys.argv[1])):
    name = f"{random.choice(family)} {random.choice(middle)} {random.choice(given)} {random.choice(given)}"
    print(f"BL-{n:06d};Thêm;{name};{random.randint(1950, 2005)};07591;{random.choice(['US', 'JP', 'KR', 'DE', 'AU'])}")
PY
LARGE=$(new_submission "$UNIT" 2)
curl -fs -X POST -H "Authorization: Bearer $UNIT" -H 'Content-Type: text/csv' --data-binary @"$OUT/large.csv" \
  "$API/submissions/$LARGE/items/upload" > /dev/null
curl -fs -X POST -H "Authorization: Bearer $UNIT" "$API/submissions/$LARGE/submit" > /dev/null

page() { # name token path -> a table row
  cat > "$OUT/page.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $2"
wrk.headers["Accept"] = "text/html"
done = function(summary, latency, requests)
  io.write(string.format("p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
  local status; status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $2" "http://localhost:$PORT$3")
  [ "$status" = 200 ] || { echo "$1 ($3) answered $status" >&2; exit 1; }
  wrk -t1 -c"$CONNECTIONS" -d2s -s "$OUT/page.lua" "http://localhost:$PORT$3" > /dev/null  # warm-up
  wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$OUT/page.lua" "http://localhost:$PORT$3" > "$OUT/page.wrk"
  local non2xx; non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/page.wrk")
  [ -z "$non2xx" ] || { echo "$1: $non2xx non-2xx answers" >&2; exit 1; }
  echo "| $1 | \`$(echo "$3" | sed 's/id=[0-9a-f-]*/id=…/')\` | $(awk '/Requests\/sec/ {print $2}' "$OUT/page.wrk") | $(grep -o 'p50_ms=[0-9.]*' "$OUT/page.wrk" | cut -d= -f2) / $(grep -o 'p95_ms=[0-9.]*' "$OUT/page.wrk" | cut -d= -f2) / $(grep -o 'p99_ms=[0-9.]*' "$OUT/page.wrk" | cut -d= -f2) |"
}

{
  echo "Officer portal — $(date -u +%F), $(nproc) cores, demo data, $CONNECTIONS connections, ${DURATION}s per page; JVM: $JAVA_OPTS"
  echo
  echo "| page | path | req/s | p50 / p95 / p99 (ms) |"
  echo "|---|---|---|---|"
  page "unit: periods" "$UNIT" "/portal/unit"
  page "unit: a report with its dry run" "$UNIT" "/portal/submission?id=$SUBMISSION"
  page "province: completeness and trend" "$PROVINCE" "/portal/province"
  page "province: review of a report" "$PROVINCE" "/portal/review?id=$SUBMISSION"
  page "unit: a report of $ROWS rows (its last check, first page)" "$UNIT" "/portal/submission?id=$LARGE"
  page "unit: the same report's valid rows, page 50" "$UNIT" "/portal/submission?id=$LARGE&only=ok&page=50"
  page "province: review of the $ROWS-row report, first page" "$PROVINCE" "/portal/review?id=$LARGE"
  page "province: statistics (6 charts)" "$PROVINCE" "/portal/province/statistics"
  page "province: yearly report $YEAR" "$PROVINCE" "/portal/province/yearly?year=$YEAR"
} | tee "$OUT/portal.md"
