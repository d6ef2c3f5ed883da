/**
 * Accusations whose accused is named before the cue or inside it: "In August, it was blamed for a ransomware
 * attack" (the group the story spoke of last), "researchers have linked it to the attack on CDK Global", and
 * "RiskIQ had linked Magecart to an attack on Ticketmaster" (the one tied to the attack stands inside the cue).
 */
import type { Party } from "../../model/index.ts";
import { addClaim, type ClaimDraft } from "./claim-draft.ts";
import { claimantsFor } from "./claimants.ts";
import { type Analysis, partyOf } from "./context.ts";
import { partiesOf } from "./roles.ts";

const PRONOUN_PASSIVE =
  /\b(?:it|they)\s+(?:was|were|has been|had been|have been|is|are)\s+(?:also\s+|later\s+|widely\s+)?$/i;
export const THE_ATTACK_NEXT =
  /^\s+(?:the|that|this|those|these)\s+(?:[\w-]+\s+)?(?:attacks?|cyberattacks?|cyber-attacks?|hacks?|intrusions?|breach|operation|campaign)\b/i;
// "linked Magecart to an attack on Ticketmaster", "tied MirrorFace to about 210 cyberattacks since 2019"
const AN_ATTACK_NEXT =
  /^\s+(?:(?:the|that|this|those|these|an?|about|some|nearly|more than|at least|dozens of|hundreds of|scores of|several|many|a series of|a wave of|\d[\d,]*)\s+){0,3}(?:[\w-]+\s+){0,2}(?:attacks?|cyberattacks?|cyber-attacks?|hacks?|hacking|intrusions?|breach(?:es)?|thefts?|operations?|campaigns?|espionage)\b/i;

/** The threat group named last before `pos`, in this sentence or the two before it: what "it" stands for. */
function lastGroupBefore(a: Analysis, sentence: number, pos: number): Party | undefined {
  for (let i = sentence; i >= Math.max(0, sentence - 2); i--) {
    const ms = (a.bySentence[i] ?? []).filter((m) => m.form === "group" && m.end <= pos);
    const last = ms[ms.length - 1];
    if (last) return partyOf(last) ?? undefined;
  }
  return undefined;
}

// the cues whose accused is "it" or the group before: "it was blamed for", "linked it to"
const BLAMED = /^(?:blamed|accused|linked|tied)$/i;
const LINKED_IT = /^(?:linked|tied|connected) (?:it|them) to$/i;

/** Adds the claims of a cue whose accused is named before it or inside it; true when the cue is read so. */
export function addTiedClaims(
  a: Analysis,
  sentence: number,
  cue: string,
  pos: number,
  end: number,
  anonymous: boolean,
  out: ClaimDraft[],
): boolean {
  const s = a.sentences[sentence];
  if (!s) return false;
  // "In August, it was blamed for a ransomware attack": the group the story spoke of before
  // the group the story spoke of before, accused by whoever says so
  const accuseLastGroup = () => {
    const group = lastGroupBefore(a, sentence, pos);
    if (group)
      for (const c of claimantsFor(a, sentence, pos))
        addClaim(out, sentence, anonymous, "accuses", c, group, pos, end);
    return true;
  };
  if (BLAMED.test(cue) && PRONOUN_PASSIVE.test(a.text.slice(Math.max(s.start, pos - 30), pos)))
    return accuseLastGroup();
  // "researchers have linked it to the attack on CDK Global", "… linked it to an attack in August that knocked
  // out the courts of Córdoba province in Argentina": "it" is the group named before, and what follows is the
  // attack it is tied to, whose places are where that attack struck
  const next = a.text.slice(end, Math.min(s.end, end + 60));
  if (LINKED_IT.test(cue) && (THE_ATTACK_NEXT.test(next) || AN_ATTACK_NEXT.test(next)))
    return accuseLastGroup();
  // "RiskIQ had linked Magecart to an attack on Ticketmaster": the one tied to the attack stands inside the cue
  if (/^(?:link|tied|traced|connected)/i.test(cue) && AN_ATTACK_NEXT.test(a.text.slice(end, end + 60))) {
    const inside = (a.bySentence[sentence] ?? []).filter(
      (x) => x.start > pos && x.end < end && (x.form === "group" || x.attacker),
    );
    for (const c of inside.length ? claimantsFor(a, sentence, pos) : [])
      for (const acc of partiesOf(inside)) addClaim(out, sentence, anonymous, "accuses", c, acc, pos, end);
    if (inside.length) return true;
  }
  return false;
}
