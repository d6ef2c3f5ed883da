/**
 * The systems an attack hit, as the text words them ("police computer systems", "the networks of the parliament"):
 * the first system phrase in a window around the attack word.
 */
import { isAsciiLetterCode, isSpaceCode } from "../text/char-codes.ts";
import type { Sentence } from "../text/sentences.ts";
import { wordTree } from "../text/word-tree.ts";
import { type Analysis, memoOf } from "./context.ts";

// affected systems as written: up to three modifiers before a system noun, and an "of/at …" complement
const SYSTEM_NOUN =
  "(?:computer |IT |email |e-mail |digital |control |information |payment |booking )?(?:systems?|networks?|servers?|websites?|web pages|infrastructure|grid|email accounts|platforms|stations|pipelines?|computers|databases?)";
/** the words that never modify a system noun */
export const NOT_MODIFIERS =
  "the a an its their and or of on in at to by for with hit hacked said were was had has have all some many several into that which against".split(
    " ",
  );
const NOT_MODIFIER = new Set(NOT_MODIFIERS);

// (inside a lookahead the order of the words does not matter: any that matches turns the word away)
const MODIFIER = `(?!(?:${wordTree(NOT_MODIFIERS)})\\b)[\\p{L}’'-]+`;
/** a word every system noun holds */
export const SYSTEM_HINT =
  /system|network|server|website|web page|infrastructure|grid|email|platform|station|pipeline|computer|database/i;
// global, so that a search can start where a match can first begin; no group: the match is the phrase, and a
// group would copy it once more
export const SYSTEMS = new RegExp(
  `(?<![\\p{L}’'-])(?:${MODIFIER}\\s+){0,3}${SYSTEM_NOUN}(?:\\s+(?:of|at)\\s+(?:the\\s+)?(?:${MODIFIER},?\\s+(?:and\\s+)?){0,4}${MODIFIER})?`,
  "giu",
);
const SYSTEM_HINTS = new RegExp(SYSTEM_HINT.source, "gi");
// under the u flag, "ſ" and the Kelvin sign match "s" and "k", which the hint (without it) would not see
const FOLDS_TO_ASCII = /[\u017f\u212a]/;

// the hint words of each sentence, kept per document: each attack word of a sentence looks for one near it
const HINTS = {};
const noHints = (): Array<number[] | undefined> => [];

/**
 * The first system phrase (trimmed) around an attack word at [start, end) of sentence `s`: from the start of the
 * word 80 characters before it to 120 characters after it, within the sentence.
 */
export function systemsNear(a: Analysis, s: Sentence, start: number, end: number): string | undefined {
  let from = Math.max(s.start, start - 80);
  while (from > s.start && !isSpaceCode(a.text.charCodeAt(from - 1))) from--;
  const to = Math.min(s.end, end + 120);
  const cache = memoOf(a, HINTS, noHints);
  let hints = cache[s.index];
  if (!hints) {
    hints = hintPlaces(s.text, s.start);
    cache[s.index] = hints;
  }
  const hint = firstHint(s.text, s.start, hints, from, to);
  if (hint < 0) return undefined;
  // a window as wide as its sentence (a short one) is the sentence's own text
  const window = from === s.start && to === s.end ? s.text : a.text.slice(from, to);
  return systemsIn(window, hint - from)?.[0].trim();
}

/** Where SYSTEM_HINT finds its words in `text` (found one after another), as start, end pairs from `offset`. */
export function hintPlaces(text: string, offset: number): number[] {
  const hints: number[] = [];
  SYSTEM_HINTS.lastIndex = 0;
  for (let h = SYSTEM_HINTS.exec(text); h; h = SYSTEM_HINTS.exec(text))
    hints.push(offset + h.index, offset + h.index + h[0].length);
  return hints;
}

/**
 * Where the first hint word wholly inside [from, to) of `text` (which begins at `offset`) begins (-1: none), as
 * SYSTEM_HINT.exec finds it in the text between, given the `hints` of the whole text. Unless a hint word found in
 * the whole text crosses `from` ("web pagemail"), the search of the whole text is where the window's would be
 * at `from`, and finds what it finds from there on; and no hint word holds another, so one crossing `to` hides
 * none that ends by it.
 */
export function firstHint(
  text: string,
  offset: number,
  hints: readonly number[],
  from: number,
  to: number,
): number {
  for (let k = 0; k < hints.length; k += 2) {
    const start = hints[k] as number;
    const end = hints[k + 1] as number;
    if (start >= from) return end <= to ? start : -1;
    if (end > from) {
      const hint = SYSTEM_HINT.exec(text.slice(from - offset, to - offset));
      return hint ? from + hint.index : -1;
    }
  }
  return -1;
}

/**
 * The first system phrase of a window whose first hint word is at `hint`: SYSTEMS.exec(window) as a plain search,
 * started where a match can first begin. Every match holds a system noun, which holds a hint word, so none ends
 * before the first hint; and before its noun a match has at most four words (three modifiers and a "computer "
 * or the like), each ending in a space: none starts before the fifth word back from that hint.
 */
export function systemsIn(window: string, hint: number): RegExpExecArray | null {
  SYSTEMS.lastIndex = FOLDS_TO_ASCII.test(window) ? 0 : phraseBound(window, hint);
  return SYSTEMS.exec(window);
}

/**
 * Where a search for the first system phrase can start, given its first hint word at `hint` (see `systemsIn`).
 * What a match holds before that hint are modifiers (and a "digital " or the like), each a word of letters,
 * apostrophes and hyphens: none starts before an ASCII character of another kind, nor before a whole word (a
 * word ending in whitespace) that never modifies, such as "the" or "said".
 */
export function phraseBound(window: string, hint: number): number {
  let from = hint;
  for (let words = 0; from > 0 && words < 5; words++) {
    const end = from;
    while (from > 0 && !isSpaceCode(window.charCodeAt(from - 1))) {
      const c = window.charCodeAt(from - 1);
      if (c < 128 && !isAsciiLetterCode(c) && c !== 39 && c !== 45) return from;
      from--;
    }
    // the hint's own word goes on past the hint: only a whole word before it is told by its letters
    if (words > 0 && end - from <= 7 && NOT_MODIFIER.has(window.slice(from, end).toLowerCase())) return end;
    if (words < 4) while (from > 0 && isSpaceCode(window.charCodeAt(from - 1))) from--;
  }
  return from;
}
