import { stableId } from "../model/index.ts";

/**
 * Deterministic ids of what a store names itself, so that storing the same text twice names the same rows.
 * Facts stored without resolution are named by their source's sha256 and their id within the record (which
 * extraction derives from their position), not by the record's wording, so they survive a change of label or
 * date. Resolution names the facts it creates the same way (an incident keeps the id of its first source).
 */
export const sourceId = (sha256: string) => stableId("source", sha256);
export const incidentId = (sha256: string, localId: string) => stableId("incident", sha256, localId);
export const claimId = (sha256: string, localId: string) => stableId("claim", sha256, localId);
export const responseId = (sha256: string, localId: string) => stableId("response", sha256, localId);
export const campaignId = (sha256: string, campaign: string) => stableId("campaign", sha256, campaign);
/**
 * Parties are few and named again and again (by every save that mentions them): their ids are remembered
 * rather than hashed each time, up to a bound that keeps a long run's memory flat.
 */
const partyIds = new Map<string, string>();
export function partyId(key: string): string {
  let id = partyIds.get(key);
  if (id === undefined) {
    if (partyIds.size >= 10_000) partyIds.clear();
    id = stableId("party", key);
    partyIds.set(key, id);
  }
  return id;
}
