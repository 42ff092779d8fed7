#!/usr/bin/env bash
# Where a GET by id spends the service's CPU (issue 24): the packaged service on the bench database
# under wrk (2 threads, 16 connections) with Java Flight Recorder's method sampling (profile
# settings, 10 ms), then the samples summed by layer (a sample counts for every layer on its stack,
# so layers overlap) and by the hottest methods on top of the stack.
#
#   bench/profile.sh           # PERSONS (default 100,000), DURATION (s, default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${PERSONS:-100000}
DURATION=${DURATION:-20}
. bench/lib.sh
load_tools
TOKEN=$(token api-reader)
loaded_registry
get_by_id_script profile
JFR=$PWD/$OUT/get.jfr
rm -f "$JFR"
JAVA_OPTS="$JAVA_OPTS -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=settings=profile,filename=$JFR,dumponexit=true" start_service
wrk -t2 -c16 -d5s -s "$OUT/profile.lua" "http://localhost:$PORT" > /dev/null  # warm-up (JIT), in the recording too
wrk -t2 -c16 -d"${DURATION}s" -s "$OUT/profile.lua" "http://localhost:$PORT" > "$OUT/profile.wrk"
kill $SERVICE; wait $SERVICE 2>/dev/null || true
JFR_TOOL=$(dirname "$(readlink -f "$(command -v java)")")/jfr
"$JFR_TOOL" print --json --stack-depth 256 --events jdk.ExecutionSample "$JFR" > "$OUT/get-samples.json"  # whole stacks (5 frames by default)
python3 - "$OUT/get-samples.json" "$(awk '/Requests\/sec/ {print $2}' "$OUT/profile.wrk")" <<'PY' | tee "$OUT/profile.md"
import json, sys, collections
events = json.load(open(sys.argv[1]))["recording"]["events"]
layers = [  # (name, prefixes of a frame's class)
    ("Vert.x and Netty (HTTP, event loop)", ("io.vertx.", "io.netty.")),
    ("Quarkus REST (RESTEasy Reactive)", ("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive.")),
    ("bearer token (OIDC, jose4j, SmallRye JWT)", ("io.quarkus.oidc.", "org.jose4j.", "io.smallrye.jwt.", "vn.diaspora.registry.security.VerifiedTokens")),
    ("Hibernate ORM", ("org.hibernate.",)),
    ("PostgreSQL JDBC driver", ("org.postgresql.",)),
    ("Agroal pool and Narayana transactions", ("io.agroal.", "com.arjuna.", "io.quarkus.narayana.")),
    ("Jackson (JSON)", ("com.fasterxml.jackson.",)),
    ("CDI (ArC)", ("io.quarkus.arc.",)),
    ("metrics and tracing (Micrometer, OpenTelemetry)", ("io.micrometer.", "io.opentelemetry.", "io.quarkus.micrometer.", "io.quarkus.opentelemetry.")),
    ("the registry's own code", ("vn.diaspora.registry.",)),
]
inclusive = collections.Counter()
top = collections.Counter()
ours = collections.Counter()  # the service's own methods, inclusive
own = collections.Counter()  # by the layer of the topmost frame that has one
n = 0
for e in events:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    if not frames:
        continue
    n += 1
    classes = [f["method"]["type"]["name"].replace("/", ".") for f in frames]
    for name, prefixes in layers:
        if any(c.startswith(prefixes) for c in classes):
            inclusive[name] += 1
    for m in {f["method"]["type"]["name"].replace("/", ".").split("$")[0] + "." + f["method"]["name"] for f in frames}:
        if m.startswith("vn.diaspora.registry.") and "_ClientProxy" not in m and "_Subclass" not in m:
            ours[m] += 1
    # own time: the first frame from the top that belongs to a layer (JDK frames count for their caller)
    owner = next((name for c in classes for name, prefixes in layers if c.startswith(prefixes)), "JDK only")
    own[owner] += 1
    f = frames[0]["method"]
    top[f["type"]["name"].replace("/", ".") + "." + f["name"]] += 1
print(f"GET by id under wrk: {sys.argv[2]} req/s; {n} CPU samples of the service\n")
print("| layer | own time (the topmost frame of a layer) | on the stack (layers overlap) |\n|---|---|---|")
for name, _ in layers + [("JDK only", ())]:
    print(f"| {name} | {100 * own[name] / max(n, 1):.1f} % | {100 * inclusive[name] / max(n, 1):.1f} % |")
print("\n| the service's methods (inclusive) | share |\n|---|---|")
for m, c in ours.most_common(15):
    print(f"| `{m.removeprefix('vn.diaspora.registry.')}` | {100 * c / max(n, 1):.1f} % |")
print("\n| hottest methods (top of stack) | share |\n|---|---|")
for m, c in top.most_common(15):
    print(f"| `{m}` | {100 * c / max(n, 1):.1f} % |")
PY
