import type { GroupRow } from "../extract/index.ts";
import type { CatalogueEntry } from "../model/index.ts";

/**
 * Catalogue entries as extra gazetteer rows: every entry's name and aliases, its sponsor (or, failing that,
 * the country the catalogue places it in, which for state groups is the same). A revoked entry's names become
 * aliases of its replacement, so a story naming an old name resolves to the group that replaced it.
 */
export function catalogueGroups(entries: readonly CatalogueEntry[]): GroupRow[] {
  const rows = new Map<string, GroupRow & { aliases: string[] }>();
  const revoked: CatalogueEntry[] = [];
  for (const e of entries) {
    if (e.revokedBy) {
      revoked.push(e);
      continue;
    }
    const key = e.name.toLowerCase();
    const row = rows.get(key) ?? { name: e.name, aliases: [] };
    row.aliases.push(...e.aliases);
    const sponsor = e.sponsor ?? row.sponsor ?? undefined;
    if (sponsor) row.sponsor = sponsor;
    rows.set(key, row);
  }
  for (const e of revoked) {
    const target = rows.get((e.revokedBy ?? "").toLowerCase());
    if (target) target.aliases.push(e.name, ...e.aliases);
  }
  return [...rows.values()].map((r) => {
    const aliases = [...new Set(r.aliases)].filter((a) => a !== r.name);
    return { name: r.name, aliases, ...(r.sponsor ? { sponsor: r.sponsor } : {}) };
  });
}

/** Catalogue entries by lower-case name and alias (the first entry naming a surface wins). */
export function catalogueIndex(entries: readonly CatalogueEntry[]): Map<string, CatalogueEntry> {
  const index = new Map<string, CatalogueEntry>();
  for (const e of entries)
    for (const name of [e.name, ...e.aliases])
      if (!index.has(name.toLowerCase())) index.set(name.toLowerCase(), e);
  return index;
}
