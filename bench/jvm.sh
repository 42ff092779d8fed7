#!/usr/bin/env bash
# Start and memory per JVM (issue 24): the packaged service on the bench database, started with each
# JVM and option in turn, the same heap settings for all (JAVA_OPTS, lib.sh). Per row: launch to
# ready, RSS idle after the start, peak RSS and throughput under GET by id (wrk, 16 connections).
#   - Java 17 (Debian's, the default java) and Java 17 with AppCDS;
#   - Java 25 (Temurin), with compact object headers, and with Leyden's AOT cache (JEP 483/514/515)
#     and compact object headers.
# An archive (AppCDS, AOT cache) is written by a training run: the service started with the
# recording flag, the same load, then stopped (the JVM writes the archive as it exits).
#
#   bench/jvm.sh               # PERSONS (default 100,000), DURATION (s of load per run, default 15)
# Env: JAVA25 (default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java).
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${PERSONS:-100000}
DURATION=${DURATION:-15}
. bench/lib.sh
load_tools
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
TOKEN=$(token api-reader)
loaded_registry
get_by_id_script jvm
HEAP_OPTS=$JAVA_OPTS
# A training run without the metaspace cap: writing the AOT cache needs more than the 128m it sets
# ("Unable to allocate from 'ro' region"); the cache then maps under the cap.
TRAINING_OPTS=$(sed 's/-XX:MaxMetaspaceSize=[^ ]*//' <<< "$HEAP_OPTS")
ARCHIVES=$PWD/$OUT

run() { # JAVA OPTIONS [BASE_OPTIONS]: the service started and loaded for DURATION s; sets IDLE, PEAK, RPS
  JAVA=$1 JAVA_OPTS="${3:-$HEAP_OPTS} $2" start_service
  if grep -qi "error.*\(aot\|cds\)\]" "$OUT/service.log"; then
    echo "the JVM could not use or write its archive: see $OUT/service.log" >&2
    exit 1
  fi
  IDLE=$(( $(ps -o rss= -p $SERVICE) / 1024 ))
  wrk -t2 -c16 -d"${DURATION}s" -s "$OUT/jvm.lua" "http://localhost:$PORT" > "$OUT/jvm.wrk" &
  local w=$!
  PEAK=$(peak_rss $w); wait $w
  RPS=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$OUT/jvm.wrk")
  kill $SERVICE; wait $SERVICE 2>/dev/null || true
  # Java 25 assembles the AOT cache in a child JVM after the trained one exits
  while pgrep -f "AOTMode=create" > /dev/null; do sleep 0.5; done
}

row() { # NAME JAVA OPTIONS [TRAINING_OPTIONS]
  if [ -n "${4:-}" ]; then
    run "$2" "$4" "$TRAINING_OPTS"
  fi
  run "$2" "$3"
  echo "| $1 | $READY_S s | $IDLE MiB | $PEAK MiB | $RPS req/s |"
}

rm -f "$ARCHIVES"/app17.jsa "$ARCHIVES"/app25.aot
{
  echo "JVMs — $(date -u +%F), $(nproc) cores, $PERSONS persons, GET by id under wrk 2×16 for ${DURATION}s; heap settings: $HEAP_OPTS"
  echo
  echo "| JVM and options | launch to ready | RSS idle | RSS under load (peak) | GET by id |"
  echo "|---|---|---|---|---|"
  row "Java 17 ($(java -version 2>&1 | head -1 | cut -d'"' -f2))" java ""
  row "Java 17, AppCDS" java "-XX:SharedArchiveFile=$ARCHIVES/app17.jsa" "-XX:ArchiveClassesAtExit=$ARCHIVES/app17.jsa"
  row "Java 25 ($("$JAVA25" -version 2>&1 | head -1 | cut -d'"' -f2))" "$JAVA25" ""
  row "Java 25, compact object headers" "$JAVA25" "-XX:+UseCompactObjectHeaders"
  row "Java 25, AOT cache, compact object headers" "$JAVA25" "-XX:+UseCompactObjectHeaders -XX:AOTCache=$ARCHIVES/app25.aot" \
    "-XX:+UseCompactObjectHeaders -XX:AOTCacheOutput=$ARCHIVES/app25.aot"
} | tee "$OUT/jvm.md"
