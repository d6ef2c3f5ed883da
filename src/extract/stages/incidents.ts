import type { FuzzyDate } from "../../model/index.ts";
import { datesCompatible, fuzzyDate } from "../../model/index.ts";
import type { CueHits } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import { datedAttacks } from "./attack-dates.ts";
import { attackWords, type IncidentMention } from "./attack-mentions.ts";
import { type Analysis, opensParagraph } from "./context.ts";
import { ANY_RESPONSE, CUES, RESPONSE_CUES } from "./cues.ts";
import { daysApart, type IncidentDraft, orgKey, placeMention, yearsAfter } from "./incident-placement.ts";
import { typesIn } from "./incident-types.ts";
import { dateAfter, intervalBefore, laterPhrases, monthBefore } from "./later-dates.ts";
import { systemsNear } from "./systems.ts";
import { namedAsAgent } from "./victims.ts";

export type { IncidentDraft } from "./incident-placement.ts";

/**
 * Finds the attack mentions of a document and groups them into distinct incidents. `words` are the attack words
 * of each sentence (`attackWords`), when they were read beforehand.
 */
export function findIncidents(
  a: Analysis,
  words: readonly IncidentMention[][] = a.sentences.map((s) => attackWords(a, s.index)),
  published?: FuzzyDate,
): IncidentDraft[] {
  const drafts: IncidentDraft[] = [];
  let current: IncidentDraft | undefined;
  // the date of the event told last: "the following month" counts from it
  let lastDate: FuzzyDate | undefined;
  let leadRead = false;
  for (const s of a.sentences) {
    const mentions = datedAttacks(a, s.index, words[s.index] ?? []);
    if (!mentions.length) continue;
    // once the opening is read, an undated story of an attack is told as of its publication: an older attack
    // told later with a date of its own ("In May, an attack by another gang …") is another one
    if (!leadRead && s.index >= 3) {
      leadRead = true;
      const main = drafts[0];
      if (main && !main.date && !main.statementDate && !main.foundDate)
        main.statementDate = newsMonth(a, main, published);
    }
    if (LATER_WORD.test(a.cues[s.index] as CueHits)) dateLaterMentions(a, s, mentions, lastDate);
    dateThatAttack(a, s, mentions, words[s.index - 1]);
    dateByInterval(a, s, mentions, published);
    if (current) dateByTelling(a, s, mentions, current);
    // a paragraph that opens on "the attack", after one about an older attack, is back on the story's own
    const background = current !== drafts[0] && olderThanMain(drafts, current);
    const back = background && opensParagraph(a, s.index);
    // "The JBS attack came three weeks after a ransomware attack on Colonial Pipeline on May 7": beside an
    // incident the sentence names definitely, an indefinite attack with a date of its own is another one
    let definiteHere: IncidentDraft | undefined;
    // a sentence's words for what was done are placed before its words for who did it ("the gang, which said it
    // had hacked Zaun last year"): the attackers then follow the incident their act chose
    for (const m of actsFirst(mentions)) {
      let target =
        background && !m.date && !m.name && !m.ordinal && (back || !m.definite)
          ? drafts[0]
          : placeMention(drafts, current, m, !!m.date && m.date.start - s.start <= 3, published);
      if (target && target === definiteHere && !m.definite && m.date && (!m.name || target.name !== m.name)) {
        const date = m.date.date;
        const other = drafts.find((d) => d !== target && d.date && datesCompatible(d.date, date));
        // "The Stoat worm, which locked up computers in May 2017, …": an incident this sentence opened, undated,
        // takes the date of the act it names
        const openedHere = !target.date && target.mentions.every((x) => x.sentence === s.index);
        target = other ?? (openedHere || target.date?.value === date.value ? target : undefined);
      }
      lastDate = m.date?.date ?? m.found?.date ?? lastDate;
      if (target) {
        absorb(a, target, m);
        current = target;
        if (namesIncident(m)) definiteHere = target;
      } else if (m.strong || m.date || m.name || (m.victimOrg && !m.definite) || drafts.length === 0) {
        // every field present from the start, in one order: drafts of one shape keep the stages' reads fast
        const d: IncidentDraft = {
          key: drafts.length,
          name: undefined,
          date: undefined,
          statementDate: undefined,
          foundDate: undefined,
          victims: [],
          victimCountries: new Set(),
          victimOrgs: new Set(),
          types: new Set(),
          systems: [],
          mentions: [],
          campaign: undefined,
          focusVictim: false,
        };
        drafts.push(d);
        absorb(a, d, m);
        current = d;
        if (namesIncident(m)) definiteHere = d;
      }
    }
  }
  for (const d of drafts) finish(a, d, drafts[0]);
  datedAsNews(a, drafts[0], published);
  return drafts.filter((d) => d.mentions.some((m) => m.strong) || d.name || d.date || d.victimCountries.size);
}

