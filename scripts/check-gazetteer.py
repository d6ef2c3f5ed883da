#!/usr/bin/env python3
"""Validate the gazetteer files in data/gazetteer/ and print counts.

Checks
  * every file parses and has the documented shape (keys, enums, types);
  * every country code (country, sponsor, origin, shared_with, country-variants keys and codes)
    is a cca2 of the npm package world-countries;
  * no name or alias is listed twice within a file (exact string; matching is case-sensitive),
    and no intl-bodies code is a country code;
  * no group alias is shared by two groups with different sponsors (the build script keeps every
    alias in one group only, so any sharing is reported);
  * group aliases obey the precision rules of scripts/build-groups.py;
  * country-variants: "drop" values exist in world-countries, additions are not already there
    (reported as warnings), no name is given to two countries unless listed in ambiguous_names;
  * official-titles: lower case, no duplicates, no entry both a title and a body;
  * hand-written files are sorted and formatted as scripts/gazetteer_common.py writes them
    (fix with --fix), and groups.json is what build-groups.py produces now (size < 1.5 MB).

Exit status 1 if any error; warnings do not fail. Names shared between files (an APT28 alias that
is also a GRU unit in state-bodies.json) are listed for information.

Usage: python3 scripts/check-gazetteer.py [--fix] [--quiet]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gazetteer_common import (  # noqa: E402
    GAZ,
    dump_entries,
    dump_mapping_of_objects,
    load_json,
    norm_key,
    sort_key_name,
    world_countries,
)

ROLES = {"government", "ministry", "intelligence", "military", "law-enforcement", "cyber-agency", "legislature",
         "head-of-state", "prosecutor", "regulator"}
SECTORS = {"security-vendor", "tech", "victim-company", "ngo", "media", "crypto", "other"}
KINDS = {"state", "criminal", "hacktivist"}
GROUP_SOURCES = {"misp-galaxy", "attack", "curated"}
MAX_GROUPS_BYTES = 1_500_000

FILES = ["state-bodies.json", "official-titles.json", "intl-bodies.json", "organizations.json", "groups.json",
         "groups-curated.json", "group-alias-stoplist.json", "country-variants.json"]


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.info: list[str] = []

    def err(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)


def check_keys(r: Report, fname: str, e: dict, required: dict, optional: dict) -> None:
    label = f"{fname}: {e.get('name') or e.get('code')!r}"
    for k, t in required.items():
        if k not in e:
            r.err(f"{label}: missing '{k}'")
        elif not isinstance(e[k], t):
            r.err(f"{label}: '{k}' should be {t.__name__ if isinstance(t, type) else t}")
    for k in e:
        if k not in required and k not in optional:
            r.err(f"{label}: unknown key '{k}'")
        elif k in optional and e[k] is not None and not isinstance(e[k], optional[k]):
            r.err(f"{label}: '{k}' has the wrong type")
    for k in ("aliases", "needs_context", "shared_with", "exclude"):
        if isinstance(e.get(k), list) and not all(isinstance(x, str) and x.strip() == x and x for x in e[k]):
            r.err(f"{label}: '{k}' must hold non-empty trimmed strings")


def names_of(e: dict) -> list[str]:
    return [e["name"], *e.get("aliases", [])] if "name" in e else []


def dup_check(r: Report, fname: str, entries: list[dict], key_fn=names_of) -> dict[str, list[str]]:
    """Exact duplicates across (and within) entries are errors. Returns name -> owners."""
    owners: dict[str, list[str]] = defaultdict(list)
    for e in entries:
        own = e.get("code") or e.get("name")
        seen = set()
        for n in key_fn(e):
            if n in seen:
                r.err(f"{fname}: {own!r} lists {n!r} twice")
            seen.add(n)
            owners[n].append(own)
    for n, os in owners.items():
        if len(set(os)) > 1:
            r.err(f"{fname}: {n!r} is claimed by {sorted(set(os))}")
    return owners


def needs_context_subset(r: Report, fname: str, e: dict) -> None:
    """needs_context holds surfaces matched only next to a cue: the name itself, or words kept out of aliases."""
    nc = e.get("needs_context", [])
    both = [x for x in nc if x in e.get("aliases", [])]
    if both:
        r.err(f"{fname}: {e['name']!r}: {both} are in both aliases and needs_context")
    if len(set(nc)) != len(nc):
        r.err(f"{fname}: {e['name']!r}: needs_context has duplicates")


def check_sorted_format(r: Report, fname: str, text: str, expected: str, fix: bool) -> None:
    if text != expected:
        if fix:
            (GAZ / fname).write_text(expected, encoding="utf-8")
            r.info.append(f"{fname}: rewritten (sorted/formatted)")
        else:
            r.err(f"{fname}: not sorted/formatted as the scripts write it (run with --fix)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fix", action="store_true", help="re-sort and re-format the hand-written files")
    ap.add_argument("--quiet", action="store_true", help="do not list names shared between files")
    args = ap.parse_args()
    r = Report()

    wc = world_countries()
    cca2 = {c["cca2"] for c in wc}

    def code_ok(where: str, code) -> None:
        if code is not None and code not in cca2:
            r.err(f"{where}: {code!r} is not a world-countries cca2 code")

    data: dict[str, object] = {}
    texts: dict[str, str] = {}
    for f in FILES:
        p = GAZ / f
        if not p.exists():
            r.err(f"{f}: missing")
            continue
        texts[f] = p.read_text(encoding="utf-8")
        try:
            data[f] = json.loads(texts[f])
        except json.JSONDecodeError as ex:
            r.err(f"{f}: does not parse: {ex}")
    if r.errors:
        return finish(r)

    # ---------------------------------------------------------------- state-bodies
    bodies = data["state-bodies.json"]
    for e in bodies:
        check_keys(r, "state-bodies.json", e, {"name": str, "aliases": list, "country": str, "role": str},
                   {"shared_with": list, "note": str})
        code_ok(f"state-bodies.json {e['name']!r}", e.get("country"))
        for c in e.get("shared_with", []):
            code_ok(f"state-bodies.json {e['name']!r} shared_with", c)
        if e.get("role") not in ROLES:
            r.err(f"state-bodies.json {e['name']!r}: role {e.get('role')!r} not in {sorted(ROLES)}")
    body_names = dup_check(r, "state-bodies.json", bodies)
    check_sorted_format(r, "state-bodies.json", texts["state-bodies.json"],
                        dump_entries(sorted(bodies, key=sort_key_name)), args.fix)

    # ---------------------------------------------------------------- official-titles
    ot = data["official-titles.json"]
    if not isinstance(ot, dict) or not {"titles", "bodies"} <= set(ot):
        r.err("official-titles.json: needs 'titles' and 'bodies'")
    else:
        lists = {k: v for k, v in ot.items() if isinstance(v, list)}
        for k, v in lists.items():
            for x in v:
                if x != x.lower() or x != x.strip():
                    r.err(f"official-titles.json {k}: {x!r} must be lower case and trimmed")
            if len(set(v)) != len(v):
                r.err(f"official-titles.json {k}: duplicates")
            if v != sorted(v):
                if args.fix:
                    ot[k] = sorted(set(v))
                else:
                    r.err(f"official-titles.json {k}: not sorted (run with --fix)")
        both = set(ot["titles"]) & set(ot["bodies"])
        if both:
            r.err(f"official-titles.json: both title and body: {sorted(both)}")
        if args.fix:
            (GAZ / "official-titles.json").write_text(json.dumps(ot, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    # ---------------------------------------------------------------- intl-bodies
    intl = data["intl-bodies.json"]
    codes = set()
    for e in intl:
        check_keys(r, "intl-bodies.json", e, {"code": str, "name": str, "aliases": list}, {"parent": str, "note": str})
        if e["code"] in cca2:
            r.err(f"intl-bodies.json: code {e['code']!r} collides with a country code")
        if e["code"] in codes:
            r.err(f"intl-bodies.json: code {e['code']!r} twice")
        codes.add(e["code"])
    for e in intl:
        if e.get("parent") and e["parent"] not in codes:
            r.err(f"intl-bodies.json {e['code']}: parent {e['parent']!r} unknown")
    intl_names = dup_check(r, "intl-bodies.json", intl)
    check_sorted_format(r, "intl-bodies.json", texts["intl-bodies.json"],
                        dump_entries(sorted(intl, key=lambda e: e["code"])), args.fix)

    # ---------------------------------------------------------------- organizations
    orgs = data["organizations.json"]
    for e in orgs:
        check_keys(r, "organizations.json", e, {"name": str, "aliases": list, "sector": str},
                   {"country": str, "needs_context": list, "note": str})
        code_ok(f"organizations.json {e['name']!r}", e.get("country"))
        if e.get("sector") not in SECTORS:
            r.err(f"organizations.json {e['name']!r}: sector {e.get('sector')!r} not in {sorted(SECTORS)}")
        needs_context_subset(r, "organizations.json", e)
    org_names = dup_check(r, "organizations.json", orgs)
    check_sorted_format(r, "organizations.json", texts["organizations.json"],
                        dump_entries(sorted(orgs, key=sort_key_name)), args.fix)

    # ---------------------------------------------------------------- groups (curated + built)
    curated = data["groups-curated.json"]
    for e in curated:
        check_keys(r, "groups-curated.json", e, {"name": str, "aliases": list},
                   {"sponsor": str, "kind": str, "origin": str, "needs_context": list, "exclude": list,
                    "attack_id": str, "note": str})
        code_ok(f"groups-curated.json {e['name']!r} sponsor", e.get("sponsor"))
        code_ok(f"groups-curated.json {e['name']!r} origin", e.get("origin"))
        if e.get("kind") is not None and e["kind"] not in KINDS:
            r.err(f"groups-curated.json {e['name']!r}: kind {e['kind']!r}")
        needs_context_subset(r, "groups-curated.json", e)
        clash = set(e.get("exclude", [])) & set(names_of(e))
        if clash:
            r.err(f"groups-curated.json {e['name']!r}: both listed and excluded: {sorted(clash)}")
    dup_check(r, "groups-curated.json", curated)
    # curated aliases must not collide by loose key either (they are claimed by one entry only)
    loose: dict[str, set[str]] = defaultdict(set)
    for e in curated:
        for n in names_of(e):
            loose[norm_key(n)].add(e["name"])
    for k, owners in loose.items():
        if len(owners) > 1:
            r.err(f"groups-curated.json: {k!r} claimed by {sorted(owners)}")
    check_sorted_format(r, "groups-curated.json", texts["groups-curated.json"],
                        dump_entries(sorted(curated, key=sort_key_name)), args.fix)

    stop = data["group-alias-stoplist.json"]
    for k in ("words", "caps_too", "phrases", "allow"):
        if not isinstance(stop.get(k), list):
            r.err(f"group-alias-stoplist.json: '{k}' must be a list")
        elif stop[k] != sorted(stop[k], key=lambda s: (s.casefold(), s)) and k != "phrases" and stop[k] != sorted(stop[k]):
            r.warn(f"group-alias-stoplist.json: '{k}' not sorted")

    groups = data["groups.json"]
    size = len(texts["groups.json"].encode())
    if size >= MAX_GROUPS_BYTES:
        r.err(f"groups.json: {size:,} bytes (limit {MAX_GROUPS_BYTES:,})")
    for e in groups:
        check_keys(r, "groups.json", e, {"name": str, "aliases": list, "source": list},
                   {"sponsor": str, "origin": str, "kind": str, "needs_context": list, "attack_id": str, "note": str})
        code_ok(f"groups.json {e['name']!r} sponsor", e.get("sponsor"))
        code_ok(f"groups.json {e['name']!r} origin", e.get("origin"))
        if e.get("kind") is not None and e["kind"] not in KINDS:
            r.err(f"groups.json {e['name']!r}: kind {e['kind']!r}")
        if not set(e.get("source", [])) <= GROUP_SOURCES or not e.get("source"):
            r.err(f"groups.json {e['name']!r}: source {e.get('source')!r}")
        if e.get("attack_id") and not re.fullmatch(r"G\d{4}", e["attack_id"]):
            r.err(f"groups.json {e['name']!r}: attack_id {e['attack_id']!r}")
        needs_context_subset(r, "groups.json", e)
        for a in e["aliases"]:
            letters = re.sub(r"[^A-Za-z]", "", a)
            if re.search(r"[A-Za-z]", a) and len(a) < 4 and not re.search(r"\d", a):
                r.err(f"groups.json {e['name']!r}: alias {a!r} shorter than 4 characters")
            if not re.search(r"[^\W\d_]", a):
                r.err(f"groups.json {e['name']!r}: alias {a!r} has no letters")
            if letters and len(letters) < 3 and not re.search(r"\d", a):
                r.err(f"groups.json {e['name']!r}: alias {a!r} has too few letters")
    if groups != sorted(groups, key=sort_key_name):
        r.err("groups.json: not sorted")
    # alias shared by groups: error when sponsors differ, warning otherwise
    by_alias: dict[str, list[dict]] = defaultdict(list)
    for e in groups:
        for n in set(names_of(e)):
            by_alias[n].append(e)
    conflicts = 0
    for n, es in sorted(by_alias.items()):
        if len(es) < 2:
            continue
        sponsors = {x.get("sponsor") for x in es}
        who = ", ".join(f"{x['name']} ({x.get('sponsor') or '-'})" for x in es)
        if len(sponsors) > 1:
            conflicts += 1
            r.err(f"groups.json: {n!r} names groups with different sponsors: {who} — resolve in groups-curated.json")
        else:
            r.warn(f"groups.json: {n!r} names more than one group: {who}")
    # the committed groups.json is what the build produces now
    build = Path(__file__).resolve().parent / "build-groups.py"
    spec = importlib.util.spec_from_file_location("build_groups", build)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader
    spec.loader.exec_module(mod)
    with tempfile.TemporaryDirectory() as td:
        out = Path(td) / "groups.json"
        argv = sys.argv
        try:
            sys.argv = [str(build), "--out", str(out)]
            import contextlib
            import io

            with contextlib.redirect_stdout(io.StringIO()):
                mod.main()
        finally:
            sys.argv = argv
        if out.read_text(encoding="utf-8") != texts["groups.json"]:
            r.err("groups.json: out of date — run python3 scripts/build-groups.py")
    group_names = {n for e in groups for n in names_of(e)}

    # ---------------------------------------------------------------- country-variants
    cv = data["country-variants.json"]
    wc_by = {c["cca2"]: c for c in wc}

    def wc_values(c: dict) -> dict[str, set[str]]:
        names = {c["name"]["common"], c["name"]["official"], *[a for a in c.get("altSpellings", []) if len(a) >= 4]}
        adjs = {d for d in c.get("demonyms", {}).get("eng", {}).values() if d}
        seats = set(c.get("capital", []))
        plurals = {f"{d}s" for d in adjs if re.search(r"[ni]$", d)}  # as the extractor derives them
        return {"names": names, "adjectives": adjs, "plurals": plurals, "seats": seats, "regions": set()}

    name_country: dict[str, set[str]] = defaultdict(set)
    for code, c in wc_by.items():
        v = wc_values(c)
        drops = cv.get(code, {}).get("drop", {}) if isinstance(cv.get(code), dict) else {}
        for kind in ("names", "adjectives"):
            for n in v[kind] - set(drops.get(kind, [])):
                name_country[n].add(code)
    ambiguous = {a["name"] for a in cv.get("ambiguous_names", [])}
    for key in ("ambiguous_names", "ambiguous_capitals"):
        for a in cv.get(key, []):
            if not {"name", "codes", "reason"} <= set(a):
                r.err(f"country-variants.json {key}: {a!r} needs name, codes, reason")
            for c in a.get("codes", []):
                code_ok(f"country-variants.json {key} {a.get('name')!r}", c)
        names = [a["name"] for a in cv.get(key, [])]
        if len(names) != len(set(names)):
            r.err(f"country-variants.json {key}: duplicates")
    n_add = 0
    for code, v in cv.items():
        if not (len(code) == 2 and code.isupper()):
            continue
        code_ok("country-variants.json key", code)
        if code not in wc_by:
            continue
        base = wc_values(wc_by[code])
        for k in v:
            if k not in ("names", "adjectives", "plurals", "seats", "regions", "drop", "note"):
                r.err(f"country-variants.json {code}: unknown key {k!r}")
        for kind in ("names", "adjectives", "plurals", "seats", "regions"):
            items = v.get(kind, [])
            if len(items) != len(set(items)):
                r.err(f"country-variants.json {code} {kind}: duplicates")
            for n in items:
                n_add += 1
                if n in base[kind]:
                    r.warn(f"country-variants.json {code} {kind}: {n!r} is already in world-countries")
                if kind in ("names", "adjectives"):
                    name_country[n].add(code)
        for kind, items in v.get("drop", {}).items():
            if kind not in ("names", "adjectives", "seats"):
                r.err(f"country-variants.json {code} drop: unknown key {kind!r}")
                continue
            for n in items:
                if n not in base[kind]:
                    r.err(f"country-variants.json {code} drop {kind}: {n!r} is not in world-countries")
    for n, cs in sorted(name_country.items()):
        if len(cs) > 1 and n not in ambiguous:
            r.err(f"country-variants.json: {n!r} names {sorted(cs)} — drop it or list it in ambiguous_names")
    keys = [k for k in cv if len(k) == 2]
    top = {k: cv[k] for k in cv if len(k) != 2}
    expected = dump_mapping_of_objects({k: cv[k] for k in sorted(keys)}, top)
    check_sorted_format(r, "country-variants.json", texts["country-variants.json"], expected, args.fix)

    # ---------------------------------------------------------------- cross-file
    files = {
        "state-bodies": set(body_names),
        "intl-bodies": set(intl_names),
        "organizations": set(org_names),
        "groups": group_names,
    }
    shared: dict[str, list[str]] = defaultdict(list)
    for fname, ns in files.items():
        for n in ns:
            shared[n].append(fname)
    cross = {n: fs for n, fs in shared.items() if len(fs) > 1}
    for n, fs in sorted(cross.items()):
        r.info.append(f"shared between {' and '.join(fs)}: {n!r}")

    # ---------------------------------------------------------------- counts
    kinds = defaultdict(int)
    for e in groups:
        kinds[e.get("kind", "unknown")] += 1
    sponsored = sum(1 for e in groups if e.get("sponsor"))
    print("gazetteer counts")
    print(f"  state-bodies.json      {len(bodies):5} bodies, {sum(len(e['aliases']) for e in bodies)} aliases, "
          f"{len({e['country'] for e in bodies})} countries")
    print(f"  official-titles.json   {len(ot['titles']):5} titles, {len(ot.get('legislators', []))} legislators, "
          f"{len(ot['bodies'])} bodies")
    print(f"  intl-bodies.json       {len(intl):5} bodies, {sum(len(e['aliases']) for e in intl)} aliases")
    print(f"  organizations.json     {len(orgs):5} organisations, {sum(len(e['aliases']) for e in orgs)} aliases")
    print(f"  groups-curated.json    {len(curated):5} curated groups")
    print(f"  groups.json            {len(groups):5} groups, {sum(len(e['aliases']) for e in groups)} aliases, "
          f"{sponsored} with sponsor, kinds {dict(sorted(kinds.items()))}, {size:,} bytes")
    print(f"  group-alias-stoplist   {len(stop['words'])} words, {len(stop['caps_too'])} caps_too, "
          f"{len(stop['phrases'])} phrases, {len(stop['allow'])} allowed")
    print(f"  country-variants.json  {len(keys):5} countries, {n_add} additions, "
          f"{len(cv.get('ambiguous_capitals', []))} ambiguous capitals, {len(cv.get('ambiguous_names', []))} ambiguous names")
    print(f"  group alias conflicts  {conflicts}")
    if not args.quiet:
        for line in r.info:
            print("  info:", line)
    return finish(r)


def finish(r: Report) -> int:
    for w in r.warnings:
        print("WARNING:", w)
    for e in r.errors:
        print("ERROR:", e)
    print(f"{len(r.errors)} errors, {len(r.warnings)} warnings")
    return 1 if r.errors else 0


if __name__ == "__main__":
    sys.exit(main())
