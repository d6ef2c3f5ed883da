import type {
  Claim,
  DocumentRecord,
  Evidence,
  FuzzyDate,
  IncidentType,
  Party,
  Response,
} from "../model/index.ts";
import { stableId } from "../model/index.ts";
import { claimKey, responseKey, sameResponseDate } from "./facts.ts";
import { type KnownIncident, mergeDates, resolveIncident } from "./incidents.ts";
import { canonicalKey } from "./parties.ts";

/** Evidence as the knowledge base keeps it: the quote and the source whose text its offsets index. */
export interface SourcedEvidence extends Evidence {
  source: string;
}

export interface KnowledgeIncident extends KnownIncident {
  victimParties: Party[];
  campaign?: string;
  sources: string[];
  evidence: SourcedEvidence[];
}

export interface KnowledgeClaim {
  key: string;
  incident: string;
  stance: Claim["stance"];
  claimant: Party | null;
  accused: Party;
  date?: FuzzyDate;
  sources: string[];
  evidence: SourcedEvidence[];
}

export interface KnowledgeResponse {
  key: string;
  kind: Response["kind"];
  actor: Party;
  target: Party | null;
  date?: FuzzyDate;
  incidents: string[];
  detail?: string;
  sources: string[];
  evidence: SourcedEvidence[];
}

/** The merged knowledge of many documents. */
export interface Knowledge {
  incidents: KnowledgeIncident[];
  claims: KnowledgeClaim[];
  responses: KnowledgeResponse[];
}

export function emptyKnowledge(): Knowledge {
  return { incidents: [], claims: [], responses: [] };
}

export interface MergeReport {
  /** record incident id → knowledge incident id */
  incidents: Map<string, string>;
  newIncidents: number;
  mergedIncidents: number;
}

/**
 * Folds one document's record into the knowledge: each incident joins the known incident it is (see
 * resolveIncident) or becomes a new one; claims gather per (incident, claimant, accused, stance) and responses
 * per (kind, actor, target), each keeping every quote with its source. Incidents a record ties into a campaign
 * share the campaign of whichever of them was already known. Deterministic: ids derive from the source.
 */
export function mergeRecord(k: Knowledge, record: DocumentRecord, source: string): MergeReport {
  const report: MergeReport = { incidents: new Map(), newIncidents: 0, mergedIncidents: 0 };
  const sourced = (ev: Evidence[]) => ev.map((e) => ({ ...e, source }));
  for (const inc of record.incidents) {
    const { knownId } = resolveIncident(inc, k.incidents);
    const known = knownId ? k.incidents.find((x) => x.id === knownId) : undefined;
    if (known) {
      const date = mergeDates(known.date, inc.date);
      if (date) known.date = date;
      for (const v of inc.victims) if (!known.victims.includes(canonicalKey(v))) add(known, v);
      for (const t of inc.types) if (!known.types.includes(t)) known.types.push(t as IncidentType);
      for (const s of inc.systems) if (!known.systems.includes(s)) known.systems.push(s);
      if (!known.sources.includes(source)) known.sources.push(source);
      known.evidence.push(...sourced(inc.evidence));
      report.incidents.set(inc.id, known.id);
      report.mergedIncidents++;
    } else {
      const fresh: KnowledgeIncident = {
        id: stableId("incident", source, inc.id),
        label: inc.label,
        ...(inc.date ? { date: inc.date } : {}),
        victims: [],
        victimParties: [],
        types: [...inc.types],
        systems: [...inc.systems],
        sources: [source],
        evidence: sourced(inc.evidence),
      };
      for (const v of inc.victims) add(fresh, v);
      k.incidents.push(fresh);
      report.incidents.set(inc.id, fresh.id);
      report.newIncidents++;
    }
  }
  linkCampaigns(k, record, report, source);
  for (const c of record.claims) {
    for (const recordIncident of c.incidents.length ? c.incidents : [""]) {
      const incident = report.incidents.get(recordIncident) ?? "";
      const key = claimKey(incident, c);
      let claim = k.claims.find((x) => x.key === key);
      if (!claim) {
        claim = {
          key,
          incident,
          stance: c.stance,
          claimant: c.claimant,
          accused: c.accused,
          sources: [],
          evidence: [],
        };
        k.claims.push(claim);
      }
      if (!claim.date && c.date) claim.date = c.date;
      if (!claim.sources.includes(source)) claim.sources.push(source);
      claim.evidence.push(...sourced(c.evidence));
    }
  }
  for (const r of record.responses) {
    const key = responseKey(r);
    let resp = k.responses.find((x) => x.key === key && sameResponseDate(x.date, r.date));
    if (!resp) {
      resp = {
        key,
        kind: r.kind,
        actor: r.actor,
        target: r.target,
        incidents: [],
        sources: [],
        evidence: [],
        ...(r.detail ? { detail: r.detail } : {}),
      };
      k.responses.push(resp);
    }
    const date = mergeDates(resp.date, r.date);
    if (date) resp.date = date;
    for (const id of r.incidents) {
      const known = report.incidents.get(id);
      if (known && !resp.incidents.includes(known)) resp.incidents.push(known);
    }
    if (!resp.sources.includes(source)) resp.sources.push(source);
    resp.evidence.push(...sourced(r.evidence));
  }
  return report;
}

function add(inc: KnowledgeIncident, victim: Party): void {
  inc.victims.push(canonicalKey(victim));
  inc.victimParties.push(victim);
}

function linkCampaigns(k: Knowledge, record: DocumentRecord, report: MergeReport, source: string): void {
  const byCampaign = new Map<string, string[]>();
  for (const inc of record.incidents) {
    if (!inc.campaign) continue;
    const known = report.incidents.get(inc.id);
    if (known) byCampaign.set(inc.campaign, [...(byCampaign.get(inc.campaign) ?? []), known]);
  }
  for (const [campaign, ids] of byCampaign) {
    const members = k.incidents.filter((x) => ids.includes(x.id));
    const existing = members.find((x) => x.campaign)?.campaign ?? stableId("campaign", source, campaign);
    for (const m of members) m.campaign = existing;
  }
}
