import type { FuzzyDate, Party, Tlp } from "../../model/index.ts";
import { partyKey } from "../../model/index.ts";
import type {
  ClaimView,
  IncidentDetail,
  QuotedEvidence,
  ResponseView,
  SourceRef,
} from "../../model/knowledge.ts";
import { CASEBOOK_IDENTITY, EXTENSION_IDS } from "./extensions.ts";
import { dayTimestamp, stixId } from "./ids.ts";
import type { PartyObjects } from "./parties.ts";
import { strictest, TLP_MARKING_IDS } from "./tlp.ts";
import type { StixObject } from "./types.ts";

/** The STIX id of the report standing for a source. */
export const reportId = (sourceId: string) => stixId("report", sourceId);

/**
 * How much weight an attribution claim carries, by who makes it (STIX confidence, 0–100): a state or an
 * international body speaking on the record, a security company, a person, the group itself, or nobody named
 * ("officials believe"). It grades the claimant's standing, not the truth of the claim.
 */
export function claimConfidence(claimant: Party | null): number {
  if (!claimant) return 30;
  switch (claimant.kind) {
    case "state":
    case "intl":
      return 80;
    case "organization":
      return 70;
    case "person":
      return 50;
    case "group":
      return 60;
  }
}

/** What the objects of one incident cite: per source id, the ids of the objects it supports. */
export type Citations = Map<string, Set<string>>;

/**
 * One incident as STIX: the incident (its date, victims, types, systems and quotes in the casebook-incident
 * extension, `targets` relationships to its victims), each accusation or claim of responsibility as an
 * `attributed-to` relationship authored by its claimant, each denial as an `opinion` (strongly-disagree) by the
 * denier about the accusations it answers, each response as a `note` by its actor with the casebook-response
 * extension, and its campaign. Evidence must already be limited to what the reader is cleared for; every object
 * is marked with the strictest TLP of the sources it quotes.
 */
export function incidentObjects(
  detail: IncidentDetail,
  parties: PartyObjects,
  cites: Citations,
): StixObject[] {
  const out: StixObject[] = [];
  const incidentId = stixId("incident", detail.id);
  const incidentTlp = strictest(detail.sources.map((s) => s.tlp));
  const stamp = timestamps(detail.sources);
  const cite = (id: string, evidence: readonly QuotedEvidence[], sources: readonly SourceRef[] = []) => {
    for (const s of [...evidence.map((e) => e.source), ...sources]) {
      const set = cites.get(s.id) ?? new Set<string>();
      set.add(id);
      cites.set(s.id, set);
    }
  };
  const victimRefs = detail.victims.map((v) => parties.ref(v, "victim", incidentTlp));

  out.push({
    type: "incident",
    spec_version: "2.1",
    id: incidentId,
    created_by_ref: CASEBOOK_IDENTITY.id,
    ...stamp,
    name: detail.label,
    ...(detail.evidence[0] ? { description: quotes(detail.evidence) } : {}),
    ...(detail.types.length ? { labels: [...detail.types] } : {}),
    ...nonEmpty(
      "external_references",
      detail.sources.filter((s) => s.url).map((s) => sourceReference(s)),
    ),
    object_marking_refs: [TLP_MARKING_IDS[incidentTlp]],
    extensions: {
      [EXTENSION_IDS.incident]: {
        extension_type: "property-extension",
        casebook_id: detail.id,
        ...(detail.date ? { date: fuzzy(detail.date) } : {}),
        ...nonEmpty("victim_refs", victimRefs),
        ...nonEmpty("types", [...detail.types]),
        ...nonEmpty("systems", [...detail.systems]),
        ...nonEmpty("evidence", evidenceOf(detail.evidence)),
      },
    },
  });
  cite(incidentId, detail.evidence, detail.sources);

  for (const ref of victimRefs) out.push(relationship("targets", incidentId, ref, stamp, incidentTlp));

  if (detail.campaign) {
    const campaignId = stixId("campaign", detail.campaign.id);
    const first = detail.campaign.incidents[0];
    out.push({
      type: "campaign",
      spec_version: "2.1",
      id: campaignId,
      created_by_ref: CASEBOOK_IDENTITY.id,
      ...stamp,
      name: `Campaign: ${first?.label ?? detail.label}`,
      description: `Incidents the sources tie together: ${detail.campaign.incidents.map((i) => i.label).join("; ")}.`,
      object_marking_refs: [TLP_MARKING_IDS[incidentTlp]],
    });
    out.push(relationship("attributed-to", incidentId, campaignId, stamp, incidentTlp));
  }

  const accusations = new Map<string, string[]>();
  for (const claim of detail.claims.filter((c) => c.stance !== "denies")) {
    const rel = claimRelationship(claim, incidentId, parties);
    out.push(rel);
    cite(rel.id, claim.evidence);
    const key = partyKey(claim.accused);
    accusations.set(key, [...(accusations.get(key) ?? []), rel.id]);
  }
  for (const denial of detail.claims.filter((c) => c.stance === "denies")) {
    const op = denialOpinion(denial, incidentId, accusations.get(partyKey(denial.accused)) ?? [], parties);
    out.push(op);
    cite(op.id, denial.evidence);
  }
  for (const response of detail.responses) {
    const note = responseNote(response, incidentId, parties);
    out.push(note);
    cite(note.id, response.evidence);
  }
  return out;
}

