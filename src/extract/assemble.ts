import type { Claim, Evidence, FuzzyDate, Incident, Party, Response } from "../model/index.ts";
import { evidenceOf } from "../model/index.ts";
import { type ClaimDraft, claimDate } from "./stages/claims.ts";
import { type Analysis, sameParty } from "./stages/context.ts";
import type { IncidentDraft } from "./stages/incidents.ts";
import type { ResponseDraft } from "./stages/responses.ts";

/** Which incidents a sentence speaks of: those mentioned in it, else the one under discussion. */
export function incidentLocator(drafts: readonly IncidentDraft[]) {
  // by sentence index: an array, as the indices are small and dense
  const bySentence: Array<IncidentDraft[] | undefined> = [];
  for (const d of drafts)
    for (const m of d.mentions) {
      const list = bySentence[m.sentence];
      // drafts are read one after another: one already listed for the sentence is its last
      if (!list) bySentence[m.sentence] = [d];
      else if (list[list.length - 1] !== d) list.push(d);
    }
  // asked for every response and claim kept, often of the same sentence
  const found: IncidentDraft[][] = [];
  return (sentence: number): IncidentDraft[] => {
    let list = found[sentence];
    if (!list) {
      list = drafts[0] ? [drafts[0]] : [];
      for (let i = sentence; i >= 0; i--) {
        const here = bySentence[i];
        if (here?.length) {
          list = i === sentence ? here : [here[here.length - 1] as IncidentDraft];
          break;
        }
      }
      if (sentence >= 0) found[sentence] = list;
    }
    return list;
  };
}

/** Adds a sentence as evidence, unless the list holds it already (the quote is made only for a new one). */
function addSentence(list: Evidence[], a: Analysis, sentence: number): void {
  const s = a.sentences[sentence];
  if (!s) return;
  for (let i = 0; i < list.length; i++) {
    const x = list[i] as Evidence;
    if (x.start === s.start && x.end === s.end) return;
  }
  list.push(evidenceOf(a.text, s.start, s.end));
}

export function incidentRecords(a: Analysis, drafts: readonly IncidentDraft[]): Incident[] {
  return drafts.map((d, i) => {
    const evidence: Evidence[] = [];
    // a mention in the sentence of the mention before it adds nothing (a draft's mentions come in order)
    let last = -1;
    for (const m of d.mentions) {
      if (m.sentence !== last) addSentence(evidence, a, m.sentence);
      last = m.sentence;
    }
    const inc: Incident = {
      id: `incident-${i + 1}`,
      label: labelOf(d),
      victims: d.victims,
      // most incidents have one type: sorting one costs the call for nothing
      types: d.types.size < 2 ? [...d.types] : [...d.types].sort(),
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
        ? `${d.types.values().next().value} incident`
        : "cyber incident");
  // the victims' names joined by ", ": built as it goes, as most incidents name one
  let where = "";
  for (const v of d.victims) {
    const name = v.kind === "state" ? v.country : v.kind === "organization" ? v.name : "";
    if (name) where = where ? `${where}, ${name}` : name;
  }
  return where ? `${what} (${where})` : what;
}

interface FactDraft {
  sentence: number;
  date?: FuzzyDate;
}
interface Fact {
  incidents: string[];
  evidence: Evidence[];
  date?: FuzzyDate;
}

/**
 * Drafts of the same fact (`sameFact` of the draft and the fact's first draft) become one fact carrying every
 * sentence as evidence and every incident it concerns. A document has a few facts: each draft is compared with
 * their first drafts, where a key string per draft cost more than the comparisons.
 */
function mergeFacts<D extends FactDraft, F extends Fact>(
  a: Analysis,
  drafts: readonly D[],
  sameFact: (d: D, first: D) => boolean,
  create: (d: D, index: number) => F,
  /** asked only while the fact has no date */
  dateOf: (d: D) => FuzzyDate | undefined,
  incidentsOf: (d: D) => IncidentDraft[],
  ids: Map<IncidentDraft, string>,
): F[] {
  const firsts: D[] = [];
  const facts: F[] = [];
  for (const d of drafts) {
    let k = 0;
    while (k < firsts.length && !sameFact(d, firsts[k] as D)) k++;
    let fact = facts[k];
    if (!fact) {
      fact = create(d, k + 1);
      firsts.push(d);
      facts.push(fact);
    }
    if (!fact.date) {
      const date = dateOf(d);
      if (date) fact.date = date;
    }
    for (const inc of incidentsOf(d)) {
      const id = ids.get(inc);
      if (id && !fact.incidents.includes(id)) fact.incidents.push(id);
    }
    addSentence(fact.evidence, a, d.sentence);
  }
  return facts;
}

export function claimRecords(
  a: Analysis,
  drafts: readonly ClaimDraft[],
  incidentsOf: (s: number) => IncidentDraft[],
  ids: Map<IncidentDraft, string>,
  incidents: readonly IncidentDraft[],
): Claim[] {
  let concernedBy = -1;
  let concerned: IncidentDraft[] = [];
  return mergeFacts<ClaimDraft, Claim>(
    a,
    drafts,
    (c, f) => c.stance === f.stance && sameOrNone(c.claimant, f.claimant) && sameParty(c.accused, f.accused),
    (c, n) => ({
      id: `claim-${n}`,
      stance: c.stance,
      claimant: c.claimant,
      accused: c.accused,
      incidents: [],
      evidence: [],
    }),
    (c) => claimDate(a, c),
    (c) => {
      // claims of one sentence, which mostly come together, concern the same incidents
      if (c.sentence !== concernedBy) {
        concernedBy = c.sentence;
        concerned = [];
        // an incident of a campaign stands for every incident of the campaign
        for (const inc of incidentsOf(c.sentence))
          if (inc.campaign === undefined) concerned.push(inc);
          else for (const x of incidents) if (x.campaign === inc.campaign) concerned.push(x);
      }
      return concerned;
    },
    ids,
  );
}

export function responseRecords(
  a: Analysis,
  drafts: readonly ResponseDraft[],
  incidentsOf: (s: number) => IncidentDraft[],
  ids: Map<IncidentDraft, string>,
): Response[] {
  return mergeFacts<ResponseDraft, Response>(
    a,
    drafts,
    (r, f) => r.kind === f.kind && sameParty(r.actor, f.actor) && sameOrNone(r.target, f.target),
    (r, n) => ({
      id: `response-${n}`,
      kind: r.kind,
      actor: r.actor,
      target: r.target,
      incidents: [],
      evidence: [],
      ...(r.detail ? { detail: r.detail } : {}),
    }),
    (r) => r.date,
    (r) => incidentsOf(r.sentence),
    ids,
  );
}

/** Both absent, or both the same party: as comparing `partyId`s with "-" for none. */
function sameOrNone(p: Party | null, q: Party | null): boolean {
  return p === null || q === null ? p === q : sameParty(p, q);
}
