import type { Party } from "../../model/index.ts";
import { loadData } from "../gazetteer/data.ts";
import { gazetteer } from "../gazetteer/index.ts";
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
const TITLED_PERSON = new RegExp(
  `\\b(?:${titleCased
    .map(esc)
    .sort((a, b) => b.length - a.length)
    .join("|")})\\s+(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,3})`,
  "gu",
);
/** words that stand for a state already in focus */
const ANAPHOR = new RegExp(
  `\\b(?:the (?:country|nation|Balkan state|Central American country|[A-Z][a-z]+ state)(?:['’]s)?(?:\\s+(?:${bodyAlt}))?|the (?:${bodyAlt})|(?:the )?authorities|(?:the )?government(?! (?:systems|agencies|services|websites|networks|computers))|the (?:${titleAlt}))\\b`,
  "gi",
);
// Cheap gates: the costly patterns below run only on sentences holding one of their key words.
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const PEOPLE_WORDS = new Set([...peopleBySurface.keys()].map((k) => k.split(/[\s-]+/)[0] as string));
const TITLE_WORDS = new Set(officials.titles.map((t) => (t.split(/\s+/)[0] as string).toLowerCase()));
const ANAPHOR_WORDS = new Set([
  "country",
  "nation",
  "state",
  "republic",
  "authorities",
  "government",
  ...officials.bodies.map((b) => (b.split(/\s+/)[0] as string).toLowerCase()),
  ...TITLE_WORDS,
]);
// Sticky copies: tried only at the word positions where they can start, not at every character.
const sticky = (re: RegExp) => new RegExp(re.source, `${re.flags.replace("g", "")}y`);
const PEOPLE_AT = sticky(peopleRe);
const TITLED_AT = sticky(TITLED_PERSON);
const ANAPHOR_AT = sticky(ANAPHOR);

const REFERENCE_WORDS = new Set(
  "bureau agency agencies department office directorate centre center gang group crew collective syndicate outfit company firm operator utility broadcaster hospital insurer bank carrier manufacturer retailer airline shipping chipmaker lender exchange".split(
    " ",
  ),
);
/**
 * A filter on a word's first three letters, lowercased: true for every key word above (and some others).
 * It lets the scan pass over most words without making a string of them.
 */
class PrefixFilter {
  private readonly bits = new Uint8Array(65_536);
  constructor(words: Iterable<string>) {
    for (const w of words) this.bits[this.hash(w.toLowerCase(), 0, w.length)] = 1;
  }
  has(text: string, start: number, end: number): boolean {
    return this.bits[this.hash(text, start, end)] === 1;
  }
  private hash(text: string, start: number, end: number): number {
    let h = 0;
    for (let k = start; k < start + 3; k++)
      h = (h * 31 + (k < end ? text.charCodeAt(k) | (text.charCodeAt(k) < 128 ? 32 : 0) : 0)) & 0xffff;
    return h;
  }
}
const KEY_WORDS = new PrefixFilter([...PEOPLE_WORDS, ...TITLE_WORDS, ...ANAPHOR_WORDS, ...REFERENCE_WORDS]);

interface Candidates {
  people: RegExpExecArray[];
  titles: RegExpExecArray[];
  anaphors: RegExpExecArray[];
  /** the sentence has a word that may point back to a named group, company or body */
  references: boolean;
}

/** Tries a sticky pattern at one position, unless an earlier match of the same list covers it. */
function tryAt(re: RegExp, text: string, pos: number, list: RegExpExecArray[]): void {
  for (const m of list) if (m.index <= pos && pos < m.index + m[0].length) return;
  re.lastIndex = pos;
  const m = re.exec(text);
  if (m) list.push(m);
}

export function candidates(text: string): Candidates {
  const found: Candidates = { people: [], titles: [], anaphors: [], references: false };
  // where the three words before this one start, most recent first, and whether each is "the"
  let r0 = -1;
  let r1 = -1;
  let r2 = -1;
  let the0 = false;
  let the1 = false;
  let the2 = false;
  const n = text.length;
  let i = 0;
  // a hand-rolled scan of ASCII words ([A-Za-z]+): most words are turned away by the key filter unmade
  while (i < n) {
    while (i < n && !isAsciiLetter(text.charCodeAt(i))) i++;
    const start = i;
    while (i < n && isAsciiLetter(text.charCodeAt(i))) i++;
    if (start >= i) continue;
    const the =
      i - start === 3 &&
      (text.charCodeAt(start) | 32) === 116 &&
      (text.charCodeAt(start + 1) | 32) === 104 &&
      (text.charCodeAt(start + 2) | 32) === 101;
    if (KEY_WORDS.has(text, start, i)) {
      const w = text.slice(start, i);
      const lower = w.toLowerCase();
      if (PEOPLE_WORDS.has(w)) tryAt(PEOPLE_AT, text, start, found.people);
      if (TITLE_WORDS.has(lower)) tryAt(TITLED_AT, text, start, found.titles);
      if (ANAPHOR_WORDS.has(lower)) {
        // "the country", "the Balkan state", "the Central American country": the match opens on an earlier "the"
        if (the0) tryAt(ANAPHOR_AT, text, r0, found.anaphors);
        if (the1) tryAt(ANAPHOR_AT, text, r1, found.anaphors);
        if (the2) tryAt(ANAPHOR_AT, text, r2, found.anaphors);
        tryAt(ANAPHOR_AT, text, start, found.anaphors);
      }
      if (REFERENCE_WORDS.has(lower)) found.references = true;
    }
    r2 = r1;
    r1 = r0;
    r0 = start;
    the2 = the1;
    the1 = the0;
    the0 = the;
  }
  for (const list of [found.people, found.titles, found.anaphors]) list.sort((a, b) => a.index - b.index);
  return found;
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
