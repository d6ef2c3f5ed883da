/**
 * Claims that name who did an act: "Israel was behind the attack", "the group compromised two networks", "the
 * attack was carried out by the GRU", and the group that owns up in saying so.
 */
import type { Sentence } from "../text/sentences.ts";
import { addClaim, type ClaimDraft } from "./claim-draft.ts";
import { coordinatedBefore, subjectGroup } from "./claim-subjects.ts";
import { THE_ATTACK_NEXT } from "./claim-tied.ts";
import { speakerAt, speakersBefore } from "./claimants.ts";
import { type Analysis, partyId, partyOf } from "./context.ts";
import type { Mention } from "./mentions.ts";
import { isNegated, nearestBefore, partiesOf } from "./roles.ts";

const INDIRECT_QUESTION =
  /\b(?:said|say|says|saying|know|knew|unclear|clear|determine|determined|identify|identified|disclose|disclosed|name|named|speculate (?:on|about)|asked)\s+(?:who|which (?:country|group|state))\b/i;
const SELF_SAYS =
  /^\s+(?:(?:group|gang|collective|crew|hackers)\s+)?(?:later\s+|also\s+)?(?:said|says|claimed|wrote|posted|announced|told)\b[^.;]*\b(?:it|they)\s+(?:(?:was|were|is|are|had been|has been|had|has|have)\s+)?$/i;
const APPOSED_SELF_SAYS = new RegExp(`^,\\s+an?\\s+[^,;]*,${SELF_SAYS.source.slice(1)}`, "i");
const AUXILIARY_TAIL = /,\s+(?:(?:had|has|have)\s+been|had|has|have|was|were|is|are)\s+$/;
/** The length of the comma and auxiliary verb that end text[from, to), or 0. */
function auxiliaryBefore(text: string, from: number, to: number): number {
  return AUXILIARY_TAIL.exec(text.slice(Math.max(from, to - 16), to))?.[0].length ?? 0;
}
const SOURCE_BEFORE = /\baccording to\s+(?:the\s+)?$/i;
const UNCONFIRMED_BEFORE =
  /\b(?:not|never|yet to|declined to|refused to)\s+(?:\w+\s+)?(?:confirm(?:ed)?|say|said|disclose[d]?|name[d]?|identif(?:y|ied))\s+(?:that\s+|whether\s+)?(?:the\s+)?$/i;
const SAID_BETWEEN =
  /\b(?:said|says|told|stated|suggested|added|claimed|believes?|believed|warned|concluded|assessed|reported|found|understood|understands)\b/i;
