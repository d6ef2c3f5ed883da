import type { CatalogueEntry, CatalogueSaveResult } from "../../model/catalogue.ts";
import type { Db, Sql } from "./db.ts";

/** Threat-group catalogue entries and the order of sources, as sqlite/catalogue.ts keeps them. */

interface CatalogueRow {
  catalogue: string;
  entry_id: string;
  name: string;
  aliases: string;
  sponsor: string | null;
  country: string | null;
  external_ids: string;
  revoked_by: string | null;
  deprecated: boolean;
  description: string | null;
}

/** Upserts entries by (catalogue, entry id) in one transaction; the table is locked so counts are exact. */
export async function saveCatalogueEntries(
  db: Db,
  entries: readonly CatalogueEntry[],
): Promise<CatalogueSaveResult> {
  return db.transaction(async (sql) => {
    await sql.exec("LOCK TABLE catalogue_entries IN SHARE ROW EXCLUSIVE MODE");
    const result = { added: 0, updated: 0 };
    for (const e of entries) {
      const row = await sql.one<{ inserted: boolean }>(
        `INSERT INTO catalogue_entries
          (catalogue, entry_id, name, aliases, sponsor, country, external_ids, revoked_by, deprecated, description)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        ON CONFLICT (catalogue, entry_id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases,
          sponsor = excluded.sponsor, country = excluded.country, external_ids = excluded.external_ids,
          revoked_by = excluded.revoked_by, deprecated = excluded.deprecated, description = excluded.description
        RETURNING (xmax = 0) AS inserted`,
        [
          e.catalogue,
          e.entryId,
          e.name,
          JSON.stringify(e.aliases),
          e.sponsor ?? null,
          e.country ?? null,
          JSON.stringify(e.externalIds),
          e.revokedBy ?? null,
          e.deprecated === true,
          e.description ?? null,
        ],
      );
      if (row?.inserted) result.added++;
      else result.updated++;
    }
    return result;
  });
}

export async function catalogueEntries(sql: Sql): Promise<CatalogueEntry[]> {
  const rows = await sql.rows<CatalogueRow>("SELECT * FROM catalogue_entries ORDER BY seq");
  return rows.map((r) => ({
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

export async function sourceIds(sql: Sql): Promise<string[]> {
  return (await sql.rows<{ id: string }>("SELECT id FROM sources ORDER BY seq")).map((r) => r.id);
}
