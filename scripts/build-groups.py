#!/usr/bin/env python3
"""Build data/gazetteer/groups.json — the threat-actor gazetteer.

Sources (read-only, see ../shared/data/README.md):
  * MISP galaxy threat-actor cluster   ../shared/data/misp-galaxy/threat-actor.json   (CC0 1.0 / BSD-2-Clause)
  * MITRE ATT&CK Enterprise groups      ../shared/data/attack/groups.json              (ATT&CK terms of use)
  * our curated overrides               data/gazetteer/groups-curated.json
  * our alias stop-list                 data/gazetteer/group-alias-stoplist.json

Steps
  1. One node per MISP cluster value and per active ATT&CK intrusion-set. Revoked ATT&CK sets
     give their names to the set that replaced them; deprecated sets are skipped.
  2. Nodes are merged when they share a name, strongest evidence first:
       a. a MISP value equals an ATT&CK name or alias;
       b. a MISP value equals another MISP entry's synonym;
       c. a MISP synonym equals an ATT&CK name or alias of exactly one ATT&CK set.
     A merge that would put two ATT&CK intrusion-sets into one entry is refused (ATT&CK keeps
     them apart on purpose: Lazarus / APT38 / Andariel, APT28 / APT29 ...). Two MISP synonyms
     alone never merge anything.
  3. A name left in two entries is "contested": it stays only where it is a primary name
     (an ATT&CK name or a MISP value), and is dropped everywhere if that is not exactly one entry.
  4. Curated entries (groups-curated.json) are applied: every generated entry whose primary
     name is the curated name or one of its aliases is absorbed; other entries lose any alias the
     curated entry claims. Curated name, sponsor, kind, origin and note win; "exclude" removes
     aliases; "needs_context" marks names that are also ordinary words.
  5. Aliases are filtered for precision, because the extractor matches every name case-sensitively
     as a whole word in news text (rules in `alias_verdict`). A primary name that fails the rules is
     kept as the entry's name but listed in "needs_context": the extractor must then see a cue
     ("ransomware", "group", "hackers", ...) next to it before it counts.
  6. sponsor / kind / origin are derived (curated > CFR sponsor in MISP > ATT&CK description >
     MISP country), entries are sorted, and the file is written deterministically.

Usage:
  python3 scripts/build-groups.py               # writes data/gazetteer/groups.json, prints a summary
  python3 scripts/build-groups.py --report F    # also writes merge/conflict/drop details to F
  python3 scripts/build-groups.py --refresh-stoplist /usr/share/dict/words
        # adds to group-alias-stoplist.json every single-word alias from the sources that is an
        # English dictionary word (the list in the repository is what the build uses; the
        # dictionary is only consulted on request, so builds do not depend on the machine)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gazetteer_common import (  # noqa: E402
    GAZ,
    SHARED_DATA,
    dump_entries,
    load_json,
    norm_key,
    sort_key_name,
    world_countries,
)

MISP_FILE = SHARED_DATA / "misp-galaxy" / "threat-actor.json"
ATTACK_FILE = SHARED_DATA / "attack" / "groups.json"
CURATED_FILE = GAZ / "groups-curated.json"
STOPLIST_FILE = GAZ / "group-alias-stoplist.json"
OUT_FILE = GAZ / "groups.json"

MAX_ALIAS_LEN = 60
KINDS = ("state", "criminal", "hacktivist")

# CFR's "suspected state sponsor" spellings that are not world-countries names.
CFR_NAMES = {
    "iran (islamic republic of)": "IR",
    "korea (democratic people's republic of)": "KP",
    "korea (republic of)": "KR",
    "people's republic of china": "CN",
    "russian federation": "RU",
    "united states": "US",
    "us": "US",
    "vietnam": "VN",
    "palestine": "PS",
    "unknown": None,
}

# Country words that, in the attribution part of an ATT&CK first sentence, name a sponsor/origin.
# Longest alternatives first ("South Korean" before "Korean").
DESC_COUNTRIES: list[tuple[str, str]] = [
    (r"North Korean?|DPRK|Democratic People's Republic of Korea", "KP"),
    (r"South Korean?|Republic of Korea", "KR"),
    (r"People['’]s Republic of China|PRC|Chinese|China", "CN"),
    (r"Russian|Russia", "RU"),
    (r"Iranian|Iran", "IR"),
    (r"Vietnamese|Vietnam", "VN"),
    (r"Pakistani|Pakistan", "PK"),
    (r"Indian|India", "IN"),
    (r"Lebanese|Lebanon", "LB"),
    (r"Türkiye|Turkish|Turkey", "TR"),
    (r"Belarusian|Belorussian|Belarus", "BY"),
    (r"Emirati|United Arab Emirates|UAE", "AE"),
    (r"Nigerian|Nigeria", "NG"),
    (r"Brazilian|Brazil", "BR"),
    (r"Palestinian|Gaza|Hamas", "PS"),
    (r"Israeli|Israel", "IL"),
    (r"Syrian|Syria", "SY"),
    (r"Ukrainian|Ukraine", "UA"),
    (r"Kazakh|Kazakhstan", "KZ"),
    (r"Spanish|Spain", "ES"),
]

# Vendors' naming schemes say what kind of actor a name stands for. Only the schemes the vendors
# document are used: CrowdStrike (animal), Microsoft (weather), Palo Alto Unit 42 (constellation),
# Secureworks (metal prefix). (regex over one name, kind, country)
NAMING_SCHEMES: list[tuple[str, str, str | None]] = [
    (r" (SPIDER|Spider)$", "criminal", None),
    (r" (PANDA|Panda)$", "state", "CN"),
    (r" (BEAR|Bear)$", "state", "RU"),
    (r" (KITTEN|Kitten)$", "state", "IR"),
    (r" (CHOLLIMA|Chollima)$", "state", "KP"),
    (r" (JACKAL|Jackal)$", "hacktivist", None),
    (r" Typhoon$", "state", "CN"),
    (r" Blizzard$", "state", "RU"),
    (r" Sandstorm$", "state", "IR"),
    (r" Sleet$", "state", "KP"),
    (r" Tempest$", "criminal", None),
    (r" Taurus$", "state", "CN"),
    (r" Ursa$", "state", "RU"),
    (r" Serpens$", "state", "IR"),
    (r" Pisces$", "state", "KP"),
    (r" Libra$", "criminal", None),
    (r"^(BRONZE|Bronze) ", "state", "CN"),
    (r"^(IRON|Iron) [A-Z]", "state", "RU"),
    (r"^(COBALT|Cobalt) [A-Z]", "state", "IR"),
    (r"^(NICKEL|Nickel) [A-Z]", "state", "KP"),
    (r"^(GOLD|Gold) [A-Z]", "criminal", None),
]


def scheme_votes(names: list[str]) -> set[tuple[str, str | None]]:
    votes = set()
    for n in names:
        for pattern, kind, country in NAMING_SCHEMES:
            if re.search(pattern, n):
                votes.add((kind, country))
    return votes


CRIMINAL_CUES = re.compile(
    r"financially[- ]motivated|financial(ly)? gain|cyber ?crim|criminal|ransomware|extortion|"
    r"\bfraud|carding|payment card|initial access broker|cryptojacking|cryptocurrency[- ]mining|"
    r"banking trojan|bank(s|ing)? fraud|e-currency|for profit|\bRaaS\b",
    re.I,
)
STATE_CUES = re.compile(
    r"state[- ](sponsored|backed|linked|aligned|nexus)|nation[- ]state|espionage|spying|"
    r"intelligence (service|agency|directorate|bureau|services)|military|\bAPT\b|advanced persistent|"
    r"ministry|\bPLA\b|People['’]s Liberation|\bGRU\b|\bFSB\b|\bSVR\b|\bMSS\b|\bIRGC\b|\bRGB\b|"
    r"Revolutionary Guard|government[- ](backed|sponsored|linked|affiliated)|"
    r"(nexus|ties|links?|connections?|attributed) to the \w+ government|on behalf of|surveillance",
    re.I,
)
HACKTIVIST_CUES = re.compile(r"hacktivis|hack-?tivis|politically motivated hackers", re.I)


# --------------------------------------------------------------------------- country helpers


def country_lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for c in world_countries():
        code = c["cca2"]
        for n in [c["name"]["common"], c["name"]["official"], *c.get("altSpellings", [])]:
            if len(n) > 2:
                table.setdefault(n.casefold(), code)
    for k, v in CFR_NAMES.items():
        if v:
            table[k] = v
    return table


def cfr_code(value, table) -> str | None:
    if not value:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if not value:
            return None
    v = str(value).strip().casefold()
    if v in CFR_NAMES:
        return CFR_NAMES[v]
    return table.get(v)


def desc_country(sentence: str) -> str | None:
    """Sponsor/origin named in the attribution part of an ATT&CK first sentence.

    Only the part before the first mention of targets/victims is read, so "targeted victims in
    Russia, China, Sweden" names no origin; "-speaking" adjectives name a language, not a state.
    """
    head = re.split(r"\b(target\w*|against|victims?|focus\w*|compromis\w*|primarily|espionage operations against)\b", sentence)[0]
    best: tuple[int, str] | None = None
    for pattern, code in DESC_COUNTRIES:
        for m in re.finditer(rf"\b(?:{pattern})\b(?!-speaking)", head):
            if best is None or m.start() < best[0]:
                best = (m.start(), code)
            break
    return best[1] if best else None


def guess_kind(text: str, has_country: bool) -> str | None:
    text = text or ""
    if HACKTIVIST_CUES.search(text):
        return "hacktivist"
    crim = bool(CRIMINAL_CUES.search(text))
    state = bool(STATE_CUES.search(text))
    if crim and not state:
        return "criminal"
    if state:
        return "state"
    return "state" if has_country else None


# --------------------------------------------------------------------------- stop-list rules


class AliasRules:
    """Decides whether an alias is safe for case-sensitive whole-word matching in news."""

    def __init__(self, stop: dict, blocked_names: set[str]):
        self.words = {w.casefold() for w in stop.get("words", [])}
        self.caps_too = {w.casefold() for w in stop.get("caps_too", [])}
        self.phrases = {p.casefold() for p in stop.get("phrases", [])}
        self.allow = set(stop.get("allow", []))
        # countries, capitals, demonyms, organisations, state and intl bodies
        self.blocked = {b.casefold(): why for b, why in blocked_names.items()}

    def verdict(self, alias: str) -> str | None:
        """None if the alias may be used; otherwise the reason it is dropped."""
        a = alias.strip()
        if a in self.allow:
            return None
        if not a:
            return "empty"
        if len(a) > MAX_ALIAS_LEN:
            return "too long"
        if re.fullmatch(r"G\d{4}", a):
            return "ATT&CK id"
        if ":" in a:
            return "a label, not a name"
        if not re.search(r"[^\W\d_]", a):
            return "no letters"
        latin = re.search(r"[A-Za-z]", a) is not None
        has_digit = re.search(r"\d", a) is not None
        letters = re.sub(r"[^A-Za-z]", "", a)
        if latin and len(a) < 4 and not has_digit:
            return "shorter than 4 characters"
        if latin and len(letters) < 3 and not has_digit:
            return "too few letters"
        cf = a.casefold()
        if cf in self.blocked:
            return f"equals {self.blocked[cf]}"
        if cf in self.phrases:
            return "stop-listed phrase"
        camel = re.search(r"[a-z][A-Z]", a) is not None  # "WebMasters", "BlackJack": not prose
        if " " not in a and cf in self.words and not camel:
            if a.isupper() and len(a) >= 4 and cf not in self.caps_too:
                return None  # Microsoft's old element names are written in capitals: STRONTIUM
            return "ordinary word or common name"
        return None


PLACE = "a country or place"
BODY = "an organisation or state body"


def blocked_names() -> dict[str, str]:
    """Names that must not be group aliases: countries, capitals, demonyms, organisations, bodies."""
    out: dict[str, str] = {}
    for c in world_countries():
        names = [c["name"]["common"], c["name"]["official"], *[a for a in c.get("altSpellings", []) if len(a) > 2]]
        names += c.get("capital", [])
        names += [d for d in c.get("demonyms", {}).get("eng", {}).values() if d]
        for n in names:
            out[n] = PLACE
    variants = GAZ / "country-variants.json"
    if variants.exists():
        data = load_json(variants)
        for code, v in data.items():
            if not (len(code) == 2 and isinstance(v, dict)):
                continue
            for key in ("names", "adjectives", "seats", "regions"):
                for n in v.get(key, []):
                    out[n] = PLACE
    for fname in ("organizations.json", "state-bodies.json", "intl-bodies.json"):
        p = GAZ / fname
        if p.exists():
            for e in load_json(p):
                for n in [e["name"], *e.get("aliases", [])]:
                    out.setdefault(n, BODY)
    return out


def title_variants(alias: str) -> list[str]:
    """News writes vendors' capitalised names in title case: "IRON TWILIGHT" -> "Iron Twilight"."""
    toks = alias.split(" ")
    letters = re.sub(r"[^A-Za-z]", "", alias)
    if not letters or not letters.isupper():
        return []
    if len(toks) == 1:
        # only Microsoft's element names (STRONTIUM -> Strontium); the stop-list decides if kept
        if re.fullmatch(r"[A-Z]{4,}IUM|[A-Z]{4,}", alias) and alias.endswith(("IUM", "INE", "ON", "US", "UM")):
            return [alias.capitalize()]
        return []
    out = []
    for t in toks:
        if re.fullmatch(r"[A-Z]{4,}", t):
            out.append(t.capitalize())
        else:
            out.append(t)
    v = " ".join(out)
    return [v] if v != alias else []


