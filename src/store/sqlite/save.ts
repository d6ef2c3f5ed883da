import type {
  Document,
  DocumentRecord,
  Evidence,
  FactCounts,
  FuzzyDate,
  Party,
  Resolver,
  SaveItem,
  SavePlan,
} from "../../model/index.ts";
import { partyKey } from "../../model/index.ts";
import type { FactKind, SaveResult } from "../../model/knowledge.ts";
import { StoreError } from "../../model/store-errors.ts";
import { asReported } from "../as-reported.ts";
import { checkEvidence, checkPlan, checkRecordFitsDocument, docName } from "../check.ts";
import {
  type DateRow,
  dateColumns,
  dateOf,
  dateRow,
  type IncidentValues,
  incidentValues,
  partyCountry,
  partyName,
  refineDate,
  sourceValues,
} from "../fact-rows.ts";
import { dateRange } from "../filter.ts";
import { partyId, sourceId } from "../ids.ts";
import { parties } from "../row-map.ts";
import { findCandidates } from "./candidates.ts";
import type { Db } from "./db.ts";

const SQL = {
  bySha: "SELECT id FROM sources WHERE sha256 = ?",
  source: `INSERT INTO sources (id, doc_id, sha256, title, url, publisher, published, tlp, text, ingested_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  party: `INSERT INTO parties (id, key, kind, name, country) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET country = coalesce(parties.country, excluded.country)
    WHERE parties.country IS NULL AND excluded.country IS NOT NULL`,
  incidentGet: `SELECT label, name_key, date_value, date_precision, date_text, victims_json, types_json,
    systems_json FROM incidents WHERE id = ?`,
  incident: `INSERT INTO incidents (id, source_id, local_id, position, label, name_key, date_value, date_precision,
    date_text, date_start, date_end, victims_json, types_json, systems_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  incidentUpdate: `UPDATE incidents SET label = ?, name_key = ?, date_value = ?, date_precision = ?, date_text = ?,
    date_start = ?, date_end = ?, victims_json = ?, types_json = ?, systems_json = ? WHERE id = ?`,
  victimsClear: "DELETE FROM incident_victims WHERE incident_id = ?",
  victimDates: "UPDATE incident_victims SET date_start = ?, date_end = ? WHERE incident_id = ?",
  victim: `INSERT INTO incident_victims (incident_id, position, party_id, date_start, date_end)
    VALUES (?, ?, ?, ?, ?)`,
  typesClear: "DELETE FROM incident_types WHERE incident_id = ?",
  type: "INSERT OR IGNORE INTO incident_types (incident_id, type) VALUES (?, ?)",
  incidentSource: `INSERT OR IGNORE INTO incident_sources (incident_id, source_id, local_id, source_seq, quotes)
    VALUES (?, ?, ?, ?, ?)`,
  campaign: `UPDATE incidents SET campaign_id = @campaign
    WHERE (id IN (SELECT value FROM json_each(@members)) OR campaign_id IN (SELECT value FROM json_each(@absorbs)))
      AND campaign_id IS NOT @campaign`,
  claimGet: "SELECT identity, date_value, date_precision, date_text FROM claims WHERE id = ?",
  claim: `INSERT INTO claims (id, identity, source_id, position, stance, claimant_party_id, claimant_json,
    accused_party_id, accused_json, date_value, date_precision, date_text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  claimDate: "UPDATE claims SET date_value = ?, date_precision = ?, date_text = ? WHERE id = ?",
  claimIncident: "INSERT OR IGNORE INTO claim_incidents (claim_id, incident_id) VALUES (?, ?)",
  claimSource: `INSERT OR IGNORE INTO claim_sources (claim_id, source_id, local_id, source_seq, quotes)
    VALUES (?, ?, ?, ?, ?)`,
  responseGet: "SELECT date_value, date_precision, date_text, detail FROM responses WHERE id = ?",
  response: `INSERT INTO responses (id, identity, key, source_id, position, kind, actor_party_id, actor_json,
    target_party_id, target_json, date_value, date_precision, date_text, date_start, date_end, detail)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  responseUpdate: `UPDATE responses SET date_value = ?, date_precision = ?, date_text = ?, date_start = ?,
    date_end = ?, detail = coalesce(detail, ?) WHERE id = ?`,
  responseIncident:
    "INSERT OR IGNORE INTO response_incidents (response_id, incident_id, key) VALUES (?, ?, ?)",
  responseSource: `INSERT OR IGNORE INTO response_sources (response_id, source_id, local_id, source_seq, quotes)
    VALUES (?, ?, ?, ?, ?)`,
  accused: "SELECT accused_json FROM incidents WHERE id = ?",
  // what the incident list shows, brought up to date when a save touched the incident: each save brings a new
  // source, so every incident it touches has one source more
  aggregates: `UPDATE incidents SET claim_count = claim_count + ?, response_count = response_count + ?,
    source_count = source_count + 1, accused_json = coalesce(?, accused_json) WHERE id = ?`,
  evidence: `INSERT OR IGNORE INTO evidence (source_id, local_id, fact_id, position, fact_kind, start, "end", quote)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
};

/**
 * Stores one document and its record in one write transaction. With a resolver, the candidates it asks for
 * are looked up and its plan made inside the transaction, so no other writer can slip a fact in between;
 * without one, the record's facts are stored as reported. Checks run as rows are written, so a record or plan
 * that turns out bad halfway rolls back whole: nothing of it stays.
 */
export function saveDocument(db: Db, doc: Document, record: DocumentRecord, resolver?: Resolver): SaveResult {
  checkRecordFitsDocument(doc, record);
  return db.raw.transaction(() => saveOne(db, doc, record, resolver)).immediate();
}

/**
 * Stores several documents in one write transaction, each all-or-nothing: a document refused with a
 * `StoreError` (a record or plan that does not fit) stores nothing and its error takes its place in the result;
 * any other failure rolls back the whole group and is thrown. One commit for many documents writes each page
 * they share (an index's hot leaf, the full-text index) once instead of once per document.
 *
 * Refusals are rare, and a savepoint per document costs a copy of every page it first touches, so the group is
 * first written without them; only a group in which some document is refused is rolled back and written
 * again, each document inside its own savepoint.
 */
export function saveDocuments(db: Db, items: readonly SaveItem[]): Array<SaveResult | StoreError> {
  try {
    return saveGroup(db, items, false);
  } catch (err) {
    if (!isRefusal(err)) throw err;
  }
  return saveGroup(db, items, true);
}

/** One write transaction for the group; with `savepoints`, a refused document rolls back alone. */
function saveGroup(db: Db, items: readonly SaveItem[], savepoints: boolean): Array<SaveResult | StoreError> {
  const one = db.raw.transaction((item: SaveItem) => saveOne(db, item.doc, item.record, item.resolver));
  return db.raw
    .transaction(() =>
      items.map((item): SaveResult | StoreError => {
        try {
          checkRecordFitsDocument(item.doc, item.record);
          // nested: a savepoint
          return savepoints ? one(item) : saveOne(db, item.doc, item.record, item.resolver);
        } catch (err) {
          if (savepoints && isRefusal(err)) return err;
          throw err;
        }
      }),
    )
    .immediate();
}

/** The errors that refuse one document without saying anything about the others. */
const REFUSALS = new Set<StoreError["code"]>(["BAD_RECORD", "BAD_PLAN"]);
const isRefusal = (err: unknown): err is StoreError => err instanceof StoreError && REFUSALS.has(err.code);

function saveOne(db: Db, doc: Document, record: DocumentRecord, resolver?: Resolver): SaveResult {
  const existing = db.prep<{ id: string }>(SQL.bySha).get(doc.sha256);
  if (existing) return { status: "duplicate", sourceId: existing.id };
  const source = insertSource(db, doc);
  const facts = writeFacts(db, doc, source, record, resolver);
  return { status: "new", sourceId: source.id, facts };
}

/** A stored source: its id, and its place in the store's order (which its reports keep, see `Writer`). */
export interface StoredSource {
  id: string;
  seq: number;
}

export function insertSource(db: Db, doc: Document): StoredSource {
  const { lastInsertRowid } = db.prep(SQL.source).run(...sourceValues(doc, db.now()));
  return { id: sourceId(doc.sha256), seq: Number(lastInsertRowid) };
}

/** Writes a stored source's facts as its resolver plans them (or as reported). Runs inside a transaction. */
export function writeFacts(
  db: Db,
  doc: Document,
  source: StoredSource,
  record: DocumentRecord,
  resolver?: Resolver,
): FactCounts {
  const plan = resolver ? resolver.plan(findCandidates(db, resolver.query)) : asReported(doc, record);
  checkPlan(doc, record, plan);
  return new Writer(db, doc, source, record).write(plan);
}

class Writer {
  private readonly counts: FactCounts = {
    incidents: { new: 0, merged: 0 },
    claims: { new: 0, merged: 0 },
    responses: { new: 0, merged: 0 },
  };
  private readonly incidents: Map<string, DocumentRecord["incidents"][number]>;
  private readonly claims: Map<string, DocumentRecord["claims"][number]>;
  private readonly responses: Map<string, DocumentRecord["responses"][number]>;
  private readonly position: Map<string, number>;
  /** incidents this save touches, and what it adds to their claims, responses and accused */
  private readonly touched = new Map<string, { claims: number; responses: number; accused: Party[] }>();
  private readonly sid: string;
  /** the source's place in the store's order, kept on each report so that quotes are listed in it */
  private readonly seq: number;

  constructor(
    private readonly db: Db,
    private readonly doc: Document,
    source: StoredSource,
    record: DocumentRecord,
  ) {
    this.sid = source.id;
    this.seq = source.seq;
    this.incidents = new Map(record.incidents.map((f) => [f.id, f]));
    this.claims = new Map(record.claims.map((f) => [f.id, f]));
    this.responses = new Map(record.responses.map((f) => [f.id, f]));
    this.position = new Map([
      ...record.incidents.map((f, k) => [`incident:${f.id}`, k] as const),
      ...record.claims.map((f, k) => [`claim:${f.id}`, k] as const),
      ...record.responses.map((f, k) => [`response:${f.id}`, k] as const),
    ]);
  }

  write(plan: SavePlan): FactCounts {
    for (const p of plan.incidents) this.incident(p);
    for (const c of plan.campaigns) {
      this.db
        .prep(SQL.campaign)
        .run({ campaign: c.id, members: JSON.stringify(c.incidents), absorbs: JSON.stringify(c.absorbs) });
    }
    for (const p of plan.claims) this.claim(p);
    for (const p of plan.responses) this.response(p);
    for (const [id, t] of this.touched) {
      let accused: string | null = null;
      if (t.accused.length > 0) {
        const known = parties(
          this.db.prep<{ accused_json: string }>(SQL.accused).get(id)?.accused_json ?? null,
        );
        const keys = new Set(known.map(partyKey));
        const added = t.accused.filter((p) => !keys.has(partyKey(p)) && keys.add(partyKey(p)));
        if (added.length > 0) accused = JSON.stringify([...known, ...added]);
      }
      this.db.prep(SQL.aggregates).run(t.claims, t.responses, accused, id);
    }
    return this.counts;
  }

  private incident(p: SavePlan["incidents"][number]): void {
    const { db } = this;
    const rec = this.incidents.get(p.local);
    if (!rec) return;
    const stored = db.prep<IncidentValues>(SQL.incidentGet).get(p.id);
    if ((stored !== undefined) !== p.merged) {
      throw this.badPlan(
        p.merged
          ? `joins the incident "${p.id}", which is not stored`
          : `creates the incident "${p.id}", which is already stored`,
      );
    }
    const bounds = p.date ? this.bounds(p.date, `the incident "${p.local}"`) : undefined;
    const { row, values } = incidentValues(p, bounds);
    // A report joining an incident mostly changes nothing of it: rows are rewritten only when a value changed,
    // since every page a transaction touches is written again (to the WAL, then the database).
    const victims = !stored || stored.victims_json !== row.victims_json;
    const types = !stored || stored.types_json !== row.types_json;
    if (stored) {
      const dated = stored.date_value !== row.date_value;
      if (Object.entries(row).some(([k, v]) => stored[k as keyof IncidentValues] !== v)) {
        db.prep(SQL.incidentUpdate).run(p.label, p.name ?? null, ...values, p.id);
      }
      if (victims) db.prep(SQL.victimsClear).run(p.id);
      else if (dated) db.prep(SQL.victimDates).run(bounds?.start ?? null, bounds?.end ?? null, p.id);
      if (types) db.prep(SQL.typesClear).run(p.id);
      this.counts.incidents.merged++;
    } else {
      const position = this.position.get(`incident:${p.local}`) ?? 0;
      db.prep(SQL.incident).run(p.id, this.sid, p.local, position, p.label, p.name ?? null, ...values);
      this.counts.incidents.new++;
    }
    if (victims) {
      p.victims.forEach((v, k) => {
        db.prep(SQL.victim).run(p.id, k, this.party(v), bounds?.start ?? null, bounds?.end ?? null);
      });
    }
    if (types) for (const t of p.types) db.prep(SQL.type).run(p.id, t);
    db.prep(SQL.incidentSource).run(p.id, this.sid, p.local, this.seq, rec.evidence.length);
    if (!this.touched.has(p.id)) this.touched.set(p.id, { claims: 0, responses: 0, accused: [] });
    this.evidence("incident", p.id, p.local, rec.evidence);
  }

  private claim(p: SavePlan["claims"][number]): void {
    const { db } = this;
    const rec = this.claims.get(p.local);
    if (!rec) return;
    const stored = db.prep<{ identity: string } & DateRow>(SQL.claimGet).get(p.id);
    if (stored) {
      if (stored.identity !== p.identity) {
        throw this.badPlan(`names the claim "${p.identity}" with the id of the claim "${stored.identity}"`);
      }
      const before = dateOf(stored);
      const after = refineDate(before, p.date);
      if (after !== before) db.prep(SQL.claimDate).run(...dateColumns(after), p.id);
      this.counts.claims.merged++;
    } else {
      this.unique(`the claim "${p.identity}"`, () =>
        db
          .prep(SQL.claim)
          .run(
            p.id,
            p.identity,
            this.sid,
            this.position.get(`claim:${p.local}`) ?? 0,
            p.stance,
            p.claimant ? this.party(p.claimant) : null,
            p.claimant ? JSON.stringify(p.claimant) : null,
            this.party(p.accused),
            JSON.stringify(p.accused),
            ...dateColumns(p.date),
          ),
      );
      this.counts.claims.new++;
    }
    for (const inc of p.incidents) {
      const t = this.touched.get(inc);
      if (db.prep(SQL.claimIncident).run(p.id, inc).changes > 0 && t) {
        t.claims++;
        t.accused.push(p.accused);
      }
    }
    db.prep(SQL.claimSource).run(p.id, this.sid, p.local, this.seq, rec.evidence.length);
    this.evidence("claim", p.id, p.local, rec.evidence);
  }

  private response(p: SavePlan["responses"][number]): void {
    const { db } = this;
    const rec = this.responses.get(p.local);
    if (!rec) return;
    const stored = db.prep<DateRow & { detail: string | null }>(SQL.responseGet).get(p.id);
    if ((stored !== undefined) !== p.merged) {
      throw this.badPlan(
        p.merged
          ? `joins the response "${p.id}", which is not stored`
          : `creates the response "${p.id}", which is already stored`,
      );
    }
    const bounds = p.date ? this.bounds(p.date, `the response "${p.local}"`) : undefined;
    const dates = [...dateColumns(p.date), bounds?.start ?? null, bounds?.end ?? null];
    if (stored) {
      const row = dateRow(p.date);
      const changed =
        row.date_value !== stored.date_value ||
        row.date_precision !== stored.date_precision ||
        row.date_text !== stored.date_text ||
        (stored.detail === null && p.detail !== undefined);
      if (changed) db.prep(SQL.responseUpdate).run(...dates, p.detail ?? null, p.id);
      this.counts.responses.merged++;
    } else {
      const identity = p.identity;
      if (identity === undefined) throw this.badPlan(`creates the response "${p.id}" with no identity`);
      this.unique(`the response "${identity}"`, () =>
        db
          .prep(SQL.response)
          .run(
            p.id,
            identity,
            p.key ?? null,
            this.sid,
            this.position.get(`response:${p.local}`) ?? 0,
            p.kind,
            this.party(p.actor),
            JSON.stringify(p.actor),
            p.target ? this.party(p.target) : null,
            p.target ? JSON.stringify(p.target) : null,
            ...dates,
            p.detail ?? null,
          ),
      );
      this.counts.responses.new++;
    }
    for (const inc of p.incidents) {
      const t = this.touched.get(inc);
      if (db.prep(SQL.responseIncident).run(p.id, inc, p.key ?? null).changes > 0 && t) t.responses++;
    }
    db.prep(SQL.responseSource).run(p.id, this.sid, p.local, this.seq, rec.evidence.length);
    this.evidence("response", p.id, p.local, rec.evidence);
  }

  private party(p: Party): string {
    const key = partyKey(p);
    const id = partyId(key);
    this.db.prep(SQL.party).run(id, key, p.kind, partyName(p), partyCountry(p) ?? null);
    return id;
  }

  private evidence(kind: FactKind, id: string, local: string, list: readonly Evidence[]): void {
    list.forEach((e, k) => {
      checkEvidence(this.doc, e, `the ${kind} "${local}"`);
      this.db.prep(SQL.evidence).run(this.sid, local, id, k, kind, e.start, e.end, e.quote);
    });
  }

  private bounds(d: FuzzyDate, where: string): { start: string; end: string } {
    try {
      return dateRange(d.value);
    } catch {
      throw new StoreError(
        "BAD_RECORD",
        `The date "${d.value}" of ${where} of "${docName(this.doc)}" is not a date.`,
      );
    }
  }

  /** Runs an insert whose unique identity another row may already hold, which a plan must never ask for. */
  private unique(what: string, insert: () => unknown): void {
    try {
      insert();
    } catch (err) {
      if ((err as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") {
        throw this.badPlan(`creates ${what} a second time, under another id`);
      }
      throw err;
    }
  }

  private badPlan(what: string): StoreError {
    return new StoreError(
      "BAD_PLAN",
      `The save plan of "${docName(this.doc)}" ${what}; nothing of it was stored.`,
    );
  }
}
