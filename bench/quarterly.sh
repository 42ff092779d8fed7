#!/usr/bin/env bash
# Quarterly-cycle benchmark: a district (Lục Ngạn, 219) uploads a CSV of ROWS new persons in the
# template's columns (Vietnamese names, real hometown codes), runs the dry run, submits, and the
# province accepts it. Prints the time of each step and the service's peak RSS during each.
#
#   bench/quarterly.sh               # 50,000 rows, on the database of bench/run.sh (loaded if missing)
#   ROWS=5000 PERSONS=100000 bench/quarterly.sh
# Targets: validate < 10 s, accept < 20 s for 50,000 rows on 2 cores; memory flat while streaming.
# CRASH=1 first kills the service, then restarts PostgreSQL, CRASH_AFTER seconds (10) into an
# accept, checks that nothing of it was applied, and then lets the timed accept retry it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-50000}
. bench/lib.sh
start_service
load_registry
API="http://localhost:$PORT/api/v1"
UNIT=$(token unit-officer 24 219)
PROVINCE=$(token province-officer 24)

psql -d "$DB" -tAc "SELECT code FROM admin_unit WHERE parent_code = '219' ORDER BY code" > "$OUT/hometowns.txt"
python3 - "$ROWS" "$OUT/hometowns.txt" > "$OUT/upload.csv" <<'PY'
import random, string, sys
random.seed()
rows, hometowns = int(sys.argv[1]), open(sys.argv[2]).read().split()
# A word of this run in every name: a rerun on the same database must not find the last run's persons as
# likely duplicates (accept refuses those until someone decides on each).
tag = random.choice(string.ascii_uppercase) + "".join(random.choices(string.ascii_lowercase, k=5))
family = "Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Hồ Ngô Dương Giáp Thân".split()
middle = "Văn Thị Đức Minh Thanh Hữu Ngọc Quang Thu".split()
given = "An Bình Cường Dũng Giang Hà Hải Hạnh Hiếu Hoa Hùng Hương Huy Lan Linh Long Mai Nam Nga Phong Quân Sơn Tâm Thảo Trang Tuấn Vân Yến".split()
countries = ["US"] * 5 + ["JP"] * 4 + ["KR"] * 3 + ["TW"] * 2 + ["DE", "AU", "CA", "FR", "CZ", "RU", "LA"]
print("\ufeffMã dòng;Thao tác;Họ và tên;Năm sinh;Mã quê quán;Quốc gia cư trú;Nghề nghiệp;Email")
for n in range(rows):
    name = f"{random.choice(family)} {random.choice(middle)} {random.choice(given)} {random.choice(given)} {tag}"
    print(f"LN-{n:06d};Thêm;{name};{random.randint(1950, 2005)};{random.choice(hometowns)};{random.choice(countries)};"
          f"Kỹ sư;ln{n}@example.org")
PY
echo "upload file: $(wc -c < "$OUT/upload.csv") bytes, $ROWS rows"

