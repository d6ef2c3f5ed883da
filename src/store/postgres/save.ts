import type {
  Candidates,
  Document,
  DocumentRecord,
  FactCounts,
  Resolver,
  SaveItem,
  SavePlan,
} from "../../model/index.ts";
import { partyKey } from "../../model/index.ts";
import type { SaveResult } from "../../model/knowledge.ts";
import { StoreError } from "../../model/store-errors.ts";
import { asReported } from "../as-reported.ts";
import { checkPlan, checkRecordFitsDocument, docName } from "../check.ts";
import { sourceValues } from "../fact-rows.ts";
import { dateRange } from "../filter.ts";
import { sourceId } from "../ids.ts";
import { type CandidateRows, candidatesOf, sendCandidateLookups } from "./candidates.ts";
import { type Db, type TxSql, together } from "./db.ts";
import { type KeyLocks, lockKeys } from "./locks.ts";
import { PlanWriter } from "./write-plan.ts";

/**
 * A source, unless one with its text is stored: the id of the source stored before, or of the new one, and
 * whether it is new (a new row is not yet in the statement's snapshot, so the second branch finds only an old one).
 */
const SOURCE = `WITH added AS (
    INSERT INTO sources (id, doc_id, sha256, title, url, publisher, published, tlp, text, ingested_at, search)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, casebook_search_vector($4, $9)
    WHERE NOT EXISTS (SELECT 1 FROM sources WHERE sha256 = $3)
    RETURNING id)
  SELECT id, true AS new FROM added UNION ALL SELECT id, false FROM sources WHERE sha256 = $3`;

/**
 * Stores one document and its record in one transaction, as the SQLite backend does. Writers run in parallel
 * here, so before reading anything the save takes advisory locks on what it will look up (its sha256; each
 * victim in each year its lookups span; named operations; response identities), and then on what the stored
 * candidates it finds are known by: two saves that could see or touch the same facts run one after the other,
 * others side by side. Locks are only ever waited for all at once, in one sorted order, so two saves never wait
 * on each other: a candidate's key held by another save undoes this attempt, which starts again with that key
 * among those it waits for.
 *
 * Three round trips: the locks and the candidates' lookups, then the source (the server indexes its text
 * while the plan is made); the candidates' locks and the stored values of the facts the plan names; every
 * write of the plan, with the commit.
 */
export async function saveDocument(
  db: Db,
  doc: Document,
  record: DocumentRecord,
  resolver?: Resolver,
): Promise<SaveResult> {
  checkRecordFitsDocument(doc, record);
  const wanted = [`sha:${doc.sha256}`, ...queryKeys(resolver)];
  for (;;) {
    const attempt = await db
      .transaction(async (sql): Promise<SaveResult> => {
        const locks = lockKeys(sql);
        const lookedUp = together([
          locks.take(wanted),
          resolver ? sendCandidateLookups(sql, resolver.query) : Promise.resolve(undefined),
        ]);
        const stored = sql
          .one<{ id: string; new: boolean }>(SOURCE, sourceValues(doc, db.now()))
          .then((source) => {
            if (!source) throw new Error(`the source of "${docName(doc)}" was neither stored nor found`);
            if (!source.new) throw new Duplicate(source.id);
          });
        stored.catch(() => {}); // awaited with the candidates' locks
        const [, found] = await lookedUp;
        const sid = sourceId(doc.sha256);
        const facts = await writeFacts(sql, doc, sid, record, resolver, { locks, found, stored });
        return { status: "new", sourceId: sid, facts };
      })
      .catch((err: unknown) => {
        if (err instanceof Relock) return err;
        if (err instanceof Duplicate) return { status: "duplicate" as const, sourceId: err.sourceId };
        throw storeErrorOf(doc, err);
      });
    if (!(attempt instanceof Relock)) return attempt;
    wanted.push(...attempt.keys);
  }
}

/**
 * Saves documents one after the other, each in a transaction of its own: concurrent writers lock what one
 * document's facts touch, and holding those locks for a whole group would make the others wait for all of it.
 * A commit costs no round trip of its own here (it goes with the document's last statements), so grouping
 * commits would save little.
 */
export async function saveDocuments(
  db: Db,
  items: readonly SaveItem[],
): Promise<Array<SaveResult | StoreError>> {
  const results: Array<SaveResult | StoreError> = [];
  for (const item of items) {
    try {
      results.push(await saveDocument(db, item.doc, item.record, item.resolver));
    } catch (err) {
      if (err instanceof StoreError && (err.code === "BAD_RECORD" || err.code === "BAD_PLAN"))
        results.push(err);
      else throw err;
    }
  }
  return results;
}

