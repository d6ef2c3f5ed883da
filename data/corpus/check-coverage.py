#!/usr/bin/env python3
"""Validate the team-written corpus and report its coverage.

usage: python3 data/corpus/check-coverage.py [CORPUS_DIR]

For every NNN-slug.json / NNN-slug.txt pair it checks that the JSON parses and
follows ../shared/eval/GUIDE.md (id = file stem, title = the text's first line,
ISO dates, parties as ISO alpha-2 / EU / NATO / UN / org: / group:, closed
vocabularies, one attribution line per (claimant, accused, stance), denials
and claims with claimant = accused), that the story is 150-400 words, and then
counts non-optional gold per incident type, stance and response kind. Exit
status is 1 when any check fails or any required count is below its minimum.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

INCIDENT_TYPES = ["disruption", "wiper", "ransomware", "ddos", "espionage", "data-breach",
                  "hack-and-leak", "defacement", "financial-theft", "sabotage", "influence"]
STANCES = ["accuses", "denies", "claims-responsibility"]
RESPONSE_KINDS = ["diplomatic-severance", "expulsion", "ambassador-summoned", "ambassador-recalled",
                  "sanctions", "indictment", "condemnation", "containment", "recovery", "advisory",
                  "reward", "takedown", "retaliation"]
INTL = {"EU", "NATO", "UN"}
MIN_EACH = 2            # every type / stance / kind, non-optional
MIN_STORIES = 48
MIN_MULTI_INCIDENT = 8  # stories with >= 2 non-optional incidents
MIN_NO_ATTRIBUTION = 8  # stories whose gold has no attribution line at all
MIN_NEGATION = 6        # stories whose text negates an attribution
MIN_HEDGED = 6          # stories whose text hedges an attribution
REQUIRED = {"albania-july-microsoft": "2022-09-08", "us-sanctions-mois": "2022-09-10"}

NEGATION = re.compile(
    r"did not (?:blame|name|say who|accuse|say where|indicate who)|not (?:formally )?attributed|"
    r"have not (?:said|publicly named|named|attributed)|has not (?:said|named|attributed)|"
    r"stopped short of|no evidence|made no allegation|no (?:country|state) has been blamed|"
    r"would not say who|declined to (?:say|discuss attribution)|not linked the activity|"
    r"not (?:yet )?(?:confirmed|named) who|gave no indication that any state|"
    r"not suggested that any foreign state|not (?:accuse|blame)d?", re.I)
HEDGED = re.compile(r"\b(?:believed to|believes?|suspect(?:ed|s)?|likely|alleged(?:ly)?|almost certainly|"
                    r"probably|speculated|appeared to|may be)\b", re.I)
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

# ISO 3166-1 alpha-2, used when node_modules/world-countries is not installed.
ISO2 = set("""AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET
FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO
IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH
MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG
TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW""".split())


def load_iso2(corpus: Path):
    countries = corpus.parent.parent / "node_modules" / "world-countries" / "countries.json"
    if countries.exists():
        return {c["cca2"] for c in json.loads(countries.read_text(encoding="utf-8"))}, str(countries)
    return ISO2, "built-in list"


def main(argv):
    corpus = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    iso2, iso_source = load_iso2(corpus)
    errors = []
    types, stances, kinds = Counter(), Counter(), Counter()
    party_kinds = Counter()
    multi, no_attr, negated, hedged = [], [], [], []
    stories = sorted(corpus.glob("[0-9][0-9][0-9]-*.json"))

    def party_ok(where, value, allow_null):
        if value is None:
            if not allow_null:
                errors.append(f"{where}: party may not be null here")
            return
        if value in INTL:
            party_kinds["intl"] += 1
        elif value.startswith("org:") and len(value) > 4:
            party_kinds["org"] += 1
        elif value.startswith("group:") and len(value) > 6:
            party_kinds["group"] += 1
        elif re.fullmatch(r"[A-Z]{2}", value) and value in iso2:
            party_kinds["state"] += 1
        else:
            errors.append(f"{where}: bad party {value!r}")

    for jf in stories:
        stem = jf.stem
        tf = jf.with_suffix(".txt")
        try:
            gold = json.loads(jf.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            errors.append(f"{stem}: JSON does not parse: {e}")
            continue
        if not tf.exists():
            errors.append(f"{stem}: missing .txt")
            continue
        text = tf.read_text(encoding="utf-8")
        lines = text.split("\n")
        if gold.get("id") != stem:
            errors.append(f"{stem}: id {gold.get('id')!r} does not match the file stem")
        if gold.get("title") != lines[0].strip():
            errors.append(f"{stem}: title differs from the text's first line")
        if len(lines) < 3 or lines[1].strip() != "":
            errors.append(f"{stem}: text must be headline, blank line, body")
        words = len(" ".join(lines[2:]).split())
        if not 150 <= words <= 400:
            errors.append(f"{stem}: body has {words} words (150-400 wanted)")
        pub = gold.get("published") or ""
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
            errors.append(f"{stem}: published {pub!r} is not YYYY-MM-DD")
        if "url" not in gold:
            errors.append(f"{stem}: url key missing (null is fine)")
        for key in ("incidents", "attributions", "responses"):
            if not isinstance(gold.get(key), list):
                errors.append(f"{stem}: {key} must be a list")

        required_incidents = 0
        for i, inc in enumerate(gold.get("incidents", [])):
            where = f"{stem} incident {i}"
            for c in inc.get("victim_countries", []):
                if c not in iso2:
                    errors.append(f"{where}: victim {c!r} is not ISO alpha-2")
            d = inc.get("date")
            if d is not None and (not DATE.match(d) or d > pub):
                errors.append(f"{where}: bad date {d!r}")
            for t in inc.get("types", []):
                if t not in INCIDENT_TYPES:
                    errors.append(f"{where}: unknown type {t!r}")
            if not isinstance(inc.get("optional"), bool):
                errors.append(f"{where}: optional must be true/false")
            if not inc.get("optional"):
                required_incidents += 1
                types.update(set(inc.get("types", [])))
        if required_incidents >= 2:
            multi.append(stem)

        seen = set()
        for i, a in enumerate(gold.get("attributions", [])):
            where = f"{stem} attribution {i}"
            st = a.get("stance")
            if st not in STANCES:
                errors.append(f"{where}: unknown stance {st!r}")
            party_ok(where, a.get("claimant"), allow_null=True)
            party_ok(where, a.get("accused"), allow_null=False)
            if st in ("denies", "claims-responsibility") and a.get("claimant") != a.get("accused"):
                errors.append(f"{where}: {st} needs claimant = accused")
            triple = (a.get("claimant"), a.get("accused"), st)
            if triple in seen:
                errors.append(f"{where}: duplicate line {triple}")
            seen.add(triple)
            if not a.get("optional"):
                stances[st] += 1
        if not gold.get("attributions"):
            no_attr.append(stem)

        for i, r in enumerate(gold.get("responses", [])):
            where = f"{stem} response {i}"
            if r.get("kind") not in RESPONSE_KINDS:
                errors.append(f"{where}: unknown kind {r.get('kind')!r}")
            party_ok(where, r.get("actor"), allow_null=False)
            party_ok(where, r.get("target"), allow_null=True)
            if not r.get("optional"):
                kinds[r.get("kind")] += 1

        body = "\n".join(lines[2:])
        if NEGATION.search(body):
            negated.append(stem)
        if HEDGED.search(body):
            hedged.append(stem)

    slugs = {jf.stem.split("-", 1)[1]: jf.stem for jf in stories}
    for slug, date in REQUIRED.items():
        stem = slugs.get(slug)
        if not stem:
            errors.append(f"required story {slug!r} is missing")
        elif json.loads((corpus / f"{stem}.json").read_text(encoding="utf-8")).get("published") != date:
            errors.append(f"required story {stem} must be published {date}")

    short = []

    def section(name, vocab, counts):
        print(f"\n{name} (non-optional gold)")
        for v in vocab:
            flag = "" if counts[v] >= MIN_EACH else "   <-- below minimum"
            if flag:
                short.append(f"{name}: {v}")
            print(f"  {v:22} {counts[v]:3}{flag}")

    print(f"corpus: {corpus}")
    print(f"stories: {len(stories)} (minimum {MIN_STORIES}); country codes checked against {iso_source}")
    section("incident types", INCIDENT_TYPES, types)
    section("attribution stances", STANCES, stances)
    section("response kinds", RESPONSE_KINDS, kinds)
    print("\nstory features")
    for label, items, minimum in (("two or more incidents", multi, MIN_MULTI_INCIDENT),
                                  ("no attribution at all", no_attr, MIN_NO_ATTRIBUTION),
                                  ("negated attribution in text", negated, MIN_NEGATION),
                                  ("hedged attribution in text", hedged, MIN_HEDGED)):
        flag = "" if len(items) >= minimum else "   <-- below minimum"
        if flag:
            short.append(label)
        print(f"  {label:30} {len(items):3} (min {minimum}){flag}")
    print("\nparty mentions (all gold lines)")
    for k in ("state", "intl", "org", "group"):
        print(f"  {k:8} {party_kinds[k]:4}")
        if not party_kinds[k]:
            short.append(f"party kind {k}")
    if len(stories) < MIN_STORIES:
        short.append("number of stories")
    if errors:
        print(f"\n{len(errors)} error(s):")
        for e in errors:
            print("  " + e)
    if short:
        print("\nbelow minimum: " + ", ".join(short))
    ok = not errors and not short
    print("\nOK" if ok else "\nFAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
