import type {
  Document,
  DocumentRecord,
  Evidence,
  FactCounts,
  FuzzyDate,
  Party,
  SavePlan,
} from "../../model/index.ts";
import { partyKey } from "../../model/index.ts";
import type { FactKind } from "../../model/knowledge.ts";
import { StoreError } from "../../model/store-errors.ts";
import { checkEvidence, docName } from "../check.ts";
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
} from "../fact-rows.ts";
import { dateRange } from "../filter.ts";
import { partyId } from "../ids.ts";
import { parties } from "../row-map.ts";
import type { TxSql } from "./db.ts";
import { loadStored, ROWS, SQL } from "./plan-sql.ts";
import { RowBatch } from "./row-batch.ts";

/**
 * Writes a plan the way sqlite/save.ts does, in few round trips: `load` reads the stored values of the facts
 * the plan names (and the links they have) in one round trip, keeping them up to date as the plan writes;
 * `write` then decides every statement from those values, without waiting for any answer, and sends them all:
 * the server runs them in order, and the first failure is thrown when the transaction settles them. Links,
 * quotes, parties and the incidents' aggregates go in one statement each; so do the new facts of a kind, the
 * victims and the types (see `RowBatch`): the statements about incidents, then their victims, then their types,
 * each in the plan's order, leave the tables as the plan's order of incidents would.
 */
export class PlanWriter {
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
  /** the links to incidents the plan's claims and responses had before this save ("fact|incident") */
  private readonly storedLinks = { claim: new Set<string>(), response: new Set<string>() };
  /** the reports this save adds: [fact id, local id] of each kind */
  private readonly links = {
    incident: [] as Array<[string, string, number]>,
    claim: [] as Array<[string, string, number]>,
    response: [] as Array<[string, string, number]>,
  };
  private readonly claimIncidents: Array<{ claim: string; incident: string; accused: Party }> = [];
  private readonly responseIncidents: Array<{ response: string; incident: string; key: string | null }> = [];

