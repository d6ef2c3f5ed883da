import type {
  Candidates,
  Document,
  DocumentRecord,
  Evidence,
  FactCounts,
  FuzzyDate,
  Party,
  Resolver,
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
  partyCountry,
  partyName,
  refineDate,
} from "../fact-rows.ts";
import { dateRange } from "../filter.ts";
import { partyId, sourceId } from "../ids.ts";
import { parties } from "../row-map.ts";
import { findCandidates } from "./candidates.ts";
import type { Db, Sql } from "./db.ts";
import { type KeyLocks, lockKeys } from "./locks.ts";

/** The statements of a save: those of the SQLite backend in PostgreSQL's dialect. */
const SQL = {
  bySha: "SELECT id FROM sources WHERE sha256 = $1",
  source: `INSERT INTO sources (id, doc_id, sha256, title, url, publisher, published, tlp, text, ingested_at, search)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, casebook_search_vector($4, $9))`,
  incident: `INSERT INTO incidents (id, source_id, local_id, position, label, name_key, date_value, date_precision,
    date_text, date_start, date_end, victims_json, types_json, systems_json)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
  incidentUpdate: `UPDATE incidents SET label = $1, name_key = $2, date_value = $3, date_precision = $4,
    date_text = $5, date_start = $6, date_end = $7, victims_json = $8, types_json = $9, systems_json = $10
    WHERE id = $11`,
  victimsClear: "DELETE FROM incident_victims WHERE incident_id = $1",
  victimDates: "UPDATE incident_victims SET date_start = $1, date_end = $2 WHERE incident_id = $3",
  victims: `INSERT INTO incident_victims (incident_id, position, party_id, date_start, date_end)
    SELECT $1, pos, party, $4, $5 FROM unnest($2::int[], $3::text[]) AS u(pos, party)`,
  incidentsGet: `SELECT id, label, name_key, date_value, date_precision, date_text, victims_json, types_json,
    systems_json, accused_json FROM incidents WHERE id = ANY($1::text[])`,
  claimsGet:
    "SELECT id, identity, date_value, date_precision, date_text FROM claims WHERE id = ANY($1::text[])",
  responsesGet: `SELECT id, date_value, date_precision, date_text, detail FROM responses
    WHERE id = ANY($1::text[])`,
  links: (table: string, fact: string) => `INSERT INTO ${table} (${fact}, source_id, local_id)
    SELECT f, $1, l FROM unnest($2::text[], $3::text[]) AS u(f, l) ON CONFLICT DO NOTHING`,
  claimIncidents: `INSERT INTO claim_incidents (claim_id, incident_id)
    SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING RETURNING claim_id, incident_id`,
  responseIncidents: `INSERT INTO response_incidents (response_id, incident_id, key)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING
    RETURNING response_id, incident_id`,
  aggregatesAll: `UPDATE incidents i SET claim_count = claim_count + u.c, response_count = response_count + u.r,
    source_count = source_count + 1, accused_json = coalesce(u.a, i.accused_json)
    FROM unnest($1::text[], $2::int[], $3::int[], $4::text[]) AS u(id, c, r, a) WHERE i.id = u.id`,
  typesClear: "DELETE FROM incident_types WHERE incident_id = $1",
  types: `INSERT INTO incident_types (incident_id, type) SELECT $1, * FROM unnest($2::text[])
    ON CONFLICT DO NOTHING`,
  campaign: `UPDATE incidents SET campaign_id = $1
    WHERE (id = ANY($2::text[]) OR campaign_id = ANY($3::text[])) AND campaign_id IS DISTINCT FROM $1`,
  claim: `INSERT INTO claims (id, identity, source_id, position, stance, claimant_party_id, claimant_json,
    accused_party_id, accused_json, date_value, date_precision, date_text)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
  claimDate: "UPDATE claims SET date_value = $1, date_precision = $2, date_text = $3 WHERE id = $4",
  response: `INSERT INTO responses (id, identity, key, source_id, position, kind, actor_party_id, actor_json,
    target_party_id, target_json, date_value, date_precision, date_text, date_start, date_end, detail)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
  responseUpdate: `UPDATE responses SET date_value = $1, date_precision = $2, date_text = $3, date_start = $4,
    date_end = $5, detail = coalesce(detail, $6) WHERE id = $7`,
  // a save's quotes and parties go in one statement each: a round trip per row would cost more than the rows
  evidence: `INSERT INTO evidence (source_id, local_id, fact_id, position, fact_kind, start, "end", quote)
    SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::int[], $7::int[], $8::text[])
    ON CONFLICT DO NOTHING`,
  parties: `INSERT INTO parties (id, key, kind, name, country)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
    ON CONFLICT (key) DO UPDATE SET country = coalesce(parties.country, excluded.country)
    WHERE parties.country IS NULL AND excluded.country IS NOT NULL`,
};

/**
 * Stores one document and its record in one transaction, as the SQLite backend does. Writers run in parallel
 * here, so before reading anything the save takes advisory locks on what it will look up (its sha256; each
 * victim in each year its lookups span; named operations; response identities), and then on what the stored
 * candidates it finds are known by: two saves that could see or touch the same facts run one after the other,
 * others side by side. Locks are only ever waited for all at once, in one sorted order, so two saves never wait
 * on each other: a candidate's key held by another save undoes this attempt, which starts again with that key
 * among those it waits for.
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
        await locks.take(wanted);
        const existing = await sql.one<{ id: string }>(SQL.bySha, [doc.sha256]);
        if (existing) return { status: "duplicate", sourceId: existing.id };
        const sid = await insertSource(db, sql, doc);
        const facts = await writeFacts(sql, doc, sid, record, resolver, locks);
        return { status: "new", sourceId: sid, facts };
      })
      .catch((err: unknown) => {
        if (err instanceof Relock) return err;
        throw err;
      });
    if (!(attempt instanceof Relock)) return attempt;
    wanted.push(...attempt.keys);
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

export async function insertSource(db: Db, sql: Sql, doc: Document): Promise<string> {
  const sid = sourceId(doc.sha256);
  await sql.run(SQL.source, [
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
  ]);
  return sid;
}

/**
 * Writes a stored source's facts as its resolver plans them (or as reported), inside a transaction. With
 * `locks`, every key the candidates are known by must be held (or free to take at once), so the plan is made
 * from values no other writer can change before this one commits; else the attempt is undone (Relock).
 */
export async function writeFacts(
  sql: Sql,
  doc: Document,
  sid: string,
  record: DocumentRecord,
  resolver?: Resolver,
  locks?: KeyLocks,
): Promise<FactCounts> {
  let plan: SavePlan;
  if (resolver) {
    const found = await findCandidates(sql, resolver.query);
    if (locks) {
      const missing = await locks.tryTake(candidateKeys(found));
      if (missing.length > 0) throw new Relock(missing);
    }
    plan = resolver.plan(found);
  } else plan = asReported(doc, record);
  checkPlan(doc, record, plan);
  return new Writer(sql, doc, sid, record).write(plan);
}

/**
 * Writes a plan the way sqlite/save.ts does, in fewer round trips: the stored values of the facts a plan names
 * are read in one statement per kind (and kept up to date as the plan writes), and links, quotes, parties and
 * the incidents' aggregates go in one statement each.
 */
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
  private readonly touched = new Map<string, { claims: number; responses: number; accused: Party[] }>();
  /** the quotes of the save, written together at the end */
  private readonly quotes: Array<[string, string, number, FactKind, number, number, string]> = [];
  /** stored values of the facts the plan names, as this save leaves them */
  private storedIncidents = new Map<string, IncidentValues & { accused_json: string }>();
  private storedClaims = new Map<string, { identity: string } & DateRow>();
  private storedResponses = new Map<string, DateRow & { detail: string | null }>();
  /** the reports this save adds: [fact id, local id] of each kind */
  private readonly links = {
    incident: [] as string[][],
    claim: [] as string[][],
    response: [] as string[][],
  };
  private readonly claimIncidents: Array<{ claim: string; incident: string; accused: Party }> = [];
  private readonly responseIncidents: Array<{ response: string; incident: string; key: string | null }> = [];

  constructor(
    private readonly sql: Sql,
    private readonly doc: Document,
    private readonly sid: string,
    record: DocumentRecord,
  ) {
    this.incidents = new Map(record.incidents.map((f) => [f.id, f]));
    this.claims = new Map(record.claims.map((f) => [f.id, f]));
    this.responses = new Map(record.responses.map((f) => [f.id, f]));
    this.position = new Map([
      ...record.incidents.map((f, k) => [`incident:${f.id}`, k] as const),
      ...record.claims.map((f, k) => [`claim:${f.id}`, k] as const),
      ...record.responses.map((f, k) => [`response:${f.id}`, k] as const),
    ]);
  }

  async write(plan: SavePlan): Promise<FactCounts> {
    await this.load(plan);
    await this.parties(plan);
    for (const p of plan.incidents) await this.incident(p);
    for (const c of plan.campaigns) await this.sql.run(SQL.campaign, [c.id, c.incidents, c.absorbs]);
    for (const p of plan.claims) await this.claim(p);
    for (const p of plan.responses) await this.response(p);
    await this.writeLinks();
    const ids: string[] = [];
    const claims: number[] = [];
    const responses: number[] = [];
    const accused: Array<string | null> = [];
    for (const [id, t] of this.touched) {
      let added: string | null = null;
      if (t.accused.length > 0) {
        const known = parties(this.storedIncidents.get(id)?.accused_json ?? null);
        const keys = new Set(known.map(partyKey));
        const more = t.accused.filter((p) => !keys.has(partyKey(p)) && keys.add(partyKey(p)));
        if (more.length > 0) added = JSON.stringify([...known, ...more]);
      }
      ids.push(id);
      claims.push(t.claims);
      responses.push(t.responses);
      accused.push(added);
    }
    if (ids.length > 0) await this.sql.run(SQL.aggregatesAll, [ids, claims, responses, accused]);
    if (this.quotes.length > 0) {
      const column = <K extends number>(k: K) => this.quotes.map((q) => q[k]);
      await this.sql.run(SQL.evidence, [
        this.sid,
        column(0),
        column(1),
        column(2),
        column(3),
        column(4),
        column(5),
        column(6),
      ]);
    }
    return this.counts;
  }

  /** The stored values of every fact the plan names, one statement per kind. */
  private async load(plan: SavePlan): Promise<void> {
    const ids = (list: Array<{ id: string }>) => [...new Set(list.map((p) => p.id))];
    if (plan.incidents.length > 0) {
      const rows = await this.sql.rows<IncidentValues & { id: string; accused_json: string }>(
        SQL.incidentsGet,
        [ids(plan.incidents)],
      );
      this.storedIncidents = new Map(rows.map(({ id, ...r }) => [id, r]));
    }
    if (plan.claims.length > 0) {
      const rows = await this.sql.rows<{ id: string; identity: string } & DateRow>(SQL.claimsGet, [
        ids(plan.claims),
      ]);
      this.storedClaims = new Map(rows.map(({ id, ...r }) => [id, r]));
    }
    if (plan.responses.length > 0) {
      const rows = await this.sql.rows<{ id: string; detail: string | null } & DateRow>(SQL.responsesGet, [
        ids(plan.responses),
      ]);
      this.storedResponses = new Map(rows.map(({ id, ...r }) => [id, r]));
    }
  }

  /** The reports (fact, source, local id) and the links of claims and responses to incidents. */
  private async writeLinks(): Promise<void> {
    const tables = [
      ["incident", "incident_sources", "incident_id"],
      ["claim", "claim_sources", "claim_id"],
      ["response", "response_sources", "response_id"],
    ] as const;
    for (const [kind, table, column] of tables) {
      const rows = this.links[kind];
      if (rows.length === 0) continue;
      await this.sql.run(SQL.links(table, column), [this.sid, rows.map((r) => r[0]), rows.map((r) => r[1])]);
    }
    if (this.claimIncidents.length > 0) {
      const added = await this.sql.rows<{ claim_id: string; incident_id: string }>(SQL.claimIncidents, [
        this.claimIncidents.map((l) => l.claim),
        this.claimIncidents.map((l) => l.incident),
      ]);
      const fresh = new Set(added.map((r) => `${r.claim_id}|${r.incident_id}`));
      // in the plan's order, each link counted once: what one insert after another would have counted
      for (const l of this.claimIncidents) {
        const t = this.touched.get(l.incident);
        if (t && fresh.delete(`${l.claim}|${l.incident}`)) {
          t.claims++;
          t.accused.push(l.accused);
        }
      }
    }
    if (this.responseIncidents.length > 0) {
      const added = await this.sql.rows<{ response_id: string; incident_id: string }>(SQL.responseIncidents, [
        this.responseIncidents.map((l) => l.response),
        this.responseIncidents.map((l) => l.incident),
        this.responseIncidents.map((l) => l.key),
      ]);
      const fresh = new Set(added.map((r) => `${r.response_id}|${r.incident_id}`));
      for (const l of this.responseIncidents) {
        const t = this.touched.get(l.incident);
        if (t && fresh.delete(`${l.response}|${l.incident}`)) t.responses++;
      }
    }
  }

  /**
   * Every party the plan names, stored before the facts that refer to them, in one statement sorted by key (two
   * saves then lock shared parties in the same order). A key named twice keeps its first name and kind and the
   * first country given, as one upsert after another would.
   */
  private async parties(plan: SavePlan): Promise<void> {
    const all = [
      ...plan.incidents.flatMap((p) => (this.incidents.has(p.local) ? p.victims : [])),
      ...plan.claims.flatMap((p) => (this.claims.has(p.local) ? [p.claimant, p.accused] : [])),
      ...plan.responses.flatMap((p) => (this.responses.has(p.local) ? [p.actor, p.target] : [])),
    ];
    const rows = new Map<string, [string, string, string, string, string | null]>();
    for (const p of all) {
      if (!p) continue;
      const key = partyKey(p);
      const row = rows.get(key);
      if (row) row[4] ??= partyCountry(p) ?? null;
      else rows.set(key, [partyId(key), key, p.kind, partyName(p), partyCountry(p) ?? null]);
    }
    if (rows.size === 0) return;
    const sorted = [...rows.values()].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    await this.sql.run(
      SQL.parties,
      [0, 1, 2, 3, 4].map((k) => sorted.map((r) => r[k])),
    );
  }

  private async incident(p: SavePlan["incidents"][number]): Promise<void> {
    const { sql } = this;
    const rec = this.incidents.get(p.local);
    if (!rec) return;
    const stored = this.storedIncidents.get(p.id);
    if ((stored !== undefined) !== p.merged) {
      throw this.badPlan(
        p.merged
          ? `joins the incident "${p.id}", which is not stored`
          : `creates the incident "${p.id}", which is already stored`,
      );
    }
    const bounds = p.date ? this.bounds(p.date, `the incident "${p.local}"`) : undefined;
    const row: IncidentValues = {
      label: p.label,
      name_key: p.name ?? null,
      ...dateRow(p.date),
      victims_json: JSON.stringify(p.victims),
      types_json: JSON.stringify(p.types),
      systems_json: JSON.stringify(p.systems),
    };
    const values = [
      row.date_value,
      row.date_precision,
      row.date_text,
      bounds?.start ?? null,
      bounds?.end ?? null,
      row.victims_json,
      row.types_json,
      row.systems_json,
    ];
    const victims = !stored || stored.victims_json !== row.victims_json;
    const types = !stored || stored.types_json !== row.types_json;
    if (stored) {
      const dated = stored.date_value !== row.date_value;
      if ((Object.keys(row) as Array<keyof IncidentValues>).some((k) => stored[k] !== row[k])) {
        await sql.run(SQL.incidentUpdate, [p.label, p.name ?? null, ...values, p.id]);
      }
      if (victims) await sql.run(SQL.victimsClear, [p.id]);
      else if (dated) await sql.run(SQL.victimDates, [bounds?.start ?? null, bounds?.end ?? null, p.id]);
      if (types) await sql.run(SQL.typesClear, [p.id]);
      this.counts.incidents.merged++;
    } else {
      const position = this.position.get(`incident:${p.local}`) ?? 0;
      await this.unique(`the incident "${p.id}"`, () =>
        sql.run(SQL.incident, [p.id, this.sid, p.local, position, p.label, p.name ?? null, ...values]),
      );
      this.counts.incidents.new++;
    }
    this.storedIncidents.set(p.id, { ...row, accused_json: stored?.accused_json ?? "[]" });
    if (victims && p.victims.length > 0) {
      await sql.run(SQL.victims, [
        p.id,
        p.victims.map((_, k) => k),
        p.victims.map((v) => partyId(partyKey(v))),
        bounds?.start ?? null,
        bounds?.end ?? null,
      ]);
    }
    if (types && p.types.length > 0) await sql.run(SQL.types, [p.id, p.types]);
    this.links.incident.push([p.id, p.local]);
    if (!this.touched.has(p.id)) this.touched.set(p.id, { claims: 0, responses: 0, accused: [] });
    this.evidence("incident", p.id, p.local, rec.evidence);
  }

  private async claim(p: SavePlan["claims"][number]): Promise<void> {
    const { sql } = this;
    const rec = this.claims.get(p.local);
    if (!rec) return;
    const stored = this.storedClaims.get(p.id);
    if (stored) {
      if (stored.identity !== p.identity) {
        throw this.badPlan(`names the claim "${p.identity}" with the id of the claim "${stored.identity}"`);
      }
      const before = dateOf(stored);
      const after = refineDate(before, p.date);
      if (after !== before) {
        await sql.run(SQL.claimDate, [...dateColumns(after), p.id]);
        this.storedClaims.set(p.id, { identity: stored.identity, ...dateRow(after) });
      }
      this.counts.claims.merged++;
    } else {
      await this.unique(`the claim "${p.identity}"`, () =>
        sql.run(SQL.claim, [
          p.id,
          p.identity,
          this.sid,
          this.position.get(`claim:${p.local}`) ?? 0,
          p.stance,
          p.claimant ? partyId(partyKey(p.claimant)) : null,
          p.claimant ? JSON.stringify(p.claimant) : null,
          partyId(partyKey(p.accused)),
          JSON.stringify(p.accused),
          ...dateColumns(p.date),
        ]),
      );
      this.storedClaims.set(p.id, { identity: p.identity, ...dateRow(p.date) });
      this.counts.claims.new++;
    }
    for (const inc of p.incidents)
      this.claimIncidents.push({ claim: p.id, incident: inc, accused: p.accused });
    this.links.claim.push([p.id, p.local]);
    this.evidence("claim", p.id, p.local, rec.evidence);
  }

  private async response(p: SavePlan["responses"][number]): Promise<void> {
    const { sql } = this;
    const rec = this.responses.get(p.local);
    if (!rec) return;
    const stored = this.storedResponses.get(p.id);
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
      if (changed) {
        await sql.run(SQL.responseUpdate, [...dates, p.detail ?? null, p.id]);
        this.storedResponses.set(p.id, { ...row, detail: stored.detail ?? p.detail ?? null });
      }
      this.counts.responses.merged++;
    } else {
      const identity = p.identity;
      if (identity === undefined) throw this.badPlan(`creates the response "${p.id}" with no identity`);
      await this.unique(`the response "${identity}"`, () =>
        sql.run(SQL.response, [
          p.id,
          identity,
          p.key ?? null,
          this.sid,
          this.position.get(`response:${p.local}`) ?? 0,
          p.kind,
          partyId(partyKey(p.actor)),
          JSON.stringify(p.actor),
          p.target ? partyId(partyKey(p.target)) : null,
          p.target ? JSON.stringify(p.target) : null,
          ...dates,
          p.detail ?? null,
        ]),
      );
      this.storedResponses.set(p.id, { ...dateRow(p.date), detail: p.detail ?? null });
      this.counts.responses.new++;
    }
    for (const inc of p.incidents)
      this.responseIncidents.push({ response: p.id, incident: inc, key: p.key ?? null });
    this.links.response.push([p.id, p.local]);
    this.evidence("response", p.id, p.local, rec.evidence);
  }

  private evidence(kind: FactKind, id: string, local: string, list: readonly Evidence[]): void {
    for (const [k, e] of list.entries()) {
      checkEvidence(this.doc, e, `the ${kind} "${local}"`);
      this.quotes.push([local, id, k, kind, e.start, e.end, e.quote]);
    }
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
  private async unique(what: string, insert: () => Promise<unknown>): Promise<void> {
    try {
      await insert();
    } catch (err) {
      if ((err as { code?: string }).code === "23505") {
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
