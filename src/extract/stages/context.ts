import type { Party } from "../../model/index.ts";
import type { CueHits } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import type { DateMention } from "./dates.ts";
import { namesPeople } from "./mention.ts";
import type { Mention } from "./mentions.ts";

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
  /** who is quoted in each sentence, when anyone is */
  speakers: Array<Mention | null>;
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

const SAY =
  "(?:said|says|say|told|stated|added|announced|declared|wrote|tweeted|explained|noted|argued|insisted|claimed|confirmed|reported|warned|cautioned|concluded|assessed|alleged|believes?|found)";
const FINDING = "(?:report|finding|findings|assessment|analysis|conclusion|investigation|study|advisory)";
// "Berlin's accusation on Friday that …": the one whose accusation it is speaks
const OWN_WORDS = "['’]s\\s+(?:accusations?|allegations?|assessment|conclusion|findings?|charge|claims?)\\b";
const OWN_WORDS_AFTER = new RegExp(`^${OWN_WORDS}`, "i");
const SAY_AFTER = new RegExp(
  // an apposition may stand between the name and its verb: "CrowdStrike, a security firm, which said …"
  // and "Dutch authorities said": a nationality and the government noun it qualifies
  // and "the country's digital affairs minister said": a state and the minister it has
  // and the end of an apposition that holds the name: "Liu Pengyu, spokesperson for the Chinese embassy in Washington, said"
  `^(?:,[^,;]{1,60},|\\s+(?:in|at|of|for)\\s+[^,;.“”"]{1,40},)?[\\s,]*(?:(?:federal\\s+|security\\s+|intelligence\\s+|cyber\\s?security\\s+)?(?:authorities|officials|government|investigators|prosecutors|police|ministers|agencies)\\s+|(?:['’]s)?\\s*(?:[\\w-]+\\s+){0,2}?(?:minister|spokes(?:man|woman|person)|secretary)\\s+)?(?:which\\s+|who\\s+)?(?:(?:has|had|have)\\s+)?(?:also\\s+|earlier\\s+|later\\s+|on\\s+\\w+\\s+|in a statement\\s+)?${SAY}\\b`,
  "i",
);
// "…,” said X" and "according to X"; a bare "said the US …" introduces what is said, not who says it
// "a report by Microsoft that …" is Microsoft speaking
const SAY_BEFORE = new RegExp(
  `(?:[,”"]\\s*${SAY}|according to|quoted by|${FINDING} by)\\s+(?:the\\s+)?$`,
  "i",
);
const PRONOUN_SPEAKER = new RegExp(
  // "In a statement it said …": a phrase of where it was said may open the sentence
  `(?:^(?:(?:in|on) (?:a|an|its|their|the) [\\w -]{0,30}?,?\\s+)?|[,”"]\\s*)(?:he|she|they|it|the (?:ministry|statement|spokes(?:man|woman|person)|official|embassy|researchers|analysts))\\s+(?:also\\s+)?${SAY}\\b`,
  "i",
);
export const PRIVATE_VOICES_IN =
  /\b(?:specialists|experts|researchers|analysts|observers|consultants|bankers|executives|academics|traders|commentators|residents)\s+(?:in|from|based in)\s+(?:the\s+)?$/i;
