#!/usr/bin/env python3
"""Feed correctness under concurrency (issue 13), against running instances of the service.

Writers create, change and delete persons through the API for SECONDS while a slow writer holds
transactions open (pg_sleep) so that they commit after younger ones; a reader follows the feed
with long polls. Then the reader's events of the run's persons must equal the versions committed
in the database: none missing, none twice, each record's versions in order. Options: writers on
two instances; PostgreSQL restarted in the middle. Exits 1 on a mismatch.

  feed_check.py DB TOKEN SECONDS URL [URL2] [--restart]
"""
import json
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

args = [a for a in sys.argv[1:] if not a.startswith("--")]
DB, TOKEN, SECONDS, URLS = args[0], args[1], float(args[2]), args[3:]
RESTART = "--restart" in sys.argv
MARK = "Feedcheck" + "".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8))
stop = threading.Event()
errors = {"writes": 0, "reads": 0, "slow": 0}


def call(url, method="GET", body=None, headers=None, timeout=40):
    h = {"Authorization": "Bearer " + TOKEN, "Accept": "application/json"}
    h.update(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h.setdefault("Content-Type", "application/json")
    req = urllib.request.Request(url, data=data, method=method, headers=h)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        text = r.read()
        return r.status, dict(r.headers), (json.loads(text) if text else None)


def psql(sql):
    return subprocess.run(["psql", "-d", DB, "-tAqX", "-v", "ON_ERROR_STOP=1", "-c", sql],
                          capture_output=True, text=True).stdout


def person(n):
    return {"fullName": f"{MARK} Nguyễn {n}", "hometownCode": "07201", "country": "JP", "city": "Osaka",
            "birthYear": 1980 + n % 30, "categories": ["EXPERT"], "contacts": {"email": f"p{n}@example.jp"}}


def writer(k):
    n = 0
    while not stop.is_set():
        base = URLS[(k + n) % len(URLS)]
        n += 1
        try:
            _, h, p = call(base + "/api/v1/persons", "POST", person(k * 100000 + n))
            pid, version = p["id"], p["version"]
            for city in ("Kobe", "Kyoto"):
                _, h, p = call(f"{base}/api/v1/persons/{pid}", "PATCH", {"city": city},
                               {"Content-Type": "application/merge-patch+json", "If-Match": f'W/"{version}"'})
                version = p["version"]
            if n % 5 == 0:
                call(f"{base}/api/v1/persons/{pid}?reason=feedcheck", "DELETE", headers={"If-Match": f'W/"{version}"'})
        except (urllib.error.URLError, OSError, ValueError, KeyError):
            errors["writes"] += 1  # a write cut by a restart may or may not have committed: the database says which
            time.sleep(0.2)


SLOW = """BEGIN;
WITH p AS (UPDATE person SET version = version + 1 WHERE id = '{id}' RETURNING id, version)
INSERT INTO record_version (collection, record_id, version, action, changed_fields, snapshot, actor, at)
SELECT 'persons', p.id, p.version, 'UPDATE', '{{city}}',
       (SELECT snapshot FROM record_version WHERE collection = 'persons' AND record_id = p.id ORDER BY version DESC LIMIT 1),
       'feed-check', now() FROM p;
SELECT pg_sleep(2);
COMMIT;"""


def slow_writer(pid):
    """Holds a transaction that wrote a version open for 2 s while the writers commit younger ones."""
    while not stop.is_set():
        r = subprocess.run(["psql", "-d", DB, "-qX", "-v", "ON_ERROR_STOP=1"], input=SLOW.format(id=pid), capture_output=True, text=True)
        if r.returncode != 0:
            errors["slow"] += 1
            time.sleep(0.5)


events = []


def reader(start_cursor):
    cursor = start_cursor
    quiet = 0
    while True:
        try:
            _, h, page = call(f"{URLS[0]}/api/v1/changes?limit=500&wait=3&types=person&after={cursor}")
        except (urllib.error.URLError, OSError, ValueError):
            errors["reads"] += 1
            time.sleep(0.5)
            continue
        events.extend(page["items"])
        cursor = page["nextCursor"]
        quiet = quiet + 1 if stop.is_set() and not page["items"] else 0
        if quiet >= 2:  # writers done and two empty long polls: caught up
            return


def head():
    _, h, _ = call(URLS[0] + "/api/v1/persons?limit=1")
    return h["Changes-Cursor"]


def main():
    _, _, p = call(URLS[0] + "/api/v1/persons", "POST", person(0))
    slow_id = p["id"]
    cursor = head()
    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    threads.append(threading.Thread(target=slow_writer, args=(slow_id,)))
    read = threading.Thread(target=reader, args=(cursor,))
    for t in threads + [read]:
        t.start()
    t0 = time.time()
    if RESTART:
        time.sleep(SECONDS / 2)
        version = psql("SHOW server_version_num")[:2]
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "-m", "fast"], check=True)
        print(f"  PostgreSQL restarted at {time.time() - t0:.1f} s")
    time.sleep(max(0.0, SECONDS - (time.time() - t0)))
    stop.set()
    for t in threads:
        t.join()
    read.join(timeout=120)
    committed = psql(f"""SELECT v.record_id || ' ' || v.version FROM record_version v JOIN person p ON p.id = v.record_id
                         WHERE v.collection = 'persons' AND (p.full_name LIKE '{MARK} %' OR p.id = '{slow_id}')
                           AND NOT (p.id = '{slow_id}' AND v.version = 1)""").split()
    expected = {(committed[i], int(committed[i + 1])) for i in range(0, len(committed), 2)}
    ids = {s for s, _ in expected}
    got = [(e["subject"], e["data"]["version"]) for e in events if e["subject"] in ids]
    missing = expected - set(got)
    twice = len(got) - len(set(got))
    extra = set(got) - expected
    last = {}
    disorder = 0
    for s, v in got:
        if v <= last.get(s, 0):
            disorder += 1
        last[s] = v
    slow_versions = sum(1 for s, _ in expected if s == slow_id)
    print(f"  {len(expected)} versions committed ({slow_versions} by transactions held open 2 s), {len(got)} events read; "
          f"missing {len(missing)}, twice {twice}, unknown {len(extra)}, out of order {disorder}; "
          f"failed writes {errors['writes']}, failed reads {errors['reads']}, failed slow transactions {errors['slow']}")
    if missing or twice or extra or disorder or not expected or slow_versions < 2:
        print("  FAILED: the feed does not match the committed versions", file=sys.stderr)
        sys.exit(1)


main()
