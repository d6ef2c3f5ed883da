import { v5 as uuidv5 } from "uuid";
import type { CatalogueEntry, Party } from "../../model/index.ts";
import type { ClaimView, IncidentDetail, QuotedEvidence, ResponseView } from "../../model/knowledge.ts";
import { countryName } from "../stix/parties.ts";
import { strictest } from "../stix/tlp.ts";

const MISP_NAMESPACE = "3c9a1e52-7b4d-5f08-a6e1-2d8f0b7c4e19";
const mispUuid = (...parts: string[]) => uuidv5(parts.join("\u001f"), MISP_NAMESPACE);

/** The uuid of Casebook's MISP object template for a response ("casebook-response"). */
export const RESPONSE_TEMPLATE_UUID = mispUuid("template", "casebook-response");
/** The MISP threat-actor galaxy's own uuid, used when the imported catalogue did not record it. */
export const THREAT_ACTOR_GALAXY_UUID = "698774c7-8022-42c4-917f-8d6e4f06ada3";

export interface MispAttribute {
  uuid: string;
  type: string;
  category: string;
  value: string;
  comment?: string;
  to_ids: boolean;
  distribution: string;
  timestamp: string;
  object_relation?: string;
}

export interface MispEvent {
  Event: {
    uuid: string;
    info: string;
    date: string;
    threat_level_id: string;
    analysis: string;
    distribution: string;
    published: boolean;
    timestamp: string;
    Tag: Array<{ name: string }>;
    Attribute: MispAttribute[];
    Object: Array<{
      uuid: string;
      name: string;
      "meta-category": string;
      description: string;
      template_uuid: string;
      template_version: string;
      distribution: string;
      timestamp: string;
      comment?: string;
      Attribute: MispAttribute[];
    }>;
    Galaxy: Array<{
      uuid: string;
      name: string;
      type: string;
      namespace: string;
      description: string;
      GalaxyCluster: Array<{
        uuid: string;
        collection_uuid?: string;
        type: string;
        value: string;
        tag_name: string;
        description: string;
        meta: Record<string, string[]>;
      }>;
    }>;
  };
}

/** A party's name as an analyst reads it: a state is its country's name. */
export function partyName(p: Party | null): string {
  if (!p) return "unnamed";
  return p.kind === "state" ? countryName(p.country) : p.name;
}

/**
 * One incident as a MISP event, in the JSON shape MISP's `events/add` takes: the incident's date, label and
 * `tlp:` tag; a `threat-actor` attribute (category Attribution) per accusation or claim of responsibility with
 * its claimant and quote; a text attribute per denial; a link per source; one `casebook-response` object per
 * response; and, for accused groups the threat-actor galaxy knows (`catalogue`), the galaxy cluster with the
 * galaxy's own uuids and its `misp-galaxy:threat-actor="…"` tag.
 */
