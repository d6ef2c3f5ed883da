import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generatedDocument } from "../../test/helpers/generated.ts";
import { fromText } from "../intake/index.ts";
import type { Document } from "../model/index.ts";
import { StoreError } from "../model/store-errors.ts";
import { openSqliteStore, type Store, sourceId } from "../store/index.ts";
import { startExtractPool } from "./extract-pool.ts";
import { type BatchOutcome, ingestBatch, ingestDocument } from "./ingest-document.ts";

/** Stories recombined from the corpus, countries and years changed: many report facts others reported. */
const docs: Document[] = Array.from({ length: 30 }, (_, i) => {
  const g = generatedDocument(5, i, { paragraphs: 2, countries: 3, years: 2 });
  return fromText(g.text, { id: g.id, title: g.title, published: g.published });
});

/** Every incident in full, with the row counts: what readers of the store can tell apart. */
async function everything(store: Store) {
  const list = await store.listIncidents({ limit: 10_000, sort: "label" });
  const details = [];
  for (const i of list.incidents) details.push(await store.getIncident(i.id));
  return { counts: await store.counts(), list, details };
}

/** `real`, except that saving the document of `sha256` is refused, or (`broken`) that every save fails. */
function refusing(real: Store, sha256: string, broken = false): Store {
  return new Proxy(real, {
    get(target, key) {
      if (key === "saveDocuments") {
        return async (items: Parameters<Store["saveDocuments"]>[0]) => {
          if (broken) throw new Error("disk I/O error");
          if (items.some((item) => item.doc.sha256 === sha256)) {
            return items.map(() => new StoreError("BAD_RECORD", "The record does not fit its document."));
          }
          return target.saveDocuments(items);
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("ingestBatch", () => {
  it("stores what the same documents one at a time store, with extraction in a thread ahead of the saves", async () => {
    const single = await openSqliteStore(":memory:");
    let merged = 0;
    for (const doc of docs) {
      const saved = await ingestDocument(single, doc);
      assert.equal(saved.status, "new");
      merged += saved.facts?.incidents.merged ?? 0;
    }
    const expected = await everything(single);
    await single.close();
    assert.ok(merged > 0, "documents join facts stored before them");

    const batched = await openSqliteStore(":memory:");
    const pool = startExtractPool(1);
    try {
      await pool.ready();
      for (let k = 0; k < docs.length; k += 7) {
        const outcomes = await ingestBatch(batched, docs.slice(k, k + 7), pool);
        assert.ok(outcomes.every((o) => !(o instanceof Error) && o.status === "new"));
      }
      assert.deepEqual(await everything(batched), expected);
    } finally {
      await pool.close();
      await batched.close();
    }
  });

  it("puts each document's outcome in its place: duplicates, a refused document, the stored rest", async () => {
    const real = await openSqliteStore(":memory:");
    const [a, b, c, d] = docs as [Document, Document, Document, Document];
    await ingestDocument(real, b);
    const heard: Array<[number, BatchOutcome]> = [];
    const outcomes = await ingestBatch(refusing(real, c.sha256), [a, b, c, d], undefined, (k, o) => {
      heard.push([k, o]);
    });
    assert.deepEqual(
      outcomes.map((o) => (o instanceof Error ? o.message : o.status)),
      ["new", "duplicate", "The record does not fit its document.", "new"],
    );
    assert.deepEqual((outcomes[1] as { sourceId: string }).sourceId, sourceId(b.sha256));
    assert.deepEqual(
      heard.map(([k]) => k),
      [0, 1, 2, 3],
    );
    assert.deepEqual(
      await real.storedSha256s(docs.map((x) => x.sha256)),
      new Set([a, b, d].map((x) => x.sha256)),
    );
    await real.close();
  });

  it("throws a failure of the store itself, after telling of the documents settled before it", async () => {
    const real = await openSqliteStore(":memory:");
    const [a, b] = docs as [Document, Document];
    await ingestDocument(real, a);
    const heard: number[] = [];
    await assert.rejects(
      () => ingestBatch(refusing(real, "", true), [a, b], undefined, (k) => void heard.push(k)),
      /disk I\/O error/,
    );
    assert.deepEqual(heard, [0]);
    await real.close();
  });
});
