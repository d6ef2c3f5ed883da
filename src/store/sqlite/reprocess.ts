import type { Document, DocumentRecord, Resolver } from "../../model/index.ts";
import type { ReprocessResult } from "../../model/knowledge.ts";
import { isSentenceError, StoreError } from "../../model/store-errors.ts";
import { checkRecordFitsDocument } from "../check.ts";
import { documentOf } from "../row-map.ts";
import type { SourceRow } from "../row-types.ts";
import { counts } from "./catalog.ts";
import type { Db } from "./db.ts";
import { type StoredSource, writeFacts } from "./save.ts";

/** Every table of extracted facts, children first. Sources, parties, decisions and the audit log stay. */
const FACT_TABLES = [
  "evidence",
  "claim_sources",
  "response_sources",
  "incident_sources",
  "claim_incidents",
  "response_incidents",
  "incident_victims",
  "incident_types",
  "claims",
  "responses",
  "incidents",
];

/**
 * Replaces every stored fact by what `redo` makes of each source, the sources taken in the order they were
 * stored, all in one transaction. Each source is written under a savepoint: a record that cannot be stored
 * leaves nothing of itself and is listed, and the rest goes on. Any other failure undoes the whole rebuild.
 */
export function reprocess(
  db: Db,
  redo: (doc: Document) => { record: DocumentRecord; resolver?: Resolver },
  onProgress?: (done: number, total: number) => void,
): ReprocessResult {
  return db.raw
    .transaction((): ReprocessResult => {
      for (const table of FACT_TABLES) db.prep(`DELETE FROM ${table}`).run();
      const ids = db.prep<StoredSource>("SELECT id, seq FROM sources ORDER BY seq").all();
      const failures: ReprocessResult["failures"] = [];
      const one = db.raw.transaction((doc: Document, source: StoredSource, job: ReturnType<typeof redo>) => {
        checkRecordFitsDocument(doc, job.record);
        writeFacts(db, doc, source, job.record, job.resolver);
      });
      ids.forEach((source, k) => {
        const { id } = source;
        const row = db.prep<SourceRow>("SELECT * FROM sources WHERE id = ?").get(id);
        if (!row) return;
        const doc = documentOf(row);
        try {
          one(doc, source, redo(doc));
        } catch (err) {
          // the source's own fault (it cannot be extracted, or its record not stored) is listed; a plan that
          // does not fit, or any other failure, is a fault of Casebook and undoes the rebuild
          if (!isSentenceError(err) || (err instanceof StoreError && err.code !== "BAD_RECORD")) throw err;
          failures.push({ sourceId: id, docId: row.doc_id, reason: err.message });
        }
        onProgress?.(k + 1, ids.length);
      });
      db.prep(
        `DELETE FROM parties WHERE id NOT IN (
          SELECT party_id FROM incident_victims UNION SELECT claimant_party_id FROM claims
          WHERE claimant_party_id IS NOT NULL UNION SELECT accused_party_id FROM claims
          UNION SELECT actor_party_id FROM responses UNION SELECT target_party_id FROM responses
          WHERE target_party_id IS NOT NULL)`,
      ).run();
      const result = { sources: ids.length, failures, counts: counts(db) };
      db.prep(
        "INSERT INTO audit_log (at, actor, action, subject_kind, subject_id, detail_json) VALUES (?, ?, ?, ?, ?, ?)",
      ).run(
        db.now(),
        "casebook",
        "reprocess",
        "knowledge-base",
        "",
        JSON.stringify({ sources: ids.length, failed: failures.length }),
      );
      return result;
    })
    .immediate();
}
