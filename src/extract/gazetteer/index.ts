import { countryEntries } from "./countries.ts";
import { loadData } from "./data.ts";
import { SurfaceMatcher } from "./matcher.ts";
import type { GazetteerEntry, GroupRow, IntlBodyRow, OrganizationRow, StateBodyRow } from "./types.ts";

export type { GazetteerMatch } from "./matcher.ts";
export type { CountryForm, GazetteerEntry } from "./types.ts";

interface OfficialTitles {
  titles: string[];
  bodies: string[];
}

function namesOf(row: { name: string; aliases?: string[] }): string[] {
  return [row.name, ...(row.aliases ?? [])];
}

/** Compiles every gazetteer table into one matcher. Order is priority: a surface listed twice keeps its first meaning. */
export function compileGazetteer(extraGroups: readonly GroupRow[] = []) {
  const bodies = loadData<StateBodyRow[]>("gazetteer/state-bodies.json");
  const intl = loadData<IntlBodyRow[]>("gazetteer/intl-bodies.json");
  const orgs = loadData<OrganizationRow[]>("gazetteer/organizations.json");
  const groups = [...loadData<GroupRow[]>("gazetteer/groups.json"), ...extraGroups];
  const variants = loadData<Record<string, unknown>>("gazetteer/country-variants.json");
  const {
    places,
    not_countries: notCountries,
    reporters,
  } = loadData<{
    places: Record<string, string>;
    not_countries: string[];
    reporters: string[];
  }>("lexicon/actor-nouns.json");
  const officials = loadData<OfficialTitles>("gazetteer/official-titles.json");

  // news agencies report a story; they are never a party to it
  const entries: GazetteerEntry[] = [...notCountries, ...reporters].map(
    (surface) => ({ kind: "none", surface }) as const,
  );
  // one entry per surface form: the row's name and each of its aliases
  // every name and alias of a row; surfaces listed in needs_context are marked to match beside a cue only
  const eachName = <R extends { name: string; aliases?: string[]; needs_context?: string[] }>(
    rows: readonly R[],
    make: (row: R, surface: string, cue: boolean) => GazetteerEntry,
  ) => {
    for (const row of rows) {
      const guarded = new Set(row.needs_context ?? []);
      for (const surface of new Set([...namesOf(row), ...guarded]))
        entries.push(make(row, surface, guarded.has(surface)));
    }
  };
  eachName(bodies, (b, surface) => ({
    kind: "body",
    surface,
    country: b.country,
    name: b.name,
    role: b.role ?? "government",
  }));
  eachName(intl, (i, surface) => ({ kind: "intl", surface, code: i.code, name: i.name }));
  entries.push(...countryEntries(variants));
  eachName(orgs, (o, surface, cue) => ({
    kind: "org",
    surface,
    ...(cue ? { cue } : {}),
    name: o.name,
    ...(o.country ? { country: o.country } : {}),
    ...(o.sector ? { sector: o.sector } : {}),
  }));
  eachName(groups, (g, surface, cue) => ({
    kind: "group",
    surface,
    ...(cue ? { cue } : {}),
    name: g.name,
    aliases: namesOf(g).filter((a) => a !== g.name),
    ...(g.sponsor ? { sponsor: g.sponsor } : {}),
  }));
  for (const [surface, country] of Object.entries(places)) entries.push({ kind: "place", surface, country });
  return { matcher: new SurfaceMatcher(entries), officials };
}

let compiled: ReturnType<typeof compileGazetteer> | undefined;

/** The gazetteer built from the data tables, compiled on first use and shared by every document. */
export function gazetteer(): ReturnType<typeof compileGazetteer> {
  compiled ??= compileGazetteer();
  return compiled;
}
