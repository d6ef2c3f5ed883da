/**
 * Where a sentence speaks of an attack: attack words (strong alone, weak ones in a cyber context), named
 * operations and groups doing harm, each given its date, name and victims as the sentence words them.
 * The incidents stage (./incidents.ts) groups these mentions into incidents.
 */
import { loadData } from "../gazetteer/data.ts";
import type { CueHits } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import type { Analysis } from "./context.ts";
import { actSpans, CUES, responseCues } from "./cues.ts";
import type { DateMention } from "./dates.ts";
import type { Mention } from "./mentions.ts";
import { victimOrg, victimsFor } from "./victims.ts";

/** One place where the text speaks of an attack. */
export interface IncidentMention {
  start: number;
  end: number;
  sentence: number;
  strong: boolean;
  definite: boolean;
  /** told with "a" or "an": an attack spoken of for the first time */
  indefinite: boolean;
  ordinal?: "first" | "second" | "new" | "earlier";
  name?: string;
  date?: DateMention;
  /** when the attack was found ("discovered on Nov. 23"): its date when nothing closer is known */
  found?: DateMention;
  victims: Mention[];
  /** the company the sentence says was hit ("the attack on Norsk Hydro") */
  victimOrg?: Mention;
}

interface AttackTerms {
  strong: string[];
  weak: string[];
  cyber_words: string[];
  not_cyber: string[];
}
const terms = loadData<AttackTerms>("lexicon/attack-terms.json");
const operations = loadData<{ names: string[] }>("lexicon/operations.json").names;
const STRONG = CUES.add(new RegExp(`\\b(?:${terms.strong.join("|")})\\b`, "gi"));
const WEAK = CUES.add(new RegExp(`\\b(?:${terms.weak.join("|")})\\b`, "gi"));
// cyber words may sit inside longer words ("cyberspace"): not a cue the word index can hold
// "SamSam ransomware shut down city services": a containment verb whose subject is the attack word tells what
// the attack did, not a measure taken against it
const CONTAINMENT_WORDS = new RegExp(`^(?:${(responseCues.containment as string[]).join("|")})$`, "i");
const SUBJECT_GAP = /^\s+(?:(?:that|which|had|has|have|also|then|quickly|effectively)\s+)*$/i;
const CYBER = new RegExp(`(?:${terms.cyber_words.join("|")})`, "i");
const NOT_CYBER_SOURCE = `\\b(?:${terms.not_cyber.join("|")})`;
const NOT_CYBER = new RegExp(NOT_CYBER_SOURCE, "i");
const NOT_CYBER_CUE = CUES.add(new RegExp(NOT_CYBER_SOURCE, "i"));
const OPERATION = CUES.add(
  new RegExp(`\\b(?:${[...operations].sort((a, b) => b.length - a.length).join("|")})\\b`, "g"),
);
// "an attack attributed to the group shut down check-ins": an attack someone is blamed for or owns up to
const ASCRIBED_AFTER =
  /^\s+(?:(?:later|since|also|widely)\s+)?(?:attributed to|blamed on|claimed by|linked to|pinned on)\b/i;
