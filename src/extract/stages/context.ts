import type { Party } from "../../model/index.ts";
import { lastWordOf } from "../text/char-codes.ts";
import type { CueHits } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import type { DateMention } from "./dates.ts";
import { namesPeople } from "./mention.ts";
import type { Mention } from "./mentions.ts";
import { speakersOnDemand } from "./speakers.ts";

/** Everything the linking stages share about one document. Built once, read by each stage. */
export interface Analysis {
  text: string;
  sentences: Sentence[];
  mentions: Mention[];
  bySentence: Mention[][];
  /** where each sentence's cue words are (CUES.read of its text) */
  cues: CueHits[];
  /** the dates of a sentence, parsed on first request: most sentences are never asked for theirs */
  datesIn: (sentence: number) => DateMention[];
  /** the state the story is about: what "the country" and unnamed "authorities" stand for */
  focus?: string;
  /** who is quoted in a sentence, when anyone is; found on first request, as about half are never asked for */
  speakerOf: (sentence: number) => Mention | null;
  /** what stages keep per document (see `memoOf`) */
  memos: Map<object, unknown>;
}

/**
 * A value a stage keeps per document, made on first request. It lives and dies with the document's analysis: a
 * WeakMap keyed by the analysis would keep every finished document's values alive until a full collection, and
 * the young-generation collector would copy them meanwhile.
 */
export function memoOf<T>(a: Analysis, key: object, make: () => T): T {
  let value = a.memos.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    a.memos.set(key, value);
  }
  return value;
}

// the gaps buildAnalysis reads between a sentence's start and its first mention, and between two mentions
const SET_IN = /^In\s+(?:the\s+)?$/;
const NEXT_TO = /^\s?$/;
const OPENS_WITH = /^(?:[\w-]+(?:\s+[\w-]+){0,3},\s+)?$/;
const COMMA_ONLY = /^,\s*$/;

export function buildAnalysis(
  text: string,
  sentences: Sentence[],
  mentions: Mention[],
  cues: CueHits[],
  datesIn: (sentence: number) => DateMention[],
): Analysis {
  const bySentence = mentionsBySentence(sentences.length, mentions);
  const focus = findFocus(text, sentences, bySentence);
  const a: Analysis = {
    text,
    sentences,
    mentions,
    bySentence,
    cues,
    datesIn,
    speakerOf: speakersOnDemand({ text, sentences, bySentence, cues }),
    memos: new Map(),
    ...(focus ? { focus } : {}),
  };
  // "In Washington, the Justice Department … and the Treasury …": a sentence set in a capital or country speaks
  // of that state's bodies
  const setIn = sentences.map((s, i) => {
    const first = bySentence[i]?.[0];
    return first?.country &&
      (first.form === "seat" || first.form === "name" || first.form === "place") &&
      SET_IN.test(text.slice(s.start, first.start)) &&
      text[first.end] === ","
      ? first.country
      : undefined;
  });
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    if (m.form === "anaphor")
      m.country =
        setIn[m.sentence] ??
        subjectStateOf(text, sentences, bySentence, m) ??
        namedBodyBefore(mentions, i) ??
        focus;
  }
  for (let i = 1; i < mentions.length; i++) {
    // "Foreign Office minister Lord Ahmad", "Justice Department spokesman …": the body names the official's state
    const [body, m] = [mentions[i - 1] as Mention, mentions[i] as Mention];
    if (
      m.form === "official" &&
      !m.country &&
      body.form === "body" &&
      body.country &&
      NEXT_TO.test(text.slice(body.end, m.start))
    )
      m.country = body.country;
  }
  for (const m of mentions)
    if (m.form === "official" && !m.country && m.party.kind === "person") {
      // an unnamed official speaks for the story's state: the nearest state named before is as often the accused
      const c = setIn[m.sentence] ?? placeJustBefore(a, m) ?? a.focus ?? nearestStateBefore(a, m);
      if (c) m.country = c;
    }
  return a;
}

/** the nouns that name one institution: "the police" is the police named before, "officials" anyone's */
const INSTITUTION_NOUNS = new Set([
  "police",
  "ministry",
  "agency",
  "bureau",
  "directorate",
  "commission",
  "court",
]);

/**
 * "The National Police Agency … The police said": the state of the last body named before whose name holds the
 * anaphor's noun ("police", "ministry"), if one
 */
function namedBodyBefore(mentions: readonly Mention[], i: number): string | undefined {
  const m = mentions[i] as Mention;
  const noun = lastWordOf(m.text).toLowerCase();
  if (!INSTITUTION_NOUNS.has(noun)) return undefined;
  for (let k = i - 1; k >= 0; k--) {
    const x = mentions[k] as Mention;
    if (x.form === "body" && x.country && !x.attacker && x.text.toLowerCase().includes(noun))
      return x.country;
  }
  return undefined;
}

/** "the Finance Ministry", "the agency": a body named without its state */
const BODY_ANAPHOR = /^the\s+(?!(?:country|nation|government)\b)/i;

/**
 * "Further afield, Costa Rica declared an emergency after the gang broke into the Finance Ministry": a body
 * named without its state in a sentence whose subject is another named state is that state's, not the story's.
 */
function subjectStateOf(
  text: string,
  sentences: readonly Sentence[],
  bySentence: readonly Mention[][],
  m: Mention,
): string | undefined {
  if (!BODY_ANAPHOR.test(m.text)) return undefined;
  const s = sentences[m.sentence];
  const first = bySentence[m.sentence]?.[0];
  if (
    !s ||
    !first?.country ||
    first.attacker ||
    first === m ||
    (first.form !== "name" && first.form !== "seat")
  )
    return undefined;
  // the state opens the sentence, after at most a short phrase set off by a comma
  return OPENS_WITH.test(text.slice(s.start, first.start)) ? first.country : undefined;
}