const POSSESSIVE = /^['’]s\s/;
/** a "behind" cue that tells an act ("hacked", "carried out"), which names its doer only with the attack after it */
const ACT_TOLD =
  /^(?:(?:had|has|have) )?(?:hacked|attacked|targeted|launched|carried out|conducted|breached|infiltrated|stole|compromised|deployed|broke into|broken into|hacked into|penetrated|spied on|tried to .*|broke in|had been inside|gained access|gain access|was inside|targeting|trying .*)$/i;

/**
 * The accusations (or owning up) each "behind" cue of sentence `s` makes: the doer named before it, with whoever
 * stands in apposition or is joined to it, accused by the sentence's speaker. Adds them to `out`.
 */
export function addDoerClaims(
  a: Analysis,
  s: Sentence,
  behind: readonly RegExpExecArray[],
  anonymous: boolean,
  out: ClaimDraft[],
): void {
  for (const m of behind) {
    const pos = s.start + m.index;
    const end = pos + m[0].length;
    // "sued NSO Group, accusing it of being behind the attack": the accusing verb has read it
    if (ACCUSING_PRONOUN.test(a.text.slice(Math.max(s.start, pos - 20), pos))) continue;
    // "the group compromised two networks" tells an act; "Israel had carried out that attack" names its doer
    const generic = ACT_TOLD.test(m[0]) && !THE_ATTACK_NEXT.test(a.text.slice(end, end + 40));
    // "the Syrian Electronic Army, a hacking group that backs the government, said it was responsible": the
    // group owns up, whatever its apposition names
    const owning = nearestBefore(
      a,
      s.index,
      pos,
      (x) => x.form === "group" && APPOSED_SELF_SAYS.test(a.text.slice(x.end, pos)),
    );
    const owner = owning && partyOf(owning);
    if (owner) {
      addClaim(out, s.index, anonymous, "claims-responsibility", owner, owner, pos, end);
      continue;
    }
    // "the GRU had carried out reconnaissance": a state's spies or soldiers are attackers by trade; and a state
    // that "had hacked" or "broke into" something did it, where "targeted" or "attacked" may tell of missiles
    const stateMay =
      generic && CYBER_ACT.test(m[0]) && !BEING_DONE.test(a.text.slice(Math.max(s.start, pos - 12), pos));
    const doer = (x: Mention) =>
      x.form !== "place" &&
      x.form !== "org" &&
      // "organisations in the United States and Asia, often by exploiting flaws": a bare state a preposition
      // governs is where something is, not who acts
      !(
        !x.attacker &&
        x.form === "name" &&
        IN_PLACE_BEFORE.test(a.text.slice(Math.max(s.start, x.start - 8), x.start))
      ) &&
      (!generic ||
        x.attacker ||
        !!x.force ||
        (stateMay &&
          (x.form === "name" || x.form === "seat" || x.form === "body") &&
          STATE_SUBJECT_GAP.test(a.text.slice(x.end, pos)) &&
          !OBJECT_OF_BEFORE.test(a.text.slice(Math.max(s.start, x.start - 12), x.start))));
    // "government bodies had been sent phishing emails by APT28": in the passive, the doer follows "by"
    if (!PROGRESSIVE.test(m[0]) && PASSIVE_BEFORE.test(a.text.slice(Math.max(s.start, pos - 12), pos))) {
      const by = BY_NEXT.exec(a.text.slice(end, Math.min(s.end, end + 40)));
      const agent =
        by && (a.bySentence[s.index] ?? []).find((x) => x.start === end + by[0].length && doer(x));
      const party = agent && partyOf(agent);
      if (party)
        for (const speaker of speakersOrVoice(a, s.index, pos, pos))
          addClaim(out, s.index, anonymous, "accuses", speaker, party, pos, end);
      continue;
    }
    const nearest = nearestBefore(a, s.index, pos, doer);
    const who = outsideRelative(a, s, pos, nearest, doer);
    // distance is measured from the nearest name, inside any relative clause (and after an apposition, the
    // auxiliary before a told act is the verb's: "…, had been targeting")
    if (
      !who ||
      !nearest ||
      pos - nearest.end - auxiliaryBefore(a.text, nearest.end, pos) > (generic ? 40 : 60)
    )
      continue;
    if (isNegated(a.text, who.end, pos)) continue;
    // "According to the SBU, the hackers targeted …": the source of the telling did not do what it tells
    if (SOURCE_BEFORE.test(a.text.slice(Math.max(s.start, who.start - 20), who.start))) continue;
    // "The bank has not confirmed that LockBit was behind the outage": an unconfirmed doer is named by no one
    if (UNCONFIRMED_BEFORE.test(a.text.slice(Math.max(s.start, who.start - 40), who.start))) continue;
    // "Norwegian authorities did not say who they believed was behind it": an open question names no one
    if (INDIRECT_QUESTION.test(a.text.slice(who.end, pos))) continue;
    // "Iran's defence chief said a foreign state was behind it", "the US understood one of those detained had
    // been responsible": the one who says it is not the one behind it
    if (
      !who.attacker &&
      (who.form === "body" ||
        who.form === "name" ||
        who.form === "seat" ||
        POSSESSIVE.test(a.text.slice(who.end, who.end + 3))) &&
      SAID_BETWEEN.test(a.text.slice(who.end, pos))
    )
      continue;
    if (
      !who.attacker &&
      who.form !== "name" &&
      who.form !== "seat" &&
      who.form !== "body" &&
      who.form !== "group"
    )
      continue;
    // "Killnet said on its channel that it was responsible": the group owns up, it is not accused
    if (who.form === "group" && SELF_SAYS.test(a.text.slice(who.end, pos))) {
      const g = partyOf(who);
      if (g) addClaim(out, s.index, anonymous, "claims-responsibility", g, g, pos, end);
      continue;
    }
    // "the Lazarus Group and APT38, cyber actors associated with North Korea, were responsible": the head
    // of the subject and everything in apposition to it are accused, not only the nearest name
    const accused = [...subjectGroup(a, s.index, who, pos), ...coordinatedBefore(a, s.index, who), who];
    const first = out.length;
    for (const speaker of speakersOrVoice(a, s.index, accused[0]?.start ?? who.start, pos)) {
      for (const acc of partiesOf(accused)) {
        // "the group said on its channel that it was responsible": owning up, not an accusation
        const self = speaker && partyId(speaker) === partyId(acc);
        if (self && acc.kind === "group")
          addClaim(out, s.index, anonymous, "claims-responsibility", acc, acc, pos, end);
        else addClaim(out, s.index, anonymous, "accuses", self ? null : speaker, acc, pos, end);
      }
    }
    // "the group compromised two networks": an act told, which names nobody as the one saying so
    if (generic) for (let k = first; k < out.length; k++) (out[k] as ClaimDraft).narrated = true;
  }
}

const PASSIVE_BEFORE = /\b(?:been|being)\s+$/;
/** the acts only hackers do: a state named as the one doing them is accused */
const CYBER_ACT =
  /^(?:(?:had|has|have) )?(?:hacked|hacked into|broke into|broken into|breached|infiltrated|compromised|penetrated|spied on|tried .*)$/i;
/** between a state and the act it did: only its auxiliaries ("Russia had repeatedly tried to …") */
const STATE_SUBJECT_GAP =
  /^\s+(?:(?:had|has|have|also|then|later|repeatedly|allegedly|reportedly|previously|already|once)\s+)*$/i;
const IN_PLACE_BEFORE = /\b(?:in|across|throughout|inside)\s+(?:the\s+)?$/i;
/** "a group that experts link to China has broken into": a state after a preposition is no subject */
const OBJECT_OF_BEFORE = /\b(?:to|by|of|with|from|in|for|at|on|against|than)\s+(?:the\s+)?$/i;
/** "Iran was hacked": the state before a passive verb is what was done to */
const BEING_DONE = /\b(?:was|were|is|are|be|been|being|get|got|gets)\s+$/i;
const ACCUSING_PRONOUN = /\baccus\w*\s+(?:it|them|him|her)\s+(?:of\s+)?$/i;
/** "had been targeting", "had been trying to": after "been", an -ing word is active */
const PROGRESSIVE = /^\S+ing\b/;
const BY_NEXT = /^\s+(?:[\w-]+\s+){0,3}?by\s+(?:the\s+)?/;

/** The sentence's speakers before `before`, or else the voice of the clause at `at`. */
function speakersOrVoice(a: Analysis, sentence: number, before: number, at: number) {
  const named = speakersBefore(a, sentence, before);
  return named.length ? named : [speakerAt(a, sentence, at)];
}

/** ", which strongly opposes the deal being negotiated with Tehran," closed before the cue */
const RELATIVE_OPENS = /,\s+(?:which|who)\b[^,;]*$/;
const RELATIVE_CLOSES = /^[^,;]*,\s+(?:of\s+)?/;

/**
 * "suspected Israel, which strongly opposes the deal being negotiated with Tehran, of being behind it": a name
 * inside a relative clause that closes before the cue is not the doer; the name the clause describes is.
 */
function outsideRelative(
  a: Analysis,
  s: Sentence,
  pos: number,
  who: Mention | undefined,
  doer: (x: Mention) => boolean,
): Mention | undefined {
  if (!who || !RELATIVE_CLOSES.test(a.text.slice(who.end, pos))) return who;
  const open = RELATIVE_OPENS.exec(a.text.slice(s.start, who.start));
  if (!open) return who;
  const comma = s.start + open.index;
  const described = nearestBefore(a, s.index, comma + 1, doer);
  return described && comma - described.end <= 2 ? described : who;
}