const DEFINITE = /(?:\b(?:the|this|that|these|those|its|same)|['’]s)\s+(?:[\w-]+\s+){0,2}$/i;
const INDEFINITE = /\b(?:a|an)\s+(?:[\w-]+\s+)?$/i;
const ORDINAL =
  /\b(second|another|new|latest|fresh|first|earlier|previous|prior|similar)\s+(?:[\w-]+\s+){0,2}$/i;
// "China opposes all forms of hacking", "any kind of cyberattack": attacks in general, not one that happened
const GENERIC =
  /\b(?:(?:all|any|every) (?:forms?|kinds?|types?|sorts?) of|(?:opposes?|opposed|opposing|combats?|condemns?) (?:all |any )?)\s*(?:[\w-]+\s+)?$/i;
const CAME_TO_LIGHT =
  /^\s+(?:first\s+)?(?:came to light|became public|(?:was|were)\s+(?:first\s+)?(?:discovered|detected|disclosed|found|revealed|made public|spotted|noticed))\s+(?:on|in|at the end of|late|early)?\s*$/i;
const DATA_AGE =
  /\b(?:data|records|files|applications|information|documents|accounts)\b[^.;]{0,60}?\b(?:from|dating (?:back )?(?:to|from)|between)\s+(?:early\s+|late\s+|mid-?\s*)?$/i;
const GROUP_BEGAN =
  /\b(?:appeared|emerged|surfaced|was (?:founded|formed|created|set up|launched)|first (?:appeared|seen|spotted|surfaced|emerged)|(?:has|have) been (?:active|operating) since|active since)\s+(?:in\s+|since\s+|around\s+|about\s+)?(?:late\s+|early\s+|mid-?\s*)?$/i;
const RESPONDED_TO =
  /\b(?:respond(?:ed|s|ing)?|react(?:ed|s|ing)?)\s+to\s+(?:the|those|these|this|that|its|their)?\s*(?:[\w-]+\s+)?$/i;
const ADJECTIVE_BEFORE = /\b(?:a|an|the|highly|very|more|less|most)\s+$/i;
const FOUND = /^(?:detected|discovered|noticed|disclosed|revealed|made public)$/i;
const FLAW = /\b(?:vulnerabilit(?:y|ies)|flaws?|bugs?|weakness(?:es)?|patch(?:es)?|loophole)\b/i;
const OBJECT_GAP = /^\s+(?:the|an?|its|this|that)\s+(?:[\w-]+\s+)?$/i;
const APPOSITION = /,\s+(?:the|a|an)\s+[^,;]*?\b(?:that|which|who)\b[^,;]*,/g;
const CLAUSE_BARRIER = /,\s+(?:following|after|amid|as|while)\b|\b(?:saying|adding|citing|that)\b/i;
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

/** what stands between the two ends of a range of dates */
const RANGE_GAP = /^\s*(?:to|until|till|through|-|–)\s*$/i;

// "between late on Aug. 21 and the evening of Sept. 5": times of day around either end
const DAY_PART = String.raw`(?:(?:early|late)\s+(?:on\s+)?)?(?:(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s+)?(?:on\s+)?`;
const RANGE_AND = new RegExp(String.raw`^\s*and\s+${DAY_PART}$`, "i");
const RANGE_BETWEEN = new RegExp(String.raw`\bbetween\s+${DAY_PART}$`, "i");

/** "from 2011 to 2018", "between June 27 and July 4, 2018": `d` closes a range that `e` opens */
function rangeEnd(text: string, e: DateMention, d: DateMention): boolean {
  const gap = text.slice(e.end, d.start);
  return (
    RANGE_GAP.test(gap) ||
    (RANGE_AND.test(gap) && RANGE_BETWEEN.test(text.slice(Math.max(0, e.start - 40), e.start)))
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
    // "a targeted and sophisticated operation": the adjective, not the verb
    if (ADJECTIVE_BEFORE.test(around) && /^targeted$/i.test(m[0])) continue;
    cyber ??= CYBER.test(s.text) && !NOT_CYBER_CUE.test(hits);
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
  if (!found.length) return [];
  found.sort((x, y) => x.start - y.start);
  for (const m of OPERATION.matchAll(hits)) {
    const pos = s.start + m.index;
    const nearest = closest(found, pos);
    // a name names the attack word it stands beside ("the Stuxnet virus", "the worm, dubbed NotPetya"), but not
    // the people who did it ("hackers over the Kyiv blackout, NotPetya" lists two attacks)
    if (
      nearest &&
      Math.min(Math.abs(pos - nearest.end), Math.abs(nearest.start - pos - m[0].length)) <= 40 &&
      !AGENT_WORD.test(a.text.slice(nearest.start, nearest.end))
    )
      nearest.name = m[0];
  }
  return found;
}

/** True when the act at [p, e) is a containment verb whose subject is one of the attack words. */
function attackDid(text: string, found: readonly IncidentMention[], p: number, e: number): boolean {
  return (
    CONTAINMENT_WORDS.test(text.slice(p, e)) &&
    found.some((f) => f.end <= p && SUBJECT_GAP.test(text.slice(f.end, p)))
  );
}

/** The attack words of a sentence (from `attackWords`), each given its date and victims as the sentence words them. */
export function datedAttacks(a: Analysis, index: number, found: IncidentMention[]): IncidentMention[] {
  const s = a.sentences[index];
  if (!s || !found.length) return found;
  // each event date goes to the attack word nearest to it, unless a statement or a response is nearer
  // ("claimed responsibility for the attack … on Sunday", "the decision on Wednesday to cut ties")
  const dates = a.datesIn(index);
  // the acts are read when a date first needs them: most dates are passed by before
  let acts: Array<[number, number]> | undefined;

  // "Last year the LockBit ransomware gang, which said it had hacked Zaun, …": the date is the act's, not
  // the attackers' word's, when the sentence tells an act
  const acting = found.filter((f) => !namesAttackers(a, f));
  const siblings: IncidentMention[] = [];
  for (const d of dates) {
    if (d.statement || /\buntil\s+$/i.test(a.text.slice(Math.max(s.start, d.start - 8), d.start))) continue;
    // "Medusa, which appeared in 2021, runs a leak site": when a group began, not when it attacked
    if (GROUP_BEGAN.test(a.text.slice(Math.max(s.start, d.start - 40), d.start))) continue;
    // "a campaign that ran from 2011 to 2018": the attack dates from where the range starts
    if (dates.some((e) => e.end <= d.start && rangeEnd(a.text, e, d))) continue;
    let nearest = closest(acting.length ? acting : found, d.start);
    if (!nearest) continue;
    // "the theft … in February 2016 and the WannaCry outbreak of May 2017": a date closes its own conjunct
    if (nearest.start >= d.end && CONJUNCT.test(a.text.slice(d.end, nearest.start))) {
      const prev = lastBefore(found, d.start);
      if (prev && !CONJUNCT.test(withoutDateLists(a.text, prev.end, d.start, dates))) nearest = prev;
    }
    const dist = d.end <= nearest.start ? nearest.start - d.end : distance(nearest, d.start);
    acts ??= actsOf(a, index, found);
    // "claimed responsibility on Wednesday for breaking into …": a date right after an act is the act's
    const act = acts.find(
      ([p, e]) => p < d.start && (d.start - p < dist || (e <= d.start && d.start - e <= 4)),
    );
    if (dist > 3 && act) {
      // "got in through a flaw in VPN software that was disclosed in December": the flaw's disclosure
      if (
        act[0] > nearest.end &&
        FOUND.test(a.text.slice(act[0], act[1])) &&
        !FLAW.test(a.text.slice(nearest.end, act[0]))
      )
        nearest.found ??= d;
      continue;
    }
    // "In September, Optus disclosed that details … had been stolen": the date of the disclosure before it
    const disclosed = acts.find(
      ([p, e]) => p >= d.end && e <= nearest.start && FOUND.test(a.text.slice(p, e)) && p - d.end <= 60,
    );
    if (disclosed) {
      nearest.found ??= d;
      continue;
    }
    // "first disclosed the intrusion on July 24": after an act's object, the date is the act's
    const actOn = acts.find(([, e]) => e <= nearest.start && OBJECT_GAP.test(a.text.slice(e, nearest.start)));
    if (actOn && d.start >= nearest.end && DATE_RIGHT_AFTER.test(a.text.slice(nearest.end, d.start))) {
      if (FOUND.test(a.text.slice(actOn[0], actOn[1]))) nearest.found ??= d;
      continue;
    }
    // "… accused the US on Thursday, following reports that hackers …": a clause stands between them; the date
    // is then the attack's told before it, if one is ("compromised … on May 11 in an operation that targeted …")
    if (
      d.end <= nearest.start &&
      // "On Jan. 2, the websites of Impresa, the media group that owns …, went offline": an apposition set off
      // by commas inside the subject is no clause of its own
      CLAUSE_BARRIER.test(a.text.slice(d.end, nearest.start).replace(APPOSITION, ","))
    ) {
      const prev = lastBefore(found, d.start);
      if (!prev || prev.date || CLAUSE_BARRIER.test(a.text.slice(prev.end, d.start))) continue;
      prev.date = d;
      continue;
    }
    // "The breach came to light on July 29": when it was found, not when it happened
    if (d.start >= nearest.end && CAME_TO_LIGHT.test(a.text.slice(nearest.end, d.start))) {
      nearest.found ??= d;
      continue;
    }
    // "the stolen data came mostly from applications from 2005 to early 2019": how old the data is
    if (d.start >= nearest.end && DATA_AGE.test(a.text.slice(nearest.end, d.start))) continue;
    // "Parliament responded to those attacks in November": the date of the response
    if (
      d.start >= nearest.end &&
      RESPONDED_TO.test(a.text.slice(Math.max(s.start, nearest.start - 40), nearest.start))
    )
      continue;
    // "… an image of a boy whose body washed up in 2015": a clause about a person dates the person, not the attack
    if (d.start >= nearest.end && /\b(?:whose|who)\b/i.test(a.text.slice(nearest.end, d.start))) continue;
    // "attacks on Ukraine's grid in December 2015 and December 2016": one attack a year listed
    const listed = nearest.date;
    if (
      listed &&
      listed.end <= d.start &&
      listed.date.precision !== "day" &&
      d.date.precision !== "day" &&
      listed.date.value.slice(0, 4) !== d.date.value.slice(0, 4) &&
      DATE_LIST_GAP.test(a.text.slice(listed.end, d.start))
    ) {
      siblings.push({ ...nearest, date: d });
      continue;
    }
    if (!nearest.date || Math.abs(nearest.date.start - nearest.start) > Math.abs(d.start - nearest.start))
      nearest.date = d;
  }
  found.push(...siblings);
  // statement dates are kept for incidents that have no other clue
  for (const m of found) {
    m.victims = victimsFor(a, index, m);
    m.victimOrg = victimOrg(a, index, m);
  }
  // "hackers broke into the insurer Medibank": the attackers' word goes with the act right after it
  for (let i = 0; i < found.length; i++) {
    const m = found[i] as IncidentMention;
    const next = found[i + 1];
    if (
      !m.victimOrg &&
      next?.victimOrg &&
      next.start - m.end <= 3 &&
      AGENT_WORD.test(a.text.slice(m.start, m.end))
    )
      m.victimOrg = next.victimOrg;
  }
  // "Maze ransomware published files stolen from Allied Universal": one company hit in the sentence is what each
  // of its words for the attack speaks of
  const org = onlyOrg(found);
  if (org) for (const m of found) m.victimOrg ??= org;
  return found;
}

/** The one company the mentions say was hit, if they name exactly one (and undefined if none or several). */
function onlyOrg(found: readonly IncidentMention[]): Mention | undefined {
  let org: Mention | undefined;
  for (const m of found) {
    if (!m.victimOrg || m.victimOrg === org) continue;
    if (org) return undefined;
    org = m.victimOrg;
  }
  return org;
}

/** The sentence's acts (statements, claims, responses) as text offsets, but for a containment the attack did. */
function actsOf(a: Analysis, index: number, found: readonly IncidentMention[]): Array<[number, number]> {
  const s = a.sentences[index] as Sentence;
  const acts: Array<[number, number]> = [];
  for (const [x, y] of actSpans(a.cues[index] as CueHits)) {
    const p = s.start + x;
    const e = s.start + y;
    if (!attackDid(a.text, found, p, e)) acts.push([p, e]);
  }
  return acts;
}

/** "hackers", "the LockBit ransomware gang": words for the attackers, not for what they did */
export function namesAttackers(a: Analysis, f: IncidentMention): boolean {
  return AGENT_WORD.test(a.text.slice(f.start, f.end)) || AGENT_PHRASE.test(a.text.slice(f.end, f.end + 12));
}

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
  if (strong && AGENT_PHRASE.test(a.text.slice(end, end + 12)) && /^hack/i.test(a.text.slice(start, end)))
    return;
  // "the Lazarus Group, a hacking operation that …": a group described, not an attack
  if (
    /^hacking$/i.test(a.text.slice(start, end)) &&
    /^\s+operation\b/i.test(a.text.slice(end, end + 12)) &&
    APPOSED_TO_GROUP.test(a.text.slice(Math.max(s.start, start - 20), start)) &&
    (a.bySentence[s.index] ?? []).some((m) => m.form === "group" && m.end <= start && start - m.end <= 12)
  )
    return;
  const before = a.text.slice(Math.max(s.start, start - 30), start);
  if (/ of |oppos|combat|condemn/i.test(before) && GENERIC.test(before)) return;
  const ord = ORDINAL.exec(before)?.[1]?.toLowerCase();
  const ordinal =
    ord === "second" || ord === "another"
      ? "second"
      : ord === "first"
        ? "first"
        : ord === "earlier" || ord === "previous" || ord === "prior" || ord === "similar"
          ? "earlier"
          : ord
            ? "new"
            : undefined;
  found.push({
    start,
    end,
    sentence: s.index,
    strong,
    definite: DEFINITE.test(before) && !familyNamed(a, s, start, end),
    indefinite: INDEFINITE.test(before),
    ordinal,
    name: undefined,
    date: undefined,
    found: undefined,
    victims: [],
    victimOrg: undefined,
  });
}

const FAMILY_WORD = /^(?:ransomware|malware|wipers?|spyware|botnet)$/i;
const FAMILY_BEFORE = /^\s*$/;

/** "the operators of the Maze ransomware": a gang's malware named by its family, not an attack spoken of before */
function familyNamed(a: Analysis, s: Sentence, start: number, end: number): boolean {
  if (!FAMILY_WORD.test(a.text.slice(start, end))) return false;
  return (a.bySentence[s.index] ?? []).some(
    (m) => m.form === "group" && m.end <= start && FAMILY_BEFORE.test(a.text.slice(m.end, start)),
  );
}

function distance(m: IncidentMention, pos: number): number {
  return pos >= m.end ? pos - m.end : Math.max(0, m.start - pos);
}

/** what may stand between a word and the date that follows it: "the breach last August", "the hack in May" */
const DATE_RIGHT_AFTER = /^[\s,]*(?:(?:in|on|last|this|early|late|mid|at the end of)\s+)?$/i;
/** where one of several coordinated phrases ends and the next begins */
const CONJUNCT = /[,;]|\band\b/;

/**
 * The text between two places with every date that stands in it blanked, and the "and" or comma after it:
 * "in December 2015 and December 2016" is one phrase of time, not two conjuncts.
 */
function withoutDateLists(text: string, from: number, to: number, dates: readonly DateMention[]): string {
  let out = "";
  let at = from;
  for (const e of dates) {
    if (e.start < at || e.end > to) continue;
    const joined = DATE_JOIN.exec(text.slice(e.end, to));
    out += text.slice(at, e.start);
    at = e.end + (joined ? joined[0].length : 0);
  }
  return out + text.slice(at, to);
}

const DATE_LIST_GAP = /^\s*(?:,|and|or|, and)\s*(?:in\s+)?$/;
const DATE_JOIN = /^\s*(?:,|\band\b|\bor\b)\s*/;

/** The mention that ends last at or before `pos`. */
function lastBefore(list: IncidentMention[], pos: number): IncidentMention | undefined {
  let best: IncidentMention | undefined;
  for (const m of list) if (m.end <= pos && (!best || m.end > best.end)) best = m;
  return best;
}

function closest(list: IncidentMention[], pos: number): IncidentMention | undefined {
  let best: IncidentMention | undefined;
  for (const m of list) {
    const dist = pos >= m.end ? pos - m.end : m.start - pos;
    const bestDist = best ? (pos >= best.end ? pos - best.end : best.start - pos) : Number.POSITIVE_INFINITY;
    if (dist < bestDist) best = m;
  }
  return best;
}