open_submission() { # a pre-reform quarter this unit has not used yet
  for _ in $(seq 1 50); do
    PERIOD="$((1100 + RANDOM % 800))-Q$((1 + RANDOM % 4))"
    ID=$(curl -s -X POST -H "Authorization: Bearer $UNIT" "$API/periods/$PERIOD/submissions" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id") or "")')
    [ -n "$ID" ] && return 0
  done
  echo "could not open a submission" >&2; exit 1
}
timed() { # name, then a curl command line; prints seconds and peak RSS, keeps the body in $OUT/name.json
  local name=$1; shift
  local t0; t0=$(date +%s.%N)
  "$@" -o "$OUT/$name.json" -w '%{http_code}' > "$OUT/$name.status" &
  local c=$!
  local rss; rss=$(peak_rss $c); wait $c
  local s; s=$(echo "$(date +%s.%N) - $t0" | bc)
  [ "$(cat "$OUT/$name.status")" = 200 ] || { echo "$name answered $(cat "$OUT/$name.status"): $(head -c 600 "$OUT/$name.json")" >&2; exit 1; }
  printf '%s %.1f %s\n' "$name" "$s" "$rss"
}
command -v bc >/dev/null || { apt-get update -q && apt-get install -y -q bc; }

open_submission
idle=$(( $(ps -o rss= -p $SERVICE) / 1024 ))
read -r _ up_s up_rss <<<"$(timed upload curl -s -X POST -H "Authorization: Bearer $UNIT" -H 'Content-Type: text/csv' --data-binary @"$OUT/upload.csv" "$API/submissions/$ID/items/upload")"
read -r _ val_s val_rss <<<"$(timed validate curl -s -X POST -H "Authorization: Bearer $UNIT" "$API/submissions/$ID/validate")"
summary=$(python3 -c 'import json; r=json.load(open("'"$OUT"'/validate.json")); print(r["rows"], r["ok"], r["warnings"], r["errors"])')
curl -fs -X POST -H "Authorization: Bearer $UNIT" "$API/submissions/$ID/submit" > /dev/null
crashes=""
if [ "${CRASH:-0}" = 1 ]; then
  # All or nothing: the service is killed, then PostgreSQL restarted, in the middle of an
  # accept; each time no row may be applied and the submission stays SUBMITTED.
  applied_now() { psql -d "$DB" -tAc "SELECT count(*) FROM person WHERE source_submission = '$ID'"; }
  state_now() { psql -d "$DB" -tAc "SELECT state FROM submission WHERE id = '$ID'"; }
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $PROVINCE" "$API/submissions/$ID/accept" &
  sleep "${CRASH_AFTER:-10}"
  kill -9 $SERVICE; wait $SERVICE 2>/dev/null || true
  crashes="killed the service ${CRASH_AFTER:-10} s into the accept: $(applied_now) rows applied, state $(state_now)"
  [ "$(applied_now)" = 0 ] && [ "$(state_now)" = SUBMITTED ] || { echo "NOT all-or-nothing: $crashes" >&2; exit 1; }
  start_service
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $PROVINCE" "$API/submissions/$ID/accept" &
  accepting=$!
  sleep "${CRASH_AFTER:-10}"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main restart
  wait $accepting || true
  crashes="$crashes; restarted PostgreSQL ${CRASH_AFTER:-10} s into the accept: $(applied_now) rows applied, state $(state_now)"
  [ "$(applied_now)" = 0 ] && [ "$(state_now)" = SUBMITTED ] || { echo "NOT all-or-nothing: $crashes" >&2; exit 1; }
  echo "$crashes; the retry below completes it"
fi
read -r _ acc_s acc_rss <<<"$(timed accept curl -s -X POST -H "Authorization: Bearer $PROVINCE" "$API/submissions/$ID/accept")"
applied=$(psql -d "$DB" -tAc "SELECT count(*) FROM person WHERE source_submission = '$ID'")

# Raw PostgreSQL: COPY the same persons as the accept stored them, and their first versions, under
# new ids, in one transaction that is then rolled back.
cols=$(psql -d "$DB" -tAc "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns
  WHERE table_name = 'person' AND is_generated = 'NEVER' AND column_name <> 'id'")
vcols=$(psql -d "$DB" -tAc "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns
  WHERE table_name = 'record_version' AND column_name NOT IN ('collection', 'record_id')")
psql -q -d "$DB" -v ON_ERROR_STOP=1 \
  -c "CREATE TEMP TABLE new_id AS SELECT id AS old, gen_random_uuid() AS id FROM person WHERE source_submission = '$ID'" \
  -c "\\copy (SELECT n.id, $cols FROM person p JOIN new_id n ON n.old = p.id) TO '$OUT/raw-persons.csv' CSV" \
  -c "\\copy (SELECT v.collection, n.id, $(echo "$vcols" | sed 's/[a-z_]\+/v.&/g') FROM record_version v JOIN new_id n ON n.old = v.record_id) TO '$OUT/raw-versions.csv' CSV"
t0=$(date +%s%N)
psql -q -d "$DB" -v ON_ERROR_STOP=1 -c "BEGIN" -c "\\copy person (id,$cols) FROM '$OUT/raw-persons.csv' CSV" \
  -c "\\copy record_version (collection,record_id,$vcols) FROM '$OUT/raw-versions.csv' CSV" -c "ROLLBACK"
copy_s=$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }')

cat <<REPORT | tee "$OUT/quarterly.md"
Quarterly cycle — $(date -u +%F), $(nproc) cores, $(psql -d "$DB" -tAc "SELECT count(*) FROM person") persons in the registry
JVM: $JAVA_OPTS; service RSS before the upload: $idle MiB

| step ($ROWS rows, CSV $(( $(wc -c < "$OUT/upload.csv") / 1024 )) KiB) | time | service peak RSS |
|---|---|---|
| upload (streamed, upserted by row key) | $up_s s | $up_rss MiB |
| validate (dry run: rows / ok / warnings / errors = $summary) | $val_s s | $val_rss MiB |
| accept (all rows in one transaction; $applied persons created) | $acc_s s | $acc_rss MiB |
| **upload + validate + accept** | $(echo "$up_s + $val_s + $acc_s" | bc) s | |
| raw PostgreSQL: COPY of the same persons and their versions (rolled back) | $copy_s s | |
${crashes:+
Crash drill: $crashes; the accept above is the retry, and it applied every row.}
REPORT
