import type { Party } from "../../model/index.ts";
import type { CueHits } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import { physicalOnly } from "./attack-mentions.ts";
import { addAgentClaims, counterExample } from "./claim-agents.ts";
import { chargesNoAttack } from "./claim-charges.ts";
import { addGroupsOfUnits, addSponsorsInApposition, withoutRestatedAccusations } from "./claim-checks.ts";
import { addDoerClaims } from "./claim-doers.ts";
import { addClaim, type ClaimDraft } from "./claim-draft.ts";
import { addSelfNamedClaims, addSelfToldClaims } from "./claim-self-named.ts";
import { companiesNamedAs, groupBehindPronoun, namedNext } from "./claim-subjects.ts";
import { addTiedClaims } from "./claim-tied.ts";
import { claimantsFor, isPassive, passiveAgent, speakerParty, speakersBefore } from "./claimants.ts";
import { type Analysis, partyId, partyOf } from "./context.ts";
import { CLAIM_CUES, CUES } from "./cues.ts";
import { findDenials } from "./denials.ts";
import { isNegated, nearestBefore, objectsAfter, partiesOf, subjectsBefore } from "./roles.ts";
import { TailPattern } from "./tail-words.ts";

const UNNAMED_GROUPS = /\b(?:groups?|gangs?|hackers|hacktivists|collectives?)\s+(?:[\w-]+\s+){0,5}$/i;

const { active: ACTIVE, agent: AGENT, behind: BEHIND, responsibility: RESPONSIBILITY } = CLAIM_CUES;
const ROBBED_BEFORE =
  /\b(?:belonging to|stolen from|taken from|seized from|owned by|hijacked from)\s+(?:the\s+)?$/i;

const CHORUS = CUES.add(
  /\b(?:statements?|accusations?|condemnations?|attributions?|announcements?)\s+(?:came|were issued|were made)\s+(?:from|by)\s+(?:the\s+)?/i,
);
/** after "blamed": what is blamed, then "on" and the one it is blamed on */
const BLAMED_ON = /^\s+(?!for\b)(?:[^\s.;:,]+\s+){0,5}?on\s+(?:the\s+)?$/i;
/** "…, which they accused of": the relative pronoun stands for what was named just before it */
const RELATIVE_ACCUSER =
  /,\s*(?:which|whom|who)\s+(?:they|it|he|she|(?:the\s+)?(?:police|prosecutors|investigators|officials|authorities))\s+(?:had\s+|have\s+|has\s+|also\s+)?$/i;
const NAMES_THE_BLAMED =
  /^\s+(?:ransomware\s+|cyber\s*)?(?:attacks?|hacks?|breach(?:es)?|intrusions?|cyberattacks?|outage)\s+on\b/i;
