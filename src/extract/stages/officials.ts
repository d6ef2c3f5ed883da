import type { Party } from "../../model/index.ts";
import { loadData } from "../gazetteer/data.ts";
import { gazetteer } from "../gazetteer/index.ts";
import { isAsciiLetterCode, isWordCode } from "../text/char-codes.ts";
import type { CueHits } from "../text/cue-index.ts";
import { CUES } from "./cues.ts";
import { type Mention, mention } from "./mention.ts";

/**
 * Officials and anaphors: people by name (the people table), titled officials ("Prime Minister Edi Rama"),
 * words that stand for a state in focus ("the country", "authorities"). Their patterns are tried only at the
 * words where they can start.
 */
export interface PersonRow {
  name: string;
  aliases?: string[];
  country?: string;
  intl?: string;
  role?: string;
}
const people = loadData<PersonRow[]>("gazetteer/people.json");
export const peopleBySurface = new Map<string, PersonRow>();
for (const p of people) for (const s of [p.name, ...(p.aliases ?? [])]) peopleBySurface.set(s, p);
const peopleRe = new RegExp(
  `\\b(?:${[...peopleBySurface.keys()]
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join("|")})\\b`,
  "g",
);

export const { officials } = gazetteer();
export const bodyAlt = officials.bodies
  .map(esc)
  .sort((a, b) => b.length - a.length)
  .join("|");
export const titleAlt = officials.titles
  .map(esc)
  .sort((a, b) => b.length - a.length)
  .join("|");
// "Prime Minister Edi Rama", and at the start of a sentence "Press secretary Sarah Sanders"
const titleCased = officials.titles.flatMap((t) => [
  ...new Set([
    t,
    t.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()),
    t.replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
  ]),
]);
/** a titled person without a country before it: "Prime Minister Edi Rama", "Foreign Minister Ine Eriksen Soereide" */
export const TITLED_PERSON = new RegExp(
  `\\b(?:${titleCased
    .map(esc)
    .sort((a, b) => b.length - a.length)
    .join("|")})\\s+(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,3})`,
  "gu",
);
/** words that stand for a state already in focus */
export const ANAPHOR = new RegExp(
  `\\b(?:the (?:country|nation|Balkan state|Central American country|[A-Z][a-z]+ state)(?:['’]s)?(?:\\s+(?:${bodyAlt}))?|the (?:${bodyAlt})|(?:the )?authorities|(?:the )?prosecutors(?! (?:in|from|of) [A-Z])|(?:the )?police(?! (?:in|from|of) [A-Z]| officers? (?:in|from|of) [A-Z])|(?:the )?government(?! (?:systems|agencies|services|websites|networks|computers))|the (?:${titleAlt}))\\b`,
  "gi",
);
// Cheap gates: the costly patterns below run only on sentences holding one of their key words.
const PEOPLE_WORDS = new Set([...peopleBySurface.keys()].map((k) => k.split(/[\s-]+/)[0] as string));
const TITLE_WORDS = new Set(officials.titles.map((t) => (t.split(/\s+/)[0] as string).toLowerCase()));
export const ANAPHOR_WORDS = new Set([
  "country",
  "nation",
  "state",
  "republic",
  "authorities",
  "prosecutors",
  "police",
  "government",
  ...officials.bodies.map((b) => (b.split(/\s+/)[0] as string).toLowerCase()),
  ...TITLE_WORDS,
]);
/**
 * The anaphors that open on their own word; every other one opens on "the". At any other key word ANAPHOR cannot
 * match (the word is no "the", and is none of these), so it is tried there only at the "the"s before the word.
 */
export const BARE_ANAPHORS = ["authorities", "prosecutors", "police", "government"];
// Sticky copies: tried only at the word positions where they can start, not at every character.
const sticky = (re: RegExp) => new RegExp(re.source, `${re.flags.replace("g", "")}y`);
const PEOPLE_AT = sticky(peopleRe);
const TITLED_AT = sticky(TITLED_PERSON);
const ANAPHOR_AT = sticky(ANAPHOR);

