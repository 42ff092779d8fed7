#!/usr/bin/env bash
# Hostile uploads against the packaged service with a container-sized heap (-Xmx512m): a 1 GiB
# inflation bomb, sheets of 8 and 2 million rows with one row key (about 1 MiB each), and a 15 MiB chunked JSON body, each
# sent 3 times at once while another unit reads and writes. Prints every answer's status and
# time, the other unit's worst latency and failures, and the service's peak RSS.
#   bench/bombs.sh            (on the database of bench/run.sh; PERSONS=100000 loads a small one)
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
. bench/lib.sh
start_service
load_registry
API="http://localhost:$PORT/api/v1"
UNIT=$(token unit-officer 24 219)
OTHER=$(token unit-officer 24 215)
THIRD=$(token unit-officer 24 213)
WORKER=$(token province-officer 24)

python3 - "$OUT" <<'PY'
import sys, zipfile
out = sys.argv[1]
with zipfile.ZipFile(f"{out}/inflation-bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:   # 1 GiB of spaces
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
        block = b" " * (1 << 20)
        for _ in range(1024):
            f.write(block)
for name, sheet_rows in (("eight-million-rows", 8_000_000), ("two-million-rows", 2_000_000)):
  with zipfile.ZipFile(f"{out}/{name}.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
      z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
      z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>K</t></si><si><t>Thêm</t></si></sst>')
      z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
      z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Người ở nước ngoài" sheetId="1" r:id="rId1"/></sheets></workbook>')
      z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
      with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
          f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
          f.write('<row r="1"><c r="A1" t="inlineStr"><is><t>Mã dòng</t></is></c><c r="B1" t="inlineStr"><is><t>Thao tác</t></is></c></row>'.encode())
          chunk = []
          for r in range(2, sheet_rows + 2):
              chunk.append('<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>')  # positions implied, as some writers do
              if len(chunk) == 100_000:
                  f.write("".join(chunk).encode()); chunk = []
          f.write("".join(chunk).encode())
          f.write(b"</sheetData></worksheet>")
PY
head -c $((15 << 20)) /dev/zero | tr '\0' 'A' | sed 's/^/{"fullName":"/; s/$/"}/' > "$OUT/big.json"
ls -l "$OUT"/inflation-bomb.xlsx "$OUT"/eight-million-rows.xlsx "$OUT"/two-million-rows.xlsx "$OUT"/big.json | awk '{print $5, $9}'

open_submission() { # $1 token: a pre-reform quarter this unit has not used yet
  for _ in $(seq 1 50); do
    local period="$((1100 + RANDOM % 800))-Q$((1 + RANDOM % 4))"
    local id; id=$(curl -s -X POST -H "Authorization: Bearer $1" "$API/periods/$period/submissions" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id") or "")')
    [ -n "$id" ] && { echo "$id"; return 0; }
  done
  echo "could not open a submission" >&2; exit 1
}
S1=$(open_submission "$UNIT"); S2=$(open_submission "$OTHER"); S3=$(open_submission "$THIRD")
send() { # name token url content-type file [chunked]
  local extra=(); [ "${6:-}" = chunked ] && extra=(-H 'Transfer-Encoding: chunked')
  curl -s -o /dev/null -w "$1 %{http_code} %{time_total}s\n" -X POST -H "Authorization: Bearer $2" -H "Content-Type: $4" "${extra[@]}" --data-binary @"$5" "$3"
}
(
  for i in 1 2 3; do
    send inflation-bomb "$UNIT" "$API/submissions/$S1/items/upload" application/octet-stream "$OUT/inflation-bomb.xlsx" &
    send eight-million-rows "$OTHER" "$API/submissions/$S2/items/upload" application/octet-stream "$OUT/eight-million-rows.xlsx" &
    send two-million-rows "$THIRD" "$API/submissions/$S3/items/upload" application/octet-stream "$OUT/two-million-rows.xlsx" &
    send chunked-json "$WORKER" "$API/persons" application/json "$OUT/big.json" chunked &
  done
  wait
) > "$OUT/bombs.txt" &
BOMBS=$!
work() { # the other user's requests while the bombs run
  local n=0 failed=0 worst=0
  while kill -0 $BOMBS 2>/dev/null || [ $n -lt 20 ]; do
    local t; t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $WORKER" -H 'Content-Type: application/json' \
      -d '{"fullName":"Vẫn Làm Việc","hometownCode":"07201","country":"JP"}' "$API/persons")
    n=$((n + 1)); [ "${t%% *}" = 201 ] || failed=$((failed + 1))
    worst=$(python3 -c "print(max($worst, ${t#* }))")
  done
  echo "$n $failed $worst"
}
work > "$OUT/work.txt" &
WORK=$!
rss=$(peak_rss $BOMBS); wait $WORK
read -r n failed worst < "$OUT/work.txt"
alive=$(curl -fs -o /dev/null -w '%{http_code}' "localhost:$((PORT + 1))/q/health/ready" || echo down)
cat <<REPORT | tee "$OUT/bombs.md"
Hostile uploads — $(date -u +%F), $(nproc) cores, JVM $JAVA_OPTS
$(sort "$OUT/bombs.txt" | sed 's/^/    /')
Another officer meanwhile: $n creates, $failed failed, slowest $worst s. Service peak RSS $rss MiB; ready afterwards: $alive.
REPORT
