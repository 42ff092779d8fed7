#!/usr/bin/env bash
# Search benchmark (issue 11): five classes of name query through the API (wrk, 16 connections,
# api-reader token, 20 results a page) side by side with the statements the service sends for
# them straight on PostgreSQL (pgbench: the query's words and their corrections, the page of
# rank 0 with its records, the audit event), then recall@20 of the intended person.
#
#   bench/search.sh                   # 1,000,000 persons (database registry_bench, loaded if missing)
#   PERSONS=100000 RELOAD=1 bench/search.sh
#   PERSONS=2000 DURATION=2 bench/search.sh   # a smoke run: the scripts work (.ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
load_tools
TOKEN=$(token api-reader)
start_service
load_registry

psql -d "$DB" -tA -F $'\t' -c "SELECT id, full_name, hometown_code, country, coalesce(categories[1], '')
  FROM person TABLESAMPLE BERNOULLI ($(awk -v p="$PERSONS" 'BEGIN { s = 200000 / p; print (s > 100 ? 100 : s) }')) REPEATABLE (2026)
  WHERE deleted_at IS NULL AND created_by = 'demo-data' LIMIT 1000" > "$OUT/sample.tsv"  # the generated persons, not bench/quarterly.sh's
python3 bench/search_queries.py "$OUT" "$OUT/sample.tsv"
CLASSES="family given fullname typo filters"
# The page statement of RecordSearch.find for rank 0, with the list filter of the query, as the service sends it.
psql -q -d "$DB" <<'SQL'
CREATE OR REPLACE FUNCTION bench_page(q text, col text, val text) RETURNS uuid[] LANGUAGE plpgsql AS $$
DECLARE ids uuid[];
BEGIN
    EXECUTE format('SELECT array_agg(id) FROM (SELECT t.id FROM person t WHERE t.deleted_at IS NULL %s AND t.search_words @> registry_words($1) ORDER BY t.id LIMIT 21) s',
        CASE col WHEN 'country' THEN 'AND t.country = $2'
                 WHEN 'category' THEN 'AND t.categories @> ARRAY[$2]'
                 WHEN 'hometown' THEN 'AND t.hometown_code IN (SELECT unit_code FROM admin_unit_area WHERE area_code = $2)'
                 ELSE '' END) INTO ids USING q, val;
    RETURN ids;
END $$;
SQL

for c in $CLASSES; do
  cat > "$OUT/search-$c.lua" <<LUA
local paths = {}
for line in io.lines("$OUT/q-$c.txt") do paths[#paths + 1] = line end
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
done = function(summary, latency, requests)
  io.write(string.format("p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA
  psql -q -d "$DB" -c "DROP TABLE IF EXISTS bench_raw_$c" -c "CREATE TABLE bench_raw_$c (q text, col text, val text)" \
    -c "\\copy bench_raw_$c FROM '$OUT/raw-$c.tsv'" \
    -c "ALTER TABLE bench_raw_$c ADD COLUMN n serial UNIQUE"
  n=$(wc -l < "$OUT/raw-$c.tsv")
  # RecordSearch.words, then the page of rank 0 (RecordSearch.find, built as the service builds it:
  # bench_page), the records it loads, the audit event
  cat > "$OUT/search-$c.sql" <<SQL
\set n random(1, $n)
SELECT q AS qq, col AS fc, val AS fv FROM bench_raw_$c WHERE n = :n \gset
SELECT q.w, coalesce((SELECT string_agg(s.word, ' ' ORDER BY s.word <-> q.w, s.word) FROM (SELECT word FROM search_word WHERE word % q.w AND word <> q.w ORDER BY word <-> q.w, word LIMIT 20) s), '') FROM (SELECT w, min(n) AS n FROM unnest(registry_words(:qq)) WITH ORDINALITY u(w, n) GROUP BY w) q ORDER BY q.n LIMIT 6;
SELECT p.* FROM unnest(bench_page(:qq, :fc, :fv)) page(id) JOIN person p ON p.id = page.id;
INSERT INTO audit_event (at, subject, roles, action, collection, record_ids, query, result_count) VALUES (now(), 'bench', '{api-reader}', 'SEARCH', 'persons', '{}', :qq, 20);
SQL
done

run_wrk() { # class -> "rps p50 p95 p99 rss"
  wrk -t2 -c"$CONNECTIONS" -d"$(( DURATION < 5 ? DURATION : 5 ))s" -s "$OUT/search-$1.lua" "http://localhost:$PORT" >/dev/null  # warm-up (JIT)
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$OUT/search-$1.lua" "http://localhost:$PORT" > "$OUT/search-$1.wrk" &
  local w=$!
  local rss; rss=$(peak_rss $w); wait $w
  local non2xx; non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/search-$1.wrk")
  [ -z "$non2xx" ] || { echo "$1: $non2xx non-2xx answers" >&2; exit 1; }
  echo "$(awk '/Requests\/sec/ {print $2}' "$OUT/search-$1.wrk") $(grep -o 'p50_ms=[0-9.]*' "$OUT/search-$1.wrk" | cut -d= -f2) $(grep -o 'p95_ms=[0-9.]*' "$OUT/search-$1.wrk" | cut -d= -f2) $(grep -o 'p99_ms=[0-9.]*' "$OUT/search-$1.wrk" | cut -d= -f2) $rss"
}

# Recall@20 (one client, before the load runs): the intended person among the first 20 answers.
recall=$(python3 - "$OUT/recall.tsv" "http://localhost:$PORT" "$TOKEN" <<'PY'
import json, sys, urllib.request, collections
found, total = collections.Counter(), collections.Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    kind, pid, path = line.rstrip("\n").split("\t")
    req = urllib.request.Request(sys.argv[2] + path, headers={"Authorization": "Bearer " + sys.argv[3]})
    items = json.load(urllib.request.urlopen(req))["items"]
    total[kind] += 1
    found[kind] += any(i["id"] == pid for i in items)
print(" ".join(f"{k}={100 * found[k] / total[k]:.1f}%({found[k]}/{total[k]})" for k in total))
PY
)

declare -A api
for c in $CLASSES; do api[$c]=$(run_wrk "$c"); done
kill $SERVICE; wait $SERVICE 2>/dev/null || true
declare -A raw
for c in $CLASSES; do
  raw[$c]=$(pgbench -n -c "$CONNECTIONS" -j 2 -T "$DURATION" -M extended -f "$OUT/search-$c.sql" "$DB" 2>/dev/null | awk '/^tps/ {print $3}')
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", 100 * a / b }'; }
{
  echo "Search — $(date -u +%F), $(nproc) cores, $(psql -d "$DB" -tAc "SELECT count(*) FROM person") persons, $CONNECTIONS connections, ${DURATION}s per class"
  echo "JVM: $JAVA_OPTS"
  echo
  echo "| class | API (wrk) | raw PostgreSQL (pgbench) | API / raw | API p50 / p95 / p99 (ms) | service peak RSS |"
  echo "|---|---|---|---|---|---|"
  for c in $CLASSES; do
    read -r rps p50 p95 p99 rss <<<"${api[$c]}"
    echo "| $c | $rps req/s | ${raw[$c]} tps | $(ratio "$rps" "${raw[$c]}") | $p50 / $p95 / $p99 | $rss MiB |"
  done
  echo
  echo "Recall@20 of the intended person (its name and hometown): $recall"
} | tee "$OUT/search.md"
