import worldCountries, { type Country } from "world-countries";
import type { CountryVariantsRow, GazetteerEntry } from "./types.ts";

// the package ships CommonJS typings for an ESM default export
const countries = ((worldCountries as unknown as { default?: Country[] }).default ??
  worldCountries) as unknown as Country[];

interface VariantsFile {
  ambiguous_capitals?: Array<string | { name: string }>;
  ambiguous_names?: Array<string | { name: string }>;
  [code: string]: unknown;
}

const nameOf = (v: string | { name: string }) => (typeof v === "string" ? v : v.name);

/** Country surface forms: world-countries' names, demonyms and capitals, corrected by the project's variants table. */
export function countryEntries(variants: VariantsFile): GazetteerEntry[] {
  const skipCapitals = new Set((variants.ambiguous_capitals ?? []).map(nameOf));
  const out: GazetteerEntry[] = [];
  const add = (surface: string, country: string, form: "name" | "adjective" | "plural" | "seat") => {
    if (surface.length >= 2) out.push({ kind: "country", surface, country, form });
  };
  // the project's variants come first so they win over world-countries where both claim a word
  addVariants(variants, add);
  // independent states first: "American" is the United States before it is American Samoa
  const ordered = [...countries].sort(
    (x, y) => Number(y.independent === true) - Number(x.independent === true),
  );
  for (const c of ordered) {
    if (!c.cca2) continue;
    const code = c.cca2;
    add(c.name.common, code, "name");
    if (c.name.official.length <= 40) add(c.name.official, code, "name");
    for (const alt of c.altSpellings) {
      // short codes ("AL", "IT", "IN") are ordinary words in news text; only curated ones are kept, via variants
      if (alt.length >= 4 && /^\p{Lu}/u.test(alt) && !alt.includes(",")) add(alt, code, "name");
    }
    const dem = c.demonyms?.eng;
    for (const d of new Set([dem?.m, dem?.f].filter((x): x is string => !!x))) {
      add(d, code, "adjective");
      if (/[ni]$/.test(d)) add(`${d}s`, code, "plural");
    }
    for (const cap of c.capital ?? []) if (!skipCapitals.has(cap)) add(cap, code, "seat");
  }
  return out;
}

function addVariants(
  variants: VariantsFile,
  add: (s: string, code: string, form: "name" | "adjective" | "plural" | "seat") => void,
): void {
  for (const [code, row] of Object.entries(variants)) {
    if (!/^[A-Z]{2}$/.test(code)) continue;
    const v = row as CountryVariantsRow;
    for (const s of v.names ?? []) add(s, code, "name");
    for (const s of v.adjectives ?? []) add(s, code, "adjective");
    for (const s of v.plurals ?? []) add(s, code, "plural");
    for (const s of v.seats ?? []) add(s, code, "seat");
  }
}
