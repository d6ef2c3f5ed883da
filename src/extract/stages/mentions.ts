import type { Party } from "../../model/index.ts";
import { loadData } from "../gazetteer/data.ts";
import { gazetteer } from "../gazetteer/index.ts";
import type { SurfaceMatcher } from "../gazetteer/matcher.ts";
import type { GazetteerEntry } from "../gazetteer/types.ts";
import { firstWordOf, lastWordOf } from "../text/char-codes.ts";
import type { CueHits } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import { CUES } from "./cues.ts";
import { fromMatch } from "./gazetteer-mention.ts";
import { type Mention, mention as makeMention, mentionAgain } from "./mention.ts";
import {
  anaphorMention,
  candidates,
  type PersonRow,
  peopleBySurface,
  personMention,
  REFERS_TO_BODY,
  REFERS_TO_GROUP,
  REFERS_TO_INTL,
  REFERS_TO_ORG,
  titledMention,
} from "./officials.ts";
import { apposedHome, namedHome } from "./org-home.ts";
import {
  allMatches,
  institutionNames,
  speakingNames,
  type UnlistedName,
  unlistedNames,
  wholeWordsAt,
} from "./unlisted.ts";

export type { Mention, MentionForm } from "./mention.ts";

// Patterns tried per sentence or per name are built once, here, not at each use.
const OPENS_IN_CAPITALS = /^\p{Lu}\p{Lu}/u;
/** OPENS_IN_CAPITALS, told by code when the two first characters are ASCII (nearly always). */
function opensInCapitals(text: string): boolean {
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  if (a < 128 && b < 128) return a >= 65 && a <= 90 && b >= 65 && b <= 90;
  return OPENS_IN_CAPITALS.test(text);
}
const POSSESSIVE_GAP = /^['’]s\s+(?:the\s+)?$/;
const CAPITAL_FIRST = /^\p{Lu}/u;
const DATELINE = /^\p{Lu}[\p{Lu} .'-]+,(?:\s*[\p{L}\d ]+)?\s*(?:\([\p{L} ]+\))?\s*(?:--|—|–|-)\s*/u;

/** The spans of one sentence already held by a mention; later, weaker patterns may not overlap them. */
class Spans {
  /**
   * start, end, start, end, …: one flat list, no pair made per span; its first `size` numbers are this sentence's
   * (a list emptied by `length = 0` would give up its storage, to grow it again in the next sentence)
   */
  private readonly taken: number[] = [];
  private size = 0;
  constructor(private readonly out: Mention[]) {}
  /** Frees every span: the next sentence begins. */
  clear(): void {
    this.size = 0;
  }
  hold(start: number, end: number): void {
    this.taken[this.size++] = start;
    this.taken[this.size++] = end;
  }
  free(start: number, end: number): boolean {
    const taken = this.taken;
    for (let k = 0; k < this.size; k += 2)
      if (start < (taken[k + 1] as number) && end > (taken[k] as number)) return false;
    return true;
  }
  add(m: Mention): void {
    this.out.push(m);
    this.hold(m.start, m.end);
  }
}

const GENERIC_FIRST_WORDS = new Set([
  "The",
  "National",
  "United",
  "General",
  "Central",
  "International",
  "Global",
  "New",
  "First",
  "State",
  "Federal",
  "Royal",
  "American",
  "British",
]);

/** "Colonial Pipeline" may later be "Colonial": remember the first word when it names nothing else. */
function rememberShortName(
  list: Array<{ short: string; mention: Mention }>,
  mention: Mention,
  matcher: ReturnType<typeof gazetteer>["matcher"],
): void {
  const short = firstWordOf(mention.text);
  if (
    short === mention.text ||
    short.length < 4 ||
    !CAPITAL_FIRST.test(short) ||
    GENERIC_FIRST_WORDS.has(short)
  )
    return;
  if (list.some((x) => x.short === short) || matcher.match(short).length) return;
  list.push({ short, mention });
}

interface ContextName {
  name: string;
  when: string;
  country: string;
}
const CONTEXT_NAMES = loadData<{ names: ContextName[] }>("lexicon/context-names.json").names.map((n) => ({
  ...n,
  // "the North's nuclear test", "said the South": the bare word, not "North America" or "South Sudan"
  re: new RegExp(String.raw`\b${n.name}\b(?![-\s]+\p{Lu})`, "gu"),
  entry: { kind: "country", surface: n.name, country: n.country, form: "name" } as GazetteerEntry,
}));

/** The short names ("the North") that the text's full names ("North Korea") make stand for a state. */
function contextNames(text: string): typeof CONTEXT_NAMES {
  return CONTEXT_NAMES.filter((n) => text.includes(n.when));
}

/** Finds every party mention in the sentences: gazetteer names, officials and bodies, and anaphors. */
export function findMentions(
  text: string,
  sentences: readonly Sentence[],
  matcher: SurfaceMatcher = gazetteer().matcher,
  cues: readonly CueHits[] = sentences.map((s) => CUES.read(s.text)),
): Mention[] {
  const out: Mention[] = [];
  const shortNames: Array<{ short: string; mention: Mention }> = [];
  // ordinary-word names ("Akira", "Hive") the story has named beside a cue: later they stand alone
  const named = new Set<string>();
  const halves = contextNames(text);
  const speaking = speakingNames(text, sentences, cues);
  const spans = new Spans(out);
  for (const s of sentences) {
    spans.clear();
    // this sentence's mentions are the ones added from here on: no need to look through the earlier ones
    const firstHere = out.length;
    // a dateline ("COPENHAGEN, Denmark (AP) --") says where the reporter was, not who acted;
    // datelines open with a word in capitals: only then is the pattern worth trying
    const dateline = opensInCapitals(s.text) ? DATELINE.exec(s.text) : null;
    if (dateline) spans.hold(s.start, s.start + dateline[0].length);
    // "Düsseldorf University Hospital" is a hospital before "Düsseldorf" is a place
    const institutions = institutionNames(cues[s.index] as CueHits);
    if (institutions.length > 1) institutions.sort(longerFirst);
    // (unless the gazetteer knows the whole name: "the British Library" is then its entry, with its home)
    for (const u of institutions) {
      const own = withoutCountryOwner(u, text, s.start, matcher);
      if (!knownWhole(matcher, text, s.start + own.index, own.name))
        addUnlisted(own, s, spans, shortNames, matcher);
    }
    // "a group calling itself Anonymous Philippines": a group named in full holds its words before any name the
    // gazetteer knows inside it ("Anonymous", "Philippines"), unless the gazetteer knows the whole name; so does a
    // company named in full after its town or country ("Sichuan Juxinhe Network Technology", "Japan Airlines")
    const unlisted = unlistedNames(cues[s.index] as CueHits);
    for (const u of unlisted)
      if (
        u.form === "group"
          ? !knownWhole(matcher, text, s.start + u.index, u.name)
          : u.suffixed && opensWithPlaceOnly(matcher, text, s.start + u.index, u.name)
      )
        addUnlisted(u, s, spans, shortNames, matcher);
    for (const m of matcher.match(text, s.start, s.end)) {
      if (m.end > s.end || !spans.free(m.start, m.end)) continue;
      // (most stories name no such name: the set is then empty, and no entry's surface is looked up)
      const mention = fromMatch(text, m, s.index, named.size > 0 && named.has(m.entry.surface));
      const e = m.entry;
      if (mention && (e.kind === "group" || e.kind === "org") && e.cue) named.add(e.surface);
      if (mention) spans.add(mention);
      if (mention?.form === "org") rememberShortName(shortNames, mention, matcher);
    }
    for (const n of halves) {
      // (a sentence without the word has no match: most are not scanned)
      if (!s.text.includes(n.name)) continue;
      for (const m of allMatches(n.re, s.text)) {
        const start = s.start + m.index;
        const end = start + n.name.length;
        if (!spans.free(start, end)) continue;
        const mention = fromMatch(text, { start, end, entry: n.entry }, s.index);
        if (mention) spans.add(mention);
      }
    }
    // pattern matches claim their span unless a longer-established mention already holds it
    const found = candidates(cues[s.index] as CueHits);
    for (const m of found.people) {
      const start = s.start + m.index;
      if (spans.free(start, start + m[0].length))
        spans.add(
          personMention(text, start, start + m[0].length, s.index, peopleBySurface.get(m[0]) as PersonRow),
        );
    }
    for (const m of found.titles) {
      const start = s.start + m.index;
      if (spans.free(start, start + m[0].length)) spans.add(titledMention(m, start, s.index));
    }
    for (const m of found.anaphors) {
      const start = s.start + m.index;
      // "US officials", "Albanian authorities": the state named just before already speaks
      let qualified = false;
      for (let k = firstHere; k < out.length && !qualified; k++) {
        const x = out[k] as Mention;
        qualified = x.end < start && start - x.end <= 2 && !!x.country;
      }
      if (!qualified && spans.free(start, start + m[0].length)) spans.add(anaphorMention(m, start, s.index));
    }
    // "Colonial took its pipeline offline": a company named in full before is later named by its first word
    for (const org of shortNames) {
      for (const at of wholeWordsAt(s.text, org.short)) {
        const start = s.start + at;
        const end = start + org.short.length;
        if (spans.free(start, end)) spans.add(mentionAgain(org.mention, start, end, org.short, s.index));
      }
    }
    // "SektorCERT, a non-profit that …", "a group calling itself Brain Cipher": names the gazetteer lacks
    for (const u of unlisted) addUnlisted(u, s, spans, shortNames, matcher);
    // "Garmin said …": a lone name that speaks, wherever the sentence names it
    for (const name of speaking)
      for (const at of wholeWordsAt(s.text, name))
        addUnlisted({ index: at, name, form: "org" }, s, spans, shortNames, matcher);
    // "the gang", "the company": the group or organisation named last stands in for them
    if (found.references)
      for (const [re, form, bit] of REFERENCES) {
        // each pattern ends on one of its nouns: a sentence without one of them is not scanned with it
        if (!(found.references & bit)) continue;
        for (const m of allMatches(re, s.text)) {
          const words = m[1] ? m[0].slice(m[0].indexOf(m[1]) + m[1].length + 1) : m[0];
          const end = s.start + m.index + m[0].length;
          const start = end - words.length;
          if (!spans.free(start, end)) continue;
          const antecedent = lastOf(out, form, start, words);
          if (antecedent) spans.add(mentionAgain(antecedent, start, end, words, s.index));
        }
      }
  }
  out.sort((a, b) => a.start - b.start);
  // "Russia's GRU": the state named through its service is that service
  for (let i = 0; i + 1 < out.length; i++) {
    const x = out[i] as Mention;
    const y = out[i + 1] as Mention;
    // (the gap opens on the apostrophe of "'s": at any other character no slice of it is made)
    const c = text.charCodeAt(x.end);
    if (
      (y.force || y.attacker) &&
      (c === 39 || c === 0x2019) &&
      POSSESSIVE_GAP.test(text.slice(x.end, y.start))
    )
      x.force = true;
  }
  return out;
}

const longerFirst = (x: UnlistedName, y: UnlistedName) => y.name.length - x.name.length;

const OWNER_PREFIX = /^(.+?)['’]s\s+/u;

/**
 * "New Zealand's Waikato District Health Board": an institution named after a country's possessive is the
 * institution alone, and the country stays a mention of its own (its home); "Boston Children's Hospital" keeps
 * its possessive, as "Boston Children" is no country.
 */
function withoutCountryOwner(
  u: UnlistedName,
  text: string,
  sentenceStart: number,
  matcher: SurfaceMatcher,
): UnlistedName {
  const owner = OWNER_PREFIX.exec(u.name);
  if (!owner?.[1]) return u;
  const start = sentenceStart + u.index;
  const m = matcher.match(text, start, start + owner[1].length)[0];
  if (m?.entry.kind !== "country" || m.start !== start || m.end !== start + owner[1].length) return u;
  return { ...u, index: u.index + owner[0].length, name: u.name.slice(owner[0].length) };
}

/** True when the gazetteer knows a name at `start` as long as `name` or longer ("Guardians of Peace"). */
/**
 * Whether the only name the gazetteer knows inside `name` is a town, a province or a country at its start
 * ("Sichuan Juxinhe Network Technology", "Japan Airlines"), or none: a known company inside it keeps its own
 * reading.
 */
function opensWithPlaceOnly(matcher: SurfaceMatcher, text: string, start: number, name: string): boolean {
  const end = start + name.length;
  for (const m of matcher.match(text, start, Math.min(text.length, end + 40))) {
    if (m.start >= end) break;
    if ((m.entry.kind !== "place" && m.entry.kind !== "country") || m.start !== start || m.end >= end)
      return false;
  }
  return true;
}

function knownWhole(matcher: SurfaceMatcher, text: string, start: number, name: string): boolean {
  const m = matcher.match(text, start, Math.min(text.length, start + name.length + 40))[0];
  return !!m && m.start === start && m.end >= start + name.length;
}

/**
 * A name the gazetteer lacks, where its span is free. It is named again later by the same name alone ("SAS
 * said …"), so it joins the short names the rest of the story is searched for.
 */
function addUnlisted(
  u: UnlistedName,
  s: Sentence,
  spans: Spans,
  shortNames: Array<{ short: string; mention: Mention }>,
  matcher: SurfaceMatcher,
): void {
  const start = s.start + u.index;
  if (!spans.free(start, start + u.name.length)) return;
  const end = start + u.name.length;
  const party: Party =
    u.form === "org" ? { kind: "organization", name: u.name } : { kind: "group", name: u.name };
  const home =
    u.form === "org"
      ? (apposedHome(s.text, u.index, u.index + u.name.length, matcher) ??
        namedHome(s.text, u.index, u.index + u.name.length, matcher))
      : undefined;
  const mention = makeMention(start, end, u.name, s.index, u.form, party, home, u.form === "group");
  spans.add(mention);
  if (!shortNames.some((x) => x.short === u.name)) shortNames.push({ short: u.name, mention });
  // "Oakridge Group" may later be "Oakridge"
  if (u.form === "org") rememberShortName(shortNames, mention, matcher);
}

const REFERENCES: Array<[RegExp, "group" | "org" | "body" | "intl", number]> = [
  [
    /\bthe (?:bureau|agency|agencies|department|office|directorate|centre|center)\b/gi,
    "body",
    REFERS_TO_BODY,
  ],
  [
    /\b(?:the|this|that) (?:same |ransomware |criminal |hacking |cybercrime |extortion |hacker )?(?:gang|group|crew|collective|syndicate|outfit)\b/gi,
    "group",
    REFERS_TO_GROUP,
  ],
  [
    // "the London-based company": the noun alone stands for the company, as the city is a mention of its own
    /\bthe (?:([A-Z][a-z]+-based) )?(?:company|firm|operator|utility|broadcaster|hospital|insurer|bank|carrier|manufacturer|retailer|airline|shipping giant|chipmaker|lender|exchange|port|airport|university)\b/gi,
    "org",
    REFERS_TO_ORG,
  ],
  // "the bloc", "the alliance": the union of states named last
  [/\bthe (?:bloc|alliance)\b/gi, "intl", REFERS_TO_INTL],
];

/** "Port of Seattle" names a port; "Seattle-Tacoma International Airport" names none: whole words only */
function namesNoun(name: string, noun: string): boolean {
  return wholeWordsAt(name.toLowerCase(), noun).length > 0;
}

/** The last mention of the form before `before`; "the hospital" prefers the last one whose name says hospital. */
function lastOf(
  list: readonly Mention[],
  form: "group" | "org" | "body" | "intl",
  before: number,
  reference = "",
): Mention | undefined {
  const noun = lastWordOf(reference).toLowerCase();
  let best: Mention | undefined;
  let named: Mention | undefined;
  for (const m of list) {
    if (m.form !== form || m.start >= before) continue;
    if (!best || m.start > best.start) best = m;
    // (not for groups: "the group" is the one named last, not one whose name ends in "Group")
    if (form !== "group" && noun.length > 3 && namesNoun(m.text, noun) && (!named || m.start > named.start))
      named = m;
  }
  return named ?? best;
}
