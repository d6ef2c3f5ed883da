import type {
  CandidateQuery,
  Candidates,
  Claim,
  DocumentRecord,
  FuzzyDate,
  Incident,
  IncidentType,
  Party,
  PlannedCampaign,
  PlannedClaim,
  PlannedIncident,
  PlannedResponse,
  Resolver,
  ResponseKind,
  SavePlan,
} from "../model/index.ts";
import { dateBounds, datesCompatible, partyKey, stableId } from "../model/index.ts";
import { claimKey, responseKey } from "./facts.ts";
import { type KnownIncident, mergeDates, namedOperation, resolveIncident } from "./incidents.ts";
import { canonicalKey } from "./parties.ts";

/**
 * How one document's record joins a stored knowledge base: the lookups its facts need, and the plan made from
 * what they find (see `planSave`). `sourceKey` (the document's sha256) names the facts it creates.
 */
export function resolverFor(record: DocumentRecord, sourceKey: string): Resolver {
  return { query: candidateQuery(record), plan: (found) => planSave(record, sourceKey, found) };
}

/**
 * The stored facts the record's facts might be: incidents sharing a victim at an overlapping date, incidents
 * of the same named operation, and responses of the same kind, actor and target. A superset: `planSave`
 * decides.
 */
export function candidateQuery(record: DocumentRecord): CandidateQuery {
  const byVictim: CandidateQuery["byVictim"] = [];
  const byName: CandidateQuery["byName"] = [];
  for (const inc of record.incidents) {
    const name = namedOperation(inc.label);
    const range = inc.date ? dateBounds(inc.date.value) : undefined;
    if (name) byName.push({ name, ...(range ? { from: range.start, to: range.end } : {}) });
    if (range && inc.victims.length > 0) {
      byVictim.push({ victims: victimKeys(inc.victims), from: range.start, to: range.end });
    }
  }
  const responses = record.responses.map((r) => {
    const range = r.date ? dateBounds(r.date.value) : undefined;
    return { key: responseKey(r), ...(range ? { from: range.start, to: range.end } : {}) };
  });
  return { byVictim, byName, responses };
}

/** The store's keys a victim may be filed under: its own, and its state's for a person of a known country. */
function victimKeys(victims: readonly Party[]): string[] {
  const keys = new Set<string>();
  for (const v of victims) {
    keys.add(partyKey(v));
    if (v.kind === "person" && v.country) keys.add(`state:${v.country}`);
  }
  return [...keys];
}

interface WorkingIncident extends KnownIncident {
  victimParties: Party[];
  name?: string;
  campaign?: string;
}

interface WorkingResponse {
  id: string;
  /** known for responses this plan creates */
  identity?: string;
  key: string;
  date?: FuzzyDate;
  detail?: string;
  incidents: string[];
}

/**
 * Decides which stored facts the record's facts are, as `mergeRecord` does in memory: each incident joins the
 * candidate it is (`resolveIncident`) or becomes a new one named after this source, keeping the more precise
 * of two compatible dates and every victim, type and system; incidents the record ties together share a
 * campaign, joining (and merging) the campaigns some already have; claims are one per incident, claimant,
 * accused and stance, their id derived from that identity; a response joins one of the same kind, actor and
 * target whose date agrees — and when either is undated, only one about a common incident, so that undated
 * sanctions against a state do not gather every sanction against it. Pure and deterministic.
 */
export function planSave(record: DocumentRecord, sourceKey: string, found: Candidates): SavePlan {
  const known: WorkingIncident[] = found.incidents.map((c) => ({
    id: c.id,
    label: c.label,
    ...(c.name ? { name: c.name } : {}),
    ...(c.date ? { date: c.date } : {}),
    victims: c.victims.map(canonicalKey),
    victimParties: [...c.victims],
    types: [...c.types],
    systems: [...c.systems],
    ...(c.campaign ? { campaign: c.campaign } : {}),
  }));
  const byId = new Map(known.map((k) => [k.id, k]));
  const ids = new Map<string, string>();
  const incidents: PlannedIncident[] = [];
  for (const inc of record.incidents) {
    const { knownId } = resolveIncident(inc, known);
    let w = knownId === null ? undefined : byId.get(knownId);
    const merged = w !== undefined;
    if (w) absorb(w, inc);
    else {
      w = fresh(inc, stableId("incident", sourceKey, inc.id));
      known.push(w);
      byId.set(w.id, w);
    }
    ids.set(inc.id, w.id);
    incidents.push(planned(inc.id, w, merged));
  }
  const stored = (refs: readonly string[], what: string): string[] =>
    unique(
      refs.map((ref) => {
        const id = ids.get(ref);
        if (id === undefined) throw new Error(`${what} refers to the incident "${ref}", not in its record`);
        return id;
      }),
    );
  return {
    incidents,
    campaigns: planCampaigns(record, ids, byId, sourceKey),
    claims: record.claims.flatMap((c) => planClaims(c, stored(c.incidents, `claim ${c.id}`))),
    responses: planResponses(record, found, sourceKey, stored),
  };
}

function fresh(inc: Incident, id: string): WorkingIncident {
  const name = namedOperation(inc.label);
  const w: WorkingIncident = {
    id,
    label: inc.label,
    ...(name ? { name } : {}),
    ...(inc.date ? { date: inc.date } : {}),
    victims: [],
    victimParties: [],
    types: [],
    systems: [],
  };
  absorb(w, inc);
  return w;
}

