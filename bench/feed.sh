#!/usr/bin/env bash
# The change feed under concurrency (issue 13), on the packaged service and this machine's
# PostgreSQL: three checks of bench/feed_check.py (4 writers for SECONDS, transactions committing
# out of order, a long-polling reader; the reader's events must equal the committed versions):
#   1. one instance;  2. PostgreSQL restarted in the middle;  3. writers on two instances.
# Then the feed's throughput: events per second a reader follows from the start of the feed.
#   bench/feed.sh                         # 30 s per check, a registry of 100,000 persons
#   SECONDS_PER_CHECK=10 PERSONS=2000 bench/feed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${PERSONS:-100000}
. bench/lib.sh
ADMIN=$(token registry-admin)
CHECK=${SECONDS_PER_CHECK:-30}
start_service
load_registry
start_instance $((PORT + 10)) "$OUT/service-2.log"
SECOND=$INSTANCE
trap 'kill $SERVICE $SECOND 2>/dev/null || true' EXIT
A=http://localhost:$PORT
B=http://localhost:$((PORT + 10))

echo "Feed — $(date -u +%F), $(nproc) cores; JVM: $JAVA_OPTS"
echo "1. one instance, $CHECK s"
python3 bench/feed_check.py "$DB" "$ADMIN" "$CHECK" $A
echo "2. PostgreSQL restarted in the middle, $CHECK s"
python3 bench/feed_check.py "$DB" "$ADMIN" "$CHECK" $A --restart
echo "3. writers on two instances, $CHECK s"
python3 bench/feed_check.py "$DB" "$ADMIN" "$CHECK" $A $B

# Throughput: the whole feed from its start, 500 events a call, as the registry admin.
python3 - "$A" "$ADMIN" <<'PY'
import json, sys, time, urllib.request
base, token = sys.argv[1], sys.argv[2]
cursor, n, t0 = "", 0, time.time()
while True:
    req = urllib.request.Request(f"{base}/api/v1/changes?limit=500&after={cursor}", headers={"Authorization": "Bearer " + token})
    page = json.load(urllib.request.urlopen(req, timeout=60))
    n += len(page["items"])
    if not page["items"]:
        break
    cursor = page["nextCursor"]
s = time.time() - t0
print(f"throughput: a reader followed {n} events from the start of the feed in {s:.1f} s: {n / s:,.0f} events/s")
PY
