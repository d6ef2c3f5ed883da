/**
 * The company or body an attack word says was hit: its object ("the attack on Norsk Hydro", "knocked the British
 * Library offline"), what was stolen from, or the company telling of its own loss.
 */
import type { Analysis } from "./context.ts";
import type { Mention } from "./mentions.ts";

/** Where the attack word stands in the text. */
export interface AttackSpan {
  start: number;
  end: number;
  /** the word names the attackers ("hackers"), not what they did */
  agent: boolean;
  /** the date the sentence gives the attack itself, if any */
  date?: unknown;
}

export const THEFT =
  /^(?:theft|stole|stolen|siphon(?:ed|s|ing)?|heist|crypto theft|cryptocurrency theft|cyber[- ]?heists?|(?:took|drained|draining) .*\d.*)$/i;

/** "stole data from Allied Universal", "$81 million from Bangladesh": what is stolen from is what was hit */
export function takenFrom(a: Analysis, m: AttackSpan, q: Mention): boolean {
  const gap = a.text.slice(m.end, q.start);
  // a comma ends the phrase, unless it sits inside a number ("$1,000")
  return gap.length <= 60 && FROM_BEFORE.test(gap) && !PHRASE_BREAK.test(gap);
}

const FROM_BEFORE = /\bfrom\s+(?:the\s+)?$/i;
const PHRASE_BREAK = /;|,(?!\d)/;

/**
 * "the attack on Norsk Hydro", "hackers breached Norsk Hydro": a company right after the attack and its
 * preposition, or right after a verb of attacking as its object, is what was hit.
 */
export function orgStruck(a: Analysis, m: AttackSpan, p: Mention): boolean {
  if (p.start < m.end) return false;
  const gap = a.text.slice(m.end, p.start);
  return (
    ON_TARGET.test(gap) ||
    // "the 2014 hack of Sony Pictures": after a hack or breach (not an "attack of"), "of" names what was hit
    (OF_GAP.test(gap) && HACK_WORD.test(a.text.slice(m.start, m.end))) ||
    (THE_GAP.test(gap) && ATTACK_VERB.test(a.text.slice(m.start, m.end))) ||
    FORCED_GAP.test(gap) ||
    VERB_THEN_SYSTEMS_OF.test(gap) ||
    SYSTEMS_AT.test(gap)
  );
}

// "erased data on some 30,000 computers at Saudi Aramco", "an intrusion into the networks of the Bundestag": the
// attack reached machines, and the company or body they belong to is what was hit
const SYSTEMS_AT =
  /^\s+(?:on|at|in|into)\s+(?:(?:the|its|their|some|about|more than|nearly|roughly|almost|over|[\d,]+|thousands of|hundreds of|dozens of)\s+){0,3}(?:(?:computer|IT|internal|main|office|email)\s+)?(?:systems?|networks?|servers?|computers|machines|devices|workstations|laptops)\s+(?:of|at|belonging to)\s+(?:the\s+)?$/i;

// "ransomware paralysed the systems of Düsseldorf University Hospital": the attack word is the subject of a verb
// whose object names the company hit
const VERB_THEN_SYSTEMS_OF =
  /^\s+(?:(?:had|has|have)\s+)?(?:paralys|paralyz|crippl|hit|struck|disrupt|knocked out|shut down|took down|encrypt|lock)\w*\s+(?:the\s+)?(?:(?:computer|IT|internal|main)\s+)?(?:systems?|networks?|servers?|computers)\s+(?:of|at)\s+(?:the\s+)?$/i;

// "an attack by the DarkSide gang forced Colonial Pipeline to shut down …": the company the attack made act
const FORCED_GAP = /^(?:\s+by\s+[^,;]{1,40}?)?\s+(?:forced|compelled)\s+(?:the\s+)?$/i;

const ON_TARGET = /^\s+(?:on|against|targeting|at)\s+(?:the\s+)?$/i;
const OF_GAP = /^\s+of\s+(?:the\s+)?$/i;
const HACK_WORD = /^(?:hacks?|hacking|breach(?:es)?|compromise)$/i;
const THE_GAP = /^\s+(?:the\s+)?$/;

/** "Optus disclosed that details of customers had been stolen": a company telling of its own loss */
const OWN_LOSS =
  /^\s+(?:(?:said|says|disclosed|revealed|confirmed|announced|reported|admitted)\s+(?:on\s+\w+\s+)?(?:that\s+)?|,\s*(?:which|whose)\b[^,]{0,60},\s*)(?:(?:it|its|the|some|many|about|almost|nearly|more than|\d[\d,.]*|[\w-]+)\s+){0,12}?(?:had been|have been|has been|was|were)\s+(?:stolen|breached|hacked|compromised|accessed|exposed|taken|hit|attacked|encrypted|crippled|disrupted)\b/i;

/**
 * The company an attack mention says was hit, if it names one: the object of the attack ("the attack on
 * Norsk Hydro", "hackers broke into the health insurer Medibank") or the subject telling of its own loss
 * ("Optus disclosed that details … had been stolen"). A security firm or a newsroom is one too when the words say
 * it was hit ("hackers broke into the network of Accenture"); only then is it more than an observer.
 */
export function victimOrg(a: Analysis, index: number, m: AttackSpan): Mention | undefined {
  const s = a.sentences[index];
  if (!s) return undefined;
  for (const p of a.bySentence[index] ?? []) {
    if (p.form !== "org") continue;
    if (
      p.start >= m.end &&
      p.start - m.end <= 40 &&
      (orgStruck(a, m, p) ||
        (THEFT.test(a.text.slice(m.start, m.end)) && takenFrom(a, m, p)) ||
        (DESCRIBED_OBJECT.test(a.text.slice(m.end, p.start)) &&
          ATTACK_VERB.test(a.text.slice(m.start, m.end))))
    )
      return p;
    // "knocked the British Library offline": an attack word that holds its object
    if (p.start > m.start && p.end < m.end && HOLDS_OBJECT.test(a.text.slice(m.start, p.start))) return p;
    if (p.end <= m.start && OWN_LOSS.test(a.text.slice(p.end, Math.min(s.end, m.end + 10)))) return p;
    // "the Medibank attack", "Optus's data breach": the company names the attack it stands before
    if (p.end <= m.start && NAMES_ATTACK.test(a.text.slice(p.end, m.start))) return p;
  }
  return undefined;
}
const HOLDS_OBJECT =
  /^knocked\s+(?:the\s+)?(?:(?:websites?|sites?|systems?|networks?|services?)\s+of\s+(?:the\s+)?)?$/i;
const NAMES_ATTACK = /^(?:['’]s?)?\s+(?:(?:data|cyber|ransomware|security)\s+)?$/i;
/**
 * "the health insurer", "telecommunications company": a description between a verb and a company's name (not a
 * preposition's phrase: "compromised through other Zyxel flaws" names the maker of the flawed product)
 */
const DESCRIBED_OBJECT =
  /^\s+(?!(?:through|via|using|with|by|from|after|during|over|for|as|and|or|but)\s)(?:the\s+)?(?:[\w-]+\s+){1,3}$/;

const ATTACK_VERB =
  /^(?:hacked|breached|compromised|infiltrated|attacked|targeted|hit|struck|crippled|disrupted|infected|defaced|paralys|paralyz|broke into|broken into|encrypted)/i;
