/**
 * Where a sentence speaks of an attack: attack words (strong alone, weak ones in a cyber context), named
 * operations and groups doing harm, each named as the sentence names it. Their dates and victims are read by
 * ./attack-dates.ts, and the incidents stage (./incidents.ts) groups the mentions into incidents.
 */
import { loadData } from "../gazetteer/data.ts";
import type { CueHits } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import { type Analysis, opensParagraph } from "./context.ts";
import { CUES } from "./cues.ts";
import type { DateMention } from "./dates.ts";
import type { Mention } from "./mentions.ts";
import { ordered } from "./ordered.ts";

/** One place where the text speaks of an attack. */
export interface IncidentMention {
  start: number;
  end: number;
  sentence: number;
  strong: boolean;
  /** the word names the attackers ("hackers"), not what they did */
  agent: boolean;
  /** the word names the attackers, alone or with the word after it ("the LockBit ransomware gang") */
  attackers: boolean;
  definite: boolean;
  /** told with "a" or "an": an attack spoken of for the first time */
  indefinite: boolean;
  ordinal?: "first" | "second" | "new" | "earlier";
  name?: string;
  date?: DateMention;
  /** when the attack was found ("discovered on Nov. 23"): its date when nothing closer is known */
  found?: DateMention;
  victims: readonly Mention[];
  /** the company the sentence says was hit ("the attack on Norsk Hydro") */
  victimOrg?: Mention;
}