# --------------------------------------------------------------------------- merging


class Node:
    def __init__(self, source: str, primary: str, names: list[str]):
        self.source = source  # "misp-galaxy" | "attack"
        self.primary = primary
        self.names = names  # includes primary
        self.attack_id: str | None = None
        self.sponsor: str | None = None  # strong sponsor (CFR)
        self.country: str | None = None  # weaker (MISP country / ATT&CK description)
        self.text = ""


class UF:
    def __init__(self, n: int, anchors: list[bool]):
        self.p = list(range(n))
        self.anchors = [1 if a else 0 for a in anchors]

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.anchors[ra] + self.anchors[rb] > 1:
            return False
        self.p[rb] = ra
        self.anchors[ra] += self.anchors[rb]
        return True


def load_nodes(report: list[str]) -> list[Node]:
    table = country_lookup()
    nodes: list[Node] = []
    misp = load_json(MISP_FILE)["values"]
    for e in misp:
        meta = e.get("meta", {})
        names = [x.strip() for x in [e["value"], *meta.get("synonyms", [])] if x.strip()]
        n = Node("misp-galaxy", e["value"].strip(), names)
        n.sponsor = cfr_code(meta.get("cfr-suspected-state-sponsor"), table)
        c = meta.get("country")
        n.country = c if isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c or "") else None
        motive = " ".join(str(meta.get(k, "")) for k in ("motive", "cfr-type-of-incident"))
        n.text = (e.get("description") or "")[:600] + " " + motive
        nodes.append(n)
    attack = load_json(ATTACK_FILE)
    by_id = {g["id"]: g for g in attack}
    extra: dict[str, list[str]] = defaultdict(list)
    for g in attack:
        if g["revoked"] and g.get("revoked_by"):
            tgt = g["revoked_by"]["id"]
            extra[tgt].extend([g["name"], *g.get("aliases", [])])
            report.append(f"attack: revoked {g['attack_id']} {g['name']} -> {g['revoked_by']['name']}")
    for g in attack:
        if g["revoked"]:
            continue
        if g["deprecated"]:
            report.append(f"attack: deprecated {g['attack_id']} {g['name']} skipped")
            continue
        names = [x.strip() for x in [g["name"], *g.get("aliases", []), *extra.get(g["id"], [])] if x.strip()]
        n = Node("attack", g["name"].strip(), names)
        n.attack_id = g["attack_id"]
        sent = g.get("description_first_sentence", "")
        n.country = desc_country(sent)
        n.text = sent
        nodes.append(n)
    assert all(k in by_id for k in extra)
    return nodes


