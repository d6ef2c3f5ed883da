import type { CatalogueEntry, CatalogueSaveResult } from "../../model/catalogue.ts";
import type { Db } from "./db.ts";

interface CatalogueRow {
  catalogue: string;
  entry_id: string;
  name: string;
  aliases: string;
  sponsor: string | null;
  country: string | null;
  external_ids: string;
  revoked_by: string | null;
  deprecated: number;
  description: string | null;
}

/** Upserts entries by (catalogue, entry id) in one transaction. */
export function saveCatalogueEntries(db: Db, entries: readonly CatalogueEntry[]): CatalogueSaveResult {
  const exists = db.prep<{ n: number }>(
    "SELECT 1 AS n FROM catalogue_entries WHERE catalogue = ? AND entry_id = ?",
  );
  const upsert = db.prep(
    `INSERT INTO catalogue_entries
       (catalogue, entry_id, name, aliases, sponsor, country, external_ids, revoked_by, deprecated, description, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM catalogue_entries))
     ON CONFLICT (catalogue, entry_id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases,
       sponsor = excluded.sponsor, country = excluded.country, external_ids = excluded.external_ids,
       revoked_by = excluded.revoked_by, deprecated = excluded.deprecated, description = excluded.description`,
  );
  const result = { added: 0, updated: 0 };
  db.raw.transaction(() => {
    for (const e of entries) {
      if (exists.get(e.catalogue, e.entryId)) result.updated++;
      else result.added++;
      upsert.run(
        e.catalogue,
        e.entryId,
        e.name,
        JSON.stringify(e.aliases),
        e.sponsor ?? null,
        e.country ?? null,
        JSON.stringify(e.externalIds),
        e.revokedBy ?? null,
        e.deprecated ? 1 : 0,
        e.description ?? null,
      );
    }
  })();
  return result;
}

export function catalogueEntries(db: Db): CatalogueEntry[] {
  return db
    .prep<CatalogueRow>("SELECT * FROM catalogue_entries ORDER BY seq")
    .all()
    .map((r) => ({
      catalogue: r.catalogue,
      entryId: r.entry_id,
      name: r.name,
      aliases: JSON.parse(r.aliases) as string[],
      ...(r.sponsor ? { sponsor: r.sponsor } : {}),
      ...(r.country ? { country: r.country } : {}),
      externalIds: JSON.parse(r.external_ids) as Array<{ source: string; id: string }>,
      ...(r.revoked_by ? { revokedBy: r.revoked_by } : {}),
      ...(r.deprecated ? { deprecated: true } : {}),
      ...(r.description ? { description: r.description } : {}),
    }));
}

/** Every source's id in the order the sources were stored. */
export function sourceIds(db: Db): string[] {
  return db
    .prep<{ id: string }>("SELECT id FROM sources ORDER BY seq")
    .all()
    .map((r) => r.id);
}
