import { isWordCode } from "./char-codes.ts";
import { firstWords } from "./first-words.ts";

/**
 * One word-indexed matcher for every cue lexicon. Each pattern is registered once, at start-up; the words its
 * matches can begin with (./first-words.ts) go into one map. A sentence is then read once, word by word: each
 * word is looked up, and a pattern runs — anchored at that word — only where the word can open it. Twenty
 * lexicons cost one pass over the words instead of twenty scans of the text, and a sentence where no cue word
 * appears costs no pattern at all.
 *
 * The matches are exactly those of the pattern run over the whole sentence (`matchAll`, `test`, `exec`):
 * the word list never misses a place where a match can start, and the anchored pattern decides the rest.
 */
export class CueIndex {
  /**
   * First words and stems by their first three letters, as a number: most words of a sentence open no cue, and
   * this look-up turns them away without making a string of them. Stems shorter than three letters ("\d+")
   * are kept apart, by first letter.
   */
  private readonly bucketOf = new Int32Array(65_536).fill(-1);
  // a dense list beside a typed index: a sparse array of 65,536 would be kept as a slow dictionary
  private readonly buckets: Stem[][] = [];
  /**
   * Whole first words by a hash of the whole lowercased word, computed while the word is read: a word is
   * compared with the few words of its slot only, whatever its first letters share with other cue words.
   */
  private readonly exactSlots = new Int32Array(EXACT_SLOTS).fill(-1);
  private readonly exact: ExactWord[][] = [];
  /** stems by their first character (ASCII, lowercase) */
  private readonly shortStems: Array<Array<{ stem: string; cue: number }> | undefined> = new Array(128);
  private readonly cues: Cue[] = [];

  /** Registers a pattern; its flags are kept (g is dropped: a Cue says whether it wants all matches). */
  add(re: RegExp): Cue {
    const id = this.cues.length;
    const words = firstWords(re.source, re.flags);
    const cue = new Cue(this, id, re, words !== null);
    this.cues.push(cue);
    for (const { word, complete } of words ?? []) {
      if (!complete && word.length < 3) {
        const list = this.shortStems[word.charCodeAt(0)] ?? [];
        list.push({ stem: word, cue: id });
        this.shortStems[word.charCodeAt(0)] = list;
        continue;
      }
      if (complete) {
        const h = wordHash(word) & (EXACT_SLOTS - 1);
        if (this.exactSlots[h] === -1) {
          this.exactSlots[h] = this.exact.length;
          this.exact.push([]);
        }
        const slot = this.exact[this.exactSlots[h] as number] as ExactWord[];
        const known = slot.find((e) => e.word === word);
        if (!known) slot.push({ word, cues: [id] });
        else if (!known.cues.includes(id)) known.cues.push(id);
        continue;
      }
      const key = keyOf(word, 0, word.length);
      const folded = fold(key);
      if (this.bucketOf[folded] === -1) {
        this.bucketOf[folded] = this.buckets.length;
        this.buckets.push([]);
      }
      (this.buckets[this.bucketOf[folded] as number] as Stem[]).push({ key, stem: word, cue: id });
    }
    return cue;
  }

  /** Reads the words of `text` once and notes, for each cue, where it may match. */
  read(text: string): CueHits {
    const notes = this.notes;
    notes.start(this.cues.length);
    // words are ASCII ([A-Za-z0-9_]), so they are compared lowercased char by char, in place: no string is
    // made per word or per sentence
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      const start = i;
      // the word's hash and its first three letters' key, both lowercased, in the one pass that finds its end
      let h = 0;
      let key = 0;
      do {
        const lc = lowerCode(c);
        h = (Math.imul(h, 31) + lc) | 0;
        if (i - start < 3) key = key * 256 + lc;
        c = ++i < n ? text.charCodeAt(i) : 0;
      } while (i < n && isWordCode(c));
      const length = i - start;
      for (let k = length; k < 3; k++) key *= 256;
      const short = this.shortStems[lowerCode(text.charCodeAt(start))];
      if (short) for (const s of short) if (opensWith(text, start, s.stem)) notes.note(s.cue, start);
      const slot = this.exactSlots[h & (EXACT_SLOTS - 1)] as number;
      if (slot >= 0) {
        const words = this.exact[slot] as ExactWord[];
        for (let k = 0; k < words.length; k++) {
          const e = words[k] as ExactWord;
          if (e.word.length === length && opensWith(text, start, e.word))
            for (let j = 0; j < e.cues.length; j++) notes.note(e.cues[j] as number, start);
        }
      }
      const bucket = this.bucketOf[fold(key)] as number;
      if (bucket < 0) continue;
      const stems = this.buckets[bucket] as Stem[];
      for (let k = 0; k < stems.length; k++) {
        const s = stems[k] as Stem;
        if (s.key === key && s.stem.length <= length && opensWith(text, start, s.stem))
          notes.note(s.cue, start);
      }
    }
    return new CueHits(this, text, this.cues.length, notes.packed());
  }

  /** the places noted while a text is read; see `Notes` */
  private readonly notes = new Notes();
}

