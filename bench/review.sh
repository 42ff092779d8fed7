#!/usr/bin/env bash
# The Department's decisions on a real report's likely duplicates (issue 22): a registry of
# PERSONS persons, a report of ROWS new persons from Lục Ngạn (219) of which DUPLICATES (share,
# default 0.09) carry the name and birth year of a registered person (nine in ten of Bắc Giang,
# one in ten of Bình Định). The Department filters the review to the likely duplicates, ticks
# "select all" on each page of 50 rows and confirms "not duplicates"; the registry admin decides
# those of the other province through the API; then the Department accepts. Prints the clicks
# (filter, then per page: select all, open the panel, confirm) and the time of each step.
#
#   bench/review.sh                          # PERSONS=100000 ROWS=20000 DUPLICATES=0.09
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${PERSONS:-100000}
ROWS=${ROWS:-20000}
DUPLICATES=${DUPLICATES:-0.09}
. bench/lib.sh
start_service
load_registry
UNIT=$(token unit-officer 24 219)
PROVINCE=$(token province-officer 24)
ADMIN=$(token registry-admin)

dup=$(python3 -c "print(int($ROWS * $DUPLICATES))")
psql -d "$DB" -tA -F';' -c "(SELECT full_name, birth_year FROM person WHERE province_code = '24' AND birth_year IS NOT NULL AND deleted_at IS NULL
                            ORDER BY md5(id::text) LIMIT $((dup * 9 / 10)))
                           UNION ALL (SELECT full_name, birth_year FROM person WHERE province_code = '52' AND birth_year IS NOT NULL AND deleted_at IS NULL
                            ORDER BY md5(id::text) LIMIT $((dup - dup * 9 / 10)))" > "$OUT/registered.txt"
psql -d "$DB" -tAc "SELECT code FROM admin_unit WHERE parent_code = '219' ORDER BY code" > "$OUT/hometowns.txt"
python3 - "$ROWS" "$OUT/registered.txt" "$OUT/hometowns.txt" > "$OUT/review.csv" <<'PY'
import random, string, sys
rows = int(sys.argv[1])
registered = [l.split(";") for l in open(sys.argv[2]).read().splitlines() if l]
hometowns = open(sys.argv[3]).read().split()
# new persons of this run only: a rerun on the same database must not find the last run's accepted persons
tag = "".join(random.SystemRandom().choices(string.ascii_lowercase, k=6))
given = "An Bình Cường Dũng Giang Hà Hải Hạnh Hiếu Hoa Hùng Hương Huy Lan Linh Long Mai Nam Nga Phong".split()
print("\ufeffMã dòng;Thao tác;Họ và tên;Năm sinh;Mã quê quán;Quốc gia cư trú")
for n in range(rows):
    if n < len(registered):
        name, year = registered[n]
    else:
        name, year = f"Thân {random.choice(given)} {random.choice(given)} {tag}", random.randint(1950, 2005)
    print(f"RV-{n:06d};Thêm;{name};{year};{random.choice(hometowns)};JP")
PY
API="http://localhost:$PORT/api/v1"
ID=$(new_submission "$UNIT" 1)
t0=$(date +%s.%N)
curl -fs -X POST -H "Authorization: Bearer $UNIT" -H 'Content-Type: text/csv' --data-binary @"$OUT/review.csv" "$API/submissions/$ID/items/upload" > /dev/null
curl -fs -X POST -H "Authorization: Bearer $UNIT" "$API/submissions/$ID/submit" > /dev/null
sent=$(python3 -c "print(round($(date +%s.%N) - $t0, 1))")

python3 - "http://localhost:$PORT" "$ID" "$PROVINCE" "$ADMIN" "$ROWS" "$sent" <<'PY' | tee "$OUT/review.md"
import json, re, sys, time, urllib.parse, urllib.request
base, sid, province, admin, rows, sent = sys.argv[1:7]
opener = urllib.request.build_opener(urllib.request.HTTPRedirectHandler())

def call(path, token, data=None, method=None, json_body=None, csrf=None):
    headers = {"Authorization": "Bearer " + token}
    if csrf:  # the double-submit cookie (Secure in the prod profile, so a cookie jar on plain http would not send it)
        headers["Cookie"] = "registry-csrf=" + csrf
    body = None
    if data is not None:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if json_body is not None:
        body = json.dumps(json_body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + path, data=body, headers=headers, method=method)
    with opener.open(request) as r:
        return r.read().decode()

validate = lambda: json.loads(call(f"/api/v1/submissions/{sid}/validate", province, method="POST"))
report = validate()
clicks, pages, decided, t0 = 1, 0, 0, time.time()  # the filter
while True:
    page = call(f"/portal/review?id={sid}&only=duplicates", province)
    pairs = re.findall(r'name="nd" value="([^"]+)"', page)
    if not pairs:
        break
    token = re.search(r'name="csrf-token" value="([^"]+)"', page).group(1)
    call(f"/portal/review/{sid}/not-duplicates", province, {"csrf-token": token, "decision": "not-duplicate", "nd": pairs}, csrf=token)
    pages, decided, clicks = pages + 1, decided + len(pairs), clicks + 3  # select all, open the panel, confirm
department_s = time.time() - t0
after = validate()
t1 = time.time()
elsewhere = [f for f in after["findings"] if f["code"] == "LIKELY_DUPLICATE_ELSEWHERE"]
for f in json.loads(call(f"/api/v1/submissions/{sid}/validate", admin, method="POST"))["findings"]:
    if f["code"] == "LIKELY_DUPLICATE" and f.get("personId"):
        call(f"/api/v1/submissions/{sid}/items/{f['kind']}/{urllib.parse.quote(f['rowKey'])}/not-duplicate", admin, json_body={"personId": f["personId"]})
admin_s = time.time() - t1
t2 = time.time()
accepted = json.loads(call(f"/api/v1/submissions/{sid}/accept", province, method="POST"))
accept_s = time.time() - t2
print(f"Review of a report of {rows} rows ({time.strftime('%Y-%m-%d')}): upload and submit {sent} s; the dry run found "
      f"{report['warnings']} rows with a likely duplicate, {len(elsewhere)} of them in the other province.")
print()
print("| step | clicks | pairs decided | time |")
print("|---|---|---|---|")
print(f"| Department: filter, then per page of 50 rows select all, open the panel, confirm ({pages} pages) | {clicks} | {decided} | {department_s:.1f} s |")
print(f"| registry admin: the other province's, through the API | — | {len(elsewhere)} rows | {admin_s:.1f} s |")
print(f"| Department: accept ({accepted['state']}) | 2 | — | {accept_s:.1f} s |")
PY
