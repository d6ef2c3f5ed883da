/**
 * Checks over all of a document's claims once the sentences are read: states tied to a group in apposition,
 * accusations and denials read twice, denials nobody's accusation calls for, and acts retold beside the named
 * accusation or the doer's own claim.
 */
import { groupOfUnit } from "../gazetteer/index.ts";
import { addClaim, type ClaimDraft } from "./claim-draft.ts";
import { type Analysis, partyId } from "./context.ts";
import { DENIAL_IN_APPOSITION } from "./denials.ts";

const APPOSED = /^,\s+(?:a|an|the|which|that)\b[^.;]{0,100}$/i;

/**
 * "blamed Sandworm, a unit the agency described as part of Russia's military intelligence service": a group tied
 * in apposition to a state's force is that state's, so whoever accuses the group accuses the state too.
 */
export function addSponsorsInApposition(a: Analysis, out: ClaimDraft[]): void {
  const n = out.length;
  for (let k = 0; k < n; k++) {
    const c = out[k] as ClaimDraft;
    if (c.stance !== "accuses" || c.accused.kind !== "group") continue;
    const here = a.bySentence[c.sentence] ?? [];
    const group = here.find(
      (m) =>
        m.form === "group" &&
        m.party.kind === "group" &&
        m.party.name === (c.accused as { name: string }).name,
    );
    if (!group) continue;
    for (const m of here) {
      if (m.start < group.end || !m.country || !(m.force || (m.attacker && m.form === "body"))) continue;
      if (APPOSED.test(a.text.slice(group.end, m.start)))
        addClaim(
          out,
          c.sentence,
          false,
          "accuses",
          c.claimant,
          { kind: "state", country: m.country },
          c.start,
          c.end,
        );
      break;
    }
  }
}

/**
 * "carried out by Unit 26165 of the GRU": a unit that threat reports track as a group (APT28) is that group too, so
 * whoever accuses the unit accuses the group as well as the state.
 */
export function addGroupsOfUnits(out: ClaimDraft[]): void {
  const n = out.length;
  for (let k = 0; k < n; k++) {
    const c = out[k] as ClaimDraft;
    if (c.stance !== "accuses" || c.accused.kind !== "state" || !c.accused.via) continue;
    const group = groupOfUnit(c.accused.via);
    if (group) addClaim(out, c.sentence, false, "accuses", c.claimant, group, c.start, c.end);
  }
}

/**
 * A sentence's accusation without a claimant, read again where the sentence also names one who accuses or
 * denies the same party, is that accusation or that denial retold.
 */
export function withoutRestatedAccusations(a: Analysis, claims: ClaimDraft[]): ClaimDraft[] {
  // only an accusation that names no claimant can be dropped below: without one, every claim stays
  if (!claims.some((c) => c.stance === "accuses" && c.claimant === null)) return claims;
  // "X dismissed the accusation that it was behind …" reports a denial, not a new accusation
  // (not "linked the theft to North Korean hackers, a charge Pyongyang has dismissed": an accusation, then its denial)
  const denied = new Set(
    claims
      .filter(
        (c) =>
          c.stance === "denies" &&
          !DENIAL_IN_APPOSITION.test(a.text.slice(Math.max(0, c.start - 60), c.start)),
      )
      .map((c) => `${c.sentence}|${partyId(c.accused)}`),
  );
  // "Germany summoned … after the government concluded that Chinese hackers were responsible": once a sentence
  // names who accuses, a second reading of it without a claimant is the same accusation
  const named = new Set(
    claims
      .filter((c) => c.stance === "accuses" && c.claimant !== null)
      .map((c) => `${c.sentence}|${partyId(c.accused)}`),
  );
  return claims.filter((c) => {
    const key = `${c.sentence}|${partyId(c.accused)}`;
    return c.stance !== "accuses" || c.claimant !== null || (!denied.has(key) && !named.has(key));
  });
}

/**
 * A denial answers an accusation: a state that nobody in the story blames has nothing to deny ("no evidence
 * was presented" said by the victim), unless the words say outright what is denied.
 */
export function answeredDenials(claims: readonly ClaimDraft[]): ClaimDraft[] {
  const blamed = new Set(claims.filter((c) => c.stance !== "denies").map((c) => partyId(c.accused)));
  for (const c of claims) if (c.accused.kind === "group" && c.accused.sponsor) blamed.add(c.accused.sponsor);
  return claims.filter((c) => c.stance !== "denies" || c.explicit || blamed.has(partyId(c.accused)));
}

/**
 * An act the story tells without saying who says so ("the group compromised two networks in 2022") adds nothing
 * where a named claimant makes the same accusation: the story is retelling what the named one said. An unnamed
 * attribution ("experts believe it was the work of …") stays beside the named ones. Nor does an act told in the
 * sentence where its doer owns up to it.
 */
export function withoutUnnamedEchoes(claims: readonly ClaimDraft[]): ClaimDraft[] {
  // a party that owns up to the act is named as its doer too
  const named = new Set(
    claims.filter((c) => c.claimant !== null && c.stance !== "denies").map((c) => partyId(c.accused)),
  );
  // "disruptions claimed by a group … that has targeted Sweden": the act told beside a party's own claim is that
  // claim retold, whoever is quoted in the sentence
  const ownedUp = new Set(
    claims
      .filter((c) => c.stance === "claims-responsibility")
      .map((c) => `${c.sentence} ${partyId(c.accused)}`),
  );
  return claims.filter((c) => {
    if (c.stance !== "accuses") return true;
    const owned = ownedUp.has(`${c.sentence} ${partyId(c.accused)}`);
    // "a group … posted a message claiming to have carried out the Aramco attack": the act whose doer owns up to
    // it in the same sentence, accused by nobody, is that claim told again
    if (c.claimant === null && owned) return false;
    return !c.narrated || ((c.claimant !== null || !named.has(partyId(c.accused))) && !owned);
  });
}

/**
 * A company or other organisation is charged by someone the story names (a government, a security firm), never
 * by nobody: with no accuser, the organisation "accused" is one the attack went through or hit ("got in through
 * software used by the company", "it disrupted CNA's network").
 */
export function withoutUnnamedChargesOfOrganisations(claims: readonly ClaimDraft[]): ClaimDraft[] {
  return claims.filter(
    (c) => c.stance !== "accuses" || c.claimant !== null || c.accused.kind !== "organization",
  );
}