  constructor(
    private readonly sql: TxSql,
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

  /**
   * The stored values of every fact the plan names, and their links to incidents, in one round trip (with
   * whatever else was sent beside them).
   */
  async load(plan: SavePlan | undefined): Promise<void> {
    if (!plan) return;
    const stored = await loadStored(this.sql, plan);
    this.storedIncidents = stored.incidents;
    this.storedClaims = stored.claims;
    this.storedResponses = stored.responses;
    for (const link of stored.claimLinks) this.storedLinks.claim.add(link);
    for (const link of stored.responseLinks) this.storedLinks.response.add(link);
  }

  /** Sends the statements of the plan (after `load`); what they do is counted from the loaded values. */
  write(plan: SavePlan): FactCounts {
    this.parties(plan);
    const incidents = { rows: new RowBatch(), victims: new RowBatch(), types: new RowBatch() };
    for (const p of plan.incidents) this.incident(p, incidents);
    for (const batch of [incidents.rows, incidents.victims, incidents.types])
      batch.sendTo(this.sql, this.duplicate);
    for (const c of plan.campaigns) this.sql.send(SQL.campaign, [c.id, c.incidents, c.absorbs]);
    const claimRows = new RowBatch();
    for (const p of plan.claims) this.claim(p, claimRows);
    claimRows.sendTo(this.sql, this.duplicate);
    const responseRows = new RowBatch();
    for (const p of plan.responses) this.response(p, responseRows);
    responseRows.sendTo(this.sql, this.duplicate);
    this.writeLinks();
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
    if (ids.length > 0) this.sql.send(SQL.aggregatesAll, [ids, claims, responses, accused]);
    if (this.quotes.length > 0) {
      const column = <K extends number>(k: K) => this.quotes.map((q) => q[k]);
      this.sql.send(SQL.evidence, [
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

  /**
   * The reports (fact, source, local id) and the links of claims and responses to incidents. A link is counted
   * on its incident when it is new: not stored before this save, and not already added by it (in the plan's
   * order, as one insert after another would count them). The locks a save holds keep others from adding links
   * to the incidents it touches meanwhile.
   */
  private writeLinks(): void {
    const tables = [
      ["incident", "incident_sources", "incident_id"],
      ["claim", "claim_sources", "claim_id"],
      ["response", "response_sources", "response_id"],
    ] as const;
    for (const [kind, table, column] of tables) {
      const rows = this.links[kind];
      if (rows.length === 0) continue;
      this.sql.send(SQL.links(table, column), [
        this.sid,
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
        rows.map((r) => r[2]),
      ]);
    }
    if (this.claimIncidents.length > 0) {
      this.sql.send(SQL.claimIncidents, [
        this.claimIncidents.map((l) => l.claim),
        this.claimIncidents.map((l) => l.incident),
      ]);
      const seen = this.storedLinks.claim;
      for (const l of this.claimIncidents) {
        const link = `${l.claim}|${l.incident}`;
        if (seen.has(link)) continue;
        seen.add(link);
        const t = this.touched.get(l.incident);
        if (t) {
          t.claims++;
          t.accused.push(l.accused);
        }
      }
    }
    if (this.responseIncidents.length > 0) {
      this.sql.send(SQL.responseIncidents, [
        this.responseIncidents.map((l) => l.response),
        this.responseIncidents.map((l) => l.incident),
        this.responseIncidents.map((l) => l.key),
      ]);
      const seen = this.storedLinks.response;
      for (const l of this.responseIncidents) {
        const link = `${l.response}|${l.incident}`;
        if (seen.has(link)) continue;
        seen.add(link);
        const t = this.touched.get(l.incident);
        if (t) t.responses++;
      }
    }
  }

  /**
   * Every party the plan names, stored before the facts that refer to them, in one statement sorted by key (two
   * saves then lock shared parties in the same order). A key named twice keeps its first name and kind and the
   * first country given, as one upsert after another would.
   */
  private parties(plan: SavePlan): void {
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
    this.sql.send(
      SQL.parties,
      [0, 1, 2, 3, 4].map((k) => sorted.map((r) => r[k])),
    );
  }

  private incident(
    p: SavePlan["incidents"][number],
    batch: { rows: RowBatch; victims: RowBatch; types: RowBatch },
  ): void {
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
    const { row, values } = incidentValues(p, bounds);
    const victims = !stored || stored.victims_json !== row.victims_json;
    const types = !stored || stored.types_json !== row.types_json;
    if (stored) {
      const dated = stored.date_value !== row.date_value;
      if ((Object.keys(row) as Array<keyof IncidentValues>).some((k) => stored[k] !== row[k])) {
        batch.rows.statement(SQL.incidentUpdate, [p.label, p.name ?? null, ...values, p.id]);
      }
      if (victims) batch.victims.statement(SQL.victimsClear, [p.id]);
      else if (dated) {
        batch.victims.statement(SQL.victimDates, [bounds?.start ?? null, bounds?.end ?? null, p.id]);
      }
      if (types) batch.types.statement(SQL.typesClear, [p.id]);
      this.counts.incidents.merged++;
    } else {
      const position = this.position.get(`incident:${p.local}`) ?? 0;
      batch.rows.row(
        ROWS.incidents,
        [p.id, this.sid, p.local, position, p.label, p.name ?? null, ...values],
        `the incident "${p.id}"`,
        [p.id],
      );
      this.counts.incidents.new++;
    }
    this.storedIncidents.set(p.id, { ...row, accused_json: stored?.accused_json ?? "[]" });
    if (victims) {
      for (const [k, v] of p.victims.entries()) {
        const row = [p.id, k, partyId(partyKey(v)), bounds?.start ?? null, bounds?.end ?? null];
        batch.victims.row(ROWS.victims, row, `the victim ${k} of the incident "${p.id}"`);
      }
    }
    if (types) for (const t of p.types) batch.types.row(ROWS.types, [p.id, t], `the type of "${p.id}"`);
    this.links.incident.push([p.id, p.local, rec.evidence.length]);
    if (!this.touched.has(p.id)) this.touched.set(p.id, { claims: 0, responses: 0, accused: [] });
    this.evidence("incident", p.id, p.local, rec.evidence);
  }

  private claim(p: SavePlan["claims"][number], batch: RowBatch): void {
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
        batch.statement(SQL.claimDate, [...dateColumns(after), p.id]);
        this.storedClaims.set(p.id, { identity: stored.identity, ...dateRow(after) });
      }
      this.counts.claims.merged++;
    } else {
      batch.row(
        ROWS.claims,
        [
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
        ],
        `the claim "${p.identity}"`,
        [p.id, p.identity],
      );
      this.storedClaims.set(p.id, { identity: p.identity, ...dateRow(p.date) });
      this.counts.claims.new++;
    }
    for (const inc of p.incidents)
      this.claimIncidents.push({ claim: p.id, incident: inc, accused: p.accused });
    this.links.claim.push([p.id, p.local, rec.evidence.length]);
    this.evidence("claim", p.id, p.local, rec.evidence);
  }

  private response(p: SavePlan["responses"][number], batch: RowBatch): void {
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
        batch.statement(SQL.responseUpdate, [...dates, p.detail ?? null, p.id]);
        this.storedResponses.set(p.id, { ...row, detail: stored.detail ?? p.detail ?? null });
      }
      this.counts.responses.merged++;
    } else {
      const identity = p.identity;
      if (identity === undefined) throw this.badPlan(`creates the response "${p.id}" with no identity`);
      batch.row(
        ROWS.responses,
        [
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
        ],
        `the response "${identity}"`,
        [p.id, identity],
      );
      this.storedResponses.set(p.id, { ...dateRow(p.date), detail: p.detail ?? null });
      this.counts.responses.new++;
    }
    for (const inc of p.incidents)
      this.responseIncidents.push({ response: p.id, incident: inc, key: p.key ?? null });
    this.links.response.push([p.id, p.local, rec.evidence.length]);
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

  /** An insert whose unique identity another row holds: a plan must never ask for it. */
  private readonly duplicate = (what: string): StoreError =>
    this.badPlan(`creates ${what} a second time, under another id`);

  private badPlan(what: string): StoreError {
    return new StoreError(
      "BAD_PLAN",
      `The save plan of "${docName(this.doc)}" ${what}; nothing of it was stored.`,
    );
  }
}