/**
 * SQLSTATE classes of failures that come from the document itself, whatever the state of the server: data
 * exceptions (a NUL character in a text), integrity violations, limits exceeded (a text too long to index).
 */
const REFUSED = /^(22|23|54)/;

/** A failure caused by the document as a BAD_RECORD sentence; any other failure as it is. */
function storeErrorOf(doc: Document, err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (err instanceof StoreError || typeof code !== "string" || !REFUSED.test(code)) return err;
  const detail = err instanceof Error ? err.message.replace(/\.?$/, "") : String(err);
  return new StoreError(
    "BAD_RECORD",
    `"${docName(doc)}" cannot be stored (${detail}); nothing of it was stored.`,
  );
}

/** A save that found its text stored already: nothing of it is written. */
class Duplicate extends Error {
  constructor(readonly sourceId: string) {
    super("duplicate");
  }
}

/** An attempt undone because another save holds keys of the candidates it found. */
class Relock extends Error {
  constructor(readonly keys: string[]) {
    super("relock");
  }
}

/** The years a lookup from–to (YYYY-MM-DD) spans. */
function years(from: string, to: string): number[] {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k);
}

/** What a resolver's lookups are about, as lock keys. */
function queryKeys(resolver: Resolver | undefined): string[] {
  if (!resolver) return [];
  const q = resolver.query;
  return [
    ...q.byVictim.flatMap((v) =>
      v.victims.flatMap((k) => years(v.from, v.to).map((y) => `victim:${k}:${y}`)),
    ),
    ...q.byName.map((n) => `name:${n.name}`),
    ...q.responses.map((r) => `response:${r.key}`),
  ];
}

/**
 * What the candidates found are known by: whoever else could find or change them holds one of these (a dated
 * incident is found by a victim in a year its date spans, an undated one only by its name).
 */
function candidateKeys(found: Candidates): string[] {
  return [
    ...found.incidents.flatMap((i) => {
      const span = i.date ? dateSpan(i.date.value) : [];
      return [
        ...i.victims.flatMap((v) => span.map((y) => `victim:${partyKey(v)}:${y}`)),
        ...(i.name === undefined ? [] : [`name:${i.name}`]),
      ];
    }),
    ...found.responses.map((r) => `response:${r.key}`),
  ];
}

function dateSpan(value: string): number[] {
  try {
    const { start, end } = dateRange(value);
    return years(start, end);
  } catch {
    return [];
  }
}

/**
 * Writes a stored source's facts as its resolver plans them (or as reported), inside a transaction, and
 * returns what they did; the writes are sent, not waited for (the commit, or `TxSql.settle`, does). In a save,
 * `pipelined` brings the answers of the candidates' lookups, the storing of the source (awaited, first, with
 * the next round trip) and the locks: every key the candidates are known by must be held (or free to take at
 * once), so the plan is made from values no other writer can change before this one commits; else the attempt
 * is undone (Relock).
 */
export async function writeFacts(
  sql: TxSql,
  doc: Document,
  sid: string,
  record: DocumentRecord,
  resolver?: Resolver,
  pipelined?: { locks: KeyLocks; found: CandidateRows | undefined; stored: Promise<void> },
): Promise<FactCounts> {
  const writer = new PlanWriter(sql, doc, sid, record);
  let plan: SavePlan;
  if (resolver) {
    const found = candidatesOf(pipelined?.found ?? (await sendCandidateLookups(sql, resolver.query)));
    let planned: SavePlan | undefined;
    let failure: unknown;
    try {
      planned = resolver.plan(found);
    } catch (err) {
      failure = err;
    }
    // the candidates' locks and the stored values of what the plan names, in one round trip
    const [, missing] = await together([
      pipelined?.stored ?? Promise.resolve(),
      pipelined ? pipelined.locks.tryTake(candidateKeys(found)) : Promise.resolve([]),
      writer.load(planned),
    ]);
    if (missing.length > 0) throw new Relock(missing);
    if (!planned) throw failure;
    plan = planned;
  } else {
    plan = asReported(doc, record);
    await together([pipelined?.stored ?? Promise.resolve(), writer.load(plan)]);
  }
  checkPlan(doc, record, plan);
  return writer.write(plan);
}
