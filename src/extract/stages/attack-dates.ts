/**
 * The attack words of a sentence given their dates and victims: each date the sentence tells goes to the attack
 * word it belongs to, unless it is the date of a statement, a finding or a response, and each word takes the
 * victims the sentence names around it.
 */
import type { CueHits, CueReader } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import { closest, type IncidentMention } from "./attack-mentions.ts";
import type { Analysis } from "./context.ts";
import { actReader, responseCues } from "./cues.ts";
import type { DateMention } from "./dates.ts";
import type { Mention } from "./mentions.ts";
import { victimOrg } from "./org-struck.ts";
import { type StateNotes, victimsFor } from "./victims.ts";

// "SamSam ransomware shut down city services", "an attack that took down the ministry's websites": a containment
// or takedown verb whose subject is the attack word tells what the attack did, not a measure taken against it
const CONTAINMENT_OR_TAKEDOWN = new RegExp(
  `^(?:${[...(responseCues.containment as string[]), ...(responseCues.takedown as string[])].join("|")})$`,
  "i",
);
const SUBJECT_GAP = /^\s+(?:(?:that|which|had|has|have|also|then|quickly|effectively)\s+)*$/i;

const CAME_TO_LIGHT =
  /^\s+(?:first\s+)?(?:came to light|became public|(?:was|were)\s+(?:first\s+)?(?:discovered|detected|disclosed|found|revealed|made public|spotted|noticed))\s+(?:on|in|at the end of|late|early)?\s*$/i;
const DATA_AGE =
  /\b(?:data|records|files|applications|information|documents|accounts)\b[^.;]{0,60}?\b(?:from|dating (?:back )?(?:to|from)|between)\s+(?:early\s+|late\s+|mid-?\s*)?$/i;
const GROUP_BEGAN =
  /\b(?:appeared|emerged|surfaced|was (?:founded|formed|created|set up|launched)|first (?:appeared|seen|spotted|surfaced|emerged)|(?:has|have) been (?:active|operating) since|active since)\s+(?:in\s+|since\s+|around\s+|about\s+)?(?:late\s+|early\s+|mid-?\s*)?$/i;
const RESPONDED_TO =
  /\b(?:respond(?:ed|s|ing)?|react(?:ed|s|ing)?)\s+to\s+(?:the|those|these|this|that|its|their)?\s*(?:[\w-]+\s+)?$/i;

const FOUND = /^(?:detected|discovered|noticed|disclosed|revealed|made public)$/i;
const FLAW = /\b(?:vulnerabilit(?:y|ies)|flaws?|bugs?|weakness(?:es)?|patch(?:es)?|loophole)\b/i;
const OBJECT_GAP = /^\s+(?:the|an?|its|this|that)\s+(?:[\w-]+\s+)?$/i;
const APPOSITION = /,\s+(?:the|a|an)\s+[^,;]*?\b(?:that|which|who)\b[^,;]*,/g;
const CLAUSE_BARRIER = /,\s+(?:following|after|amid|as|while)\b|\b(?:saying|adding|citing|that)\b/i;

const COMES_AMID =
  /^\s+(?:comes?|came|coming)\s+(?:at\s+an?\s+(?:[\w-]+\s+)?(?:time|moment|juncture|point)\b|as\b|amid\b)/i;
const UNTIL_BEFORE = /\buntil\s+$/i;
const PERSON_CLAUSE = /\b(?:whose|who)\b/i;

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

/** The words for what was done, unless all of them name the attackers (then []): the list itself if none does. */
function withoutAttackers(found: IncidentMention[]): IncidentMention[] {
  for (const f of found) if (f.attackers) return found.filter((g) => !g.attackers);
  return found;
}

/** "from 2011 to 2018": whether `d` closes a range that another of the sentence's dates opens */
function closesRange(text: string, dates: readonly DateMention[], d: DateMention): boolean {
  for (const e of dates) if (e.end <= d.start && rangeEnd(text, e, d)) return true;
  return false;
}

// The acts a date may belong to instead of an attack word. (Loops, not closures: datedAttacks asks for each
// date, and a closure over the date would be allocated for every one.)

/** The first act begun before `at` and nearer to it than `dist`, or ending at most four characters before it. */
export function actBefore(
  acts: ReadonlyArray<[number, number]>,
  at: number,
  dist: number,
): [number, number] | undefined {
  for (const act of acts)
    if (act[0] < at && (at - act[0] < dist || (act[1] <= at && at - act[1] <= 4))) return act;
  return undefined;
}

/** The first finding ("disclosed") in [from, to), beginning at most 60 characters after `from`. */
export function disclosureBetween(
  text: string,
  acts: ReadonlyArray<[number, number]>,
  from: number,
  to: number,
): [number, number] | undefined {
  for (const act of acts)
    if (act[0] >= from && act[1] <= to && FOUND.test(text.slice(act[0], act[1])) && act[0] - from <= 60)
      return act;
  return undefined;
}

