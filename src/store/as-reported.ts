import type { Document, DocumentRecord, SavePlan } from "../model/index.ts";
import { campaignId, claimId, incidentId, responseId } from "./ids.ts";

/**
 * The plan of a save made without resolution: every fact of the record is a new fact of its own, named by the
 * source's sha256 and its id in the record, as the record reported it. Resolution never finds these facts
 * again (they have no named operation and no response key), so they stay apart until reprocessed.
 */
export function asReported(doc: Document, record: DocumentRecord): SavePlan {
  const ids = new Map(record.incidents.map((i) => [i.id, incidentId(doc.sha256, i.id)]));
  const stored = (refs: readonly string[]) => refs.flatMap((r) => ids.get(r) ?? []);
  const campaigns = new Map<string, string[]>();
  for (const inc of record.incidents) {
    if (inc.campaign)
      campaigns.set(inc.campaign, [...(campaigns.get(inc.campaign) ?? []), ...stored([inc.id])]);
  }
  return {
    incidents: record.incidents.map((i) => ({
      local: i.id,
      id: incidentId(doc.sha256, i.id),
      merged: false,
      label: i.label,
      ...(i.date ? { date: i.date } : {}),
      victims: i.victims,
      types: i.types,
      systems: i.systems,
    })),
    campaigns: [...campaigns].map(([label, incidents]) => ({
      id: campaignId(doc.sha256, label),
      incidents,
      absorbs: [],
    })),
    claims: record.claims.map((c) => {
      const id = claimId(doc.sha256, c.id);
      return {
        local: c.id,
        id,
        identity: `reported:${id}`,
        incidents: stored(c.incidents),
        stance: c.stance,
        claimant: c.claimant,
        accused: c.accused,
        ...(c.date ? { date: c.date } : {}),
      };
    }),
    responses: record.responses.map((r) => {
      const id = responseId(doc.sha256, r.id);
      return {
        local: r.id,
        id,
        merged: false,
        identity: `reported:${id}`,
        kind: r.kind,
        actor: r.actor,
        target: r.target,
        ...(r.date ? { date: r.date } : {}),
        ...(r.detail ? { detail: r.detail } : {}),
        incidents: stored(r.incidents),
      };
    }),
  };
}
