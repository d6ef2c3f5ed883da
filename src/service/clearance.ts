import { withinClearance } from "../interop/stix/index.ts";
import type { Tlp } from "../model/index.ts";
import type { IncidentDetail } from "../model/knowledge.ts";

/**
 * An incident as someone cleared for `clearance` may see it: only quotes of sources within the clearance, only
 * claims and responses that keep a quote, only the incident's sources within it; null when none of its sources
 * is. Facts analysts rejected are left out of every export.
 */
export function forClearance(detail: IncidentDetail, clearance: Tlp): IncidentDetail | null {
  if (detail.review?.verdict?.action === "reject") return null;
  const ok = (tlp: Tlp) => withinClearance(tlp, clearance);
  const sources = detail.sources.filter((s) => ok(s.tlp));
  if (!sources.length) return null;
  const keep = <T extends { evidence: IncidentDetail["evidence"]; review?: IncidentDetail["review"] }>(
    facts: T[],
  ) =>
    facts
      .filter((f) => f.review?.verdict?.action !== "reject")
      .map((f) => ({ ...f, evidence: f.evidence.filter((e) => ok(e.source.tlp)) }))
      .filter((f) => f.evidence.length > 0);
  const restricted = clearance !== "red";
  return {
    ...detail,
    sources,
    evidence: detail.evidence.filter((e) => ok(e.source.tlp)),
    claims: keep(detail.claims),
    responses: keep(detail.responses),
    // the labels of the campaign's other incidents may come from sources above the clearance
    ...(detail.campaign && restricted
      ? {
          campaign: {
            id: detail.campaign.id,
            incidents: detail.campaign.incidents.filter((i) => i.id === detail.id),
          },
        }
      : {}),
  };
}
