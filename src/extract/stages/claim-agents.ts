/**
 * Claims told through an agent phrase: "the attack was carried out by the GRU", "malware used by Lazarus", "the
 * traffic came from Russia", "the attackers had used LockBit ransomware". The one named after the phrase is
 * accused by the sentence's speaker.
 */
import type { Sentence } from "../text/sentences.ts";
import { addClaim, type ClaimDraft } from "./claim-draft.ts";
import { claimantFor, speakerParty, speakersBefore } from "./claimants.ts";
import type { Analysis } from "./context.ts";
import { claimCues } from "./cues.ts";
import type { Mention } from "./mentions.ts";
import { isNegated, nearestBefore, objectsAfter, partiesOf } from "./roles.ts";

const HEDGE = new RegExp(`\\b(?:${claimCues.hedge.join("|")})\\b`, "i");
const ORIGIN = /^(?:came from|coming from|originat(?:ing|ed) (?:in|from))$/i;
const ATTACK_BEFORE =
  /\b(?:attacks?|hacks?|hacking|intrusions?|traffic|malware|operations?|breach|campaigns?|hackers|code)\b/i;
// "The ransomware attack that crippled … for two weeks originated in China": the attack is the subject, however long
const ATTACK_SUBJECT =
  /^(?:the|an?|this|that)\s+(?:[\w-]+\s+){0,3}?(?:cyber-?attacks?|attacks?|hacks?|intrusions?|breach|campaign)\s+(?:that|which)\b[^,;]*$/i;
const TIE =
  /^(?:affiliated with|associated with|working for|on behalf of|operated by|controlled by|run by)$/i;
// the attackers' noun, a few words at most before the tie: "people associated with the campaign" they hacked is
// no tie of theirs
const ATTACKER_BEFORE =
  /\b(?:hackers?|group|actors?|gang|unit|operatives|officers|men|intruders?|attackers?|spies|persona)\b,?\s+(?:[\w-]+\s+){0,4}$/i;
const MAKER = /^(?:built|developed|created|designed|written|operated|controlled|run) by$/i;
const TOOL_BEFORE =
  /\b(?:malware|malicious|virus|worms?|code|tools?|ransomware|wipers?|backdoors?|implants?|spyware|botnets?|exploits?|trojans?|software|infrastructure|servers|attacks?|operations?|campaigns?|groups?|gangs?|sites?|websites?|accounts?|domains?|personas?|hackers|it|them)\b/i;
const TOOL_USED = /^(?:used|deployed|carried out with|launched with|run with|involved|involving)\b/i;
// "the addresses could just as well have belonged to computers in the United States": a defence's counter-example,
// not an attribution
const JUST_AS_WELL = /\b(?:just as well|as easily|equally well|equally)\s+(?:have\s+)?$/i;
export function counterExample(a: Analysis, s: Sentence, pos: number): boolean {
  return JUST_AS_WELL.test(a.text.slice(Math.max(s.start, pos - 30), pos));
}
const NOT_AN_ATTACK = /\b(?:smear|slander|propaganda|pressure|political|lobbying)\s+campaigns?\b/i;

/** Adds the accusations each agent cue of sentence `s` makes to `out`. */
export function addAgentClaims(
  a: Analysis,
  s: Sentence,
  agent: readonly RegExpExecArray[],
  anonymous: boolean,
  out: ClaimDraft[],
): void {
  for (const m of agent) {
    const pos = s.start + m.index;
    const end = pos + m[0].length;
    if (isNegated(a.text, s.start, pos)) continue;
    if (counterExample(a, s, pos)) continue;
    // "affiliated with", "working for" tie attackers to a state, and victims too ("companies affiliated with
    // the IRGC"): they accuse only when what comes before is an attacker
    // "the traffic came from Russia", not "the statements came from the United States"
    if (
      ORIGIN.test(m[0]) &&
      !ATTACK_BEFORE.test(a.text.slice(Math.max(s.start, pos - 60), pos)) &&
      !ATTACK_SUBJECT.test(a.text.slice(s.start, pos))
    )
      continue;
    if (
      TIE.test(m[0]) &&
      !ATTACKER_BEFORE.test(a.text.slice(Math.max(s.start, pos - 60), pos)) &&
      !nearestBefore(a, s.index, pos, (x) => x.form === "group" && pos - x.end < 60)
    )
      continue;
    // "the game Axie Infinity, built by the Vietnam-based company Sky Mavis": a maker of something other than a
    // tool of attack is no attacker
    if (MAKER.test(m[0]) && !TOOL_BEFORE.test(a.text.slice(Math.max(s.start, pos - 60), pos))) continue;
    // "calling them a smear campaign by Washington": a charge of slander, not of an attack
    if (NOT_AN_ATTACK.test(a.text.slice(Math.max(s.start, pos - 25), pos + m[0].length))) continue;
    // "the attackers had used LockBit ransomware": the gang whose tool it is, nothing else the words name
    const toolOf = TOOL_USED.test(m[0]);
    const accused = objectsAfter(
      a,
      s.index,
      end,
      (x) => x.form !== "place" && x.form !== "anaphor" && (!toolOf || x.form === "group"),
      80,
    );
    if (!accused.length || (accused[0] as Mention).start - end > 30) continue;
    const hedged = HEDGE.test(a.text.slice(Math.max(s.start, pos - 40), pos));
    // "…, and Canada said its agencies had been targeted by …": the nearest speaker before the cue says it
    const before = speakersBefore(a, s.index, pos);
    const claimants = before.length
      ? before
      : [hedged ? speakerParty(a, s.index) : (speakerParty(a, s.index) ?? claimantFor(a, s.index, pos))];
    for (const claimant of claimants)
      for (const acc of partiesOf(accused))
        addClaim(out, s.index, anonymous, "accuses", claimant, acc, pos, end);
  }
}
