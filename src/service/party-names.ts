import worldCountries, { type Country } from "world-countries";

// The package is CommonJS: under some loaders its array arrives as `default`.
const countries = ((worldCountries as unknown as { default?: Country[] }).default ??
  worldCountries) as unknown as Country[];

let byName: Map<string, string> | undefined;

/** Country names (common and official, any case) → ISO alpha-2, so that a filter may say "Albania" for AL. */
function countryCodes(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (const c of countries) {
    byName.set(c.name.common.toLowerCase(), c.cca2);
    byName.set(c.name.official.toLowerCase(), c.cca2);
  }
  return byName;
}

/** A party as a filter names it, with a country's name replaced by its code; anything else unchanged. */
export function partyFilterValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return countryCodes().get(value.trim().toLowerCase()) ?? value;
}
