import type { GazetteerEntry } from "./types.ts";

export interface GazetteerMatch {
  start: number;
  end: number;
  entry: GazetteerEntry;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Letters and digits by char code: ASCII by table, the rest by Unicode property (rare in English news). */
function isWordCode(c: number): boolean {
  // (c | 32 folds capitals onto lowercase letters; the unsigned differences test each range with one compare)
  if (c < 128) return ((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10;
  // Latin letters with accents, then the punctuation block of curly quotes and dashes, before asking Unicode
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x2000 && c <= 0x206f) return false;
  return WORD_CHAR.test(String.fromCharCode(c));
}
/** Whether the character at `at` is a letter or digit; false outside the text. */
const isWordAt = (text: string, at: number): boolean =>
  at >= 0 && at < text.length && isWordCode(text.charCodeAt(at));

const FILTER_BITS = 65_536;
/** Whether the bit of hash `h` is set in `filter` (FILTER_BITS bits). */
const hasBit = (filter: Int32Array, h: number) =>
  ((filter[(h >>> 5) & (FILTER_BITS / 32 - 1)] as number) & (1 << (h & 31))) !== 0;
function setBit(filter: Int32Array, h: number): void {
  const at = (h >>> 5) & (FILTER_BITS / 32 - 1);
  filter[at] = (filter[at] as number) | (1 << (h & 31));
}
/** How many characters of a longer word are hashed before `prefixes` is asked whether to hash the rest. */
const PREFIX = 3;
/** Where the hash `h` is first looked for in a table of `mask + 1` slots. */
const slotOf = (h: number, mask: number) => (Math.imul(h, 0x9e3779b1) >>> 16) & mask;

/**
 * True when `text` reads `word` from `start` (not before the text's start), as `startsWith` says: compared here
 * char by char, the first differing one (most often the first or second) answers without a call out.
 */
function spells(text: string, start: number, word: string): boolean {
  if (start + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * `spells(text, start, surface)` where `text` is known to read surface[known, knownEnd) from `start + known`:
 * only the rest of the surface is compared. The first word is checked once, when it is looked up; its many
 * candidate surfaces then differ from the text after it (or, rarely, before it).
 */
function spellsAround(
  text: string,
  start: number,
  surface: string,
  known: number,
  knownEnd: number,
): boolean {
  if (start + surface.length > text.length) return false;
  for (let k = 0; k < known; k++) if (text.charCodeAt(start + k) !== surface.charCodeAt(k)) return false;
  for (let k = knownEnd; k < surface.length; k++)
    if (text.charCodeAt(start + k) !== surface.charCodeAt(k)) return false;
  return true;
}

/** The hash `match` computes of a word as it reads it. */
function wordHash(word: string): number {
  let h = 0;
  for (let k = 0; k < word.length; k++) h = (Math.imul(h, 31) + word.charCodeAt(k)) | 0;
  return h;
}

/** One surface that opens with a first word, and where that word starts in it. */
interface Candidate {
  entry: GazetteerEntry;
  offset: number;
  /** where the first word ends in the surface */
  wordEnd: number;
  /** the surface ends in a letter or digit: a match of it may not run on into a word */
  endsInWord: boolean;
}

/** Below this many entries a first word's list is tried whole: telling them apart by what follows costs more. */
const FEW = 4;

/**
 * The entries whose surface opens with one first word, longest surface first. "The" opens some sixty surfaces
 * ("The Guardian", "The Base"): the two characters after the word in the text pick the few that can match.
 */
class FirstWord {
  readonly hash: number;
  /**
   * Another first word has the same hash and length, so `find` must compare characters to tell which the text
   * spells. Otherwise the text's word is compared only once an entry's other characters match it (most words
   * found, "the" and "The" above all, have no entry whose rest the text spells).
   */
  shared = false;
  /** the largest offset: a word nearer the text's start than this is tried against every entry (see `among`) */
  private readonly maxOffset: number;
  /** by the two characters after the word (c1 * 65536 + c2): the entries those characters allow, in order */
  private readonly byTwo = new Map<number, Candidate[]>();
  /** by the one character after the word, for pairs no entry spells out */
  private readonly byOne = new Map<number, Candidate[]>();
  /** the entries that end with the word */
  private readonly bare: Candidate[];

  constructor(
    readonly word: string,
    readonly all: readonly Candidate[],
  ) {
    this.hash = wordHash(word);
    this.maxOffset = Math.max(...all.map((c) => c.offset));
    const after = (c: Candidate) => c.entry.surface.slice(c.offset + word.length);
    this.bare = all.filter((c) => after(c).length === 0);
    if (all.length < FEW) return;
    for (const c of all) {
      const rest = after(c);
      if (rest.length >= 1) this.byOne.set(rest.charCodeAt(0), []);
      if (rest.length >= 2) this.byTwo.set(rest.charCodeAt(0) * 65_536 + rest.charCodeAt(1), []);
    }
    // each list keeps the order of `all`, holding every entry its characters do not rule out
    for (const [one, list] of this.byOne)
      for (const c of all) {
        const rest = after(c);
        if (rest.length === 0 || (rest.length === 1 && rest.charCodeAt(0) === one)) list.push(c);
      }
    for (const [two, list] of this.byTwo) {
      const one = Math.floor(two / 65_536);
      for (const c of all) {
        const rest = after(c);
        if (rest.length === 0 || (rest.length === 1 && rest.charCodeAt(0) === one)) list.push(c);
        else if (rest.length >= 2 && rest.charCodeAt(0) * 65_536 + rest.charCodeAt(1) === two) list.push(c);
      }
    }
  }

  /** The entries that may match where this word stands at `wordStart`, in order: the rest cannot. */
  among(text: string, wordStart: number): readonly Candidate[] {
    // (a surface whose first word stands further in than the word from the text's start is left to startsWith)
    if (this.all.length < FEW || wordStart < this.maxOffset) return this.all;
    const next = wordStart + this.word.length;
    const one = text.charCodeAt(next);
    const two = one * 65_536 + text.charCodeAt(next + 1);
    return this.byTwo.get(two) ?? this.byOne.get(one) ?? this.bare;
  }
}

/**
 * Case-sensitive longest-match lookup of many surface forms. Entries are indexed by their first word, so one
 * pass over the words of a text costs a lookup per word, however large the gazetteer grows.
 */
export class SurfaceMatcher {
  /**
   * First words by a hash of the whole word, computed while the word is read, so no string is made of any word.
   * Most words of a text open no entry: one bit per value of the hash's low 16 bits (8 KB, which stays in
   * cache where larger tables do not) turns nearly all of them away; the rest look the hash up in `table`.
   */
  private readonly filter = new Int32Array(FILTER_BITS / 32);
  /**
   * The same for the hashes of the first PREFIX characters of the first words longer than that: a longer word
   * of the text whose opening is not among them ("having", "said") is skipped to its end without hashing the rest.
   */
  private readonly prefixes = new Int32Array(FILTER_BITS / 32);
  /** open addressing on the whole hash: [hash, index in `words` or -1] pairs, probed from the hash's slot */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly words: FirstWord[] = [];
  private count = 0;

  constructor(entries: readonly GazetteerEntry[]) {
    const seen = new Set<string>();
    const byFirstWord = new Map<string, GazetteerEntry[]>();
    for (const e of entries) {
      if (seen.has(e.surface)) continue; // earlier entries win: the caller orders sources by priority
      seen.add(e.surface);
      const first = e.surface.match(/[\p{L}\p{N}]+/u)?.[0];
      if (!first) continue;
      const list = byFirstWord.get(first) ?? [];
      list.push(e);
      byFirstWord.set(first, list);
      this.count++;
    }
    let slots = 64;
    while (slots < 2 * byFirstWord.size) slots *= 2;
    this.mask = slots - 1;
    this.table = new Int32Array(2 * slots);
    for (let k = 1; k < this.table.length; k += 2) this.table[k] = -1;
    for (const [word, list] of byFirstWord) {
      list.sort((a, b) => b.surface.length - a.surface.length);
      // the first word is the surface's first run of letters and digits: where it stands in the surface
      const all = list.map((entry) => {
        const offset = Math.max(0, entry.surface.indexOf(word));
        const last = entry.surface.charCodeAt(entry.surface.length - 1);
        return { entry, offset, wordEnd: offset + word.length, endsInWord: isWordCode(last) };
      });
      const first = new FirstWord(word, all);
      const h = first.hash;
      setBit(this.filter, h);
      if (word.length > PREFIX) setBit(this.prefixes, wordHash(word.slice(0, PREFIX)));
      let p = slotOf(h, this.mask);
      while ((this.table[2 * p + 1] as number) >= 0) p = (p + 1) & this.mask;
      this.table[2 * p] = h;
      this.table[2 * p + 1] = this.words.length;
      this.words.push(first);
    }
    const byKey = new Map<string, FirstWord>();
    for (const w of this.words) {
      const key = `${w.hash} ${w.word.length}`;
      const other = byKey.get(key);
      if (other) other.shared = w.shared = true;
      else byKey.set(key, w);
    }
  }

  /**
   * The first word whose hash is `h` and which may stand in `text` at `start` (`length` characters long): the
   * only one of that hash and length, which the caller compares, or the one of several that the text spells.
   */
  private find(h: number, text: string, start: number, length: number): FirstWord | undefined {
    const table = this.table;
    for (let p = slotOf(h, this.mask); ; p = (p + 1) & this.mask) {
      const index = table[2 * p + 1] as number;
      if (index < 0) return undefined;
      if (table[2 * p] !== h) continue;
      const w = this.words[index] as FirstWord;
      if (w.word.length === length && (!w.shared || spells(text, start, w.word))) return w;
    }
  }

  get size(): number {
    return this.count;
  }

  match(text: string, from = 0, to = text.length): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    let skipUntil = from;
    let i = from;
    // a hand-rolled word scan: this loop runs over every character of every document
    while (i < to) {
      let c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      const wordStart = i;
      let h = 0;
      let goesOn: boolean;
      do {
        h = (Math.imul(h, 31) + c) | 0;
        c = ++i < to ? text.charCodeAt(i) : 0;
        goesOn = i < to && isWordCode(c);
      } while (goesOn && i - wordStart < PREFIX);
      if (goesOn && !hasBit(this.prefixes, h)) {
        // no first word opens so: the rest of the word is passed over, with the character that ends it
        while (++i < to && isWordCode(text.charCodeAt(i)));
        i++;
        continue;
      }
      while (goesOn) {
        h = (Math.imul(h, 31) + c) | 0;
        c = ++i < to ? text.charCodeAt(i) : 0;
        goesOn = i < to && isWordCode(c);
      }
      const length = i - wordStart;
      // the character that ended the word is no word's: the scan goes on past it
      i++;
      if (wordStart < skipUntil || !hasBit(this.filter, h)) continue;
      const first = this.find(h, text, wordStart, length);
      if (!first) continue;
      const candidates = first.among(text, wordStart);
      let spelt = first.shared;
      for (let k = 0; k < candidates.length; k++) {
        const { entry: e, offset, wordEnd, endsInWord } = candidates[k] as Candidate;
        // entries are keyed by their first word, which opens the surface: the match starts where the word does
        const start = wordStart - offset;
        if (start < 0 || !spellsAround(text, start, e.surface, offset, wordEnd)) continue;
        if (!spelt) {
          // a word of the same hash and length that is not this one: no entry of this word stands here
          if (!spells(text, wordStart, first.word)) break;
          spelt = true;
        }
        const end = start + e.surface.length;
        if (isWordAt(text, start - 1) || (endsInWord && isWordAt(text, end))) continue;
        out.push({ start, end, entry: e });
        skipUntil = end;
        break;
      }
    }
    return out;
  }
}
