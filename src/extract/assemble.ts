import type { Claim, DocumentRecord, Evidence, Incident, Party, Response } from "../model/index.ts";
import { evidenceOf } from "../model/index.ts";
import type { ClaimDraft } from "./stages/claims.ts";
import { type Analysis, partyId } from "./stages/context.ts";
import type { IncidentDraft } from "./stages/incidents.ts";
import type { ResponseDraft } from "./stages/responses.ts";

/** Which incidents a sentence speaks of: those mentioned in it, else the one under discussion. */
export function incidentLocator(drafts: readonly IncidentDraft[]) {
  const bySentence = new Map<number, IncidentDraft[]>();
  for (const d of drafts)
    for (const m of d.mentions) {
      const list = bySentence.get(m.sentence) ?? [];
      if (!list.includes(d)) list.push(d);
      bySentence.set(m.sentence, list);
    }
  return (sentence: number): IncidentDraft[] => {
    for (let i = sentence; i >= 0; i--) {
      const here = bySentence.get(i);
      if (here?.length) return i === sentence ? here : [here[here.length - 1] as IncidentDraft];
    }
    return drafts[0] ? [drafts[0]] : [];
  };
}

const sentenceEvidence = (a: Analysis, sentence: number): Evidence | null => {
  const s = a.sentences[sentence];
  return s ? evidenceOf(a.text, s.start, s.end) : null;
};

function addEvidence(list: Evidence[], e: Evidence | null): void {
  if (e && !list.some((x) => x.start === e.start && x.end === e.end)) list.push(e);
}

export function incidentRecords(a: Analysis, drafts: readonly IncidentDraft[]): Incident[] {
  return drafts.map((d, i) => {
    const evidence: Evidence[] = [];
    for (const m of d.mentions) addEvidence(evidence, sentenceEvidence(a, m.sentence));
    const inc: Incident = {
      id: `incident-${i + 1}`,
      label: labelOf(d),
      victims: d.victims,
      types: [...d.types].sort(),
      systems: d.systems,
      evidence,
    };
    if (d.date) inc.date = d.date;
    if (d.campaign !== undefined) inc.campaign = `campaign-${d.campaign + 1}`;
    return inc;
  });
}

function labelOf(d: IncidentDraft): string {
  const what =
    d.name ??
    (d.systems[0]
      ? `attack on ${d.systems[0]}`
      : d.types.size
        ? `${[...d.types][0]} incident`
        : "cyber incident");
  const where = d.victims
    .map((v) => (v.kind === "state" ? v.country : v.kind === "organization" ? v.name : ""))
    .filter(Boolean)
    .join(", ");
  return where ? `${what} (${where})` : what;
}

export function claimRecords(
  a: Analysis,
  drafts: readonly ClaimDraft[],
  incidentsOf: (s: number) => IncidentDraft[],
  ids: Map<IncidentDraft, string>,
  campaignOf: (d: IncidentDraft) => IncidentDraft[],
): Claim[] {
  const merged = new Map<string, Claim>();
  for (const c of drafts) {
    const key = `${c.stance}|${c.claimant ? partyId(c.claimant) : "-"}|${partyId(c.accused)}`;
    let claim = merged.get(key);
    if (!claim) {
      claim = {
        id: `claim-${merged.size + 1}`,
        stance: c.stance,
        claimant: c.claimant,
        accused: c.accused,
        incidents: [],
        evidence: [],
      };
      if (c.date) claim.date = c.date;
      merged.set(key, claim);
    }
    if (!claim.date && c.date) claim.date = c.date;
    for (const d of incidentsOf(c.sentence).flatMap(campaignOf)) {
      const id = ids.get(d);
      if (id && !claim.incidents.includes(id)) claim.incidents.push(id);
    }
    addEvidence(claim.evidence, sentenceEvidence(a, c.sentence));
  }
  return [...merged.values()];
}

export function responseRecords(
  a: Analysis,
  drafts: readonly ResponseDraft[],
  incidentsOf: (s: number) => IncidentDraft[],
  ids: Map<IncidentDraft, string>,
): Response[] {
  const merged = new Map<string, Response>();
  for (const r of drafts) {
    const key = `${r.kind}|${partyId(r.actor)}|${r.target ? partyId(r.target) : "-"}`;
    let resp = merged.get(key);
    if (!resp) {
      resp = {
        id: `response-${merged.size + 1}`,
        kind: r.kind,
        actor: r.actor,
        target: r.target,
        incidents: [],
        evidence: [],
      };
      if (r.date) resp.date = r.date;
      if (r.detail) resp.detail = r.detail;
      merged.set(key, resp);
    }
    if (!resp.date && r.date) resp.date = r.date;
    for (const d of incidentsOf(r.sentence)) {
      const id = ids.get(d);
      if (id && !resp.incidents.includes(id)) resp.incidents.push(id);
    }
    addEvidence(resp.evidence, sentenceEvidence(a, r.sentence));
  }
  return [...merged.values()];
}

export type { DocumentRecord, Party };
