import { isSpaceCode } from "./char-codes.ts";
import type { CueNotes } from "./cue-hits.ts";

/**
 * What may follow the whole first words of the cues (FirstWord.next: " hand of" after "the"), as one small trie
 * per word. The text after a word is walked once through its trie, whatever number of cues open on the word:
 * a cue is noted where the walk reaches the end of one of its continuations. Most walks stop at the first or
 * second character.
 *
 * A node's children are found in one open-addressed table keyed by node and character: the characters are
 * lowercased ASCII, " " for any whitespace (as ./first-words.ts writes them).
 */
export class CueTails {
  /** key (node * 128 + char), child, key, child, …; key 0: a free slot */
  private table = new Int32Array(2 * 1024);
  private used = 0;
  private nodes = 1;
  /**
   * per node: its child by whitespace, or 0. Most continuations open with a space and have more words: a third
   * of the steps of the walks are spaces, each found here without a search of the table.
   */
  private spaceChild = new Int32Array(64);
  /** per node: the cues whose continuation ends there */
  private readonly cues: Array<number[] | undefined> = [];

  /** A new trie, for one whole word: its root. */
  root(): number {
    return this.made();
  }

  /** Notes that cue `cue` may open where the text after the word of `root` reads `next`. */
  add(root: number, next: string, cue: number): void {
    let node = root;
    for (let k = 0; k < next.length; k++) {
      const key = node * 128 + next.charCodeAt(k);
      node = this.find(key);
      if (node === 0) {
        const parent = key >> 7;
        node = this.made();
        this.insert(key, node);
        if (next.charCodeAt(k) === 32) this.spaceChild[parent] = node;
      }
    }
    const list = this.cues[node] ?? [];
    this.cues[node] = list;
    if (!list.includes(cue)) list.push(cue);
  }

  /** Notes, at `start`, the cues whose continuations the text (its first `n` code `units`) reads from `at` on. */
  follow(root: number, units: Uint16Array, n: number, at: number, start: number, notes: CueNotes): void {
    let node = root;
    for (let i = at; i < n; i++) {
      const c = units[i] as number;
      const char = c < 128 ? (FOLD[c] as number) : isSpaceCode(c) ? 32 : 0;
      if (char === 0) return;
      node = char === 32 ? (this.spaceChild[node] as number) : this.find(node * 128 + char);
      if (node === 0) return;
      const cues = this.cues[node];
      if (cues) for (let k = 0; k < cues.length; k++) notes.note(cues[k] as number, start);
    }
  }

  /** A new node's number (every node has its place in `spaceChild`). */
  private made(): number {
    if (this.nodes === this.spaceChild.length) {
      const grown = new Int32Array(2 * this.spaceChild.length);
      grown.set(this.spaceChild);
      this.spaceChild = grown;
    }
    return this.nodes++;
  }

  private find(key: number): number {
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const k = table[2 * slot] as number;
      if (k === key) return table[2 * slot + 1] as number;
      if (k === 0) return 0;
    }
  }

  private insert(key: number, child: number): void {
    if (2 * ++this.used > this.table.length >> 1) this.grow();
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let slot = hash(key) & mask;
    while (table[2 * slot] !== 0) slot = (slot + 1) & mask;
    table[2 * slot] = key;
    table[2 * slot + 1] = child;
  }

  /** Doubles the table (kept at most half full, so that a search for a missing key stops soon). */
  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    const mask = (this.table.length >> 1) - 1;
    for (let s = 0; s < old.length; s += 2) {
      const key = old[s] as number;
      if (key === 0) continue;
      let slot = hash(key) & mask;
      while (this.table[2 * slot] !== 0) slot = (slot + 1) & mask;
      this.table[2 * slot] = key;
      this.table[2 * slot + 1] = old[s + 1] as number;
    }
  }
}

const hash = (key: number) => Math.imul(key, 0x9e3779b1) >>> 12;

/** ASCII as continuations are written: whitespace is " ", letters are lowercase; NUL ends a walk */
const FOLD = new Uint8Array(128);
for (let c = 1; c < 128; c++) FOLD[c] = isSpaceCode(c) ? 32 : c >= 65 && c <= 90 ? c + 32 : c;