/**
 * A story that opens on an attack it never dates, with no measure taken in its first sentences ("Hackers knocked
 * the utility's website offline", not "Prosecutors charged two men over …"), is news of that attack: it happened
 * in the month the story was published.
 */
function datedAsNews(a: Analysis, main: IncidentDraft | undefined, published: FuzzyDate | undefined): void {
  if (main && !main.date) main.date = newsMonth(a, main, published);
}

/** The month of publication, when the story opens on the attack `main` and not on a measure taken over it. */
function newsMonth(
  a: Analysis,
  main: IncidentDraft,
  published: FuzzyDate | undefined,
): FuzzyDate | undefined {
  const first = main.mentions[0];
  if (!first || !published || !main.mentions.some((m) => m.strong)) return undefined;
  for (const s of a.sentences.slice(0, 3))
    for (const [, cue] of RESPONSE_CUES)
      for (const hit of cue.matchAll(a.cues[s.index] as CueHits))
        if (s.start + hit.index < first.start) return undefined;
  return fuzzyDate(Number(published.value.slice(0, 4)), Number(published.value.slice(5, 7)));
}

/** The mentions with the words for what was done first, then those for who did it, each in their order. */
function actsFirst(mentions: IncidentMention[]): IncidentMention[] {
  let agents = 0;
  for (const m of mentions) if (m.attackers) agents++;
  return agents && agents < mentions.length
    ? [...mentions.filter((m) => !m.attackers), ...mentions.filter((m) => m.attackers)]
    : mentions;
}

// the words a phrase of later time needs, read with the sentence's other cue words: the phrase pattern is tried
// at every word, so only sentences holding one of them are scanned with it
const LATER_WORD = CUES.add(/\b(?:later|following|next)\b/i);

/** "The following month, hackers broke into …": an undated attack after the phrase takes its date. */
function dateLaterMentions(
  a: Analysis,
  s: Sentence,
  mentions: IncidentMention[],
  from: FuzzyDate | undefined,
): void {
  for (const phrase of laterPhrases(s.text)) {
    const at = s.start + phrase.index;
    // "in September last year, and the following month …": the event told just before, in this sentence
    let base = from;
    for (const d of a.datesIn(s.index)) if (!d.statement && d.end <= at) base = d.date;
    const date = base && dateAfter(base, phrase);
    if (!date) continue;
    // "attributed that theft to Lazarus the following month, … used by the hackers": the phrase dates an act,
    // never the words for those who did it
    for (const m of mentions)
      if (
        !m.date &&
        !m.agent &&
        m.start >= at + phrase.text.length &&
        m.start - at <= 80 &&
        !SEMICOLON.test(a.text.slice(at, m.start))
      )
        m.date = { start: at, end: at + phrase.text.length, sentence: s.index, date, statement: false };
  }
}

const SEMICOLON = /;/;

/**
 * "Police have arrested a teenager, days after intrusions at Uber": an undated attack counted back from the time
 * of its sentence, a day told before the phrase or, in the story's opening paragraph, the day it was published.
 */
function dateByInterval(
  a: Analysis,
  s: Sentence,
  mentions: IncidentMention[],
  published: FuzzyDate | undefined,
): void {
  for (const m of mentions) {
    const from = Math.max(s.start, m.start - 80);
    // the phrase ends "after …": most attack words have no "after" before them, and the pattern is not tried
    const before = a.text.slice(from, m.start);
    if (!before.includes("after")) continue;
    const phrase = intervalBefore(before);
    if (!phrase) continue;
    const at = from + phrase.index;
    // a date before the phrase is the sentence's own time, which the phrase counts back from
    if (m.date && m.date.end > at) continue;
    let told: FuzzyDate | undefined;
    for (const d of a.datesIn(s.index)) if (d.end <= at) told = d.date;
    // (counted from publication only over a month at most: "three months after" in a headline is a story's frame)
    const ref = told ?? (s.paragraph <= 1 && phrase.days <= 31 ? published : undefined);
    if (ref?.precision !== "day") continue;
    const date = monthBefore(ref, phrase.days, phrase.text);
    m.date = { start: at, end: at + phrase.text.length, sentence: s.index, date, statement: false };
  }
}

