"""Shared helpers for the gazetteer scripts (build-groups.py, check-gazetteer.py).

Only the Python standard library is used. Paths are resolved from the repository
root (the parent of this scripts/ folder), so the scripts run from any directory.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
GAZ = REPO / "data" / "gazetteer"
WORLD_COUNTRIES = REPO / "node_modules" / "world-countries" / "countries.json"
# ../shared/data beside the checkout (see ../shared/data/README.md)
SHARED_DATA = REPO.parent / "shared" / "data"

# Key order used when writing entries, so that every file reads the same way.
KEY_ORDER = [
    "code",
    "name",
    "aliases",
    "country",
    "sponsor",
    "origin",
    "kind",
    "role",
    "sector",
    "names",
    "adjectives",
    "plurals",
    "seats",
    "regions",
    "drop",
    "shared_with",
    "needs_context",
    "exclude",
    "attack_id",
    "source",
    "note",
]


def load_json(path: Path) -> Any:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def norm_key(s: str) -> str:
    """Loose identity of a name: case-folded, accents stripped, separators removed.

    "Threat Group-3390" and "threat group 3390" share a key; so do "APT 28" and "APT28".
    Used for merging and duplicate detection, never for matching news text.
    """
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold()
    return re.sub(r"[\s\-_.'’`]+", "", s)


def _order_keys(obj: dict) -> dict:
    known = [k for k in KEY_ORDER if k in obj]
    rest = sorted(k for k in obj if k not in KEY_ORDER)
    return {k: obj[k] for k in known + rest}


def _dump_value(v: Any) -> str:
    """Scalars and arrays on one line; nested objects compact."""
    return json.dumps(v, ensure_ascii=False)


def dump_entries(entries: list[dict]) -> str:
    """A JSON array of objects, one key per line, arrays kept on the key's line."""
    out = ["["]
    for i, e in enumerate(entries):
        e = _order_keys(e)
        out.append("  {")
        items = list(e.items())
        for j, (k, v) in enumerate(items):
            comma = "," if j < len(items) - 1 else ""
            out.append(f"    {json.dumps(k)}: {_dump_value(v)}{comma}")
        out.append("  }" + ("," if i < len(entries) - 1 else ""))
    out.append("]")
    return "\n".join(out) + "\n"


def dump_mapping_of_objects(mapping: dict, top_extra: dict | None = None) -> str:
    """An object whose values are small objects (country-variants.json)."""
    out = ["{"]
    items: list[tuple[str, Any]] = []
    if top_extra:
        items.extend(top_extra.items())
    items.extend(mapping.items())
    for i, (k, v) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(v, dict):
            out.append(f"  {json.dumps(k)}: {{")
            sub = _order_keys(v) if not isinstance(v, list) else v
            sitems = list(sub.items())
            for j, (sk, sv) in enumerate(sitems):
                scomma = "," if j < len(sitems) - 1 else ""
                out.append(f"    {json.dumps(sk)}: {_dump_value(sv)}{scomma}")
            out.append("  }" + comma)
        elif isinstance(v, list) and v and isinstance(v[0], dict):
            out.append(f"  {json.dumps(k)}: [")
            for j, item in enumerate(v):
                icomma = "," if j < len(v) - 1 else ""
                out.append(f"    {_dump_value(item)}{icomma}")
            out.append("  ]" + comma)
        else:
            out.append(f"  {json.dumps(k)}: {_dump_value(v)}{comma}")
    out.append("}")
    return "\n".join(out) + "\n"


def sort_key_name(e: dict) -> tuple:
    n = e.get("code") or e.get("name") or ""
    return (n.casefold(), n)


def world_countries() -> list[dict]:
    return load_json(WORLD_COUNTRIES)


def cca2_set() -> set[str]:
    return {c["cca2"] for c in world_countries()}
