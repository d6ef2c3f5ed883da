import assert from "node:assert/strict";
import { it } from "node:test";
import type { CatalogueEntry } from "../model/index.ts";
import { hospital, kyiv, tirana } from "./fixtures.case.ts";
import { sourceId } from "./ids.ts";
import type { Store } from "./store.ts";

const sandworm: CatalogueEntry = {
  catalogue: "attack",
  entryId: "intrusion-set--381fcf73-60f6-4ab2-9991-6af3cbc35192",
  name: "Sandworm Team",
  aliases: ["Voodoo Bear", "Seashell Blizzard"],
  sponsor: "RU",
  externalIds: [
    { source: "stix", id: "intrusion-set--381fcf73-60f6-4ab2-9991-6af3cbc35192" },
    { source: "mitre-attack", id: "G0034" },
  ],
  description: "A destructive threat group.",
};
const telebots: CatalogueEntry = {
  catalogue: "attack",
  entryId: "intrusion-set--b34c479b-8ecb-4e2b-8b2c-6a1f3a3b1d2e",
  name: "TeleBots",
  aliases: [],
  externalIds: [{ source: "mitre-attack", id: "G9999" }],
  revokedBy: "Sandworm Team",
  deprecated: true,
};

/** Catalogue entries and the order of sources, as every backend must keep them. */
export function runCatalogueCases(open: () => Promise<Store>): void {
  it("keeps catalogue entries whole and replaces an entry saved again under the same catalogue and id", async () => {
    const store = await open();
    try {
      assert.deepEqual(await store.catalogueEntries(), []);
      assert.deepEqual(await store.saveCatalogueEntries([sandworm, telebots]), { added: 2, updated: 0 });
      assert.deepEqual(await store.catalogueEntries(), [sandworm, telebots]);
      const renamed = { ...sandworm, aliases: ["Voodoo Bear"], sponsor: undefined } as CatalogueEntry;
      delete renamed.sponsor;
      const galaxy = { ...sandworm, catalogue: "misp-galaxy" };
      assert.deepEqual(await store.saveCatalogueEntries([renamed, galaxy]), { added: 1, updated: 1 });
      assert.deepEqual(await store.catalogueEntries(), [renamed, telebots, galaxy]);
    } finally {
      await store.close();
    }
  });

  it("lists source ids in the order the sources were stored", async () => {
    const store = await open();
    try {
      const stories = [kyiv(), tirana(), hospital()];
      for (const x of stories) await store.saveDocument(x.doc, x.record);
      assert.deepEqual(
        await store.sourceIds(),
        stories.map((x) => sourceId(x.doc.sha256)),
      );
    } finally {
      await store.close();
    }
  });
}