def cluster(nodes: list[Node], report: list[str]) -> list[list[int]]:
    uf = UF(len(nodes), [n.source == "attack" for n in nodes])
    attack_keys: dict[str, set[int]] = defaultdict(set)  # key -> attack nodes having it
    attack_primary: dict[str, set[int]] = defaultdict(set)
    misp_primary: dict[str, set[int]] = defaultdict(set)
    misp_syn: dict[str, set[int]] = defaultdict(set)
    for i, n in enumerate(nodes):
        for name in n.names:
            k = norm_key(name)
            if not k:
                continue
            if n.source == "attack":
                attack_keys[k].add(i)
                if name == n.primary:
                    attack_primary[k].add(i)
            elif name == n.primary:
                misp_primary[k].add(i)
            else:
                misp_syn[k].add(i)

    def join(a: int, b: int, why: str):
        if not uf.union(a, b):
            report.append(f"merge refused ({why}): {nodes[a].primary!r} / {nodes[b].primary!r} — two ATT&CK sets")

    # a. MISP value == ATT&CK name, then MISP value == ATT&CK alias
    for table in (attack_primary, attack_keys):
        for k, ms in sorted(misp_primary.items()):
            for m in sorted(ms):
                if uf.anchors[uf.find(m)]:
                    continue
                for a in sorted(table.get(k, ())):
                    join(a, m, f"value {nodes[m].primary!r}")
    # b. MISP value == other MISP synonym
    for k, ms in sorted(misp_primary.items()):
        for m in sorted(ms):
            for o in sorted(misp_syn.get(k, ())):
                if o != m:
                    join(o, m, f"synonym {nodes[m].primary!r}")
    # c. MISP synonym == ATT&CK name/alias of exactly one set
    for k, ms in sorted(misp_syn.items()):
        ats = attack_keys.get(k, set())
        if len(ats) != 1:
            continue
        a = next(iter(ats))
        for m in sorted(ms):
            join(a, m, f"shared name {k!r}")
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        groups[uf.find(i)].append(i)
    return [sorted(v) for v in groups.values()]