// run only where the window's last word, past a "the", can end it (see TailPattern)
export const VICTIM_SLOT = new TailPattern(
  /\b(?:attacks?|hacks?|hacking|breach|intrusions?)\s+(?:on|of|against|into)\s+(?:the\s+)?$|\b(?:targeting|against)\s+(?:the\s+)?$|\b(?:theft|stole|stolen|stealing)\b[^.;,]{0,50}\bfrom\s+(?:the\s+)?$/i,
  2,
  "on of against into targeting from",
);
const ANONYMOUS = CUES.add(
  /\b(?:speaking anonymously|on condition of anonymity|declined to be (?:named|identified)|not authori[sz]ed to (?:speak|comment)|who asked not to be (?:named|identified)|citing (?:unnamed|anonymous) (?:officials|sources|people|intelligence officials|security officials))\b/i,
);
const WHETHER_BEFORE = /\bwhether\s+(?:[\w'’-]+\s+){0,4}$/i;

// the checks of a cue's own words and of the words beside it, made once per match: kept here, not made anew
const CLAIMED_BY = /(?:claimed by|the name of)$/i;
const CONTRAST = /\b(?:although|though|but|while|whereas)\b|;/;
const LINKS = /^links\b/i;
const LINKS_OF = /\b(?:of|with|has|have|had)\s+(?:[\w-]+\s+)?$/i;
const BLAMES = /^(?:blam|pinned)/i;
const HOLDS = /^(?:hold|holds|held|holding)\b/i;
const ALLEGATION = /alleged|in response to|reiterated|echoed|same|concurred|joined/i;
const ALLEGED = /in response to|alleged/i;
const IN_RESPONSE = /in response to/i;
const POSED = /^(?:posed|posing|poses|masquerad|operat|acted|acting)/i;
const DESCRIBED = /^describ/i;
const AS_NEXT = /^\s+as\s+(?:an?\s+|the\s+)?/i;
const NAMED = /^(?:named|identified|names|identifies)$/i;
const BLAMED_OR_NAMED = /^(?:blamed|named|identified)$/i;
const CHARGED = /^(?:accused|blamed)$/i;
/** "a US court": a country's name after an article modifies what follows */
const ATTRIBUTIVE_BEFORE = /\b(?:a|an)\s+$/i;
/** between the one charged and the charge: nothing, or the passive's auxiliary ("Russia was accused of") */
const SUBJECT_GAP =
  /^\s+(?:(?:was|were|is|are|has been|have been|had been|being)\s+)?(?:(?:\w+ly|also|now|again)\s+)?$/;
const ECHOED = /reiterated|echoed|same|concurred|joined/i;
const THEM_OF = /^\s+(?:them|him|her)\s+of\b/i;
const IT_OF = /^\s+it\s+(?:of|for)\b/i;
const ACCUSED = /^accused$/i;

export {
  answeredDenials,
  withoutUnnamedChargesOfOrganisations,
  withoutUnnamedEchoes,
} from "./claim-checks.ts";
export { type ClaimDraft, claimDate } from "./claim-draft.ts";

const PLACE_OF_ATTACKS = /^\s+(?:terror(?:ist)?\s+)?attacks?\b/i;

/** Attribution claims: who says who did it, who denies it, who claims it. */
export function findClaims(a: Analysis, primaryAccused: () => Party | undefined): ClaimDraft[] {
  const out: ClaimDraft[] = [];
  for (const s of a.sentences) {
    const here = a.bySentence[s.index] ?? [];
    const hits = a.cues[s.index] as CueHits;
    // a sentence with no attribution cue and no attacker is passed by; the lists' matches serve the loops below
    const responsibility = RESPONSIBILITY.matchAll(hits);
    const active = ACTIVE.matchAll(hits);
    const agent = withGroupOperations(a, s, hits, AGENT.matchAll(hits));
    const behind = BEHIND.matchAll(hits);
    if (
      !responsibility.length &&
      !active.length &&
      !agent.length &&
      !behind.length &&
      !CLAIM_CUES.deny.matchAll(hits).length &&
      !here.some((m) => m.attacker)
    )
      continue;
    // "officials, speaking anonymously, said …": an accusation nobody puts a name to is unnamed
    const anonymous = ANONYMOUS.test(hits);
    addSelfNamedClaims(a, s, hits, anonymous, out);
    addSelfToldClaims(a, s, hits, anonymous, out);

    for (const m of responsibility) {
      const pos = s.start + m.index;
      if (isNegated(a.text, s.start, pos)) continue;
      // "the attack was claimed by the LockBit gang": the claimant follows
      const end = pos + m[0].length;
      const who = CLAIMED_BY.test(m[0])
        ? objectsAfter(a, s.index, end, (x) => x.form === "group", 60)[0]
        : (nearestBefore(a, s.index, pos, (x) => x.form === "group") ??
          nearestBefore(a, s.index, pos, (x) => x.attacker) ??
          groupBehindPronoun(a, s.index, pos));
      // "… are behind it, although a criminal gang has also claimed responsibility": the claimant is in this clause
      if (who && who.end <= pos && CONTRAST.test(a.text.slice(who.end, pos))) continue;
      const p = who && partyOf(who);
      if (p) addClaim(out, s.index, anonymous, "claims-responsibility", p, p, pos, pos + m[0].length);
      // "Two hacking groups have claimed responsibility … The groups, Silent Crow and the Belarusian Cyber
      // Partisans, said …": the groups are named in the next sentence's subject
      else if (!who && UNNAMED_GROUPS.test(a.text.slice(s.start, pos)))
        for (const g of namedNext(a, s.index))
          addClaim(out, s.index, anonymous, "claims-responsibility", g, g, pos, end);
    }
    findDenials(a, s, hits, anonymous, out);
    let physical: boolean | undefined;
    for (const m of active) {
      const pos = s.start + m.index;
      const end = pos + m[0].length;
      if (isNegated(a.text, s.start, pos)) continue;
      if (counterExample(a, s, pos)) continue;
      // "tankers were damaged in attacks that Washington blames on Tehran": a blow with no cyber word in it
      physical ??= physicalOnly(a, s.index);
      if (physical) continue;
      // "two people suspected of links to the group", "a hacker with links to the Kremlin": a tie, not a charge
      if (LINKS.test(m[0]) && LINKS_OF.test(a.text.slice(s.start, pos))) continue;
      if (chargesNoAttack(a.text, m[0], end, s.end)) continue;
      // "investigators looked into whether it was linked to …": an open question accuses no one
      if (WHETHER_BEFORE.test(a.text.slice(Math.max(s.start, pos - 40), pos))) continue;
      // "it was blamed for …", "linked it to the attack", "linked Magecart to an attack": the one accused is
      // named before the cue or inside it
      if (addTiedClaims(a, s.index, m[0], pos, end, anonymous, out)) continue;
      const blames = BLAMES.test(m[0]);
      // "hold the Kremlin accountable": the accused stands inside the cue
      const from = HOLDS.test(m[0]) ? pos + m[0].indexOf(" ") : end;
      // "accused Park of carrying out the attack on Sony Pictures": what comes after "attack on" is the victim
      let accused = objectsAfter(
        a,
        s.index,
        from,
        // "the government" stands for the state in focus: the accuser's own side, not whom it accuses
        (x) =>
          x.form !== "place" &&
          x.form !== "anaphor" &&
          // "blamed the attack on DarkSide": the "on" after what is blamed names the one blamed, not what was hit
          (!VICTIM_SLOT.test(a.text, Math.max(s.start, x.start - 80), x.start) ||
            (blames && BLAMED_ON.test(a.text.slice(end, x.start)))) &&
          // "blamed the Colonial attack on DarkSide": the name before the attack's noun is the one hit
          !(blames && NAMES_THE_BLAMED.test(a.text.slice(x.end, x.end + 40))),
      );
      if (HOLDS.test(m[0])) accused = accused.filter((x) => x.end <= end);
      const allegation = ALLEGATION.test(m[0]);
      if (allegation)
        accused = objectsAfter(
          a,
          s.index,
          end,
          // "in response to what his administration says was a campaign … the US election" names no attacker
          // (but "in response to the Paris attacks": a city before "attacks" says where they were, not whose)
          (x) =>
            x.attacker ||
            (x.form === "seat" && !PLACE_OF_ATTACKS.test(a.text.slice(x.end, x.end + 12))) ||
            x.form === "group" ||
            (x.form === "name" && !IN_RESPONSE.test(m[0])),
        );
      // "the hackers posed as a group called Cyber Av3ngers": the persona is the accused, nothing else is
      if (POSED.test(m[0])) {
        accused = accused.filter((x) => x.form === "group" && x.start - end <= 30);
        if (!accused.length) continue;
      }
      // "described UNC3886 as a China-nexus espionage group": the group and the state the description ties it to
      if (DESCRIBED.test(m[0])) {
        accused = objectsAfter(a, s.index, end, (x) => x.form === "group" || x.attacker, 120);
        const last = accused[accused.length - 1];
        if (!last) continue;
        const as = AS_NEXT.exec(a.text.slice(last.end, last.end + 60));
        if (as) {
          const from = last.end + as[0].length;
          for (const x of a.bySentence[s.index] ?? [])
            if (x.attacker && x.start >= from && x.start - from <= 60) accused.push(x);
        }
      }
      if (NAMED.test(m[0])) {
        // "Microsoft named Guam as a target of Chinese state-backed hackers": the attackers are the accused
        accused = objectsAfter(a, s.index, end, (x) => x.attacker, 200);
        // "names A and B as companies that supply hacking tools to …": the companies
        if (!accused.length) accused = companiesNamedAs(a, s.index, end);
        if (!accused.length) continue;
      }
      // "Sandworm has been blamed by Western governments for the attacks on Ukraine": the subject is the accused,
      // the agent (or, unnamed, the speaker or nobody) the accuser; what follows is what it is blamed for
      // ("X was linked to Y" without an agent accuses Y, and is read as the active form is)
      if (isPassive(a, s.index, pos, m[0], end)) {
        const subjects = subjectsBefore(a, s.index, pos, { attackers: true, headOnly: true }).filter(
          (x) => x.form !== "anaphor",
        );
        const agent = passiveAgent(a, s.index, end);
        // "Russia was accused of hacking …", "Iran blamed for …": a state or group charged, by whom is not said
        const charged =
          CHARGED.test(m[0]) &&
          subjects.some(
            (x) =>
              (x.form === "name" || x.form === "seat" || x.form === "group") &&
              x.end < pos &&
              SUBJECT_GAP.test(a.text.slice(x.end, pos)),
          );
        if (agent || charged || (BLAMED_OR_NAMED.test(m[0]) && subjects.some((x) => x.attacker))) {
          const claimant = agent ?? speakerParty(a, s.index);
          for (const acc of partiesOf(subjects))
            addClaim(out, s.index, anonymous, "accuses", claimant, acc, pos, end);
          continue;
        }
      }
      // "reiterated the accusations", "It also accuses them of the Olympic Destroyer attack": those accused are
      // the ones the story blames
      if ((ECHOED.test(m[0]) && !accused.length) || THEM_OF.test(a.text.slice(end, end + 10))) {
        const p = primaryAccused();
        if (p)
          for (const c of claimantsFor(a, s.index, pos))
            addClaim(out, s.index, anonymous, "accuses", c, p, pos, end);
        continue;
      }
      // "severed ties with Iran on Wednesday, blaming it for the attack": "it" is the state or group named last
      // before the verb, other than whoever blames
      // "the Clop gang, which they accused of extorting companies in the United States": the gang, as for "it"
      if (
        IT_OF.test(a.text.slice(end, end + 10)) ||
        (ACCUSED.test(m[0]) && RELATIVE_ACCUSER.test(a.text.slice(Math.max(s.start, pos - 50), pos)))
      ) {
        // the clause's subject blames; the party it acted on ("sanctioned Iran, accusing it") is the one blamed
        const claimants = claimantsFor(a, s.index, pos);
        const subject = claimants[0] ? partyId(claimants[0]) : "";
        // (a company sued counts: "sued NSO Group in a US court, accusing it of"; "a US court" names no party)
        const antecedent = nearestBefore(a, s.index, pos, (x) => {
          const p =
            (x.form === "name" ||
              x.form === "seat" ||
              x.form === "body" ||
              x.form === "group" ||
              (x.form === "org" && !x.observer)) &&
            !ATTRIBUTIVE_BEFORE.test(a.text.slice(Math.max(s.start, x.start - 4), x.start)) &&
            partyOf(x);
          return !!p && partyId(p) !== subject;
        });
        const p = antecedent && partyOf(antecedent);
        if (p)
          for (const c of claimants)
            if (!c || partyId(c) !== partyId(p)) addClaim(out, s.index, anonymous, "accuses", c, p, pos, end);
        continue;
      }
      if (ALLEGED.test(m[0]) && !accused.length) continue;
      for (const acc of partiesOf(accused))
        for (const c of claimantsFor(a, s.index, pos))
          addClaim(out, s.index, anonymous, "accuses", c, acc, pos, end);
    }
    addAgentClaims(a, s, agent, anonymous, out);
    // "the coordinated statements came from the United States, the European Union, Britain …"
    const chorus = CHORUS.exec(hits);
    if (chorus) {
      const accused = primaryAccused();
      const at = s.start + chorus.index + chorus[0].length;
      const voices = objectsAfter(a, s.index, at, (x) => !x.attacker && x.form !== "place", 300);
      if (accused)
        for (const v of partiesOf(voices))
          addClaim(out, s.index, anonymous, "accuses", v, accused, at - chorus[0].length, at);
    }
    addDoerClaims(a, s, behind, anonymous, out);
    // "Russian hackers", "China-sponsored actor" in a reported sentence: the speaker blames that state
    for (const m of here) {
      if (!m.attacker || m.form === "group" || m.form === "body") continue;
      if (isNegated(a.text, s.start, m.start)) continue;
      // "took over tools belonging to Iranian hackers": the hackers robbed, not the ones blamed
      if (ROBBED_BEFORE.test(a.text.slice(Math.max(s.start, m.start - 30), m.start))) continue;
      // "agencies from Australia, Canada and Britain … said Volt Typhoon was a China state-sponsored actor"
      const before = speakersBefore(a, s.index, m.start).filter(
        (p) => !p || !(p.kind === "state" && p.country === m.country),
      );
      const speakers = before.length ? before : [speakerParty(a, s.index)];
      for (const speaker of speakers)
        if (speaker)
          addClaim(
            out,
            s.index,
            anonymous,
            "accuses",
            speaker,
            { kind: "state", country: m.country as string },
            m.start,
            m.end,
          );
    }
  }
  addSponsorsInApposition(a, out);
  addGroupsOfUnits(out);
  return withoutRestatedAccusations(a, out);
}

// "carried out by" after "operation" is left out of the agent cues (police operations are carried out by police),
// but an operation carried out by a threat group is an attack laid at that group
const CARRIED_OUT_BY = CUES.add(/\bcarried out by\b/gi);
const THE_NEXT = /^\s+(?:the\s+)?$/;

/** The agent cues of a sentence, with "carried out by" added where a threat group follows it. */
function withGroupOperations(
  a: Analysis,
  s: Sentence,
  hits: CueHits,
  agent: readonly RegExpExecArray[],
): readonly RegExpExecArray[] {
  const extra = CARRIED_OUT_BY.matchAll(hits).filter((m) => {
    if (agent.some((x) => x.index <= m.index && x.index + x[0].length >= m.index + m[0].length)) return false;
    const end = s.start + m.index + m[0].length;
    return (a.bySentence[s.index] ?? []).some(
      (x) =>
        x.form === "group" &&
        x.start > end &&
        x.start - end <= 6 &&
        THE_NEXT.test(a.text.slice(end, x.start)),
    );
  });
  return extra.length ? [...agent, ...extra].sort((x, y) => x.index - y.index) : agent;
}
