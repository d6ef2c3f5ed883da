import { isAsciiLetterCode, isAsciiSpaceCode } from "../text/char-codes.ts";

/**
 * Char-code readers of the words around a gazetteer match, for the patterns gazetteer-mention.ts runs there:
 * most of the words they look at are plain ASCII, read here without running a pattern or making a match. Where
 * a character is not ASCII, each reader leaves the answer to the pattern it stands for.
 */

// The patterns of gazetteer-mention.ts that end in "$" are run on the words just before a match. Most matches
// have no such words before them, and a look at the last few characters says so without running the pattern
// (each check below is implied by its pattern: false only where the pattern cannot match; where a character is
// not ASCII, it leaves the question to the pattern).

/** Where the ASCII white space ending at `at` begins (not before `floor`), or -1 at a character not ASCII. */
function spaceStart(text: string, at: number, floor: number): number {
  let j = at;
  while (j > floor) {
    const c = text.charCodeAt(j - 1);
    if (isAsciiSpaceCode(c)) j--;
    else if (c >= 128) return -1;
    else break;
  }
  return j;
}

/** Where the run of ASCII letters ending at `at` begins (not before `floor`). */
function lettersStart(text: string, at: number, floor: number): number {
  let j = at;
  while (j > floor && (text.charCodeAt(j - 1) | 32) >= 97 && (text.charCodeAt(j - 1) | 32) <= 122) j--;
  return j;
}

/** True when text[start, end) reads `lower` ignoring ASCII case. */
function reads(text: string, start: number, end: number, lower: string): boolean {
  if (end - start !== lower.length) return false;
  for (let k = 0; k < lower.length; k++)
    if ((text.charCodeAt(start + k) | 32) !== lower.charCodeAt(k)) return false;
  return true;
}

/**
 * Whether `text` (from `floor`) may end at `at` in one of `words`, white space and an optional "the": what
 * FORMER_OF, OFFICERS_IN and ORIGIN_OF_ATTACKERS need ("… based in the", "… former head of"). With `before`,
 * the word ahead of that one, past white space, must be one of those too (ORIGIN_OF_ATTACKERS: "hackers in",
 * "linked to"): "in", "to" and "for" end many more phrases than the pattern's.
 */
export function mayEndIn(
  text: string,
  at: number,
  floor: number,
  words: readonly string[],
  before?: readonly string[],
): boolean {
  let end = spaceStart(text, at, floor);
  if (end < 0) return true;
  if (end === at) return false;
  let start = lettersStart(text, end, floor);
  if (reads(text, start, end, "the")) {
    end = spaceStart(text, start, floor);
    if (end < 0) return true;
    if (end === start) return false;
    start = lettersStart(text, end, floor);
  }
  if (!readsOneOf(text, start, end, words)) return false;
  if (!before) return true;
  const space = spaceStart(text, start, floor);
  if (space < 0) return true;
  return space < start && readsOneOf(text, lettersStart(text, space, floor), space, before);
}

function readsOneOf(text: string, start: number, end: number, words: readonly string[]): boolean {
  for (const w of words) if (reads(text, start, end, w)) return true;
  return false;
}

const GANG_NAMED_LAST = ["as", "called", "itself", "dubbed", "named"];

/** GANG_NAMED ends in "as", "called", "itself", "dubbed" or "named", white space and an optional quote. */
export function mayNameGang(text: string, at: number): boolean {
  const floor = Math.max(0, at - 50);
  let end = at;
  const q = text.charCodeAt(end - 1);
  if (end > floor && (q === 0x22 || q === 0x201c)) end--;
  const space = spaceStart(text, end, floor);
  if (space < 0) return true;
  if (space === end || space === floor) return false;
  const c = text.charCodeAt(space - 1) | 32;
  if (c !== 115 && c !== 100 && c !== 102) return false;
  // (then the word is read whole: many words before a name end in "s" or "d" — "and", "was", "said")
  return readsOneOf(text, lettersStart(text, space, floor), space, GANG_NAMED_LAST);
}

/** TITLED_FIRST_NAME ends in a capital, lowercase letters and white space ("Attorney General Lisa "). */
export function mayFollowFirstName(text: string, at: number): boolean {
  const floor = Math.max(0, at - 60);
  const space = spaceStart(text, at, floor);
  if (space < 0) return true;
  if (space === at) return false;
  let j = space;
  while (j > floor) {
    const c = text.charCodeAt(j - 1);
    if (c >= 97 && c <= 122) j--;
    else if (c >= 128) return true;
    else break;
  }
  if (j === space || j === floor) return false;
  const u = text.charCodeAt(j - 1);
  return (u >= 65 && u <= 90) || u >= 128;
}

