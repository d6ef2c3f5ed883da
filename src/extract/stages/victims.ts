import { loadData } from "../gazetteer/data.ts";
import type { Sentence } from "../text/sentences.ts";
import type { Analysis } from "./context.ts";
import { namesPeople } from "./mention.ts";
import type { Mention } from "./mentions.ts";
import { type AttackSpan, orgStruck, THEFT, takenFrom } from "./org-struck.ts";
import { TailPattern } from "./tail-words.ts";

const observers = loadData<{ observers: string[] }>("lexicon/actor-nouns.json").observers;

// "a researcher at a Dubai-based security firm", "the Slovak security company ESET": the home of whoever studies
// the attack is not whose it was
const OBSERVER_HOME = new RegExp(`^(?:-based)?\\s+(?:[\\w-]+\\s+)?(?:${observers.join("|")})\\b`, "i");

const CLUE_AFTER =
  /^\s+(?:[\w-]+\s+)?(?:expressions?|phrases?|words?|language|spellings?|slang|dialect|keyboards?|keyboard settings?|time ?zones?|working hours|holidays|characters|comments)\b/i;
const PEOPLE_HOME =
  /^-based\s+(?:[\w-]+\s+)?(?:men|man|women|woman|nationals|people|individuals|suspects|hackers?|brothers|operatives|actors?|groups?|gangs?|criminals)\b/i;

const OWNED_EFFORT =
  /^['’]s\s+(?:[\w-]+\s+){0,2}(?:efforts?|campaigns?|attempts?|war|strategy|plans?|policy|bid|drive|operations?|aggression)\b/i;

// "Iran's intelligence ministry over cyberattacks": what a state owns here is the attacker, not the target
const OWN_FORCES =
  /^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:ministry|office|agency|service|services|intelligence|military|army|hackers|spies|spy|operatives|officers|embassy|diplomats?|ambassador|envoy|charg[eé]|minister|president|officials?|spokes(?:man|woman|person)|government-backed|state-backed|(?:cyber|hacking|spying) (?:operations|campaigns|programmes?|programs?|units?|army|forces))(?!\w)/i;

const STRUCK = /^\s*(?:(?:on|last|this)\s+\w+\s+)?(?:against|on|targeting)\s+(?:an?|the)\s+$/i;
// "breached the network of Portugal's armed forces", "broke into the Chilean army's servers": a force as the object
// of a verb of attack, or as the owner of the machines it names
const STRUCK_OBJECT =
  /^\s+(?:(?:into|against|on|targeting)\s+)?(?:the|an?)\s+(?:(?:computer\s+|internal\s+|e-?mail\s+)?(?:networks?|systems?|servers?|computers?|e-?mail accounts?|accounts?|websites?|databases?)\s+(?:of|at|belonging to)\s+(?:the\s+)?)?$/i;
const ATTACK_VERB = /(?:ed|into|hit)$/i;

/** Whether a force standing `gap` after the attack word `word` is what the attack struck. */
function forceStruck(gap: string, word: string): boolean {
  return STRUCK.test(gap) || (ATTACK_VERB.test(word) && STRUCK_OBJECT.test(gap));
}

// the end-anchored patterns run only where the window's last word, past a "the", can end them (see TailPattern)
export const LOCATED_IN = new TailPattern(
  /\b(?:are|is|was|were|be|been|based|operating|operated|located|living|hiding|sheltering|residing|sitting|originating|originated|coming|came|launched|routed|servers?|computers?|address|addresses|infrastructure|working|acting)\s+(?:in|from|out of|through|(?:from\s+)?(?:inside|within))\s+(?:the\s+)?$/i,
  2,
  "in from of through inside within",
);

const BLAMED_ON =
  /\b(?:pinned|pinning|pins|pin|blamed|blames|blaming|blame)\b[^.;]{0,40}?\bon\s+(?:the\s+)?$/i;
const TRACED_TO = /\btraced\b[^.;]{0,60}?\bto\b[^.;]{0,60}$/;