function claimRelationship(claim: ClaimView, incidentId: string, parties: PartyObjects): StixObject {
  const tlp = strictest(claim.evidence.map((e) => e.source.tlp));
  const accused = parties.ref(claim.accused, "accused", tlp);
  const claimant = claim.claimant ? parties.ref(claim.claimant, "author", tlp) : undefined;
  return {
    type: "relationship",
    spec_version: "2.1",
    id: stixId("relationship", "claim", claim.id, incidentId),
    created_by_ref: claimant ?? CASEBOOK_IDENTITY.id,
    ...timestamps(claim.evidence.map((e) => e.source)),
    relationship_type: "attributed-to",
    source_ref: incidentId,
    target_ref: accused,
    confidence: claimConfidence(claim.claimant),
    description: quotes(claim.evidence),
    object_marking_refs: [TLP_MARKING_IDS[tlp]],
    extensions: { [EXTENSION_IDS.claim]: claimExtension(claim, claimant, accused) },
  };
}

function denialOpinion(
  denial: ClaimView,
  incidentId: string,
  answered: readonly string[],
  parties: PartyObjects,
): StixObject {
  const tlp = strictest(denial.evidence.map((e) => e.source.tlp));
  const accused = parties.ref(denial.accused, "accused", tlp);
  const denier = denial.claimant ? parties.ref(denial.claimant, "author", tlp) : undefined;
  return {
    type: "opinion",
    spec_version: "2.1",
    id: stixId("opinion", "denial", denial.id, incidentId),
    ...(denier ? { created_by_ref: denier } : {}),
    ...timestamps(denial.evidence.map((e) => e.source)),
    explanation: quotes(denial.evidence),
    ...(denial.claimant?.kind === "state" && denial.claimant.via ? { authors: [denial.claimant.via] } : {}),
    opinion: "strongly-disagree",
    object_refs: [...answered, incidentId],
    object_marking_refs: [TLP_MARKING_IDS[tlp]],
    extensions: { [EXTENSION_IDS.claim]: claimExtension(denial, denier, accused) },
  };
}

function claimExtension(claim: ClaimView, claimant: string | undefined, accused: string) {
  return {
    extension_type: "property-extension",
    casebook_id: claim.id,
    stance: claim.stance,
    ...(claimant ? { claimant_ref: claimant } : {}),
    ...(claim.claimant?.kind === "state" && claim.claimant.via ? { claimant_via: claim.claimant.via } : {}),
    accused_ref: accused,
    ...(claim.date ? { date: fuzzy(claim.date) } : {}),
    ...nonEmpty("evidence", evidenceOf(claim.evidence)),
  };
}

function responseNote(response: ResponseView, incidentId: string, parties: PartyObjects): StixObject {
  const tlp = strictest(response.evidence.map((e) => e.source.tlp));
  const actor = parties.ref(response.actor, "author", tlp);
  const target = response.target ? parties.ref(response.target, "victim", tlp) : undefined;
  return {
    type: "note",
    spec_version: "2.1",
    id: stixId("note", "response", response.id, incidentId),
    created_by_ref: actor,
    ...timestamps(response.evidence.map((e) => e.source)),
    abstract: `${response.kind}${response.detail ? `: ${response.detail}` : ""}`,
    content: quotes(response.evidence),
    object_refs: [incidentId, ...(target ? [target] : [])],
    object_marking_refs: [TLP_MARKING_IDS[tlp]],
    extensions: {
      [EXTENSION_IDS.response]: {
        extension_type: "property-extension",
        casebook_id: response.id,
        kind: response.kind,
        actor_ref: actor,
        ...(target ? { target_ref: target } : {}),
        incident_refs: [incidentId],
        ...(response.date ? { date: fuzzy(response.date) } : {}),
        ...(response.detail ? { detail: response.detail } : {}),
        ...nonEmpty("evidence", evidenceOf(response.evidence)),
      },
    },
  };
}

function relationship(
  type: string,
  source: string,
  target: string,
  stamp: { created: string; modified: string },
  tlp: Tlp,
): StixObject {
  return {
    type: "relationship",
    spec_version: "2.1",
    id: stixId("relationship", type, source, target),
    created_by_ref: CASEBOOK_IDENTITY.id,
    ...stamp,
    relationship_type: type,
    source_ref: source,
    target_ref: target,
    object_marking_refs: [TLP_MARKING_IDS[tlp]],
  };
}

/** created: the earliest publication of the supporting sources; modified: the latest. */
export function timestamps(sources: readonly SourceRef[]): { created: string; modified: string } {
  const days = sources
    .map((s) => s.published)
    .filter((d): d is string => !!d)
    .sort();
  const first = days[0] ?? "1970-01-01";
  return { created: dayTimestamp(first), modified: dayTimestamp(days[days.length - 1] ?? first) };
}

export function sourceReference(s: SourceRef): { source_name: string; url?: string; description?: string } {
  return {
    source_name: s.publisher ?? "news",
    ...(s.url ? { url: s.url } : {}),
    ...(s.title ? { description: s.title } : {}),
  };
}

/** STIX forbids empty lists: a property with nothing in it is left out. */
function nonEmpty<K extends string, T>(key: K, list: T[]): { [k in K]?: T[] } {
  return (list.length ? { [key]: list } : {}) as { [k in K]?: T[] };
}

function fuzzy(d: FuzzyDate) {
  return { value: d.value, precision: d.precision, ...(d.text ? { text: d.text } : {}) };
}

function evidenceOf(evidence: readonly QuotedEvidence[]) {
  return evidence.map((e) => ({
    source_ref: reportId(e.source.id),
    start: e.start,
    end: e.end,
    quote: e.quote,
  }));
}

function quotes(evidence: readonly QuotedEvidence[]): string {
  return [...new Set(evidence.map((e) => e.quote))].map((q) => `“${q}”`).join("\n");
}