// The patterns run on the text right after a country's name (`after`: up to 160 characters from its end).

/** the word after a country: "interior" (ministry), "hackers" */
export const NEXT_WORD = /^(?:['’]s)?\s+([\p{L}-]+)/u;
/** the one to three words after a country name: the noun phrase an adjective modifies */
export const HEAD_WORDS = /^(?:['’]s)?\s*((?:-?[\p{L}-]+\s*){1,3})/u;
// "Japan said Iran was behind …": a word of saying between them makes the one behind another party
export const IS_BEHIND =
  /^(?:['’]s)?\s*(?:(?!(?:said|says|say|saying|told|tells|believes?|thinks?|claims?|claimed|alleged|alleges|insists?|insisted|added|stated|states|announced|concluded|suspects?|suspected|accused|accuses|that)\b)[\p{L}-]+\s+){0,3}?(?:is|are|was|were|had been|have been)\s+(?:likely\s+|probably\s+|almost certainly\s+)?(?:behind|responsible for)\b/u;

/**
 * Where the patterns above read on in `after`: past an opening "'s" or "’s", which each of them may take (when it
 * is there, the reading without it fails at once: an apostrophe is neither white space nor a letter).
 */
function pastPossessive(after: string): number {
  const c = after.charCodeAt(0);
  return (c === 39 || c === 0x2019) && after.charCodeAt(1) === 115 ? 2 : 0;
}

/** `after` past an opening "'s" or "’s", as `after.replace(/^['’]s/, "")` gives it, without a regex run. */
export function withoutPossessive(after: string): string {
  return after.slice(pastPossessive(after));
}

// (each run is read by a loop of its own: one loop given either test as a function called it at every
// character, not inlined)

/** Where the ASCII white space from `i` ends, or -1 at a character not ASCII. */
function spaceEnd(after: string, i: number): number {
  let j = i;
  for (; j < after.length; j++) {
    const c = after.charCodeAt(j);
    if (c >= 128) return -1;
    if (!isAsciiSpaceCode(c)) break;
  }
  return j;
}

/** Where the ASCII letters and hyphens ([\p{L}-]) from `i` end, or -1 at a character not ASCII. */
function wordEnd(after: string, i: number): number {
  let j = i;
  for (; j < after.length; j++) {
    const c = after.charCodeAt(j);
    if (c >= 128) return -1;
    if (!isAsciiLetterCode(c) && c !== 45) break;
  }
  return j;
}

/** NEXT_WORD's word, as `NEXT_WORD.exec(after)?.[1]` gives it. */
export function nextWord(after: string): string | undefined {
  const from = pastPossessive(after);
  const start = spaceEnd(after, from);
  const end = start < 0 ? -1 : wordEnd(after, start);
  if (end < 0) return NEXT_WORD.exec(after)?.[1];
  return start === from || end === start ? undefined : after.slice(start, end);
}

/** HEAD_WORDS's words without the space after them, as `HEAD_WORDS.exec(after)?.[1]?.trim()` gives them. */
export function headWords(after: string): string | undefined {
  const start = spaceEnd(after, pastPossessive(after));
  let i = start;
  let end = start;
  // each of the three words is a whole run of letters and hyphens: the pattern takes it greedily, and the
  // white space after it, and succeeds with the words it has once no further word follows
  for (let k = 0; k < 3 && i >= 0; k++) {
    const stop = wordEnd(after, i);
    if (stop === i) break;
    if (stop >= 0) end = stop;
    i = stop < 0 ? -1 : spaceEnd(after, stop);
  }
  if (i < 0) return HEAD_WORDS.exec(after)?.[1]?.trim();
  return end === start ? undefined : after.slice(start, end);
}

const AUXILIARIES = ["is", "are", "was", "were", "had", "have"];

/**
 * False only where IS_BEHIND cannot match: its "is", "was", "had (been)" … must be one of the first four words,
 * each word before it letters and hyphens followed by white space. Most names are followed by no such word.
 */
export function mayBeBehind(after: string): boolean {
  let i = spaceEnd(after, pastPossessive(after));
  for (let k = 0; k < 4; k++) {
    if (i < 0) return true;
    const end = wordEnd(after, i);
    if (end < 0) return true;
    if (end === i) return false;
    for (const aux of AUXILIARIES) if (end - i === aux.length && after.startsWith(aux, i)) return true;
    const next = spaceEnd(after, end);
    if (next === end) return false;
    i = next;
  }
  return false;
}
