/**
 * Checks between the attacks a story tells and the accusations it reports, once both are read: who was hit is not
 * whom the story accuses, and an attack placed in the accused state for want of a victim belongs with its accusers.
 */
import type { Party } from "../../model/index.ts";
import { mostFrequent } from "./claim-primary.ts";
import type { ClaimDraft } from "./claims.ts";
import { partyId } from "./context.ts";
import { type IncidentDraft, orgNameKey } from "./incident-placement.ts";

/**
 * "China rejects US charges that its hackers targeted vaccine research": where the story's focus is the state it
 * blames most, an attack that took the focus as its victim for want of any other was aimed at those who accuse it.
 */
export function notAccusedVictims(
  drafts: readonly IncidentDraft[],
  claims: readonly ClaimDraft[],
  primary: Party | undefined,
) {
  if (
    primary?.kind !== "state" ||
    !drafts.some((d) => d.focusVictim && d.victimCountries.has(primary.country))
  )
    return;
  const accuser = mostFrequent(
    claims
      .filter(
        (c) =>
          c.stance === "accuses" && c.claimant?.kind === "state" && partyId(c.accused) === partyId(primary),
      )
      .map((c) => c.claimant as Party),
  );
  if (accuser?.kind !== "state" || accuser.country === primary.country) return;
  for (const d of drafts) {
    if (!d.focusVictim || !d.victimCountries.has(primary.country)) continue;
    d.victims = [{ kind: "state", country: accuser.country }];
    d.victimCountries = new Set([accuser.country]);
  }
}

/**
 * "Twitter said the intruders had tricked its staff": a company the story's attacks hit is their victim, and a
 * sentence that seems to accuse it has been misread.
 */
export function withoutAccusedVictims(claims: ClaimDraft[], drafts: readonly IncidentDraft[]): ClaimDraft[] {
  const hit = ({ stance, accused }: ClaimDraft) => {
    if (stance !== "accuses" || accused.kind !== "organization") return false;
    const key = orgNameKey(accused.name);
    return drafts.some((d) => d.victimOrgs.has(key));
  };
  return claims.some(hit) ? claims.filter((c) => !hit(c)) : claims;
}