function absorb(w: WorkingIncident, inc: Incident): void {
  const date = mergeDates(w.date, inc.date);
  if (date) w.date = date;
  for (const v of inc.victims) {
    const key = canonicalKey(v);
    if (!w.victims.includes(key)) {
      w.victims.push(key);
      w.victimParties.push(v);
    }
  }
  for (const t of inc.types) if (!w.types.includes(t)) w.types.push(t as IncidentType);
  for (const s of inc.systems) if (!w.systems.includes(s)) w.systems.push(s);
}

function planned(local: string, w: WorkingIncident, merged: boolean): PlannedIncident {
  return {
    local,
    id: w.id,
    merged,
    label: w.label,
    ...(w.name ? { name: w.name } : {}),
    ...(w.date ? { date: w.date } : {}),
    victims: [...w.victimParties],
    types: [...w.types],
    systems: [...w.systems],
  };
}

function planCampaigns(
  record: DocumentRecord,
  ids: ReadonlyMap<string, string>,
  byId: ReadonlyMap<string, WorkingIncident>,
  sourceKey: string,
): PlannedCampaign[] {
  const groups = new Map<string, string[]>();
  for (const inc of record.incidents) {
    const id = ids.get(inc.id);
    if (!inc.campaign || id === undefined) continue;
    const members = groups.get(inc.campaign) ?? [];
    if (!members.includes(id)) members.push(id);
    groups.set(inc.campaign, members);
  }
  const out: PlannedCampaign[] = [];
  for (const [label, members] of groups) {
    const existing = unique(members.flatMap((m) => byId.get(m)?.campaign ?? []));
    const id = existing[0] ?? stableId("campaign", sourceKey, label);
    const absorbs = existing.slice(1);
    for (const w of byId.values()) {
      if (members.includes(w.id) || (w.campaign !== undefined && absorbs.includes(w.campaign)))
        w.campaign = id;
    }
    out.push({ id, incidents: members, absorbs });
  }
  return out;
}

function planClaims(c: Claim, incidents: readonly string[]): PlannedClaim[] {
  return (incidents.length > 0 ? incidents : [null]).map((incident) => {
    const identity = claimKey(incident ?? "", c);
    return {
      local: c.id,
      id: stableId("claim", identity),
      identity,
      incidents: incident === null ? [] : [incident],
      stance: c.stance,
      claimant: c.claimant,
      accused: c.accused,
      ...(c.date ? { date: c.date } : {}),
    };
  });
}

function planResponses(
  record: DocumentRecord,
  found: Candidates,
  sourceKey: string,
  stored: (refs: readonly string[], what: string) => string[],
): PlannedResponse[] {
  const known: WorkingResponse[] = found.responses.map((r) => ({
    id: r.id,
    key: r.key,
    ...(r.date ? { date: r.date } : {}),
    ...(r.detail ? { detail: r.detail } : {}),
    incidents: [...r.incidents],
  }));
  return record.responses.map((r) => {
    const key = responseKey(r);
    const incidents = stored(r.incidents, `response ${r.id}`);
    const same = known.filter((x) => x.key === key && sameResponse(x, r.date, incidents));
    // one about a common incident first, then the earliest stored
    let w = same.find((x) => x.incidents.some((i) => incidents.includes(i))) ?? same[0];
    const merged = w !== undefined;
    if (w) {
      const date = mergeDates(w.date, r.date);
      if (date) w.date = date;
      if (!w.detail && r.detail) w.detail = r.detail;
      for (const i of incidents) if (!w.incidents.includes(i)) w.incidents.push(i);
    } else {
      const identity = responseIdentity(key, r.date, incidents, `${sourceKey}:${r.id}`);
      w = {
        id: stableId("response", identity),
        identity,
        key,
        ...(r.date ? { date: r.date } : {}),
        ...(r.detail ? { detail: r.detail } : {}),
        incidents: [...incidents],
      };
      known.push(w);
    }
    return {
      local: r.id,
      id: w.id,
      merged,
      ...(w.identity ? { identity: w.identity } : {}),
      key,
      kind: r.kind as ResponseKind,
      actor: r.actor,
      target: r.target,
      ...(w.date ? { date: w.date } : {}),
      ...(w.detail ? { detail: w.detail } : {}),
      incidents,
    };
  });
}

/** Two reports are one response when both dates agree or, if either is undated, they share an incident. */
function sameResponse(
  x: WorkingResponse,
  date: FuzzyDate | undefined,
  incidents: readonly string[],
): boolean {
  if (x.date && date) return datesCompatible(x.date, date);
  return x.incidents.some((i) => incidents.includes(i));
}

/**
 * What names a response: its kind, actor and target with the date of its first report, or, undated, with the
 * first incident it is about (about none: its first report). No two stored responses can have the same one: a
 * report whose identity is taken agrees with that response, and would have joined it.
 */
function responseIdentity(
  key: string,
  date: FuzzyDate | undefined,
  incidents: readonly string[],
  report: string,
): string {
  if (date) return `${key}|${date.value}`;
  return incidents[0] !== undefined ? `${key}|about ${incidents[0]}` : `${key}|reported ${report}`;
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