/** The first act whose object is the word at `at`: "disclosed the intrusion". */
export function actBeforeObject(
  text: string,
  acts: ReadonlyArray<[number, number]>,
  at: number,
): [number, number] | undefined {
  for (const act of acts) if (act[1] <= at && OBJECT_GAP.test(text.slice(act[1], at))) return act;
  return undefined;
}

/** True when the act at [p, e) is a containment or takedown verb whose subject is one of the attack words. */
function attackDid(text: string, found: readonly IncidentMention[], p: number, e: number): boolean {
  return (
    CONTAINMENT_OR_TAKEDOWN.test(text.slice(p, e)) &&
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
  // the acts are read when a date first needs them (most dates are passed by before), and only as far as it does
  let acts: SentenceActs | undefined;

  // "Last year the LockBit ransomware gang, which said it had hacked Zaun, …": the date is the act's, not
  // the attackers' word's, when the sentence tells an act
  const acting = withoutAttackers(found);
  let siblings: IncidentMention[] | undefined;
  for (const d of dates) {
    if (d.statement || UNTIL_BEFORE.test(a.text.slice(Math.max(s.start, d.start - 8), d.start))) continue;
    // "Medusa, which appeared in 2021, runs a leak site": when a group began, not when it attacked
    if (GROUP_BEGAN.test(a.text.slice(Math.max(s.start, d.start - 40), d.start))) continue;
    // "a campaign that ran from 2011 to 2018": the attack dates from where the range starts
    if (closesRange(a.text, dates, d)) continue;
    let nearest = closest(acting.length ? acting : found, d.start);
    if (!nearest) continue;
    // "the theft … in February 2016 and the WannaCry outbreak of May 2017": a date closes its own conjunct
    if (nearest.start >= d.end && CONJUNCT.test(a.text.slice(d.end, nearest.start))) {
      const prev = lastBefore(found, d.start);
      if (prev && !CONJUNCT.test(withoutDateLists(a.text, prev.end, d.start, dates))) nearest = prev;
    }
    const dist = d.end <= nearest.start ? nearest.start - d.end : distance(nearest, d.start);
    acts ??= new SentenceActs(a, index, found);
    // every act read below begins before the date or its attack word
    const known = acts.before(Math.max(d.start, nearest.start));
    // "claimed responsibility on Wednesday for breaking into …": a date right after an act is the act's
    const act = actBefore(known, d.start, dist);
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
    const disclosed = disclosureBetween(a.text, known, d.end, nearest.start);
    if (disclosed) {
      nearest.found ??= d;
      continue;
    }
    // "first disclosed the intrusion on July 24": after an act's object, the date is the act's
    const actOn = actBeforeObject(a.text, known, nearest.start);
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
    // "The incident comes at a sensitive moment for the bank, which defaulted … in November 2020": what the attack
    // comes amid is dated, not the attack
    if (d.start >= nearest.end && COMES_AMID.test(a.text.slice(nearest.end, d.start))) continue;
    // "… an image of a boy whose body washed up in 2015": a clause about a person dates the person, not the attack
    if (d.start >= nearest.end && PERSON_CLAUSE.test(a.text.slice(nearest.end, d.start))) continue;
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
      siblings ??= [];
      siblings.push({ ...nearest, date: d });
      continue;
    }
    if (!nearest.date || Math.abs(nearest.date.start - nearest.start) > Math.abs(d.start - nearest.start))
      nearest.date = d;
  }
  if (siblings) found.push(...siblings);
  // statement dates are kept for incidents that have no other clue
  const notes: StateNotes | undefined = found.length > 1 ? [] : undefined;
  for (const m of found) {
    m.victims = victimsFor(a, index, m, notes);
    m.victimOrg = victimOrg(a, index, m);
  }
  // "hackers broke into the insurer Medibank": the attackers' word goes with the act right after it
  for (let i = 0; i < found.length; i++) {
    const m = found[i] as IncidentMention;
    const next = found[i + 1];
    if (!m.victimOrg && next?.victimOrg && next.start - m.end <= 3 && m.agent) m.victimOrg = next.victimOrg;
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

/**
 * The sentence's acts (statements, claims, responses) as text offsets, but for a containment the attack did, read
 * only as far as a date asks: `before(limit)` holds, in order, every one begun before `limit` (and maybe more).
 */
class SentenceActs {
  private readonly reader: CueReader;
  private readonly start: number;
  private readonly acts: Array<[number, number]> = [];
  /** how many of the reader's matches were looked at */
  private seen = 0;

  constructor(
    private readonly a: Analysis,
    index: number,
    private readonly found: readonly IncidentMention[],
  ) {
    this.reader = actReader(a.cues[index] as CueHits);
    this.start = (a.sentences[index] as Sentence).start;
  }

  before(limit: number): ReadonlyArray<[number, number]> {
    const matches = this.reader.matches;
    this.reader.readTo(limit - this.start);
    for (; this.seen < matches.length; this.seen++) {
      const m = matches[this.seen] as RegExpExecArray;
      const p = this.start + m.index;
      const e = p + m[0].length;
      if (!attackDid(this.a.text, this.found, p, e)) this.acts.push([p, e]);
    }
    return this.acts;
  }
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