const WAGES =
  /^(?:['’]s)?\s+(?:has\s+|have\s+|had\s+)?(?:been\s+)?(?:wag(?:ed|es|ing)|launch(?:ed|es|ing)|unleash(?:ed|es|ing)|mount(?:ed|s|ing)|carr(?:ied|ies|ying) out)\b/i;

const VICTIM_PREP =
  /\b(?:on|against|at|into|in|inside|targeting|targeted|across|of|hit|hitting|struck|crippled|attacked|paralysed|paralyzed|breached|compromised|infiltrated|hacked|hacking|infected|disrupted)\s+(?:(?:the|its|their|a|an|some|several|many|dozens of|\d+|mainly|major|crucial|key|critical)\s+|[\w-]+\s+){0,6}$/i;

export const VICTIM_AFTER =
  /^(?:['’]s)?\s*(?:,\s*(?:which|who|that)\s+)?(?:(?!(?:it|they|he|she)\s)[\w-]+\s+){0,5}?(?:has|have|had|was|were|is|are)?\s*(?:(?:also|been|repeatedly|now)\s+)*(?:suffered|hit|targeted|attacked|struck|the target|a target|victim|breached|hacked|compromised|crippled|paralysed|paralyzed|infected|disrupted)\b/i;

/** a piece of every word VICTIM_AFTER ends on: where none stands in the text, it cannot match */
const VICTIM_AFTER_WORD =
  /suffer|hit|target|attack|struck|victim|breach|hack|compromis|crippl|paraly|infect|disrupt/i;

/** `VICTIM_AFTER.test(after)`, run only where one of the words it ends on stands */
export function victimAfter(after: string): boolean {
  return VICTIM_AFTER_WORD.test(after) && VICTIM_AFTER.test(after);
}

// "Iran hacked a text-message service": a state right before a verb of harm in the active voice did it; "Albania
// hit by a cyberattack", "Germany hit again" are still what was hit
const DOES_HARM =
  /^\s+(?:hit|targeted|attacked|struck|breached|hacked|compromised|crippled|paraly[sz]ed|infected|disrupted)\b(?!\s+(?:by|in|during|again|with|last|this|on)\b)(?!\s*[,.;:]|\s*$)/i;

// "Britain and the US say Russian military intelligence hacked Georgia": whoever speaks is not what was hit
const SPEAKS =
  /^\s+(?:(?:and|or)\s+(?:the\s+)?[\w-]+\s+)?(?:say|says|said|claim(?:s|ed)?|allege[sd]?|accuse[sd]?|blame[sd]?|charge[sd]?|assert(?:s|ed)?|believe[sd]?|think|thinks|suspect(?:s|ed)?|conclude[sd]?)\b/i;

const OWN_THING =
  /^\s+(?:(?:on|against|into|at|of|in|targeting)\s+)?(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,2}(?:of|at|in)\s+)?(?:its|their)\s/i;

// after the attack word, what a gap names that sets a state aside: an event ("during"), where words were spoken
// ("at a briefing"), the attackers' unit ("a hacking unit"); one pattern, so that the gap is read once
export const GAP_ASIDE =
  /\b(?:during|amid|ahead of)\b|\b(?:briefing|news conference|press conference|conference|summit|meeting|hearing|interview|speech)\b|\bhacking\s+(?:units?|groups?|teams?|gangs?|crews?|outfits?|collectives?)\b/i;

// built once: the toolchain turns a literal with \p{…} into a new RegExp at every evaluation
const JOINED_AFTER = /^[-–]\p{Lu}/u;
export const JOINED_BEFORE = /\p{Lu}[-–]$/u;

/**
 * `JOINED_BEFORE.test(text.slice(from, to))`: the pattern, tried at every place of the window, runs only where the
 * window ends in its dash.
 */
export function joinedBefore(text: string, from: number, to: number): boolean {
  const c = text.charCodeAt(to - 1);
  return to > from && (c === 45 || c === 0x2013) && JOINED_BEFORE.test(text.slice(from, to));
}

export const AGENT_BEFORE = new TailPattern(
  /\b(?:by|blam(?:ed|es|ing)(?: on)?|pinned on|accus(?:e|ed|es|ing)|behind|from|working for|on behalf of|(?:affiliated|associated|aligned) with|(?:attributed|traced|linked|tied|connected)(?:\s+[\w-]+){0,4}\s+to|sanctions? (?:against|on)|against|with)\s+(?:the\s+)?$/i,
  2,
  "by blamed blames blaming on accuse accused accuses accusing behind from for of with to against",
);

/** "the work of hackers acting on behalf of Iran", "blamed on Russia": a state named as the one acting */
export function namedAsAgent(a: Analysis, p: Mention): boolean {
  const s = a.sentences[p.sentence];
  return !!s && AGENT_BEFORE.test(a.text, Math.max(s.start, p.start - 60), p.start);
}

// "hackers based in Russia": where the attackers are, right after the word for them
const WHERE_AGENTS_ARE = /^\s*(?:(?:based|operating|working|located)\s+)?(?:in|from)\s+(?:the\s+)?$/i;
const PHRASE_END = /[;]|,\s+(?:days?|weeks?|hours?|months?)\s+(?:after|before)\b/;
/** what ends with the last clause break before a state: the clauses before its own */
const EARLIER_CLAUSES = /^.*(?:,\s+(?:and|but|while)\s|;)/s;
const OWNER_AFTER = /^['’]s\s|^-based\b/;
const POSSESSIVE_S = /^['’]s/;
const SAYS_NEXT = /^\s+(?:said|says|has said|accused|blamed)/;
const SCENE_OPENER = /^(?:In|Across|Throughout)\s+(?:the\s+)?$/;

/**
 * What `victimsFor` has read of a sentence's states that holds whatever the attack word, by each state's place
 * among the sentence's mentions: a sentence with several attack words then reads each state's surroundings once.
 */
export type StateNotes = number[];
// the bits of a note: whether each test was read, and its answer
const AGENT_READ = 1;
const AGENT_NAMED = 2;
const ASIDE_READ = 4;
const SET_ASIDE = 8;

/**
 * The states an attack mention names as hit: what follows its preposition, or a possessive or home near it.
 * `notes`, one list for all the attack words of the sentence, keeps what holds for every one of them.
 */
export function victimsFor(a: Analysis, index: number, m: AttackSpan, notes?: StateNotes): Mention[] {
  const s = a.sentences[index];
  if (!s) return [];
  const out: Mention[] = [];
  const word = a.text.slice(m.start, m.end);
  const theft = THEFT.test(word);
  const here = a.bySentence[index] ?? [];
  for (let j = 0; j < here.length; j++) {
    const p = here[j] as Mention;
    if (homeOfOrgHit(a, index, m, p, theft)) {
      out.push(p);
      continue;
    }
    // "the theft of $81 million from Bangladesh Bank's account": a bank stolen from, named with its home
    if (theft && p.form === "org" && p.country && !p.observer && !p.attacker && takenFrom(a, m, p)) {
      out.push(p);
      continue;
    }
    // "cyberattacks on Thursday against an Iranian intelligence group": right after the attack and its
    // preposition, even a state's force is what was hit
    if (
      (p.attacker || p.force) &&
      p.start >= m.end &&
      p.country &&
      p.form !== "group" &&
      !m.agent &&
      forceStruck(a.text.slice(m.end, p.start), word)
    ) {
      out.push(p);
      continue;
    }
    // people ("seven Iranians") are attackers or defendants in this domain, never the attacked state
    if (
      p.attacker ||
      p.force ||
      !p.country ||
      p.form === "group" ||
      p.form === "intl" ||
      (p.form === "org" && !orgStruck(a, m, p)) ||
      p.form === "plural"
    )
      continue;
    // "the theft of $81 million from Bangladesh's central bank": what is stolen from is the victim
    if (theft && p.start >= m.end && takenFrom(a, m, p)) {
      out.push(p);
      continue;
    }
    let note = notes?.[j] ?? 0;
    if (!(note & AGENT_READ)) {
      note |=
        AGENT_READ | (AGENT_BEFORE.test(a.text, Math.max(s.start, p.start - 60), p.start) ? AGENT_NAMED : 0);
      if (notes) notes[j] = note;
    }
    // "against" names the one a case or a measure is aimed at, but after an attack word, what it hit
    if (note & AGENT_NAMED && !aimedByAttack(a, m, p)) continue;
    if (!(note & ASIDE_READ)) {
      note |= ASIDE_READ | (setAside(a, s, p) ? SET_ASIDE : 0);
      if (notes) notes[j] = note;
    }
    if (note & SET_ASIDE) continue;
    // "hackers in Russia", "intruders from China": after a word for the attackers, a place is where they are
    if (m.agent && p.start >= m.end && WHERE_AGENTS_ARE.test(a.text.slice(m.end, p.start))) continue;
    const gap = a.text.slice(m.end, p.start);
    // after the attack word, a state past "during" names an event ("attacks on websites during the peace
    // conference on Ukraine"), one past a briefing where the words were spoken ("asked about the intrusions at a
    // briefing in Beijing"), and one past the attackers' unit no target ("Lazarus, a hacking unit that US
    // officials say …")
    if (p.start >= m.end && GAP_ASIDE.test(gap)) continue;
    // "… from Bangladesh Bank's account at the Federal Reserve Bank of New York": where the money was held
    if (theft && p.start >= m.end && HELD_AT.test(gap)) continue;
    const near = p.start > m.start ? p.start - m.end < 90 : m.start - p.end < 90;
    if (
      p.start >= m.end &&
      gap.length <= 90 &&
      // a semicolon or ", days after" ends the attack's phrase
      !PHRASE_END.test(gap) &&
      VICTIM_PREP.test(gap)
    )
      out.push(p);
    // after the attack word, a possessive names the victim only when it is the thing hit ("attack on Iran's …"),
    // not a later clause ("… was part of the Kremlin's effort"): that needs a victim preposition, checked above
    // (the preposition must follow the attack word: in "a stream of cyberattacks since Russia's invasion" the "of"
    // governs the attacks, not Russia)
    else if (
      p.start >= m.end &&
      near &&
      VICTIM_PREP.test(
        a.text.slice(Math.max(s.start, p.start - 60, m.start), p.start).replace(EARLIER_CLAUSES, ""),
      )
    )
      out.push(p);
    else if (p.end <= m.start) {
      const after = a.text.slice(p.end, Math.min(s.end, p.end + 80));
      if (victimAfter(after) && !SPEAKS.test(after) && !DOES_HARM.test(after)) out.push(p);
      // "the Vietnam-based developer": a company's home, like a possessive, says whose the target is
      else if (
        near &&
        (OWNER_AFTER.test(after) || p.form === "adjective" || p.form === "place") &&
        !SAYS_NEXT.test(after.replace(POSSESSIVE_S, "")) &&
        !OWN_FORCES.test(after)
      )
        out.push(p);
    }
  }
  // "New Zealand's government said a group had broken into the networks of its parliament": what the speaker owns
  // (the words first: most attacks are not on something of "its", and then the speaker need not be found)
  if (!out.length && OWN_THING.test(a.text.slice(m.end, Math.min(s.end, m.end + 60)))) {
    const speaker = a.speakerOf(index);
    if (speaker?.country && !speaker.attacker && speaker.end <= m.start) out.push(speaker);
  }
  // "In Switzerland, the group claimed attacks on government websites": the scene the sentence opens on
  if (!out.length) {
    const scene = (a.bySentence[index] ?? [])[0];
    if (
      scene?.form === "name" &&
      scene.start < m.start &&
      SCENE_OPENER.test(a.text.slice(s.start, scene.start)) &&
      a.text.charAt(scene.end) === ","
    )
      out.push(scene);
  }
  return out;
}

/**
 * True when what surrounds a state shows it is not what an attack hit, whichever attack word of the sentence
 * is asked about: a people, a nationality used as a noun, the home of an observer or of people, two states joined,
 * an actor owning an effort, where attackers sit, the one waging a war.
 */
function setAside(a: Analysis, s: Sentence, p: Mention): boolean {
  if (namesPeople(p)) return true;
  // "the Chinese have denied …": a nationality used as a noun is a people, not a modifier of the target
  if (p.form === "adjective" && NOUN_VERB.test(p.head ?? "")) return true;
  // "a North Korean expression", "a Russian keyboard setting": a clue to who wrote the code, not a target
  if (p.form === "adjective" && CLUE_AFTER.test(a.text.slice(p.end, p.end + 40))) return true;
  const after = a.text.slice(p.end, Math.min(s.end, p.end + 80));
  if (OBSERVER_HOME.test(after)) return true;
  // "two Iran-based men": where people live, not what was hit
  if (PEOPLE_HOME.test(after)) return true;
  const from = Math.max(s.start, p.start - 60);
  // "US-UK trade talks", "China-EU summit": two states joined name what is between them, not a target
  if (JOINED_AFTER.test(after) || joinedBefore(a.text, from, p.start)) return true;
  // "part of the Kremlin's effort": a government by its seat, owning something, is an actor
  if ((p.form === "seat" || p.form === "body") && OWNED_EFFORT.test(a.text.slice(p.end, p.end + 40)))
    return true;
  // "the hackers are in Russia", "a group based in Iran": where attackers sit, not what they hit
  if (LOCATED_IN.test(a.text, from, p.start)) return true;
  // "the first time Copenhagen has pinned such attacks on Moscow": the one blamed, not the one hit
  if (BLAMED_ON.test(a.text.slice(from, p.start))) return true;
  // "traced the attack to an IP address in Shenyang, in northeastern China": where a trail leads
  if (s.text.includes("traced") && TRACED_TO.test(a.text.slice(s.start, p.start))) return true;
  // "the hybrid war Moscow has waged against Ukraine": the one waging it
  return WAGES.test(after);
}

/** a verb right after a nationality: the nationality is a noun, its people */
const NOUN_VERB =
  /^(?:have|has|had|are|is|was|were|did|do|does|said|say|says|denied|deny|will|would|also)\b/i;

const APPOSED_HOME = /^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$/;
const BUSINESS_AFTER =
  /^(?:-based)?\s+(?:[\w-]+\s+){0,3}(?:company|firm|group|business|provider|contractor|operator|retailer|bank|insurer|lender|chain|manufacturer|maker|supplier|publisher|developer|carrier|airline)\b/;

/**
 * "files stolen from Allied Universal, a large US security services company": the home an apposition gives the
 * company hit is the victim state.
 */
function homeOfOrgHit(a: Analysis, index: number, m: AttackSpan, p: Mention, theft: boolean): boolean {
  if (!p.country || p.start < m.end || (p.form !== "name" && p.form !== "adjective")) return false;
  if (!BUSINESS_AFTER.test(a.text.slice(p.end, p.end + 60))) return false;
  for (const q of a.bySentence[index] ?? [])
    if (
      q.form === "org" &&
      !q.observer &&
      q.start >= m.end &&
      q.end <= p.start &&
      APPOSED_HOME.test(a.text.slice(q.end, p.start)) &&
      (orgStruck(a, m, q) || (theft && takenFrom(a, m, q)))
    )
      return true;
  return false;
}

const HELD_AT = /\baccounts?\s+(?:at|with|in)\b/i;

const NOT_AN_ATTACK_AIM =
  /[;]|\b(?:sanctions?|charges?|case|accusations?|allegations?|measures|complaint|indictment|retaliat\w*)\b/i;

/**
 * "a 14-year hacking campaign, begun in 2010, against US officials": the attack word's own "against", when the
 * sentence tells that attack itself (its date); "a response to cyber operations against Tehran" only alludes.
 */
function aimedByAttack(a: Analysis, m: AttackSpan, p: Mention): boolean {
  if (p.start < m.end || !m.date) return false;
  const gap = a.text.slice(m.end, p.start);
  return gap.length <= 60 && AGAINST_BEFORE.test(gap) && !NOT_AN_ATTACK_AIM.test(gap);
}

const AGAINST_BEFORE = /\bagainst\s+(?:the\s+)?$/i;
