import { type CueHits, CueNotes } from "./cue-hits.ts";
import { CueTrie } from "./cue-trie.ts";
import { firstWords } from "./first-words.ts";

export type { CueHits } from "./cue-hits.ts";

/**
 * One word-indexed matcher for every cue lexicon. Each pattern is registered once, at start-up; the words its
 * matches can begin with (./first-words.ts) go into one trie (./cue-trie.ts). A sentence is then read once, word by word: each
 * word walks the trie, and a pattern runs — anchored at that word — only where the word can open it. Twenty
 * lexicons cost one pass over the words instead of twenty scans of the text, and a sentence where no cue word
 * appears costs no pattern at all.
 *
 * The matches are exactly those of the pattern run over the whole sentence (`matchAll`, `test`, `exec`):
 * the word list never misses a place where a match can start, and the anchored pattern decides the rest.
 */
export class CueIndex {
  private readonly trie = new CueTrie();
  /** the places noted while a text is read */
  private readonly notes = new CueNotes();
  private readonly cues: Cue[] = [];

  /** Registers a pattern; its flags are kept (g is dropped: a Cue says whether it wants all matches). */
  add(re: RegExp): Cue {
    const id = this.cues.length;
    const words = firstWords(re.source, re.flags);
    const cue = new Cue(this, id, re, words !== null);
    this.cues.push(cue);
    if (words) this.trie.add(id, words);
    return cue;
  }

  /** The registered patterns whose first words cannot be listed: each is run over every text it is asked of. */
  unindexed(): RegExp[] {
    return this.cues.filter((c) => !c.indexed).map((c) => c.pattern);
  }

  /** Reads the words of `text` once and notes, for each cue, where it may match. */
  read(text: string): CueHits {
    this.notes.start(this.cues.length);
    this.trie.read(text, this.notes);
    return this.notes.hits(this, text, this.cues.length);
  }
}

// (not frozen, though shared: V8 makes a result object for each step of a for-of over a frozen array, and every
// stage loops over the matches of cues most sentences lack; `readonly` keeps it empty)
const NO_MATCHES: readonly RegExpExecArray[] = [];

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
    /** the pattern as registered */
    readonly pattern: RegExp,
    /** false when the pattern's first words cannot be listed: it is then run over the whole text */
    readonly indexed: boolean,
  ) {
    const flags = pattern.flags.replace(/[gy]/g, "");
    this.sticky = new RegExp(pattern.source, `${flags}y`);
    this.whole = new RegExp(pattern.source, `${flags}g`);
  }

  /** Every match, left to right and not overlapping: as `text.matchAll(re)` with the g flag. */
  matchAll(hits: CueHits): readonly RegExpExecArray[] {
    this.check(hits);
    // most sentences hold no word a cue opens on: they get the one shared empty list, and the sentence last
    // read in full is kept (nothing is stored: a store of a new object into an old one costs a write barrier)
    if (this.indexed && !hits.noted(this.id)) return NO_MATCHES;
    if (this.lastHits === hits) return this.lastAll;
    this.lastHits = hits;
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
    new CueReader(this.sticky, hits, hits.slotOf(this.id), out).readTo(Number.POSITIVE_INFINITY);
    return out;
  }

  /**
   * The matches of `matchAll`, read only as far as a caller asks (`CueReader.readTo`): for a long pattern whose
   * caller needs only the matches begun before some place.
   */
  reader(hits: CueHits): CueReader {
    // a pattern whose first words cannot be listed is read in full at once: slower, the same matches
    if (!this.indexed) return new CueReader(this.sticky, hits, -1, [...this.matchAll(hits)]);
    return new CueReader(this.sticky, hits, this.slotIn(hits), []);
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

  /**
   * The slot of this cue in `hits` (-1 when it was not noted): with `hits.placesStart`, `placesEnd` and `place`
   * it gives the places where a match may start, in order, for a caller that checks each place itself more
   * cheaply than the pattern would. The places are all where the cue's first words stand (a superset of where
   * it matches).
   */
  slotIn(hits: CueHits): number {
    this.check(hits);
    if (!this.indexed) throw new Error("This cue's first words cannot be listed: it has no places.");
    return hits.slotOf(this.id);
  }

  test(hits: CueHits): boolean {
    return this.exec(hits) !== null;
  }

  private check(hits: CueHits): void {
    if (hits.owner !== this.index || hits.cueCount <= this.id)
      throw new Error("These cue hits were read by another CueIndex, or before this cue was added.");
  }
}

/** The matches of an indexed cue, in order, read place by place as far as asked (see `Cue.reader`). */
export class CueReader {
  private next: number;
  private readonly end: number;
  /** where the last match ends: a place before it is inside it */
  private from = 0;

  constructor(
    private readonly sticky: RegExp,
    private readonly hits: CueHits,
    slot: number,
    /** the matches read so far, left to right and not overlapping */
    readonly matches: RegExpExecArray[],
  ) {
    this.next = hits.placesStart(slot);
    this.end = hits.placesEnd(slot);
  }

  /** Reads on until `matches` holds every match that begins before `limit`. */
  readTo(limit: number): void {
    const hits = this.hits;
    while (this.next < this.end) {
      const pos = hits.place(this.next);
      if (pos >= limit) return;
      this.next++;
      if (pos < this.from) continue;
      this.sticky.lastIndex = pos;
      const m = this.sticky.exec(hits.text);
      if (!m) continue;
      this.matches.push(m);
      this.from = pos + Math.max(1, m[0].length);
    }
  }
}
