import { reportId, StixExport } from "../interop/stix/index.ts";
import type { CollectionEntry } from "../interop/taxii/index.ts";
import type { Tlp } from "../model/index.ts";
import type { Store } from "../store/index.ts";
import { exportedIncidents, exportSources } from "./export.ts";

/**
 * The knowledge base as a TAXII collection: the objects of the whole STIX export, each with the time it was
 * added — a report when its source was read, an object quoting sources when the last of them was read (its
 * current version appeared then), and the shared objects (parties, markings, definitions) with the first source.
 * Built on demand and kept until the knowledge base changes.
 */
export class TaxiiCollection {
  private cache = new Map<string, { stamp: string; entries: CollectionEntry[] }>();
  constructor(private readonly store: Store) {}

  async entries(clearance: Tlp = "red"): Promise<CollectionEntry[]> {
    const stamp = JSON.stringify(await this.store.counts());
    const hit = this.cache.get(clearance);
    if (hit && hit.stamp === stamp) return hit.entries;
    const entries = await this.build(clearance);
    this.cache.set(clearance, { stamp, entries });
    return entries;
  }

  private async build(clearance: Tlp): Promise<CollectionEntry[]> {
    const exporter = new StixExport();
    const objects = [...exporter.head()];
    for await (const detail of exportedIncidents(this.store, { clearance }))
      objects.push(...exporter.incident(detail));
    const sources = await exportSources(this.store, exporter.citedSources());
    objects.push(...exporter.tail(sources));

    const added = new Map<string, string>();
    let earliest: string | undefined;
    for (const { source } of sources) {
      const at = new Date(source.ingestedAt).toISOString();
      if (!earliest || at < earliest) earliest = at;
      added.set(reportId(source.id), at);
      for (const id of exporter.citations().get(source.id) ?? []) {
        const known = added.get(id);
        if (!known || at > known) added.set(id, at);
      }
    }
    const fallback = earliest ?? new Date(0).toISOString();
    return objects.map((object) => ({ object, dateAdded: added.get(object.id) ?? fallback }));
  }
}