export function mispEvent(
  detail: IncidentDetail,
  catalogue: ReadonlyMap<string, CatalogueEntry>,
  campaign: ReadonlyArray<{ label: string; responses: readonly ResponseView[] }> = [],
): MispEvent {
  const tlp = strictest(detail.sources.map((s) => s.tlp));
  const days = detail.sources
    .map((s) => s.published ?? "")
    .filter(Boolean)
    .sort();
  const timestamp = String(Date.parse(`${days[days.length - 1] ?? "1970-01-01"}T00:00:00Z`) / 1000);
  const attr = (
    key: string,
    type: string,
    category: string,
    value: string,
    comment?: string,
    relation?: string,
  ): MispAttribute => ({
    uuid: mispUuid("attribute", detail.id, key),
    type,
    category,
    value,
    ...(comment ? { comment } : {}),
    to_ids: false,
    distribution: "5",
    timestamp,
    ...(relation ? { object_relation: relation } : {}),
  });
  const attributes: MispAttribute[] = [];
  const tags = new Set([`tlp:${tlp}`]);
  const clusters = new Map<string, MispEvent["Event"]["Galaxy"][number]["GalaxyCluster"][number]>();
  let galaxyUuid = THREAT_ACTOR_GALAXY_UUID;

  for (const v of detail.victims)
    attributes.push(attr(`victim:${partyName(v)}`, "text", "Other", `victim: ${partyName(v)}`));
  for (const c of detail.claims) {
    if (c.stance === "denies") {
      attributes.push(
        attr(
          `claim:${c.id}`,
          "text",
          "Other",
          `${partyName(c.claimant)} denies involvement`,
          quotes(c.evidence),
        ),
      );
      continue;
    }
    attributes.push(
      attr(`claim:${c.id}`, "threat-actor", "Attribution", partyName(c.accused), claimComment(c)),
    );
    const entry = c.accused.kind === "group" ? catalogue.get(c.accused.name.toLowerCase()) : undefined;
    const clusterUuid = entry?.externalIds.find((x) => x.source === "misp-galaxy-cluster")?.id;
    if (entry && clusterUuid) {
      galaxyUuid = entry.externalIds.find((x) => x.source === "misp-galaxy:threat-actor")?.id ?? galaxyUuid;
      const tag = `misp-galaxy:threat-actor="${entry.name}"`;
      tags.add(tag);
      const collection = entry.externalIds.find(
        (x) => x.source === "misp-galaxy-collection:threat-actor",
      )?.id;
      clusters.set(clusterUuid, {
        uuid: clusterUuid,
        ...(collection ? { collection_uuid: collection } : {}),
        type: "threat-actor",
        value: entry.name,
        tag_name: tag,
        description: entry.description ?? "",
        meta: {
          ...(entry.aliases.length ? { synonyms: entry.aliases } : {}),
          ...(entry.country ? { country: [entry.country] } : {}),
          ...(entry.sponsor ? { "cfr-suspected-state-sponsor": [countryName(entry.sponsor)] } : {}),
        },
      });
    }
  }
  for (const s of detail.sources)
    if (s.url) attributes.push(attr(`source:${s.id}`, "link", "External analysis", s.url, s.title));

  // what states did about the other incidents of the same campaign belongs to this event's story too
  const own = new Set(detail.responses.map((r) => r.id));
  const responses: Array<{ r: ResponseView; about?: string }> = detail.responses.map((r) => ({ r }));
  for (const sibling of campaign)
    for (const r of sibling.responses)
      if (!own.has(r.id)) {
        own.add(r.id);
        responses.push({ r, about: sibling.label });
      }
  const objects = responses.map(({ r, about }) => {
    const key = `response:${r.id}`;
    const rel = (name: string, value: string) =>
      attr(`${key}:${name}`, "text", "Other", value, undefined, name);
    return {
      uuid: mispUuid("object", detail.id, r.id),
      name: "casebook-response",
      "meta-category": "misc",
      description: "What a state or body did about an incident, with the words of its sources.",
      template_uuid: RESPONSE_TEMPLATE_UUID,
      template_version: "1",
      distribution: "5",
      timestamp,
      ...(about ? { comment: `A response to "${about}", an incident of the same campaign.` } : {}),
      Attribute: [
        rel("kind", r.kind),
        rel("actor", partyName(r.actor)),
        ...(r.target ? [rel("target", partyName(r.target))] : []),
        ...(r.date ? [rel("date", r.date.value)] : []),
        ...(r.detail ? [rel("detail", r.detail)] : []),
        rel("quote", quotes(r.evidence)),
      ],
    };
  });

  return {
    Event: {
      uuid: mispUuid("event", detail.id),
      info: detail.label,
      date: eventDate(detail, days[0]),
      threat_level_id: "2",
      analysis: "2",
      distribution: "0",
      published: false,
      timestamp,
      Tag: [...tags].map((name) => ({ name })),
      Attribute: attributes,
      Object: objects,
      Galaxy: clusters.size
        ? [
            {
              uuid: galaxyUuid,
              name: "Threat Actor",
              type: "threat-actor",
              namespace: "misp",
              description: "Threat actors are characteristics of malicious actors (or adversaries).",
              GalaxyCluster: [...clusters.values()],
            },
          ]
        : [],
    },
  };
}

/** MISP wants a full day: a month or year date becomes its first day (the comment of the date keeps the rest). */
function eventDate(detail: IncidentDetail, firstSource: string | undefined): string {
  const v = detail.date?.value;
  if (!v) return firstSource ?? "1970-01-01";
  return v.length === 10 ? v : v.length === 7 ? `${v}-01` : `${v}-01-01`;
}

function claimComment(c: ClaimView): string {
  const verb = c.stance === "claims-responsibility" ? "claims responsibility" : "accuses";
  return `${partyName(c.claimant)} ${verb}: ${quotes(c.evidence)}`;
}

function quotes(evidence: readonly QuotedEvidence[]): string {
  return [...new Set(evidence.map((e) => e.quote))].map((q) => `“${q}”`).join(" ");
}
