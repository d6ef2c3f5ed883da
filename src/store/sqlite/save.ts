import type { Document, DocumentRecord, Evidence, FuzzyDate, Party } from "../../model/index.ts";
import { partyKey } from "../../model/index.ts";
import type { FactKind, SaveResult } from "../../model/knowledge.ts";
import { StoreError } from "../../model/store-errors.ts";
import { checkEvidence, checkRecordFitsDocument, docName } from "../check.ts";
import { dateRange } from "../filter.ts";
import { campaignId, claimId, incidentId, partyId, responseId, sourceId } from "../ids.ts";
import type { Db } from "./db.ts";

const SQL = {
  bySha: "SELECT id FROM sources WHERE sha256 = ?",
  source: `INSERT INTO sources (id, doc_id, sha256, title, url, publisher, published, tlp, text, ingested_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  party: `INSERT INTO parties (id, key, kind, name, country) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET country = coalesce(parties.country, excluded.country)`,
  incident: `INSERT INTO incidents (id, source_id, local_id, position, label, date_value, date_precision, date_text,
    date_start, date_end, victims_json, types_json, systems_json, campaign_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  victim: "INSERT INTO incident_victims (incident_id, position, party_id) VALUES (?, ?, ?)",
  type: "INSERT OR IGNORE INTO incident_types (incident_id, type) VALUES (?, ?)",
  claim: `INSERT INTO claims (id, source_id, local_id, position, stance, claimant_party_id, claimant_json,
    accused_party_id, accused_json, date_value, date_precision, date_text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  claimIncident: "INSERT OR IGNORE INTO claim_incidents (claim_id, incident_id) VALUES (?, ?)",
  response: `INSERT INTO responses (id, source_id, local_id, position, kind, actor_party_id, actor_json,
    target_party_id, target_json, date_value, date_precision, date_text, detail)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  responseIncident: "INSERT OR IGNORE INTO response_incidents (response_id, incident_id) VALUES (?, ?)",
  evidence: `INSERT INTO evidence (fact_kind, fact_id, source_id, position, start, "end", quote)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
};

/**
 * Stores one document and its record in one write transaction. Checks run as rows are written, so a record
 * that turns out bad halfway rolls back whole: nothing of it stays.
 */
export function saveDocument(db: Db, doc: Document, record: DocumentRecord): SaveResult {
  checkRecordFitsDocument(doc, record);
  return db.raw.transaction(() => write(db, doc, record)).immediate();
}

function write(db: Db, doc: Document, record: DocumentRecord): SaveResult {
  const existing = db.prep<{ id: string }>(SQL.bySha).get(doc.sha256);
  if (existing) return { status: "duplicate", sourceId: existing.id };

  const sid = sourceId(doc.sha256);
  db.prep(SQL.source).run(
    sid,
    doc.id,
    doc.sha256,
    doc.title ?? null,
    doc.url ?? null,
    doc.publisher ?? null,
    doc.published ?? null,
    doc.tlp,
    doc.text,
    db.now(),
  );
  const party = (p: Party): string => {
    const key = partyKey(p);
    const id = partyId(key);
    db.prep(SQL.party).run(id, key, p.kind, partyName(p), partyCountry(p) ?? null);
    return id;
  };
  const evidence = (kind: FactKind, id: string, local: string, list: readonly Evidence[]) => {
    list.forEach((e, k) => {
      checkEvidence(doc, e, `the ${kind} "${local}"`);
      db.prep(SQL.evidence).run(kind, id, sid, k, e.start, e.end, e.quote);
    });
  };

  const incidentIds = new Map<string, string>();
  record.incidents.forEach((inc, position) => {
    const id = incidentId(doc.sha256, inc.id);
    incidentIds.set(inc.id, id);
    const bounds = inc.date ? fuzzyBounds(inc.date, doc, `the incident "${inc.id}"`) : undefined;
    db.prep(SQL.incident).run(
      id,
      sid,
      inc.id,
      position,
      inc.label,
      ...dateColumns(inc.date),
      bounds?.start ?? null,
      bounds?.end ?? null,
      JSON.stringify(inc.victims),
      JSON.stringify(inc.types),
      JSON.stringify(inc.systems),
      inc.campaign === undefined ? null : campaignId(doc.sha256, inc.campaign),
    );
    inc.victims.forEach((v, k) => {
      db.prep(SQL.victim).run(id, k, party(v));
    });
    for (const t of inc.types) db.prep(SQL.type).run(id, t);
    evidence("incident", id, inc.id, inc.evidence);
  });

  const linked = (kind: "claim" | "response", local: string, refs: readonly string[]): string[] =>
    refs.map((ref) => {
      const id = incidentIds.get(ref);
      if (id === undefined) {
        throw new StoreError(
          "BAD_RECORD",
          `The ${kind} "${local}" of "${docName(doc)}" refers to the incident "${ref}", which its record does not hold.`,
        );
      }
      return id;
    });

  record.claims.forEach((c, position) => {
    const id = claimId(doc.sha256, c.id);
    db.prep(SQL.claim).run(
      id,
      sid,
      c.id,
      position,
      c.stance,
      c.claimant ? party(c.claimant) : null,
      c.claimant ? JSON.stringify(c.claimant) : null,
      party(c.accused),
      JSON.stringify(c.accused),
      ...dateColumns(c.date),
    );
    for (const inc of linked("claim", c.id, c.incidents)) db.prep(SQL.claimIncident).run(id, inc);
    evidence("claim", id, c.id, c.evidence);
  });

  record.responses.forEach((r, position) => {
    const id = responseId(doc.sha256, r.id);
    db.prep(SQL.response).run(
      id,
      sid,
      r.id,
      position,
      r.kind,
      party(r.actor),
      JSON.stringify(r.actor),
      r.target ? party(r.target) : null,
      r.target ? JSON.stringify(r.target) : null,
      ...dateColumns(r.date),
      r.detail ?? null,
    );
    for (const inc of linked("response", r.id, r.incidents)) db.prep(SQL.responseIncident).run(id, inc);
    evidence("response", id, r.id, r.evidence);
  });

  return { status: "new", sourceId: sid };
}

function dateColumns(d: FuzzyDate | undefined): [string | null, string | null, string | null] {
  return d ? [d.value, d.precision, d.text ?? null] : [null, null, null];
}

function fuzzyBounds(d: FuzzyDate, doc: Document, where: string): { start: string; end: string } {
  try {
    return dateRange(d.value);
  } catch {
    throw new StoreError(
      "BAD_RECORD",
      `The date "${d.value}" of ${where} of "${docName(doc)}" is not a date.`,
    );
  }
}

export function partyName(p: Party): string {
  switch (p.kind) {
    case "state":
      return p.country;
    default:
      return p.name;
  }
}

export function partyCountry(p: Party): string | undefined {
  switch (p.kind) {
    case "state":
      return p.country;
    case "intl":
      return undefined;
    case "group":
      return p.sponsor;
    default:
      return p.country;
  }
}