const DENIES_NEXT =
  /^(?:['’]s\s+(?:foreign ministry|government|embassy)\s+)?\s*(?:on \w+\s+)?(?:den(?:ies|ied|y)|rejects?|rejected|dismiss(?:es|ed))\b/i;

/** The first state the title or lede names in a role other than attacker. */
function findFocus(text: string, sentences: Sentence[], bySentence: Mention[][]): string | undefined {
  const counts = new Map<string, number>();
  for (let i = 0; i < sentences.length; i++) {
    for (const m of bySentence[i] ?? []) {
      if (
        m.attacker ||
        !m.country ||
        m.form === "org" ||
        m.form === "group" ||
        m.form === "anaphor" ||
        namesPeople(m)
      )
        continue;
      // "China rejects suggestions it hacked …": the state denying is the one accused, not the one the story is about
      if (i < 3 && DENIES_NEXT.test(text.slice(m.end, m.end + 40))) continue;
      counts.set(m.country, (counts.get(m.country) ?? 0) + (i < 3 ? 3 : 1));
      if (i < 2 && (counts.get(m.country) ?? 0) >= 3) return m.country;
    }
  }
  let best: string | undefined;
  for (const [c, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = c;
  return best;
}

/** "at a briefing in Beijing, foreign ministry spokesman Geng Shuang said": the capital just named is his state's. */
function placeJustBefore(a: Analysis, m: Mention): string | undefined {
  const here = a.bySentence[m.sentence] ?? [];
  const prev = here[here.indexOf(m) - 1];
  return prev?.country &&
    (prev.form === "seat" || prev.form === "name") &&
    COMMA_ONLY.test(a.text.slice(prev.end, m.start))
    ? prev.country
    : undefined;
}

function nearestStateBefore(a: Analysis, m: Mention): string | undefined {
  for (let i = m.sentence; i >= Math.max(0, m.sentence - 2); i--) {
    const list = (a.bySentence[i] ?? []).filter(
      (x) => x.start < m.start && x.country && !x.attacker && x.form !== "group",
    );
    const last = list[list.length - 1];
    if (last?.country) return last.country;
  }
  return a.focus;
}

/** True when sentence `index` opens a paragraph: a line break stands between it and the sentence before. */
export function opensParagraph(a: Analysis, index: number): boolean {
  const s = a.sentences[index];
  const prev = a.sentences[index - 1];
  return !!s && !!prev && a.text.slice(prev.end, s.start).includes("\n");
}

/** The party a mention stands for once anaphors are resolved; null when it cannot be resolved. */
export function partyOf(m: Mention): Party | null {
  if (m.form === "anaphor") return m.country ? { kind: "state", country: m.country, via: m.text } : null;
  if (m.form === "official" && m.party.kind === "person") {
    return m.country ? { kind: "state", country: m.country, via: m.text } : m.party;
  }
  if (m.form === "adjective" || m.form === "plural" || m.form === "place")
    return { kind: "state", country: m.country as string };
  if (m.form === "org" && m.party.kind === "organization")
    return { kind: "organization", name: m.party.name };
  return m.party;
}

/** Whether `partyOf(m)` is not null, without making the party: only an anaphor with no state resolves to none. */
export function resolves(m: Mention): boolean {
  return m.form !== "anaphor" || !!m.country;
}

/**
 * The mentions of each of `count` sentences, in order. The mentions come in sentence order, so each sentence's are
 * one slice of the list, made at its size (pushing one by one gave each sentence room for sixteen); a list out of
 * that order is filled one mention at a time.
 */
export function mentionsBySentence(count: number, mentions: readonly Mention[]): Mention[][] {
  const out: Mention[][] = [];
  let i = 0;
  for (let s = 0; s < count; s++) {
    let j = i;
    while (j < mentions.length && (mentions[j] as Mention).sentence === s) j++;
    out.push(mentions.slice(i, j));
    i = j;
  }
  if (i === mentions.length) return out;
  const lists: Mention[][] = Array.from({ length: count }, () => []);
  for (const m of mentions) lists[m.sentence]?.push(m);
  return lists;
}

/** A key for de-duplicating parties: states by country, others by name. */
export function partyId(p: Party): string {
  switch (p.kind) {
    case "state":
      return p.country;
    case "intl":
      return `intl:${p.code}`;
    case "organization":
      return `org:${p.name}`;
    case "group":
      return `group:${p.name}`;
    case "person":
      return p.country ?? `person:${p.name}`;
  }
}

/** The namespace `partyId` puts before a party's name, and the name: "" and the country for a state. */
function idPrefix(p: Party): string {
  switch (p.kind) {
    case "state":
      return "";
    case "intl":
      return "intl:";
    case "organization":
      return "org:";
    case "group":
      return "group:";
    case "person":
      return p.country === undefined ? "person:" : "";
  }
}
function idName(p: Party): string {
  switch (p.kind) {
    case "state":
      return p.country;
    case "intl":
      return p.code;
    case "person":
      return p.country ?? p.name;
    default:
      return p.name;
  }
}

/** `partyId(p) === partyId(q)`, without making either key. */
export function sameParty(p: Party, q: Party): boolean {
  const pre = idPrefix(p);
  const qre = idPrefix(q);
  // keys in two namespaces are equal only where one name holds the other's prefix ("group:X" as a country)
  return pre === qre ? idName(p) === idName(q) : pre + idName(p) === qre + idName(q);
}
