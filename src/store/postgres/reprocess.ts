import type { Document, DocumentRecord, Resolver } from "../../model/index.ts";
import type { ReprocessResult } from "../../model/knowledge.ts";
import { isSentenceError, StoreError } from "../../model/store-errors.ts";
import { checkRecordFitsDocument } from "../check.ts";
import { documentOf } from "../row-map.ts";
import type { SourceRow } from "../row-types.ts";
import { counts } from "./catalog.ts";
import type { Db } from "./db.ts";
import { writeFacts } from "./save.ts";

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
 * Replaces every stored fact by what `redo` makes of each source, in the order they were stored, in one
 * transaction (as sqlite/reprocess.ts), each source under a savepoint. The sources table is locked against
 * writers for the length of it: saves wait rather than slip facts into a half-rebuilt knowledge base.
 */
export async function reprocess(
  db: Db,
  redo: (doc: Document) => { record: DocumentRecord; resolver?: Resolver },
  onProgress?: (done: number, total: number) => void,
): Promise<ReprocessResult> {
  return db.transaction(async (sql): Promise<ReprocessResult> => {
    await sql.exec("LOCK TABLE sources IN EXCLUSIVE MODE");
    for (const table of FACT_TABLES) await sql.exec(`DELETE FROM ${table}`);
    const ids = await sql.rows<{ id: string }>("SELECT id FROM sources ORDER BY seq");
    const failures: ReprocessResult["failures"] = [];
    for (const [k, { id }] of ids.entries()) {
      const row = await sql.one<SourceRow>(
        `SELECT seq, id, doc_id, sha256, title, url, publisher, published, tlp, text, ingested_at
        FROM sources WHERE id = $1`,
        [id],
      );
      if (!row) continue;
      const doc = documentOf(row);
      await sql.exec("SAVEPOINT one_source");
      try {
        const job = redo(doc);
        checkRecordFitsDocument(doc, job.record);
        await writeFacts(sql, doc, id, job.record, job.resolver);
        await sql.settle();
        await sql.exec("RELEASE SAVEPOINT one_source");
      } catch (err) {
        // the writes already sent are answered before the rollback runs: none of their failures is left over
        await sql.settle().catch(() => {});
        await sql.exec("ROLLBACK TO SAVEPOINT one_source");
        if (!isSentenceError(err) || (err instanceof StoreError && err.code !== "BAD_RECORD")) throw err;
        failures.push({ sourceId: id, docId: row.doc_id, reason: err.message });
      }
      onProgress?.(k + 1, ids.length);
    }
    await sql.exec(
      `DELETE FROM parties WHERE id NOT IN (
        SELECT party_id FROM incident_victims UNION SELECT claimant_party_id FROM claims
        WHERE claimant_party_id IS NOT NULL UNION SELECT accused_party_id FROM claims
        UNION SELECT actor_party_id FROM responses UNION SELECT target_party_id FROM responses
        WHERE target_party_id IS NOT NULL)`,
    );
    const result = { sources: ids.length, failures, counts: await counts(sql) };
    await sql.run(
      `INSERT INTO audit_log (at, actor, action, subject_kind, subject_id, detail_json)
      VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        db.now(),
        "casebook",
        "reprocess",
        "knowledge-base",
        "",
        JSON.stringify({ sources: ids.length, failed: failures.length }),
      ],
    );
    return result;
  });
}
