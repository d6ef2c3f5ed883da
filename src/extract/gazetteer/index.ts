import type { Party } from "../../model/index.ts";
import { countryEntries } from "./countries.ts";
import { loadData } from "./data.ts";
import { SurfaceMatcher } from "./matcher.ts";
import type { GazetteerEntry, GroupRow, IntlBodyRow, OrganizationRow, StateBodyRow } from "./types.ts";

export type { GazetteerMatch } from "./matcher.ts";
export type { CountryForm, GazetteerEntry, GroupRow } from "./types.ts";

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
  // an agency of a union ("Europol") acts for the union, as a ministry acts for its state; its own name stays
  eachName(intl, (i, surface) => ({ kind: "intl", surface, code: i.parent ?? i.code, name: i.name }));
  entries.push(...countryEntries(variants));
  eachName(orgs, (o, surface, cue) => ({
    kind: "org",
    surface,
    ...(cue ? { cue } : {}),
    name: o.name,
    ...(o.country ? { country: o.country } : {}),
    ...(o.sector ? { sector: o.sector } : {}),
  }));
  eachName(withElementNames(groups), (g, surface, cue) => ({
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

let units: Map<string, Party> | undefined;

/**
 * "Unit 26165" is a GRU unit (state-bodies.json) and an alias of APT28 (groups.json): the body keeps the surface,
 * and the group is found here by the body's name, so that whoever accuses the unit accuses the group too.
 */
export function groupOfUnit(bodyName: string): Party | undefined {
  if (!units) {
    const bySurface = new Map<string, GroupRow>();
    for (const g of loadData<GroupRow[]>("gazetteer/groups.json"))
      for (const n of namesOf(g)) bySurface.set(n, g);
    units = new Map();
    for (const b of loadData<StateBodyRow[]>("gazetteer/state-bodies.json")) {
      const g = namesOf(b)
        .map((n) => bySurface.get(n))
        .find((x) => x !== undefined);
      if (g)
        units.set(b.name, {
          kind: "group",
          name: g.name,
          aliases: namesOf(g).filter((x) => x !== g.name),
          ...(g.sponsor ? { sponsor: g.sponsor } : {}),
        });
    }
  }
  return units.get(bodyName);
}

let compiled: ReturnType<typeof compileGazetteer> | undefined;

/** The gazetteer built from the data tables, compiled on first use and shared by every document. */
export function gazetteer(): ReturnType<typeof compileGazetteer> {
  compiled ??= compileGazetteer();
  return compiled;
}

type Gazetteer = ReturnType<typeof compileGazetteer>;
const withExtras = new WeakMap<readonly GroupRow[], Gazetteer>();

/**
 * The gazetteer with extra threat groups (from imported catalogues), compiled once per list given. Their names
 * pass the same stop-list as the bundled groups: an ordinary word ("Axiom") is matched only beside a cue word.
 */
export function gazetteerWith(extraGroups?: readonly GroupRow[]): Gazetteer {
  if (!extraGroups?.length) return gazetteer();
  let g = withExtras.get(extraGroups);
  if (!g) {
    g = compileGazetteer(guardOrdinaryWords(joinKnownGroups(extraGroups)));
    withExtras.set(extraGroups, g);
  }
  return g;
}

/**
 * A catalogue row naming a group the bundled table knows (by its name or any alias) becomes that group, so
 * that its new aliases resolve to the one group and not to a second of another name; likewise rows of several
 * catalogues that share a name or an alias become one.
 */
function joinKnownGroups(rows: readonly GroupRow[]): GroupRow[] {
  const canonical = new Map<string, string>();
  for (const g of loadData<GroupRow[]>("gazetteer/groups.json"))
    for (const n of namesOf(g)) if (!canonical.has(n.toLowerCase())) canonical.set(n.toLowerCase(), g.name);
  const joined = new Map<string, GroupRow & { aliases: string[] }>();
  for (const row of rows) {
    const names = namesOf(row);
    const name = names.map((n) => canonical.get(n.toLowerCase())).find((n) => n !== undefined) ?? row.name;
    for (const n of names) if (!canonical.has(n.toLowerCase())) canonical.set(n.toLowerCase(), name);
    const into = joined.get(name) ?? { name, aliases: [] };
    into.aliases.push(...names.filter((n) => n !== name));
    if (!into.sponsor && row.sponsor) into.sponsor = row.sponsor;
    if (row.needs_context) into.needs_context = [...(into.needs_context ?? []), ...row.needs_context];
    joined.set(name, into);
  }
  return [...joined.values()].map((r) => ({ ...r, aliases: [...new Set(r.aliases)] }));
}

/**
 * Microsoft's element names are listed in capitals ("IRIDIUM") and written as names in the news ("Iridium"). The
 * name form is also a word or a company's name, so it counts only beside a cue word ("a group it calls Iridium").
 */
function withElementNames(rows: readonly GroupRow[]): GroupRow[] {
  return rows.map((row) => {
    const names = new Set(namesOf(row));
    const elements = [...names]
      .filter((a) => /^[A-Z]{3,}IUM$/.test(a))
      .map((a) => a[0] + a.slice(1).toLowerCase())
      .filter((a) => !names.has(a));
    return elements.length ? { ...row, needs_context: [...(row.needs_context ?? []), ...elements] } : row;
  });
}

function guardOrdinaryWords(rows: readonly GroupRow[]): GroupRow[] {
  const stop = loadData<{ words: string[]; caps_too: string[]; phrases: string[]; allow: string[] }>(
    "gazetteer/group-alias-stoplist.json",
  );
  const words = new Set(stop.words.map((w) => w.toLowerCase()));
  const capsToo = new Set(stop.caps_too.map((w) => w.toLowerCase()));
  const phrases = new Set(stop.phrases.map((w) => w.toLowerCase()));
  const allow = new Set(stop.allow);
  const ordinary = (surface: string) => {
    if (allow.has(surface)) return false;
    const lower = surface.toLowerCase();
    if (surface.trim().length < 3 || phrases.has(lower)) return true;
    if (!words.has(lower)) return false;
    return surface !== surface.toUpperCase() || capsToo.has(lower);
  };
  return rows.map((row) => {
    const guarded = namesOf(row).filter(ordinary);
    return guarded.length ? { ...row, needs_context: [...(row.needs_context ?? []), ...guarded] } : row;
  });
}