# --------------------------------------------------------------------------- entries


def make_entry(nodes: list[Node], members: list[int]) -> dict:
    ms = [nodes[i] for i in members]
    attack = [n for n in ms if n.source == "attack"]
    misp = [n for n in ms if n.source == "misp-galaxy"]
    name = attack[0].primary if attack else misp[0].primary
    names: list[str] = []
    primaries: set[str] = set()
    attack_names = {norm_key(x) for n in attack for x in n.names}
    for n in attack + misp:
        primaries.add(norm_key(n.primary))
        for x in n.names:
            if x not in names:
                names.append(x)
    sponsors = [n.sponsor for n in misp if n.sponsor]
    countries = [n.country for n in attack if n.country] + [n.country for n in misp if n.country]
    text = " ".join(n.text for n in attack + misp)
    attack_text = " ".join(n.text for n in attack)
    misp_text = " ".join(n.text for n in misp)
    return {
        "attack_text": attack_text,
        "misp_text": misp_text,
        "name": name,
        "names": names,
        "primaries": primaries,
        "attack_names": attack_names,
        "attack_id": attack[0].attack_id if attack else None,
        "sources": sorted({n.source for n in ms}),
        "cand_sponsor": sponsors,
        "cand_country": countries,
        "text": text,
    }


def resolve_contested(entries: list[dict], report: list[str]) -> None:
    where: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(entries):
        for x in e["names"]:
            where[norm_key(x)].add(i)
    for k, idx in sorted(where.items()):
        if len(idx) < 2:
            continue
        owners = [i for i in idx if k in entries[i]["primaries"]]
        if not owners:
            owners = [i for i in idx if k in entries[i]["attack_names"]]
        keep = owners[0] if len(owners) == 1 else None
        for i in idx:
            if i == keep:
                continue
            entries[i]["names"] = [x for x in entries[i]["names"] if norm_key(x) != k]
        who = ", ".join(sorted(entries[i]["name"] for i in idx))
        report.append(
            f"contested {k!r} in [{who}] -> "
            + (f"kept in {entries[keep]['name']!r}" if keep is not None else "dropped everywhere")
        )


