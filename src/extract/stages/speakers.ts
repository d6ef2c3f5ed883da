/**
 * Who is quoted in a sentence: "X said", "said X", "according to X", or a pronoun that points back to a voice
 * named before. Found when a stage first asks for a sentence's speaker (`speakersOnDemand`).
 */
import { isSpaceCode, isWordCode } from "../text/char-codes.ts";
import type { CueHits } from "../text/cue-index.ts";
import type { Sentence } from "../text/sentences.ts";
import { CUES } from "./cues.ts";
import type { Mention } from "./mentions.ts";
import { TailPattern } from "./tail-words.ts";

/** What the speaker finder reads of a document. */
export interface SpeakerDoc {
  text: string;
  sentences: readonly Sentence[];
  bySentence: readonly Mention[][];
  /** each sentence's cue hits (CUES.read of its text) */
  cues: readonly CueHits[];
}

/** A document and the speakers of its sentences: findSpeaker asks only for those of the sentences before. */
export interface SpeakerView extends SpeakerDoc {
  speakerOf(sentence: number): Mention | null;
}

/** How far back one request may chain through the sentences before it before they are filled in order. */
const CHAIN_LIMIT = 64;

/**
 * The speaker of each sentence of a document, found on first request and kept: the later stages ask for about
 * half of them. A speaker can depend on those of the sentences before ("He said so."), so one request may chain
 * back through them; a chain longer than CHAIN_LIMIT fills the earlier sentences first, in order, so that no
 * document can run the stack out.
 */
export function speakersOnDemand(doc: SpeakerDoc): (sentence: number) => Mention | null {
  const known: Array<Mention | null | undefined> = new Array(doc.sentences.length).fill(undefined);
  const view: SpeakerView = { ...doc, speakerOf };
  let depth = 0;
  // every sentence before this one has its speaker found
  let filled = 0;
  function speakerOf(sentence: number): Mention | null {
    const found = known[sentence];
    if (found !== undefined) return found;
    if (sentence < 0 || sentence >= known.length) return null;
    if (depth >= CHAIN_LIMIT)
      for (; filled < sentence; filled++)
        if (known[filled] === undefined) known[filled] = findSpeaker(view, filled);
    depth++;
    try {
      const speaker = findSpeaker(view, sentence);
      known[sentence] = speaker;
      return speaker;
    } finally {
      depth--;
    }
  }
  return speakerOf;
}

