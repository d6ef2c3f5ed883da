import type { Claim, FuzzyDate, Response } from "../model/index.ts";
import { datesCompatible } from "../model/index.ts";
import { canonicalKey } from "./parties.ts";

/**
 * The identity of a claim in the knowledge base: the same incident, claimant, accused and stance make one claim,
 * however many documents report it; each adds its evidence.
 */
export function claimKey(incidentId: string, claim: Pick<Claim, "stance" | "claimant" | "accused">): string {
  return [
    incidentId,
    claim.stance,
    claim.claimant ? canonicalKey(claim.claimant) : "unnamed",
    canonicalKey(claim.accused),
  ].join("|");
}

/** The identity of a response: who did what to whom. Its date, when known, is when it was done. */
export function responseKey(response: Pick<Response, "kind" | "actor" | "target">): string {
  return [
    response.kind,
    canonicalKey(response.actor),
    response.target ? canonicalKey(response.target) : "none",
  ].join("|");
}

/** Two reports of the same response agree on its date unless both give days that differ. */
export function sameResponseDate(a: FuzzyDate | undefined, b: FuzzyDate | undefined): boolean {
  return !a || !b || datesCompatible(a, b);
}