def apply_curated(entries: list[dict], curated: list[dict], report: list[str]) -> list[dict]:
    by_primary: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        for p in e["primaries"]:
            by_primary[p].append(i)
    absorbed: set[int] = set()
    out_curated: list[dict] = []
    claimed_by: dict[str, str] = {}
    for c in curated:
        for x in [c["name"], *c.get("aliases", []), *c.get("needs_context", [])]:
            claimed_by[norm_key(x)] = c["name"]
    for c in curated:
        ckeys = {norm_key(x) for x in [c["name"], *c.get("aliases", []), *c.get("needs_context", [])]}
        take = sorted({i for k in ckeys for i in by_primary.get(k, [])} - absorbed)
        names = [c["name"], *c.get("aliases", [])]
        sources = {"curated"}
        attack_id = None
        cand_sponsor: list[str] = []
        cand_country: list[str] = []
        texts: list[str] = []
        attack_texts: list[str] = []
        misp_texts: list[str] = []
        for i in take:
            e = entries[i]
            absorbed.add(i)
            sources.update(e["sources"])
            attack_id = attack_id or e["attack_id"]
            cand_sponsor += e["cand_sponsor"]
            cand_country += e["cand_country"]
            texts.append(e["text"])
            attack_texts.append(e["attack_text"])
            misp_texts.append(e["misp_text"])
            for x in e["names"]:
                owner = claimed_by.get(norm_key(x))
                if owner and owner != c["name"]:
                    report.append(f"alias {x!r} of {e['name']!r} left to curated {owner!r}, not {c['name']!r}")
                    continue
                if x not in names:
                    names.append(x)
        if len(take) > 1:
            report.append(f"curated {c['name']!r} absorbs {[entries[i]['name'] for i in take]}")
        elif not take:
            report.append(f"curated {c['name']!r} is new (no generated entry)")
        out_curated.append(
            {
                "curated": c,
                "name": c["name"],
                "names": names,
                "attack_id": c.get("attack_id") or attack_id,
                "sources": sorted(sources),
                "cand_sponsor": cand_sponsor,
                "cand_country": cand_country,
                "text": " ".join(texts),
                "attack_text": " ".join(attack_texts),
                "misp_text": " ".join(misp_texts),
            }
        )
    # names claimed by curated entries leave the other generated entries
    claimed: dict[str, str] = {}
    for oc in out_curated:
        for x in [oc["name"], *oc["curated"].get("aliases", []), *oc["curated"].get("needs_context", [])]:
            claimed[norm_key(x)] = oc["name"]
    rest = []
    for i, e in enumerate(entries):
        if i in absorbed:
            continue
        kept = []
        for x in e["names"]:
            k = norm_key(x)
            if k in claimed:
                report.append(f"alias {x!r} moved from {e['name']!r} to curated {claimed[k]!r}")
            else:
                kept.append(x)
        if not kept:
            continue
        if norm_key(e["name"]) in claimed:
            e["name"] = kept[0]
        e["names"] = kept
        rest.append(e)
    return out_curated + rest


