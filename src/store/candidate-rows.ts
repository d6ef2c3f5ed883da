import type { CandidateIncident, CandidateResponse, ResponseKind } from "../model/index.ts";
import { dateField, parties, strings, types } from "./row-map.ts";
import type { IncidentRow, ResponseRow } from "./row-types.ts";

/** Undated lookups of a named operation return at most this many incidents, the earliest stored first. */
export const NAME_LOOKUP_LIMIT = 100;

/**
 * The columns a resolver needs of a candidate incident. Not `*`: a much-reported incident's accused parties
 * (every alias of every group) would be read and copied for each document that looks it up.
 */
export const CANDIDATE_INCIDENT_COLUMNS =
  "id, label, name_key, date_value, date_precision, date_text, victims_json, types_json, systems_json, campaign_id";

export type CandidateIncidentRow = Pick<
  IncidentRow,
  | "id"
  | "label"
  | "name_key"
  | "date_value"
  | "date_precision"
  | "date_text"
  | "victims_json"
  | "types_json"
  | "systems_json"
  | "campaign_id"
>;

export function candidateIncident(r: CandidateIncidentRow): CandidateIncident {
  return {
    id: r.id,
    label: r.label,
    ...(r.name_key === null ? {} : { name: r.name_key }),
    ...dateField(r),
    victims: parties(r.victims_json),
    types: types(r.types_json),
    systems: strings(r.systems_json),
    ...(r.campaign_id === null ? {} : { campaign: r.campaign_id }),
  };
}

/** A stored response as a candidate, with the order it was stored in and the incidents it was found by. */
export function candidateResponse(
  r: ResponseRow & { seq: number },
  incidents: string[],
): CandidateResponse & { seq: number } {
  return {
    seq: r.seq,
    id: r.id,
    key: r.key ?? "",
    kind: r.kind as ResponseKind,
    actor: JSON.parse(r.actor_json),
    target: r.target_json === null ? null : JSON.parse(r.target_json),
    ...dateField(r),
    ...(r.detail === null ? {} : { detail: r.detail }),
    incidents,
  };
}