// "carried out that attack", "behind that breach": the demonstrative after a verb of doing or a preposition, never
// the "that" of reported speech ("said that the attacks …")
const THAT_BEFORE =
  /\b(?:out|behind|for|in|of|on|after|to|with|claimed|blamed|conducted|launched|mounted|staged|ordered)\s+(?:that|those)\s+$/i;

/**
 * "In May 2020 computers at a major port malfunctioned for days. Officials said Israel had carried out that
 * attack": "that attack" points back at the event the sentence before told and dated in words of its own.
 */
function dateThatAttack(
  a: Analysis,
  s: Sentence,
  mentions: IncidentMention[],
  before: readonly IncidentMention[] | undefined,
): void {
  if (s.index === 0 || before?.length) return;
  // the previous sentence's dates are parsed only for a mention that points back (and most sentences have
  // none: no list is made for them)
  let pointing: IncidentMention[] | undefined;
  for (const m of mentions)
    if (!m.date && THAT_BEFORE.test(a.text.slice(Math.max(s.start, m.start - 20), m.start))) {
      pointing ??= [];
      pointing.push(m);
    }
  if (!pointing) return;
  // a sentence of measures dates those, not an event
  if (ANY_RESPONSE.test(a.cues[s.index - 1] as CueHits)) return;
  const told = a.datesIn(s.index - 1).filter((d) => !d.statement);
  const date = told[told.length - 1];
  if (date) for (const m of pointing) m.date = date;
}

/**
 * "In April it said it had stolen data from Quanta": an attack told with no date but that of its telling, a
 * month or more away from the incident under discussion, is another one, and the telling is all the article
 * says of when it was.
 */
function dateByTelling(a: Analysis, s: Sentence, mentions: IncidentMention[], current: IncidentDraft): void {
  const ref = current.date ?? current.statementDate;
  if (!ref || ANY_RESPONSE.test(a.cues[s.index] as CueHits)) return;
  const said = a.datesIn(s.index).find((d) => d.statement);
  if (!said || datesCompatible(said.date, ref) || said.date.value.slice(0, 7) === ref.value.slice(0, 7))
    return;
  for (const m of mentions)
    if (
      !m.date &&
      !m.found &&
      !m.definite &&
      m.start > said.end &&
      TOLD.test(a.text.slice(said.end, m.start))
    )
      m.date = said;
}

// a verb of telling between the date and the attack: "In April it said it had …", "reported in May that hackers …"
const TOLD =
  /\b(?:said|says|told|reported|warned|disclosed|announced|confirmed|revealed|claimed|admitted|acknowledged)\b/i;

/** "the JBS attack", not "the hackers" nor "a report that hackers …": a definite name of an attack itself. */
function namesIncident(m: IncidentMention): boolean {
  return m.definite && !m.agent;
}

/** True when the incident under discussion is dated before the story's first one: a background incident. */
function olderThanMain(drafts: readonly IncidentDraft[], current: IncidentDraft | undefined): boolean {
  const main = drafts[0];
  // the story's own attack may be dated only by when it was found or spoken of, until the end
  const mainDate = main?.date ?? main?.foundDate ?? main?.statementDate;
  if (!mainDate || !current?.date) return false;
  const [m, c] = [mainDate, current.date];
  return c.value < m.value && !datesCompatible(c, m) && daysApart(c, m) > 3;
}

const PLURAL = /s$/i;
const VICTIM_OF_BEFORE = /\b(?:victims?|targets?) of\s+(?:[\w-]+\s+)?$/i;

// "said China was itself a major victim of hacking", "Iran had itself been the target of cyberattacks"
const ITSELF_VICTIM = /\bitself\s+(?:been\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:victims?|targets?)\s+of\b/i;

/**
 * The state a sentence says is "itself a victim" of hacking (the state named last before "itself"), if one: it
 * speaks of attacks in general, most often in denying one, and is no victim of the incident under discussion.
 */
function selfDeclaredVictim(a: Analysis, sentence: number): string | undefined {
  const s = a.sentences[sentence];
  if (!s?.text.includes("itself")) return undefined;
  const hit = ITSELF_VICTIM.exec(s.text);
  if (!hit) return undefined;
  const at = s.start + hit.index;
  let state: string | undefined;
  for (const x of a.bySentence[sentence] ?? []) if (x.end <= at && x.country) state = x.country;
  return state;
}