def finish(e: dict, rules: AliasRules, drops: list[str]) -> dict | None:
    """The output entry, or None when a generated entry has no name safe to match."""
    c = e.get("curated")
    names = list(e["names"])
    # title-case variants of capitalised vendor names
    for x in list(names):
        for v in title_variants(x):
            if v not in names:
                names.append(v)
    exclude = set(c.get("exclude", [])) if c else set()
    name = e["name"]
    aliases: list[str] = []
    needs_context = list(c.get("needs_context", [])) if c else []
    for x in names:
        x = x.strip()
        if x == name or x in exclude or x in aliases or x in needs_context:
            continue
        if c and x in c.get("aliases", []):
            # curated aliases are deliberate ("Unit 26165" is both an APT28 alias and a GRU unit in
            # state-bodies.json): only the hard rules apply
            why = rules.verdict(x)
            soft = ("ordinary word or common name", f"equals {BODY}")
            if why and why not in soft:
                drops.append(f"{name}: curated alias {x!r} dropped: {why}")
                continue
            aliases.append(x)
            continue
        why = rules.verdict(x)
        if why:
            drops.append(f"{name}: {x!r} dropped: {why}")
            continue
        aliases.append(x)
    if not c and rules.verdict(name):
        # a generated entry named by an ordinary word ("Silence", "Axiom"): the word is kept only
        # for matching with a cue, and the entry is named by its first safe alias
        needs_context.append(name)
        if not aliases:
            drops.append(f"entry {name!r} dropped: its only name is {rules.verdict(name)}")
            return None
        # prefer a spelling of the same name ("SideWinder"), then a name without digits
        pick = next((a for a in aliases if a.casefold() == name.casefold()), None)
        pick = pick or next((a for a in aliases if not re.search(r"\d", a)), aliases[0])
        drops.append(f"entry {name!r} renamed {pick!r}: the name is {rules.verdict(name)}")
        aliases.remove(pick)
        name = pick
    # sponsor, kind, origin
    sponsor, kind, origin = derive_attribution(e)
    if c:
        # a curated key wins, even when null ("no known sponsor")
        if "sponsor" in c:
            sponsor = c["sponsor"]
            if sponsor and "origin" not in c:
                origin = None
        if "kind" in c:
            kind = c["kind"]
        if "origin" in c:
            origin = c["origin"]
        if kind != "state" and sponsor is None and origin is None and "origin" not in c:
            origin = None
    out: dict = {"name": name, "aliases": sorted(set(aliases), key=lambda s: (s.casefold(), s))}
    if sponsor:
        out["sponsor"] = sponsor
    if origin and origin != sponsor:
        out["origin"] = origin
    if kind:
        out["kind"] = kind
    if needs_context:
        out["needs_context"] = sorted(set(needs_context), key=lambda s: (s.casefold(), s))
    if e.get("attack_id"):
        out["attack_id"] = e["attack_id"]
    out["source"] = sorted(set(e["sources"]))
    if c and c.get("note"):
        out["note"] = c["note"]
    return out


