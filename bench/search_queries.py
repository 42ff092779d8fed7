#!/usr/bin/env python3
"""Query sets of bench/search.sh, from sampled persons (TSV: id, full name, hometown, country,
category). Writes, under OUT: for each class a file of API paths (for wrk), one of the same queries
as FHIR Patient searches (for bench/hapi.sh) and one of raw queries (for pgbench: q, and the
filter's column and value), and recall.tsv: class, intended id, path."""
import random
import sys
import unicodedata
import urllib.parse

out, sample = sys.argv[1], sys.argv[2]
random.seed(2026)
people = [line.rstrip("\n").split("\t") for line in open(sample, encoding="utf-8") if line.strip()]


def plain(s):
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def typo(word):
    w = list(word)
    i = random.randrange(len(w) - 1)
    kind = random.choice(["swap", "drop", "change"])
    if kind == "swap":
        w[i], w[i + 1] = w[i + 1], w[i]
    elif kind == "drop":
        del w[i + 1]
    else:
        w[i + 1] = random.choice([c for c in "aeiounhgtc" if c != w[i + 1]])
    return "".join(w)


def one_typo(name):
    words = name.split()
    long_ones = [i for i, w in enumerate(words) if len(w) >= 4]
    if not long_ones:
        return None
    i = random.choice(long_ones)
    words[i] = typo(plain(words[i]).lower())
    return " ".join(words)


def shuffled(name):
    words = name.split()
    random.shuffle(words)
    return " ".join(words)


def path(q, filters=()):
    params = [("limit", "20"), ("q", q)] + list(filters)
    return "/api/v1/persons?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


# The FHIR form of a query (bench/hapi.sh loads the persons as Patients: every name word a family
# or given part, the host country in address.country, the hometown code in a postalCode, the
# first category as a tag): one name= per word, which HAPI matches as an accent- and
# case-insensitive prefix of any part of the name; FHIR has no typo tolerance.
FHIR_FILTER = {"country": "address-country", "hometown": "address-postalcode", "category": "_tag"}


def fhir_path(q, filters=()):
    params = [("_count", "20")] + [("name", w) for w in q.split()]
    params += [(FHIR_FILTER[k], ("urn:vn-diaspora:category|" + v) if k == "category" else v) for k, v in filters]
    return "/Patient?" + urllib.parse.urlencode(params, quote_via=urllib.parse.quote)


classes = {c: [] for c in ["family", "given", "fullname", "typo", "filters"]}
for family in ["Nguyễn", "nguyen", "Trần", "tran", "Lê", "le"]:
    classes["family"].append((family, ()))
for pid, name, hometown, country, category in people:
    words = name.split()
    classes["given"].append((random.choice([words[-1], plain(words[-1]).lower()]), ()))
    classes["fullname"].append((random.choice([shuffled(name), plain(name).lower(), name]), ()))
    t = one_typo(name) if random.random() < 0.7 else typo(plain(words[-1]).lower()) if len(words[-1]) >= 4 else None
    if t:
        classes["typo"].append((t, ()))
    f = random.choice([("country", country), ("hometown", hometown)] + ([("category", category)] if category else []))
    classes["filters"].append((random.choice([words[0], name, plain(name)]), (f,)))

for c, queries in classes.items():
    with open(f"{out}/q-{c}.txt", "w", encoding="utf-8") as paths, open(f"{out}/raw-{c}.tsv", "w", encoding="utf-8") as raw, \
            open(f"{out}/fhir-{c}.txt", "w", encoding="utf-8") as fhir:
        for q, filters in queries:
            paths.write(path(q, filters) + "\n")
            fhir.write(fhir_path(q, filters) + "\n")
            column, value = filters[0] if filters else ("", "")
            raw.write(f"{q}\t{column}\t{value}\n")

# Recall: the intended person among the first 20, for its name as typed with its hometown (what an
# official knows of the person they look for), exactly, without diacritics, with one typo.
with open(f"{out}/recall.tsv", "w", encoding="utf-8") as r:
    for pid, name, hometown, country, category in people[:300]:
        r.write(f"exact\t{pid}\t{path(shuffled(name), [('hometown', hometown)])}\n")
        r.write(f"no-diacritics\t{pid}\t{path(plain(name).lower(), [('hometown', hometown)])}\n")
        t = one_typo(name)
        if t:
            r.write(f"one-typo\t{pid}\t{path(t, [('hometown', hometown)])}\n")