function absorb(a: Analysis, d: IncidentDraft, m: IncidentMention): void {
  d.mentions.push(m);
  if (m.name && !d.name) d.name = m.name;
  if (m.victimOrg) d.victimOrgs.add(orgKey(m.victimOrg));
  if (m.date) {
    const date = m.date.date;
    if (!d.date || (datesCompatible(d.date, date) && date.value.length > d.date.value.length)) d.date = date;
    else if (daysApart(d.date, date) <= 3 && date.value < d.date.value) d.date = date; // an attack dates from its start
  }
  if (m.found && (!d.foundDate || m.found.date.value < d.foundDate.value)) d.foundDate = m.found.date;
  // a statement date bounds the attack from above: keep the earliest
  for (const said of a.datesIn(m.sentence))
    if (said.statement && (!d.statementDate || said.date.value < d.statementDate.value))
      d.statementDate = said.date;
  // "China was itself a major victim of cyberattacks": a bare plural, undated and unnamed, speaks of attacks in
  // general and adds no victim to the incident under discussion
  const generic =
    !m.definite &&
    !m.date &&
    !m.name &&
    d.mentions.length > 1 &&
    PLURAL.test(a.text.slice(m.start, m.end)) &&
    VICTIM_OF_BEFORE.test(a.text.slice(Math.max(0, m.start - 40), m.start));
  const claimsVictimhood = selfDeclaredVictim(a, m.sentence);
  for (const v of generic ? [] : m.victims) {
    const c = v.country as string;
    if (d.victimCountries.has(c) || c === claimsVictimhood) continue;
    d.victimCountries.add(c);
    d.victims.push({ kind: "state", country: c });
  }
  const s = a.sentences[m.sentence];
  if (!s) return;
  for (const t of typesIn(a, m.sentence)) d.types.add(t);
  const phrase = systemsNear(a, s, m.start, m.end);
  if (phrase && phrase.length > 3 && !d.systems.includes(phrase)) d.systems.push(phrase);
}

/** Fills gaps from context: a statement date for an undated attack, the story's victim for an unplaced one. */
function finish(a: Analysis, d: IncidentDraft, main: IncidentDraft | undefined): void {
  if (!d.date) d.date = d.foundDate ?? d.statementDate;
  // "broke into the police last year … the breach the police disclosed in September 2024": the finding, when it
  // agrees, says more precisely when
  else if (
    d.foundDate &&
    ((datesCompatible(d.date, d.foundDate) && d.foundDate.value.length > d.date.value.length) ||
      // an attack is found after it began: a date after its finding is one of a later telling
      // (within a year: a finding years before is another attack's, merged in)
      (!datesCompatible(d.date, d.foundDate) &&
        d.foundDate.value < d.date.value &&
        yearsAfter(d.date, d.foundDate) <= 1))
  )
    d.date = d.foundDate;
  if (d.victims.length) return;
  // "an attack … forced Colonial Pipeline to shut down": where the company hit is based, when nothing else says
  const home = d.mentions.find((m) => m.victimOrg?.country)?.victimOrg?.country;
  if (home) {
    d.victims.push({ kind: "state", country: home });
    d.victimCountries.add(home);
    return;
  }
  // a named operation of its own ("the Emotet botnet") is not the story's attack: it inherits nothing
  if (d !== main && d.name && d.name !== main?.name) return;
  // "In June, Lake City, Florida, agreed to pay after an attack on June 10": an older attack told in a sentence
  // of its own takes the one place that sentence names, not the story's victim
  const placed = d !== main ? placeOfOwnSentences(a, d) : undefined;
  const inherited = placed
    ? [placed]
    : d !== main && main?.victims.length
      ? [...main.victimCountries]
      : a.focus
        ? [a.focus]
        : [];
  for (const c of inherited) {
    d.victims.push({ kind: "state", country: c });
    d.victimCountries.add(c);
  }
  if (!placed && inherited.length === 1 && inherited[0] === a.focus) d.focusVictim = true;
}

/** The one state the sentences of an incident name as a place (not as an actor, a speaker or an attacker), if one. */
function placeOfOwnSentences(a: Analysis, d: IncidentDraft): string | undefined {
  let found: string | undefined;
  for (const sentence of new Set(d.mentions.map((m) => m.sentence)))
    for (const m of a.bySentence[sentence] ?? []) {
      if (m.attacker || m.force || !m.country || namedAsAgent(a, m)) continue;
      if (m.form !== "place" && m.form !== "name" && m.form !== "adjective") return undefined;
      if (found && found !== m.country) return undefined;
      found = m.country;
    }
  return found;
}