def derive_attribution(e: dict) -> tuple[str | None, str | None, str | None]:
    sponsors = e.get("cand_sponsor", [])
    countries = e.get("cand_country", [])
    country = sponsors[0] if sponsors else (countries[0] if countries else None)
    # ATT&CK's first sentence says what a group is more reliably than MISP's longer texts
    kind = None
    if e.get("attack_text", "").strip():
        kind = guess_kind(e["attack_text"], False)
    if kind is None:
        kind = guess_kind(e.get("misp_text", ""), bool(country))
    # vendor naming schemes, when they agree with each other, settle kind (and a missing sponsor)
    votes = scheme_votes(e.get("names", []))
    if len({k for k, _ in votes}) == 1:
        vkind = next(iter(votes))[0]
        vcountries = {c for _, c in votes if c}
        if vkind != kind:
            kind = vkind
        if vkind == "state" and len(vcountries) == 1 and not sponsors:
            vc = next(iter(vcountries))
            if country and country != vc:
                pass  # keep the source's country; the conflict is listed by --report
            else:
                country = vc
    if country == "KP" and kind == "criminal":
        kind = "state"  # North Korea's revenue operations are run by the state (RGB)
    if kind == "state":
        return country, kind, None
    return None, kind, country


# --------------------------------------------------------------------------- main