/**
 * The places noted while one text is read, in tables kept from one reading to the next: reading a sentence
 * allocates nothing but its result.
 */
class Notes {
  /** the place last noted for each cue, or -1 */
  private last = new Int32Array(0);
  /** how many places each cue has (while packing: where its next place goes) */
  private count = new Int32Array(0);
  /** the cues noted, in the order first noted */
  private readonly cues: number[] = [];
  private cueCount = 0;
  /** cue, place, cue, place, …: in reading order, so each cue's places come in order */
  private readonly pairs: number[] = [];
  private pairCount = 0;

  start(cues: number): void {
    if (this.last.length < cues) {
      this.last = new Int32Array(cues).fill(-1);
      this.count = new Int32Array(cues);
    }
    this.cueCount = 0;
    this.pairCount = 0;
  }

  /** Notes that `cue` may match at `pos`; a word can open one cue both whole and through a stem: once is enough. */
  note(cue: number, pos: number): void {
    const last = this.last[cue] as number;
    if (last === pos) return;
    if (last === -1) this.cues[this.cueCount++] = cue;
    this.last[cue] = pos;
    (this.count[cue] as number)++;
    this.pairs[this.pairCount++] = cue;
    this.pairs[this.pairCount++] = pos;
  }

  /**
   * The cues noted and their places as one exact list of small integers: the count of cues, their ids, where
   * each one's places end, then the places. A batch holds the hits of every sentence of every document at once,
   * so they are kept small. The tables are emptied for the next reading.
   */
  packed(): number[] {
    const n = this.cueCount;
    const data: number[] = new Array(1 + 2 * n + this.pairCount / 2);
    data[0] = n;
    let end = 1 + 2 * n;
    for (let k = 0; k < n; k++) {
      const cue = this.cues[k] as number;
      const places = this.count[cue] as number;
      data[1 + k] = cue;
      this.count[cue] = end;
      end += places;
      data[1 + n + k] = end;
    }
    for (let i = 0; i < this.pairCount; i += 2) {
      const cue = this.pairs[i] as number;
      data[(this.count[cue] as number)++] = this.pairs[i + 1] as number;
    }
    for (let k = 0; k < n; k++) {
      const cue = this.cues[k] as number;
      this.last[cue] = -1;
      this.count[cue] = 0;
    }
    return data;
  }
}

const lowerCode = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** True when the text at `start` reads `word` (lowercase) ignoring ASCII case; the caller keeps it in one word. */
function opensWith(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++)
    if (lowerCode(text.charCodeAt(start + k)) !== word.charCodeAt(k)) return false;
  return true;
}

const fold = (key: number) => (key ^ (key >>> 16) ^ (key >>> 5)) & 0xffff;

const EXACT_SLOTS = 4096;

/** The hash `read` computes of a lowercase word as it reads it. */
function wordHash(word: string): number {
  let h = 0;
  for (let k = 0; k < word.length; k++) h = (Math.imul(h, 31) + word.charCodeAt(k)) | 0;
  return h;
}

interface ExactWord {
  word: string;
  cues: number[];
}

interface Stem {
  /** the stem's first three letters, as `keyOf` makes them: most stems of a bucket are told apart by it */
  key: number;
  stem: string;
  cue: number;
}

/** The first three characters of a lowercase word (fewer for a shorter one) as one number. */
function keyOf(word: string, start: number, end: number): number {
  let key = 0;
  for (let k = start; k < start + 3; k++) key = key * 256 + (k < end ? word.charCodeAt(k) : 0);
  return key;
}

/** Where each cue may match in one text, as found by CueIndex.read. */
export class CueHits {
  constructor(
    readonly owner: CueIndex,
    readonly text: string,
    /** how many cues the index held when the text was read */
    readonly cueCount: number,
    /** see `packed` */
    private readonly data: readonly number[],
  ) {
    const count = data[0] as number;
    for (let k = 0; k < count; k++) {
      const id = data[1 + k] as number;
      if (id < 32) this.noted0 |= 1 << id;
      else if (id < 64) this.noted1 |= 1 << (id - 32);
      else if (id < 96) this.noted2 |= 1 << (id - 64);
      else if (id < 128) this.noted3 |= 1 << (id - 96);
    }
  }

