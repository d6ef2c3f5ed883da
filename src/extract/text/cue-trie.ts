import { isSpaceCode, isWordCode } from "./char-codes.ts";
import type { CueNotes } from "./cue-hits.ts";
import type { FirstWord } from "./first-words.ts";

/**
 * The first words and stems of every cue (./first-words.ts) in one trie of lowercased ASCII word characters.
 * A text is read once, char by char: each word walks the trie from its root, a stem's cues are noted as the walk
 * passes its node, and a whole word's cues where the word ends on its node. Most words leave the trie after a
 * letter or two and are skipped to their end; no string is made per word or per sentence.
 */
export class CueTrie {
  /** next[node * ALPHABET + letter - 1]: the child, or 0 (the root, node 0, is no one's child) */
  private next = new Int32Array(256 * ALPHABET);
  /** per node: STEM where stems end there, WORD where whole words do */
  private kind = new Uint8Array(256);
  private nodes = 1;
  /** per node: the cues of the stems that end there */
  private readonly stems: number[][] = [];
  /** per node: cue, continuations, cue, continuations, … for the whole words that end there (see `nexts`) */
  private readonly words: number[][] = [];
  /** what may follow a whole word (FirstWord.next), by number; -1 in `words` where anything may */
  private readonly nexts: Array<readonly string[]> = [];

  /** Adds the first words of cue `cue`. */
  add(cue: number, firstWords: readonly FirstWord[]): void {
    for (const { word, complete, next } of firstWords) {
      let node = 0;
      for (let k = 0; k < word.length; k++) node = this.child(node, LETTER[word.charCodeAt(k)] as number);
      this.kind[node] = (this.kind[node] as number) | (complete ? WORD : STEM);
      if (!complete) {
        const list = this.stems[node] ?? [];
        this.stems[node] = list;
        if (!list.includes(cue)) list.push(cue);
        continue;
      }
      const list = this.words[node] ?? [];
      this.words[node] = list;
      list.push(cue, next ? this.nexts.push(next) - 1 : -1);
    }
  }

  private child(node: number, letter: number): number {
    const at = node * ALPHABET + letter - 1;
    const known = this.next[at] as number;
    if (known) return known;
    const made = this.nodes++;
    if (made === this.kind.length) {
      const next = new Int32Array(this.next.length * 2);
      next.set(this.next);
      this.next = next;
      const kind = new Uint8Array(this.kind.length * 2);
      kind.set(this.kind);
      this.kind = kind;
    }
    this.next[at] = made;
    return made;
  }

  /** Notes, for each cue, every word of `text` it may open on. */
  read(text: string, notes: CueNotes): void {
    const next = this.next;
    const kind = this.kind;
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      let letter = c < 128 ? (LETTER[c] as number) : 0;
      if (letter === 0) {
        i++;
        continue;
      }
      const start = i;
      let node = 0;
      // the walk: down the trie while the word's letters lead somewhere, then on to the word's end
      do {
        node = next[node * ALPHABET + letter - 1] as number;
        if (node !== 0 && ((kind[node] as number) & STEM) !== 0) this.noteAll(this.stems[node], start, notes);
        c = ++i < n ? text.charCodeAt(i) : 0;
        letter = c < 128 ? (LETTER[c] as number) : 0;
      } while (node !== 0 && letter !== 0);
      if (node !== 0 && ((kind[node] as number) & WORD) !== 0) {
        this.noteWhole(this.words[node] as number[], text, start, i, notes);
        continue;
      }
      while (letter !== 0) {
        c = ++i < n ? text.charCodeAt(i) : 0;
        letter = c < 128 ? (LETTER[c] as number) : 0;
      }
    }
  }

  private noteAll(cues: readonly number[] | undefined, start: number, notes: CueNotes): void {
    if (!cues) return;
    for (let k = 0; k < cues.length; k++) notes.note(cues[k] as number, start);
  }

  /** Notes the cues of the whole word at [start, end) that the text goes on from as they may. */
  private noteWhole(
    entries: readonly number[],
    text: string,
    start: number,
    end: number,
    notes: CueNotes,
  ): void {
    for (let k = 0; k < entries.length; k += 2) {
      const next = entries[k + 1] as number;
      if (next < 0 || goesOn(text, end, this.nexts[next] as readonly string[]))
        notes.note(entries[k] as number, start);
    }
  }
}

/** True when `text` at `at` reads one of `nexts` (lowercase ASCII; " " for any whitespace), ignoring ASCII case. */
function goesOn(text: string, at: number, nexts: readonly string[]): boolean {
  for (let k = 0; k < nexts.length; k++) if (reads(text, at, nexts[k] as string)) return true;
  return false;
}

function reads(text: string, at: number, next: string): boolean {
  if (at + next.length > text.length) return false;
  for (let k = 0; k < next.length; k++) {
    const want = next.charCodeAt(k);
    const c = text.charCodeAt(at + k);
    if (want === 32 ? !isSpaceCode(c) : (c >= 65 && c <= 90 ? c + 32 : c) !== want) return false;
  }
  return true;
}

const STEM = 1;
const WORD = 2;

/** the trie's letters: 1–37 per word character (\w without the u flag, as \b sees it), lowercased; 0 for the rest */
const ALPHABET = 37;
const LETTER = new Uint8Array(128);
for (let c = 0, letters = 0; c < 128; c++) {
  if (!isWordCode(c)) continue;
  // upper-case letters come before lower-case ones: they share their letter
  LETTER[c] = c >= 97 && c <= 122 ? (LETTER[c - 32] as number) : ++letters;
}