/** the nouns of the references to a body, a group, an organisation and a union of states, each kind by its bit */
export const REFERS_TO_BODY = 1;
export const REFERS_TO_GROUP = 2;
export const REFERS_TO_ORG = 4;
export const REFERS_TO_INTL = 8;
export const REFERENCE_WORDS = new Map<string, number>([
  ...words("bureau agency agencies department office directorate centre center", REFERS_TO_BODY),
  ...words("gang group crew collective syndicate outfit", REFERS_TO_GROUP),
  ...words(
    "company firm operator utility broadcaster hospital insurer bank carrier manufacturer retailer airline shipping chipmaker lender exchange port airport university",
    REFERS_TO_ORG,
  ),
  ...words("bloc alliance", REFERS_TO_INTL),
]);
function words(list: string, bit: number): Array<[string, number]> {
  return list.split(" ").map((w) => [w, bit]);
}
/** What a key word (lowercased) may open: people (as written), a title, an anaphor, a reference. */
interface KeyWord {
  lower: string;
  people: string[];
  title: boolean;
  anaphor: boolean;
  /** an anaphor that opens on the word itself ("authorities"); the others open on a "the" before it */
  bare: boolean;
  refers: number;
}
const KEY_SLOTS = 4096;
/** Key words by a hash of the whole lowercased word, computed while the scan reads it: no string is made of it. */
const keySlotOf = new Int32Array(KEY_SLOTS).fill(-1);
const keySlots: KeyWord[][] = [];
/**
 * One bit per value of the hash's low 13 bits, set for the key words: 1 KB that stays in cache, so the many
 * words that are no key are turned away without a read of the larger slot table.
 */
const KEY_BITS = 8192;
const keyFilter = new Int32Array(KEY_BITS / 32);
function keyWord(lower: string): KeyWord {
  let h = 0;
  for (let k = 0; k < lower.length; k++) h = (Math.imul(h, 31) + lower.charCodeAt(k)) | 0;
  const bits = (h >>> 5) & (KEY_BITS / 32 - 1);
  keyFilter[bits] = (keyFilter[bits] as number) | (1 << (h & 31));
  h &= KEY_SLOTS - 1;
  if (keySlotOf[h] === -1) {
    keySlotOf[h] = keySlots.length;
    keySlots.push([]);
  }
  const slot = keySlots[keySlotOf[h] as number] as KeyWord[];
  let e = slot.find((x) => x.lower === lower);
  if (!e) {
    e = { lower, people: [], title: false, anaphor: false, bare: false, refers: 0 };
    slot.push(e);
  }
  return e;
}
for (const w of PEOPLE_WORDS) keyWord(w.toLowerCase()).people.push(w);
for (const w of TITLE_WORDS) keyWord(w).title = true;
for (const w of ANAPHOR_WORDS) keyWord(w).anaphor = true;
for (const w of BARE_ANAPHORS) keyWord(w).bare = true;
for (const [w, bit] of REFERENCE_WORDS) keyWord(w).refers |= bit;

/**
 * The key words as one cue: the cue index finds them in the one reading of a sentence's words that every cue
 * shares, so the sentence is not scanned again here. Keys with other characters than letters ("u.s.",
 * "prosecutors'") are left out: a key is a whole run of ASCII letters, and no such run holds them.
 */
const KEY_CUE = CUES.add(
  new RegExp(
    `\\b(?:${keySlots
      .flat()
      .map((e) => e.lower)
      .filter((w) => /^[a-z]+$/.test(w))
      .join("|")})\\b`,
    "i",
  ),
);
// (the index lists a few hundred first words per cue: past that it would scan, and candidates could not run)
if (!KEY_CUE.indexed) throw new Error("Too many officials' key words for the cue index to list.");

/** True when the ASCII letters at `start` read `lower` ignoring case; the caller keeps it in one word. */
function readsLower(text: string, start: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++)
    if ((text.charCodeAt(start + k) | 32) !== lower.charCodeAt(k)) return false;
  return true;
}

/** The key word that stands at `start` as a whole word (\b to \b), if one does. */
function keyAt(text: string, start: number): KeyWord | undefined {
  if (isWordCode(text.charCodeAt(start - 1))) return undefined;
  let h = 0;
  let end = start;
  for (let c = text.charCodeAt(end); isAsciiLetterCode(c); c = text.charCodeAt(++end))
    h = (Math.imul(h, 31) + (c | 32)) | 0;
  if (isWordCode(text.charCodeAt(end))) return undefined;
  if (((keyFilter[(h >>> 5) & (KEY_BITS / 32 - 1)] as number) & (1 << (h & 31))) === 0) return undefined;
  const slot = keySlotOf[h & (KEY_SLOTS - 1)] as number;
  if (slot < 0) return undefined;
  const length = end - start;
  for (const e of keySlots[slot] as KeyWord[])
    if (e.lower.length === length && readsLower(text, start, e.lower)) return e;
  return undefined;
}

/** Where the run of ASCII letters last ending before `end` starts, or -1 when there is none. */
function wordBefore(text: string, end: number): number {
  let i = end - 1;
  while (i >= 0 && !isAsciiLetterCode(text.charCodeAt(i))) i--;
  if (i < 0) return -1;
  while (i > 0 && isAsciiLetterCode(text.charCodeAt(i - 1))) i--;
  return i;
}

/** True when the run of ASCII letters at `start` (which starts a run) is "the", in any case. */
function isThe(text: string, start: number): boolean {
  return (
    (text.charCodeAt(start) | 32) === 116 &&
    (text.charCodeAt(start + 1) | 32) === 104 &&
    (text.charCodeAt(start + 2) | 32) === 101 &&
    !isAsciiLetterCode(text.charCodeAt(start + 3))
  );
}