  // the first 128 cues noted, as bits: most cues a stage asks about were not noted in a sentence, and are
  // turned away here without a search of the list
  private noted0 = 0;
  private noted1 = 0;
  private noted2 = 0;
  private noted3 = 0;

  /** Which of the noted cues `id` is, or -1 where the cue cannot match. */
  slotOf(id: number): number {
    if (id < 128) {
      const bits = id < 32 ? this.noted0 : id < 64 ? this.noted1 : id < 96 ? this.noted2 : this.noted3;
      if ((bits & (1 << (id & 31))) === 0) return -1;
    }
    const data = this.data;
    const count = data[0] as number;
    for (let k = 0; k < count; k++) if (data[1 + k] === id) return k;
    return -1;
  }

  /** Where in `data` the places of the noted cue `slot` begin (see `slotOf`); they end at `placesEnd`. */
  placesStart(slot: number): number {
    const count = this.data[0] as number;
    return slot < 0 ? 0 : slot === 0 ? 1 + 2 * count : (this.data[count + slot] as number);
  }

  placesEnd(slot: number): number {
    return slot < 0 ? 0 : (this.data[1 + (this.data[0] as number) + slot] as number);
  }

  place(i: number): number {
    return this.data[i] as number;
  }
}

const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/** A registered pattern. Its methods behave as the pattern's own, over the text a CueHits was read from. */
export class Cue {
  private readonly sticky: RegExp;
  private readonly whole: RegExp;
  /**
   * The sentence last read in full and its matches: stages often ask a cue twice of one sentence (a gate, then
   * each match), so the second answer is the first one kept.
   */
  private lastHits: CueHits | undefined;
  private lastAll: readonly RegExpExecArray[] = [];

  constructor(
    private readonly index: CueIndex,
    private readonly id: number,
    re: RegExp,
    /** false when the pattern's first words cannot be listed: it is then run over the whole text */
    readonly indexed: boolean,
  ) {
    const flags = re.flags.replace(/[gy]/g, "");
    this.sticky = new RegExp(re.source, `${flags}y`);
    this.whole = new RegExp(re.source, `${flags}g`);
  }

  /** Every match, left to right and not overlapping: as `text.matchAll(re)` with the g flag. */
  matchAll(hits: CueHits): readonly RegExpExecArray[] {
    this.check(hits);
    if (this.lastHits === hits) return this.lastAll;
    this.lastHits = hits;
    // most sentences hold no word a cue opens on: they get the one shared empty list
    if (this.indexed && hits.slotOf(this.id) < 0) {
      this.lastAll = NO_MATCHES;
      return NO_MATCHES;
    }
    const out: RegExpExecArray[] = [];
    this.lastAll = out;
    if (!this.indexed) {
      this.whole.lastIndex = 0;
      for (let m = this.whole.exec(hits.text); m; m = this.whole.exec(hits.text)) {
        out.push(m);
        if (m[0].length === 0) this.whole.lastIndex++;
      }
      return out;
    }
    let from = 0;
    const slot = hits.slotOf(this.id);
    for (let i = hits.placesStart(slot), end = hits.placesEnd(slot); i < end; i++) {
      const pos = hits.place(i);
      if (pos < from) continue;
      this.sticky.lastIndex = pos;
      const m = this.sticky.exec(hits.text);
      if (!m) continue;
      out.push(m);
      from = pos + Math.max(1, m[0].length);
    }
    return out;
  }

  /** The leftmost match, or null: as `re.exec(text)` without the g flag. */
  exec(hits: CueHits): RegExpExecArray | null {
    this.check(hits);
    if (this.lastHits === hits) return this.lastAll[0] ?? null;
    if (!this.indexed) {
      this.whole.lastIndex = 0;
      return this.whole.exec(hits.text);
    }
    const slot = hits.slotOf(this.id);
    for (let i = hits.placesStart(slot), end = hits.placesEnd(slot); i < end; i++) {
      this.sticky.lastIndex = hits.place(i);
      const m = this.sticky.exec(hits.text);
      if (m) return m;
    }
    return null;
  }

  test(hits: CueHits): boolean {
    return this.exec(hits) !== null;
  }

  private check(hits: CueHits): void {
    if (hits.owner !== this.index || hits.cueCount <= this.id)
      throw new Error("These cue hits were read by another CueIndex, or before this cue was added.");
  }
}