/** a short clause of its own, then ", saying": "joined in on Tuesday, saying" */
const SAYING_AFTER = /^\s+[^,;.“”"]{1,50},\s+saying\b/;
// both patterns above need a word of saying: a sentence without one is not scanned with them
const SAY_WORD = new RegExp(SAY, "i");
const SOURCE_WORD = new RegExp(`according to|quoted by|${FINDING} by|${OWN_WORDS}`, "i");
const NAME_SPEAKER = new RegExp(
  `(?:[,”"]\\s*|^)(\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+){0,3})\\s+(?:also\\s+)?${SAY}\\b|${SAY}\\s+(\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+){0,3})`,
  "u",
);

export function buildAnalysis(
  text: string,
  sentences: Sentence[],
  mentions: Mention[],
  cues: CueHits[],
  datesIn: (sentence: number) => DateMention[],
): Analysis {
  const bySentence: Mention[][] = sentences.map(() => []);
  for (const m of mentions) bySentence[m.sentence]?.push(m);
  const focus = findFocus(text, sentences, bySentence);
  const a: Analysis = {
    text,
    sentences,
    mentions,
    bySentence,
    cues,
    datesIn,
    speakers: [],
    memos: new Map(),
    ...(focus ? { focus } : {}),
  };
  // "In Washington, the Justice Department … and the Treasury …": a sentence set in a capital or country speaks
  // of that state's bodies
  const setIn = sentences.map((s, i) => {
    const first = bySentence[i]?.[0];
    return first?.country &&
      (first.form === "seat" || first.form === "name" || first.form === "place") &&
      /^In\s+(?:the\s+)?$/.test(text.slice(s.start, first.start)) &&
      text[first.end] === ","
      ? first.country
      : undefined;
  });
  for (const m of mentions)
    if (m.form === "anaphor")
      m.country = setIn[m.sentence] ?? subjectStateOf(text, sentences, bySentence, m) ?? focus;
  for (let i = 1; i < mentions.length; i++) {
    // "Foreign Office minister Lord Ahmad", "Justice Department spokesman …": the body names the official's state
    const [body, m] = [mentions[i - 1] as Mention, mentions[i] as Mention];
    if (
      m.form === "official" &&
      !m.country &&
      body.form === "body" &&
      body.country &&
      /^\s?$/.test(text.slice(body.end, m.start))
    )
      m.country = body.country;
  }
  for (const m of mentions)
    if (m.form === "official" && !m.country && m.party.kind === "person") {
      // an unnamed official speaks for the story's state: the nearest state named before is as often the accused
      const c = setIn[m.sentence] ?? placeJustBefore(a, m) ?? a.focus ?? nearestStateBefore(a, m);
      if (c) m.country = c;
    }
  // sentence by sentence, so that "They said …" finds the speakers of the sentences before it
  for (const s of sentences) a.speakers[s.index] = findSpeaker(a, s.index);
  return a;
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
  return /^(?:[\w-]+(?:\s+[\w-]+){0,3},\s+)?$/.test(text.slice(s.start, first.start))
    ? first.country
    : undefined;
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
    /^,\s*$/.test(a.text.slice(prev.end, m.start))
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

/** The quoted source of a sentence: "X said", "said X", "according to X", or a pronoun that points back. */
function findSpeaker(a: Analysis, index: number): Mention | null {
  const s = a.sentences[index];
  if (!s) return null;
  const ms = (a.bySentence[index] ?? []).filter(isSpeakerCapable);
  // both patterns below need a word of saying, "according to" or "quoted by" in the sentence
  const says = SAY_WORD.test(s.text);
  if (says || SOURCE_WORD.test(s.text))
    for (const m of ms) {
      const after = a.text.slice(m.end, Math.min(s.end, m.end + 40));
      const before = a.text.slice(Math.max(s.start, m.start - 30), m.start);
      // "specialists in India said": private voices in a country, not its state, and not named
      if (PRIVATE_VOICES_IN.test(before)) continue;
      if (SAY_AFTER.test(after) || SAY_BEFORE.test(before) || OWN_WORDS_AFTER.test(after)) return m;
    }
  // "New Zealand joined in on Tuesday, saying …": the sentence's first party, acting and saying
  if (/, saying\b/.test(s.text)) {
    const first = ms[0];
    if (first && first.start - s.start <= 4 && SAYING_AFTER.test(a.text.slice(first.end, s.end)))
      return first;
  }
  // "according to the report": the author of the last report the story named
  if (
    /according to (?:the|a|its|their) (?:report|study|analysis|advisory|assessment|research|findings)/i.test(
      s.text,
    )
  ) {
    for (let i = index; i >= Math.max(0, index - 4); i--) {
      const author = (a.bySentence[i] ?? []).find(
        (m) => (m.form === "org" || m.form === "body" || m.form === "intl") && !m.attacker,
      );
      if (author) return author;
    }
  }
  // headline form "… attack: Ukraine"
  const last = ms[ms.length - 1];
  if (last && /:\s*$/.test(a.text.slice(last.start - 3, last.start)) && last.end >= s.end - 1) return last;
  if (says && (PRONOUN_SPEAKER.test(s.text) || NAME_SPEAKER.test(s.text))) {
    // "It said …" after a company was named: the company speaks
    if (/^It\s+(?:also\s+)?(?:said|says|added|told|reported|confirmed)\b/.test(s.text)) {
      for (let i = index - 1; i >= Math.max(0, index - 2); i--) {
        const org = (a.bySentence[i] ?? []).find((m) => m.form === "org" && !m.attacker);
        if (org) return org;
      }
    }
    for (let i = index - 1; i >= Math.max(0, index - 4); i--) {
      const prev = a.speakers[i];
      if (prev) return prev;
      const official = (a.bySentence[i] ?? []).filter(
        (m) => (m.form === "official" || m.form === "body") && !m.attacker,
      );
      if (official.length) return official[official.length - 1] ?? null;
    }
  }
  // a bare quotation continues the previous speaker
  if (/^[“"]/.test(s.text)) {
    const next = index + 1 < a.sentences.length ? speakerAhead(a, index + 1) : null;
    return next ?? a.speakers[index - 1] ?? null;
  }
  return null;
}

function speakerAhead(a: Analysis, index: number): Mention | null {
  const s = a.sentences[index];
  if (!s || !/^[“"]|^\p{Ll}/u.test(s.text)) return null;
  return findSpeakerShallow(a, index);
}

function findSpeakerShallow(a: Analysis, index: number): Mention | null {
  const s = a.sentences[index];
  if (!s) return null;
  for (const m of (a.bySentence[index] ?? []).filter(isSpeakerCapable)) {
    if (SAY_AFTER.test(a.text.slice(m.end, Math.min(s.end, m.end + 40)))) return m;
  }
  return null;
}

// "Australian media reported …": a country's press speaks for itself, not for its state
const PRESS_HEAD =
  /^(?:[\w-]+\s+)?(?:media|press|news|newspapers?|outlets?|broadcasters?|reporters|journalists|tabloids?)\b/i;

export function isSpeakerCapable(m: Mention): boolean {
  return (
    !m.attacker &&
    m.form !== "place" &&
    m.form !== "plural" &&
    (m.form !== "adjective" || (!!m.head && !PRESS_HEAD.test(m.head)))
  );
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
