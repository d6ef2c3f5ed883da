/**
 * Where each cue may match in one text (CueHits), and the notes taken while the text is read (CueNotes).
 *
 * A batch holds the hits of every sentence of every document at once, so they are kept small and cheap to
 * make: each text's hits are a run of small integers in a shared Int32Array slab (a new slab is started when
 * one is full), and a text's CueHits is the one object made for it.
 */

/** integers per slab: a few hundred sentences' hits; a slab lives as long as any of its texts' hits */
const SLAB = 8_192;

/**
 * The places noted while one text is read, in tables kept from one reading to the next: reading a sentence
 * allocates nothing but its result.
 */
export class CueNotes {
  /** the place last noted for each cue, or -1 */
  private last = new Int32Array(0);
  /** how many places each cue has (while packing: where its next place goes) */
  private count = new Int32Array(0);
  /** the cues noted, in the order first noted */
  private cues = new Int32Array(64);
  private cueCount = 0;
  /** cue, place, cue, place, …: in reading order, so each cue's places come in order */
  private pairs = new Int32Array(512);
  private pairCount = 0;
  private slab = new Int32Array(SLAB);
  private used = 0;

  start(cues: number): void {
    if (this.last.length < cues) {
      this.last = new Int32Array(cues).fill(-1);
      this.count = new Int32Array(cues);
    }
    if (this.cues.length < cues) this.cues = new Int32Array(cues);
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
    if (this.pairCount === this.pairs.length) this.pairs = grown(this.pairs);
    this.pairs[this.pairCount++] = cue;
    this.pairs[this.pairCount++] = pos;
  }

  /**
   * The cues noted and their places, packed into the slab: the count of cues, their ids, where each one's places
   * end, then the places, grouped by cue. The tables are emptied for the next reading.
   */
  hits(owner: object, text: string, cueCount: number): CueHits {
    const n = this.cueCount;
    const size = 1 + 2 * n + this.pairCount / 2;
    if (this.used + size > this.slab.length) {
      this.slab = new Int32Array(Math.max(SLAB, size));
      this.used = 0;
    }
    const data = this.slab;
    const at = this.used;
    this.used += size;
    data[at] = n;
    let end = at + 1 + 2 * n;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    for (let k = 0; k < n; k++) {
      const cue = this.cues[k] as number;
      const places = this.count[cue] as number;
      data[at + 1 + k] = cue;
      this.count[cue] = end;
      end += places;
      data[at + 1 + n + k] = end;
      if (cue < 32) b0 |= 1 << cue;
      else if (cue < 64) b1 |= 1 << (cue - 32);
      else if (cue < 96) b2 |= 1 << (cue - 64);
      else if (cue < 128) b3 |= 1 << (cue - 96);
    }
    const pairs = this.pairs;
    for (let i = 0; i < this.pairCount; i += 2) {
      const cue = pairs[i] as number;
      data[(this.count[cue] as number)++] = pairs[i + 1] as number;
    }
    for (let k = 0; k < n; k++) {
      const cue = this.cues[k] as number;
      this.last[cue] = -1;
      this.count[cue] = 0;
    }
    return new CueHits(owner, text, cueCount, data, at, b0, b1, b2, b3);
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Where each cue may match in one text, as found by CueIndex.read. */
export class CueHits {
  constructor(
    /** the CueIndex that read the text */
    readonly owner: object,
    readonly text: string,
    /** how many cues the index held when the text was read */
    readonly cueCount: number,
    /** the slab holding this text's hits from `at` on (see CueNotes.hits) */
    private readonly data: Int32Array,
    private readonly at: number,
    // the first 128 cues noted, as bits: most cues a stage asks about were not noted in a sentence, and are
    // turned away here without a search of the list
    private readonly noted0: number,
    private readonly noted1: number,
    private readonly noted2: number,
    private readonly noted3: number,
  ) {}

  /** Whether the cue `id` was noted: for the first 128 cues, one bit says so without a search of the list. */
  noted(id: number): boolean {
    if (id >= 128) return this.slotOf(id) >= 0;
    const bits = id < 32 ? this.noted0 : id < 64 ? this.noted1 : id < 96 ? this.noted2 : this.noted3;
    return (bits & (1 << (id & 31))) !== 0;
  }

  /** Which of the noted cues `id` is, or -1 where the cue cannot match. */
  slotOf(id: number): number {
    if (id < 128 && !this.noted(id)) return -1;
    const data = this.data;
    const at = this.at;
    const count = data[at] as number;
    for (let k = 0; k < count; k++) if (data[at + 1 + k] === id) return k;
    return -1;
  }

  /** Where the places of the noted cue `slot` begin (see `slotOf`); they end at `placesEnd`. */
  placesStart(slot: number): number {
    if (slot < 0) return 0;
    const count = this.data[this.at] as number;
    return slot === 0 ? this.at + 1 + 2 * count : (this.data[this.at + count + slot] as number);
  }

  placesEnd(slot: number): number {
    return slot < 0 ? 0 : (this.data[this.at + 1 + (this.data[this.at] as number) + slot] as number);
  }

  place(i: number): number {
    return this.data[i] as number;
  }
}