const SAY_WORDS = [
  "said",
  "says",
  "say",
  "told",
  "stated",
  "added",
  "announced",
  "declared",
  "wrote",
  "tweeted",
  "explained",
  "noted",
  "argued",
  "insisted",
  "claimed",
  "confirmed",
  "disclosed",
  "revealed",
  "reported",
  "warned",
  "cautioned",
  "concluded",
  "assessed",
  "alleged",
  "believes?",
  "found",
];
const SAY = `(?:${SAY_WORDS.join("|")})`;
/** the words SAY stands for, as whole words ("believes?" is two) */
const SAY_KEYS = SAY_WORDS.flatMap((w) => (w.endsWith("s?") ? [w.slice(0, -2), w.slice(0, -1)] : [w]));
const FINDING = "(?:report|finding|findings|assessment|analysis|conclusion|investigation|study|advisory)";
// "Berlin's accusation on Friday that …": the one whose accusation it is speaks
const OWN_WORDS = "['’]s\\s+(?:accusations?|allegations?|assessment|conclusion|findings?|charge|claims?)\\b";
const OWN_WORDS_AFTER = new RegExp(`^${OWN_WORDS}`, "i");
export const SAY_AFTER = new RegExp(
  // an apposition may stand between the name and its verb: "CrowdStrike, a security firm, which said …"
  // and "Dutch authorities said": a nationality and the government noun it qualifies
  // and "the country's digital affairs minister said": a state and the minister it has
  // and the end of an apposition that holds the name: "Liu Pengyu, spokesperson for the Chinese embassy in Washington, said"
  `^(?:,[^,;]{1,60},|\\s+(?:in|at|of|for)\\s+[^,;.“”"]{1,40},)?[\\s,]*(?:(?:federal\\s+|security\\s+|intelligence\\s+|cyber\\s?security\\s+)?(?:authorities|officials|government|investigators|prosecutors|police|ministers|agencies)\\s+|(?:['’]s)?\\s*(?:[\\w-]+\\s+){0,2}?(?:minister|spokes(?:man|woman|person)|secretary)\\s+)?(?:which\\s+|who\\s+)?(?:(?:has|had|have)\\s+)?(?:also\\s+|earlier\\s+|later\\s+|on\\s+\\w+\\s+|in a statement\\s+)?${SAY}\\b`,
  "i",
);
// "…,” said X" and "according to X"; a bare "said the US …" introduces what is said, not who says it
// "a report by Microsoft that …" is Microsoft speaking
const SAY_BEFORE = new TailPattern(
  new RegExp(`(?:[,”"]\\s*${SAY}|according to|quoted by|${FINDING} by)\\s+(?:the\\s+)?$`, "i"),
  2,
  ["to", "by", ...SAY_KEYS].join(" "),
);
/** the nouns of PRONOUN_SPEAKER that name one institution, named before in full */
const NAMED_AGAIN = new Set(["ministry", "embassy", "police"]);
const PRONOUN_SPEAKER = new RegExp(
  // "In a statement it said …": a phrase of where it was said may open the sentence
  `(?:^(?:(?:in|on) (?:a|an|its|their|the) [\\w -]{0,30}?,?\\s+)?|[,”"]\\s*)(?:he|she|they|it|the (ministry|statement|spokes(?:man|woman|person)|official|embassy|police|researchers|analysts))\\s+(?:also\\s+)?${SAY}\\b`,
  "i",
);
/** run only where the window ends "in" or "from", and perhaps "the" (see TailPattern) */
export const PRIVATE_VOICES_IN = new TailPattern(
  /\b(?:specialists|experts|researchers|analysts|observers|consultants|bankers|executives|academics|traders|commentators|residents)\s+(?:in|from|based in)\s+(?:the\s+)?$/i,
  2,
  "in from",
);
const ADJOINS = /^(?:['’]s)?\s$/;
/** a short clause of its own, then ", saying": "joined in on Tuesday, saying" */
const SAYING_AFTER = /^\s+[^,;.“”"]{1,50},\s+saying\b/;
// whether a sentence holds a word of saying at all: PRONOUN_SPEAKER and a name beside one (nameSpeaking) need one,
// and so does a speaker found by SAY_AFTER or SAY_BEFORE (or else "according to", "quoted by": SOURCE_WORD)
const SAY_WORD = CUES.add(new RegExp(`\\b${SAY}\\b`, "i"));
/** SAY's words by their first letter (lowercase ASCII, from "a"), for sayWordAt */
const SAY_BY_FIRST: string[][] = Array.from({ length: 26 }, () => []);
for (const w of SAY_KEYS) SAY_BY_FIRST[w.charCodeAt(0) - 97]?.push(w);
const SOURCE_WORD = new RegExp(`according to|quoted by|${FINDING} by|${OWN_WORDS}`, "i");
// a capitalised name of up to four words right before a word of saying ("Smith said", "…,” Jane Smith also said")
// or right after it ("said Smith"), tried only where SAY_WORD matches
const NAME_BEFORE = /(?<=(?:[,”"]\s*|^)(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){0,3})\s+(?:also\s+)?)/uy;
const NAME_AFTER = /\s+\p{Lu}[\p{L}-]+/uy;

// the patterns findSpeaker and the functions it calls read of a sentence, made once (a literal is a new object
// each time it is evaluated)
const BY_REPORT = CUES.add(
  /\baccording to (?:the|a|its|their) (?:report|study|analysis|advisory|assessment|research|findings)/i,
);
const HEADLINE_COLON = /:\s*$/;
const OPENS_QUOTE = /^[“"]/;
const IT_SAID = /^It\s+(?:also\s+)?(?:said|says|added|told|reported|confirmed)\b/;
/** a sentence that goes on with a quotation or in lowercase */
const CONTINUES = /^[“"]|^\p{Ll}/u;

/** The quoted source of a sentence: "X said", "said X", "according to X", or a pronoun that points back. */
export function findSpeaker(a: SpeakerView, index: number): Mention | null {
  const s = a.sentences[index];
  const cues = a.cues[index];
  if (!s || !cues) return null;
  const ms = (a.bySentence[index] ?? []).filter(isSpeakerCapable);
  const text = a.text;
  // whether the sentence holds a word of saying: asked only where the answer matters
  let says: boolean | undefined;
  for (const m of ms) {
    const before = Math.max(s.start, m.start - 30);
    const after = Math.min(s.end, m.end + 40);
    // "specialists in India said": private voices in a country, not its state, and not named
    if (PRIVATE_VOICES_IN.test(text, before, m.start)) continue;
    if (
      saysAfter(text, m.end, after) ||
      SAY_BEFORE.test(text, before, m.start) ||
      ownWords(text, m.end, after)
    ) {
      // all three need a word of saying, "according to" or "quoted by" in the sentence: without one, none speaks
      says ??= SAY_WORD.test(cues);
      if (says || SOURCE_WORD.test(s.text)) return m;
      break;
    }
  }
  // "New Zealand joined in on Tuesday, saying …": the sentence's first party, acting and saying
  if (holdsSaying(s.text)) {
    const first = ms[0];
    // "The US Department of Health …": a country named right before its body is one subject with it
    const next = ms[1];
    const subject = first && next && ADJOINS.test(a.text.slice(first.end, next.start)) ? next : first;
    if (first && subject && first.start - s.start <= 4 && SAYING_AFTER.test(a.text.slice(subject.end, s.end)))
      return subject;
  }
  // "according to the report": the author of the last report the story named
  if (BY_REPORT.test(cues)) {
    for (let i = index; i >= Math.max(0, index - 4); i--) {
      const author = (a.bySentence[i] ?? []).find(
        (m) => (m.form === "org" || m.form === "body" || m.form === "intl") && !m.attacker,
      );
      if (author) return author;
    }
  }
  // headline form "… attack: Ukraine"
  const last = ms[ms.length - 1];
  if (last && HEADLINE_COLON.test(a.text.slice(last.start - 3, last.start)) && last.end >= s.end - 1)
    return last;
  // "It said …", "he said": the voice named before, where there is one and the sentence speaks so; the sentence's
  // words first, as they ask nothing of the sentences before
  if (says ?? SAY_WORD.test(cues)) {
    const pronoun = PRONOUN_SPEAKER.exec(s.text);
    const name = pronoun ? "" : nameSpeaking(cues);
    if (name !== null) {
      // "The Council said" stands for "the Council of the EU" named before, "The STJ said" not for "Portuguese
      // authorities": a name with "The" is an institution's, named before in full or not at all; and "the
      // ministry said" is the ministry named before, not the ambassador it summoned
      const body = pronoun?.[1]?.toLowerCase();
      const earlier = name.startsWith("The ")
        ? namedBefore(a, index, name.slice(4))
        : ((body && NAMED_AGAIN.has(body) ? namedBefore(a, index, body) : null) ??
          voiceBefore(a, index, s.text));
      if (earlier) return earlier;
    }
  }
  // a bare quotation continues the previous speaker
  if (OPENS_QUOTE.test(s.text)) {
    const next = index + 1 < a.sentences.length ? speakerAhead(a, index + 1) : null;
    return next ?? a.speakerOf(index - 1);
  }
  return null;
}

/**
 * The capitalised name right before one of the sentence's words of saying ("" for one right after it), or null
 * when no name stands beside one.
 */
function nameSpeaking(cues: CueHits): string | null {
  for (const m of SAY_WORD.matchAll(cues)) {
    NAME_BEFORE.lastIndex = m.index;
    const before = NAME_BEFORE.exec(cues.text);
    if (before) return before[1] as string;
    NAME_AFTER.lastIndex = m.index + m[0].length;
    if (NAME_AFTER.test(cues.text)) return "";
  }
  return null;
}

/**
 * SAY_AFTER over text[from, to), run only where a word of saying lies in it where the pattern can have it: at
 * `from`, or after whitespace or a comma (every part of the pattern before SAY ends in one of them).
 */
export function saysAfter(text: string, from: number, to: number): boolean {
  for (let p = from; p + 3 <= to; p++) {
    if (p > from) {
      const c = text.charCodeAt(p - 1);
      if (c !== 44 && !isSpaceCode(c)) continue;
    }
    if (sayWordAt(text, p, to)) return SAY_AFTER.test(text.slice(from, to));
  }
  return false;
}

/** Whether one of SAY's words, in any case, stands at text[p] and ends by `to`. */
function sayWordAt(text: string, p: number, to: number): boolean {
  // ASCII letters, either case, to 0-25; a letter with bit 32 set is its lowercase, and no other code becomes one
  const words = SAY_BY_FIRST[(text.charCodeAt(p) | 32) - 97];
  if (!words) return false;
  for (const w of words) {
    if (p + w.length > to) continue;
    let k = 1;
    while (k < w.length && (text.charCodeAt(p + k) | 32) === w.charCodeAt(k)) k++;
    if (k === w.length) return true;
  }
  return false;
}

/** OWN_WORDS_AFTER over text[from, to), run only where it opens with an apostrophe */
function ownWords(text: string, from: number, to: number): boolean {
  const c = from < to ? text.charCodeAt(from) : 0;
  return (c === 39 || c === 0x2019) && OWN_WORDS_AFTER.test(text.slice(from, to));
}

/** /, saying\b/.test(text) */
function holdsSaying(text: string): boolean {
  for (let i = text.indexOf(", saying"); i >= 0; i = text.indexOf(", saying", i + 1))
    if (i + 8 === text.length || !isWordCode(text.charCodeAt(i + 8))) return true;
  return false;
}

/**
 * Who a sentence that speaks without naming its speaker ("It said", "he said", "Smith said") speaks for: the
 * company just named, for "It said"; else the speaker, or the official last named, of one of the four sentences
 * before. Null where there is none, and the sentence's words need not be read.
 */
function voiceBefore(a: SpeakerView, index: number, text: string): Mention | null {
  if (IT_SAID.test(text)) {
    for (let i = index - 1; i >= Math.max(0, index - 2); i--) {
      const org = (a.bySentence[i] ?? []).find((m) => m.form === "org" && !m.attacker);
      if (org) return org;
    }
  }
  for (let i = index - 1; i >= Math.max(0, index - 4); i--) {
    const prev = a.speakerOf(i);
    if (prev) return prev;
    const official = (a.bySentence[i] ?? []).filter(
      (m) => (m.form === "official" || m.form === "body") && !m.attacker,
    );
    if (official.length) return official[official.length - 1] ?? null;
  }
  return null;
}

/** The last party named before sentence `index` whose words hold `name`, not an attacker. */
function namedBefore(a: SpeakerView, index: number, name: string): Mention | null {
  for (let i = index - 1; i >= 0; i--) {
    const list = a.bySentence[i] ?? [];
    for (let k = list.length - 1; k >= 0; k--) {
      const m = list[k] as Mention;
      if (!m.attacker && isSpeakerCapable(m) && m.text.toLowerCase().includes(name.toLowerCase())) return m;
    }
  }
  return null;
}

function speakerAhead(a: SpeakerView, index: number): Mention | null {
  const s = a.sentences[index];
  if (!s || !CONTINUES.test(s.text)) return null;
  return findSpeakerShallow(a, index);
}

function findSpeakerShallow(a: SpeakerView, index: number): Mention | null {
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