interface AttackTerms {
  strong: string[];
  weak: string[];
  cyber_words: string[];
  cyber_acronyms: string[];
  not_cyber: string[];
}
const terms = loadData<AttackTerms>("lexicon/attack-terms.json");
const operations = loadData<{ names: string[] }>("lexicon/operations.json").names;
const STRONG = CUES.add(new RegExp(`\\b(?:${terms.strong.join("|")})\\b`, "gi"));
const WEAK = CUES.add(new RegExp(`\\b(?:${terms.weak.join("|")})\\b`, "gi"));
// cyber words may sit inside longer words ("cyberspace"): not a cue the word index can hold
const CYBER_WORD = new RegExp(`(?:${terms.cyber_words.join("|")})`, "i");
// acronyms in their own case: "IT" is not the "it" of "strait in"
const CYBER_ACRONYM = new RegExp(`\\b(?:${terms.cyber_acronyms.join("|")})\\b`);
const namesCyber = (text: string) => CYBER_WORD.test(text) || CYBER_ACRONYM.test(text);
const NOT_CYBER_SOURCE = `\\b(?:${terms.not_cyber.join("|")})`;
const NOT_CYBER = new RegExp(NOT_CYBER_SOURCE, "i");
const NOT_CYBER_CUE = CUES.add(new RegExp(NOT_CYBER_SOURCE, "i"));
const SUPPOSED_BEFORE = /\b(?:if|unless|would|could|might)\s+(?:[\w'’-]+\s+){0,2}$/i;
const OPERATION = CUES.add(
  new RegExp(`\\b(?:${[...operations].sort((a, b) => b.length - a.length).join("|")})\\b`, "g"),
);
// "an attack attributed to the group shut down check-ins": an attack someone is blamed for or owns up to
const ASCRIBED_AFTER =
  /^\s+(?:(?:later|since|also|widely)\s+)?(?:attributed to|blamed on|claimed by|linked to|pinned on)\b/i;
const DEFINITE = /(?:\b(?:the|this|that|these|those|its|same)|['’]s)\s+(?:[\w-]+\s+){0,2}$/i;
const INDEFINITE = /\b(?:a|an)\s+(?:[\w-]+\s+)?$/i;
const ORDINAL =
  /\b(second|another|new|latest|fresh|first|earlier|previous|previously|prior|similar)\s+(?:[\w-]+\s+){0,2}$/i;
// "China opposes all forms of hacking", "any kind of cyberattack": attacks in general, not one that happened
const GENERIC =
  /\b(?:(?:all|any|every) (?:forms?|kinds?|types?|sorts?) of|(?:opposes?|opposed|opposing|combats?|condemns?) (?:all |any )?)\s*(?:[\w-]+\s+)?$/i;
const TARGETED = /^targeted$/i;
const AIM_AFTER = /^\s+(?:at|towards?)\s+[a-z]+ing\b/i;
const ADJECTIVE_BEFORE = /\b(?:a|an|the|highly|very|more|less|most)\s+$/i;
// "a hacking group": the attackers, not an attack
const AGENT_PHRASE = /^\s+(?:group|team|unit|gang|collective|crew|outfit|squad|groups|teams|units|gangs)\b/i;
const TIED_BEFORE = /\b(?:to|for|in|behind)\s+(?:an?|the|two|several|a series of)\s+(?:[\w-]+\s+)?$/i;
const APPOSED_TO_GROUP = /,\s+an?\s+$/i;
/** attack words that name the attackers rather than the attack */
export const AGENT_WORD = /^(?:hackers|intruders|attackers|ransomware gang)$/i;
/** what a named malware or operation did, right after its name */
const NAMED_HARM =
  /^\s+(?:(?:outbreak|attack|worm|virus|ransomware|malware|campaign|operation)\s+)?(?:(?:also|first|initially|later|then|quickly|soon|had|has|have|went on to)\s+){0,2}(?:crippled|cripples|forced|disrupted|disrupts|knocked|shut|hit|hits|infected|infects|wiped|paralys|paralyz|took down|brought down|encrypted|locked|struck|halted|froze|damaged|destroyed|spread (?:to|through|across)|(?:which\s+)?(?:began|started) spreading)/i;
/** a named malware or operation set loose: "unleashing NotPetya", "deployed Industroyer" */
const NAMED_LOOSE =
  /\b(?:unleash(?:ed|es|ing)?|deploy(?:ed|s|ing)?|launch(?:ed|es|ing)?|releas(?:ed|ing))\s+(?:the\s+)?$/i;

const HARM_VERBS =
  "disrupted|crippled|paralys(?:ed|es)|paralyz(?:ed|es)|knocked out|took down|shut down|encrypted|wiped";
/** a verb of harm done to systems, after its subject and an adverb or auxiliary or two */
const HARM = String.raw`\s+(?:(?:also|first|later|then|had|has|have)\s+){0,2}(${HARM_VERBS})\b`;
// read with the sentence's other cue words: the harm patterns run only where one of these verbs stands
const HARM_VERB = CUES.add(new RegExp(String.raw`\b(?:${HARM_VERBS})\b`, "i"));
/** the verb of harm right after a threat group's name (an attack word of its own, where it stands) */
const GROUP_HARM = new RegExp(
  String.raw`^(?:\s+(?:ransomware\s+)?(?:gang|group|hackers|crew|operators|affiliates))?${HARM}`,
  "i",
);
/** the same after "it" or "they" standing for a group */
const PRONOUN_HARM = new RegExp(String.raw`\b(?:it|they)${HARM}`, "i");

/** True when a threat group is named in the sentence (before `before`): what a later "it" can stand for. */
function groupNamed(a: Analysis, index: number, before = Number.POSITIVE_INFINITY): boolean {
  return (a.bySentence[index] ?? []).some((m) => m.form === "group" && m.end <= before);
}

/** between a group's name and its verb: "Tick, which police said acted for a military unit, had targeted" */
const GROUP_VERB_GAP = /^(?:,[^;]*?,)?\s+(?:(?:had|has|have|also|repeatedly|previously)\s+){0,2}$/;

/** True when a threat group named just before `at` is the subject of the verb there: its verb is an attack. */
function groupActs(a: Analysis, index: number, at: number): boolean {
  return (a.bySentence[index] ?? []).some(
    (m) => m.form === "group" && m.end <= at && GROUP_VERB_GAP.test(a.text.slice(m.end, at)),
  );
}

/**
 * The attack words of a sentence, in order and named where a name stands beside them; their dates and victims
 * are read by `datedAttacks`. The two are apart so that a batch can parse the dates of every sentence that
 * needs them in one go.
 */
export function attackWords(a: Analysis, index: number): IncidentMention[] {
  const s = a.sentences[index];
  if (!s) return [];
  const hits = a.cues[index] as CueHits;
  // the cyber test matters only to a weak attack word ("attack"): most sentences never need it
  let cyber: boolean | undefined;
  const found: IncidentMention[] = [];
  for (const m of STRONG.matchAll(hits))
    addAttack(a, s, found, s.start + m.index, s.start + m.index + m[0].length, true);
  for (const m of WEAK.matchAll(hits)) {
    const start = s.start + m.index;
    const around = a.text.slice(Math.max(s.start, start - 25), start);
    if (NOT_CYBER.test(around)) continue;
    // "sites it would hit if Iran attacked Americans": an attack supposed, not one reported
    if (SUPPOSED_BEFORE.test(around)) continue;
    // "a targeted and sophisticated operation": the adjective, not the verb
    if (ADJECTIVE_BEFORE.test(around) && TARGETED.test(m[0])) continue;
    // "was likely targeted at hindering the US": an aim, not a blow
    if (TARGETED.test(m[0]) && AIM_AFTER.test(a.text.slice(start + m[0].length, start + m[0].length + 30)))
      continue;
    cyber ??= cyberContext(a, index) && !NOT_CYBER_CUE.test(hits);
    if (
      cyber ||
      DEFINITE.test(around) ||
      groupActs(a, index, start) ||
      // "linked Magecart to an attack on Ticketmaster": an attack tied to a threat group is one of theirs
      (TIED_BEFORE.test(around) && groupNamed(a, index, start)) ||
      ASCRIBED_AFTER.test(a.text.slice(start + m[0].length, start + m[0].length + 30))
    )
      addAttack(a, s, found, start, start + m[0].length, false);
  }
  // "WannaCry forced hospitals in Britain to cancel appointments": a named attack doing harm reports it
  for (const m of OPERATION.matchAll(hits)) {
    const start = s.start + m.index;
    const end = start + m[0].length;
    if (
      NAMED_HARM.test(a.text.slice(end, Math.min(s.end, end + 40))) ||
      NAMED_LOOSE.test(a.text.slice(Math.max(s.start, start - 20), start))
    )
      addAttack(a, s, found, start, end, false);
  }
  const harmed = HARM_VERB.test(hits);
  // "the group disrupted Royal Mail's deliveries": a threat group doing harm reports an attack, at its verb
  if (harmed)
    for (const g of a.bySentence[index] ?? []) {
      if (g.form !== "group") continue;
      const harm = GROUP_HARM.exec(a.text.slice(g.end, Math.min(s.end, g.end + 40)));
      if (!harm) continue;
      const verb = g.end + harm[0].length - (harm[1] as string).length;
      addAttack(a, s, found, verb, g.end + harm[0].length, true);
    }
  // "Conti is a prolific gang. A year ago it crippled Ireland's health service": "it" is the group just named
  if (!found.length && harmed) {
    const harm = PRONOUN_HARM.exec(s.text);
    if (harm && (groupNamed(a, index - 1) || groupNamed(a, index, s.start + harm.index))) {
      const verb = s.start + harm.index + harm[0].length - (harm[1] as string).length;
      addAttack(a, s, found, verb, s.start + harm.index + harm[0].length, true);
    }
  }
  if (!found.length) return found;
  ordered(found, byStart);
  for (const m of OPERATION.matchAll(hits)) {
    const pos = s.start + m.index;
    const nearest = closest(found, pos);
    // a name names the attack word it stands beside ("the Stuxnet virus", "the worm, dubbed NotPetya"), but not
    // the people who did it ("hackers over the Kyiv blackout, NotPetya" lists two attacks)
    if (
      nearest &&
      Math.min(Math.abs(pos - nearest.end), Math.abs(nearest.start - pos - m[0].length)) <= 40 &&
      !nearest.agent
    )
      nearest.name = m[0];
  }
  return found;
}

/** A sentence that names a blow of another kind (a missile, a tanker hit) and no computer or cyber word at all. */
export function physicalOnly(a: Analysis, index: number): boolean {
  const s = a.sentences[index];
  return !!s && NOT_CYBER_CUE.test(a.cues[index] as CueHits) && !namesCyber(s.text);
}

/**
 * True when the sentence, or one beside it in its paragraph, has a cyber word ("Police pursued the gang after an
 * attack on E-Land. Clop later said it took card records from the company's systems" tells of a cyber attack),
 * or names a threat group or a known operation ("the Olympic Destroyer attack").
 */
function cyberContext(a: Analysis, index: number): boolean {
  const prev = a.sentences[index - 1];
  const next = a.sentences[index + 1];
  return (
    cyberSentence(a, index) ||
    (!!prev && !opensParagraph(a, index) && cyberSentence(a, index - 1)) ||
    (!!next && !opensParagraph(a, index + 1) && cyberSentence(a, index + 1))
  );
}

/** A cyber word, a threat group ("In December they attacked a hospital", of LockBit) or a known operation. */
function cyberSentence(a: Analysis, index: number): boolean {
  return (
    namesCyber((a.sentences[index] as Sentence).text) ||
    (a.bySentence[index] ?? []).some((m) => m.form === "group") ||
    OPERATION.test(a.cues[index] as CueHits)
  );
}

const BREACH = /^breach/i;
const PACT =
  "(?:limits?|caps?|agreements?|deals?|accords?|ceasefires?|truces?|contracts?|rules|obligations|terms|treat(?:y|ies)|laws?|regulations|commitments|sanctions|duty|duties|trust|code of conduct|protocols?|resolutions?)";
const PACT_BEFORE = new RegExp(
  `\\b${PACT}\\s+(?:(?:it|they|he|she|which|that|[A-Z][\\w-]*)\\s+)?(?:(?:has|have|had)\\s+)?$`,
  "i",
);
const PACT_AFTER = new RegExp(
  `^\\s+(?:of\\s+)?(?:the\\s+|its\\s+|their\\s+|his\\s+|her\\s+|a\\s+|an\\s+)?(?:[\\w-]+\\s+){0,2}?${PACT}\\b`,
  "i",
);
const HACK_START = /^hack/i;
const HACKING = /^hacking$/i;
const OPERATION_AFTER = /^\s+operation\b/i;
/** words one of GENERIC's phrases holds: the pattern runs only where one stands */
const GENERIC_HINT = / of |oppos|combat|condemn/i;

// "paid $350 million to ransomware groups last year", "report ransomware investigations", "a task force on
// ransomware", "the most active ransomware operation": the kind of crime as a topic, not an attack that happened
const TOPIC_WORD =
  /^(?:ransomware|malware|hacking|cyber[- ]?attacks?|hacks|intrusions|data breach(?:es)?|breaches)$/i;
const TOPIC_AFTER =
  /^\s+(?:groups|gangs|crews|operators|affiliates|actors|investigations|cases|prosecutions|payments|negotiat(?:ions|ors)|economy|industry|ecosystem|epidemic|scourge|problem|crisis|landscape|market|business(?:es)?|task force|threats?\b(?!\s+actor))/i;
const POLICY_BEFORE =
  /\b(?:task force|fight|crackdown|war|guidance|polic(?:y|ies)|rules|laws?|bills?|strategy|summit|conference|efforts?|campaign|coalition|initiative|report|study|survey|tackl(?:e|ing)|combat(?:ing)?|counter(?:ing)?)\s+(?:on|against|about|into)\s+$/i;

/** the victims of a word before `datedAttacks` reads them: one empty list for all */
const NO_VICTIMS: readonly Mention[] = [];

/** Notes an attack word, unless one already noted overlaps it. */
function addAttack(
  a: Analysis,
  s: Sentence,
  found: IncidentMention[],
  start: number,
  end: number,
  strong: boolean,
): void {
  for (const f of found) if (start < f.end && end > f.start) return;
  // the word and what follows it are read by several tests: sliced once
  const word = a.text.slice(start, end);
  const after = a.text.slice(end, end + 12);
  const agentPhrase = AGENT_PHRASE.test(after);
  if (strong && agentPhrase && HACK_START.test(word)) return;
  // "the Lazarus Group, a hacking operation that …": a group described, not an attack
  if (
    HACKING.test(word) &&
    OPERATION_AFTER.test(after) &&
    APPOSED_TO_GROUP.test(a.text.slice(Math.max(s.start, start - 20), start)) &&
    (a.bySentence[s.index] ?? []).some((m) => m.form === "group" && m.end <= start && start - m.end <= 12)
  )
    return;
  const before = a.text.slice(Math.max(s.start, start - 30), start);
  if (GENERIC_HINT.test(before) && GENERIC.test(before)) return;
  if (TOPIC_WORD.test(word) && (TOPIC_AFTER.test(a.text.slice(end, end + 30)) || POLICY_BEFORE.test(before)))
    return;
  // "the limits it has breached", "in breach of the deal": a pact broken, not a network
  if (BREACH.test(word) && (PACT_BEFORE.test(before) || PACT_AFTER.test(a.text.slice(end, end + 50)))) return;
  const ord = ORDINAL.exec(before)?.[1]?.toLowerCase();
  const ordinal =
    ord === "second" || ord === "another"
      ? "second"
      : ord === "first"
        ? "first"
        : ord === "earlier" ||
            ord === "previous" ||
            ord === "previously" ||
            ord === "prior" ||
            ord === "similar"
          ? "earlier"
          : ord
            ? "new"
            : undefined;
  const agent = AGENT_WORD.test(word);
  found.push({
    start,
    end,
    sentence: s.index,
    strong,
    agent,
    attackers: agent || agentPhrase,
    // "warned that hackers …": "that" before a plural opens a clause, it points back at nothing
    definite:
      DEFINITE.test(before) &&
      !familyNamed(a, s, start, word) &&
      !(THAT_LAST.test(before) && PLURAL_WORD.test(word)) &&
      !THAT_A.test(before),
    indefinite: INDEFINITE.test(before),
    ordinal,
    name: undefined,
    date: undefined,
    found: undefined,
    victims: NO_VICTIMS,
    victimOrg: undefined,
  });
}

const THAT_LAST = /\bthat\s+$/i;
// "reported that a cyberattack had …": "that" before "a" opens a clause
const THAT_A = /\bthat\s+an?\s+(?:[\w-]+\s+)?$/i;
const PLURAL_WORD = /s$/i;

const FAMILY_WORD = /^(?:ransomware|malware|wipers?|spyware|botnet)$/i;
const FAMILY_BEFORE = /^\s*$/;

/** "the operators of the Maze ransomware": a gang's malware named by its family, not an attack spoken of before */
function familyNamed(a: Analysis, s: Sentence, start: number, word: string): boolean {
  if (!FAMILY_WORD.test(word)) return false;
  return (a.bySentence[s.index] ?? []).some(
    (m) => m.form === "group" && m.end <= start && FAMILY_BEFORE.test(a.text.slice(m.end, start)),
  );
}

function byStart(x: IncidentMention, y: IncidentMention): number {
  return x.start - y.start;
}

/** The mention nearest to `pos` (the first of those as near). */
export function closest(list: IncidentMention[], pos: number): IncidentMention | undefined {
  let best: IncidentMention | undefined;
  for (const m of list) {
    const dist = pos >= m.end ? pos - m.end : m.start - pos;
    const bestDist = best ? (pos >= best.end ? pos - best.end : best.start - pos) : Number.POSITIVE_INFINITY;
    if (dist < bestDist) best = m;
  }
  return best;
}