interface Candidates {
  people: readonly RegExpExecArray[];
  titles: readonly RegExpExecArray[];
  anaphors: readonly RegExpExecArray[];
  /** the kinds (REFERS_TO_*) of the whole words (\b to \b) that may point back to a named group, company or body */
  references: number;
}

/** the one list of no matches (most sentences hold none), shared; not frozen, as for-of over a frozen list allocates */
const NONE: readonly RegExpExecArray[] = [];

/**
 * Tries a sticky pattern at one position, unless an earlier match of the same list covers it: the list with the
 * match added (a new one when it was NONE).
 */
function tryAt(
  re: RegExp,
  text: string,
  pos: number,
  list: readonly RegExpExecArray[],
): readonly RegExpExecArray[] {
  for (const m of list) if (m.index <= pos && pos < m.index + m[0].length) return list;
  re.lastIndex = pos;
  const m = re.exec(text);
  if (!m) return list;
  if (list === NONE) return [m];
  (list as RegExpExecArray[]).push(m);
  return list;
}

const byIndex = (a: RegExpExecArray, b: RegExpExecArray) => a.index - b.index;

/**
 * The people, titled officials and anaphors of a sentence, tried at its key words only, and each list in the
 * order of the text. (A run of letters that touches a digit or "_" is no word the cue index reads; no pattern
 * here can match at or through one, as each opens and ends on a word boundary.)
 */
export function candidates(hits: CueHits): Candidates {
  const text = hits.text;
  let people = NONE;
  let titles = NONE;
  let anaphors = NONE;
  let references = 0;
  const slot = KEY_CUE.slotIn(hits);
  for (let i = hits.placesStart(slot), end = hits.placesEnd(slot); i < end; i++) {
    const start = hits.place(i);
    const key = keyAt(text, start);
    if (!key) continue;
    for (const p of key.people)
      if (text.startsWith(p, start)) {
        people = tryAt(PEOPLE_AT, text, start, people);
        break;
      }
    if (key.title) titles = tryAt(TITLED_AT, text, start, titles);
    if (key.anaphor) {
      // "the country", "the Balkan state", "the Central American country": the match opens on one of the three
      // words before, where that word is "the"
      const r0 = wordBefore(text, start);
      const r1 = r0 < 0 ? -1 : wordBefore(text, r0);
      const r2 = r1 < 0 ? -1 : wordBefore(text, r1);
      if (r0 >= 0 && isThe(text, r0)) anaphors = tryAt(ANAPHOR_AT, text, r0, anaphors);
      if (r1 >= 0 && isThe(text, r1)) anaphors = tryAt(ANAPHOR_AT, text, r1, anaphors);
      if (r2 >= 0 && isThe(text, r2)) anaphors = tryAt(ANAPHOR_AT, text, r2, anaphors);
      if (key.bare) anaphors = tryAt(ANAPHOR_AT, text, start, anaphors);
    }
    references |= key.refers;
  }
  // people and titles are tried left to right; an anaphor's "the" may come before one found already
  if (anaphors.length > 1) (anaphors as RegExpExecArray[]).sort(byIndex);
  return { people, titles, anaphors, references };
}

export function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function titledMention(m: RegExpExecArray, start: number, sentence: number): Mention {
  const name = m[1] as string;
  const role = m[0].slice(0, m[0].length - name.length).trim();
  const party = { kind: "person" as const, name, role };
  return mention(start, start + m[0].length, m[0], sentence, "official", party, undefined, false);
}

export function anaphorMention(m: RegExpExecArray, start: number, sentence: number): Mention {
  // the country is filled in once the story's focus is known (context.ts)
  const party = { kind: "state" as const, country: "ZZ", via: m[0] };
  return mention(start, start + m[0].length, m[0], sentence, "anaphor", party, undefined, false);
}

/** a title written just before a person's name */
const TITLE_BEFORE = new RegExp(`(?:${titleAlt})\\s+$`, "i");

export function personMention(
  text: string,
  start: number,
  end: number,
  sentence: number,
  row: PersonRow,
): Mention {
  // include a title written before the name ("Prime Minister Edi Rama")
  const before = text.slice(Math.max(0, start - 40), start);
  const title = TITLE_BEFORE.exec(before);
  const s = title ? start - title[0].length : start;
  const words = text.slice(s, end);
  if (row.intl) {
    const party = { kind: "intl" as const, code: row.intl, name: row.intl };
    return mention(s, end, words, sentence, "official", party, undefined, false);
  }
  const party: Party = { kind: "person", name: row.name };
  if (row.role) party.role = row.role;
  if (row.country) party.country = row.country;
  return mention(s, end, words, sentence, "official", party, row.country || undefined, false);
}