def refresh_stoplist(dict_path: Path) -> None:
    words = {w.strip().casefold() for w in open(dict_path, encoding="utf-8", errors="ignore") if w.strip()}
    stop = load_json(STOPLIST_FILE)
    current = {w.casefold() for w in stop.get("words", [])}
    names: set[str] = set()
    for e in load_json(MISP_FILE)["values"]:
        names.update([e["value"], *e.get("meta", {}).get("synonyms", [])])
    for g in load_json(ATTACK_FILE):
        names.update([g["name"], *g.get("aliases", [])])
    curated = load_json(CURATED_FILE) if CURATED_FILE.exists() else []
    for c in curated:
        names.update([c["name"], *c.get("aliases", [])])
    added = []
    for n in sorted(names):
        if " " in n:
            continue
        cf = n.casefold()
        stem = cf[:-1] if cf.endswith("s") else cf
        if (cf in words or stem in words) and cf not in current:
            added.append(cf)
    stop["words"] = sorted(current | set(added))
    with open(STOPLIST_FILE, "w", encoding="utf-8") as f:
        f.write(json.dumps(stop, ensure_ascii=False, indent=2) + "\n")
    print(f"stop-list: {len(added)} words added: {', '.join(added)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--report", type=Path, help="write merge/conflict/drop details here")
    ap.add_argument("--refresh-stoplist", type=Path, metavar="DICT", help="add dictionary words to the stop-list")
    ap.add_argument("--out", type=Path, default=OUT_FILE)
    args = ap.parse_args()
    if args.refresh_stoplist:
        refresh_stoplist(args.refresh_stoplist)
        return 0

    report: list[str] = []
    nodes = load_nodes(report)
    clusters = cluster(nodes, report)
    entries = [make_entry(nodes, m) for m in clusters]
    resolve_contested(entries, report)
    # drop MISP placeholders such as "[Unnamed group]" and "[Vault 7/8]"
    entries = [e for e in entries if e["names"] and not e["name"].startswith("[")]
    curated = load_json(CURATED_FILE)
    merged = apply_curated(entries, curated, report)
    blocked = blocked_names()
    rules = AliasRules(load_json(STOPLIST_FILE), blocked)
    kept = []
    for e in merged:
        if not e.get("curated") and blocked.get(e["name"]) == BODY:
            report.append(f"entry {e['name']!r} dropped: it is {BODY} (see the other gazetteer files)")
            continue
        kept.append(e)
    drops: list[str] = []
    out = [x for x in (finish(e, rules, drops) for e in kept) if x is not None]

    # the same display name twice (different clusters): keep the richer one's name, rename others
    seen: dict[str, int] = {}
    for i, e in enumerate(out):
        k = norm_key(e["name"])
        if k in seen:
            report.append(f"duplicate name {e['name']!r}: entries merged")
            keep = out[seen[k]]
            keep["aliases"] = sorted(set(keep["aliases"]) | set(e["aliases"]), key=lambda s: (s.casefold(), s))
            keep["source"] = sorted(set(keep["source"]) | set(e["source"]))
            e["_dead"] = True
        else:
            seen[k] = i
    out = [e for e in out if not e.get("_dead")]
    out.sort(key=sort_key_name)
    text = dump_entries(out)
    args.out.write_text(text, encoding="utf-8")

    kinds = defaultdict(int)
    for e in out:
        kinds[e.get("kind", "-")] += 1
    n_alias = sum(len(e["aliases"]) for e in out)
    print(
        f"groups.json: {len(out)} entries, {n_alias} aliases, {len(text.encode()):,} bytes; "
        f"kinds {dict(sorted(kinds.items()))}; {len(drops)} aliases dropped; "
        f"{sum(1 for e in out if 'curated' in e['source'])} curated"
    )
    if args.report:
        args.report.write_text("\n".join(report + ["", "# dropped aliases"] + drops) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
