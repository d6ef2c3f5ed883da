import { isWordCode } from "./char-codes.ts";
import { CodeUnits } from "./code-units.ts";
import type { CueNotes } from "./cue-hits.ts";
import { CueTails } from "./cue-tails.ts";
import type { FirstWord } from "./first-words.ts";

/**
 * The first words and stems of every cue (./first-words.ts) in one trie of lowercased ASCII word characters.
 * A text is read once, char by char: each word walks the trie from its root, a stem's cues are noted as the walk
 * passes its node, and a whole word's cues where the word ends on its node. Most words leave the trie after a
 * letter or two and are skipped to their end; no string is made per word or per sentence.
 */
export class CueTrie {
  /** next[node * ALPHABET + letter - 1]: the child, or 0 (the root, node 0, is no one's child) */
  private next = new Uint16Array(256 * ALPHABET);
  /** per node: STEM where stems end there, WORD where whole words do */
  private kind = new Uint8Array(256);
  private nodes = 1;
  /** per node: the cues of the stems that end there */
  private readonly stems: number[][] = [];
  /** per node: the cues of the whole words that end there, whatever follows */
  private readonly words: number[][] = [];
  /** per node: the root of what may follow its whole word (FirstWord.next) in `tails`, 0 for none */
  private tailRoot = new Int32Array(256);
  private readonly tails = new CueTails();
  /** the trie as `read` walks it (see `compile`), made again after words are added */
  private steps = new Int32Array(0);
  private stale = true;
  private readonly units = new CodeUnits();

  /** Adds the first words of cue `cue`. */
  add(cue: number, firstWords: readonly FirstWord[]): void {
    this.stale = true;
    for (const { word, complete, next } of firstWords) {
      let node = 0;
      for (let k = 0; k < word.length; k++) node = this.child(node, LETTER[word.charCodeAt(k)] as number);
      if (complete && next) {
        if (this.tailRoot[node] === 0) this.tailRoot[node] = this.tails.root();
        for (const n of next) this.tails.add(this.tailRoot[node] as number, n, cue);
        this.kind[node] = (this.kind[node] as number) | TAIL;
        continue;
      }
      const lists = complete ? this.words : this.stems;
      const list = lists[node] ?? [];
      lists[node] = list;
      if (!list.includes(cue)) list.push(cue);
      this.kind[node] = (this.kind[node] as number) | (complete ? WORD : STEM);
    }
  }

  private child(node: number, letter: number): number {
    const at = node * ALPHABET + letter - 1;
    const known = this.next[at] as number;
    if (known) return known;
    const made = this.nodes++;
    // node numbers are 16-bit: a few thousand cue words make a few thousand nodes
    if (made > 0xffff) throw new Error("Too many cue words for one CueIndex.");
    if (made === this.kind.length) {
      const next = new Uint16Array(this.next.length * 2);
      next.set(this.next);
      this.next = next;
      const kind = new Uint8Array(this.kind.length * 2);
      kind.set(this.kind);
      this.kind = kind;
      const tailRoot = new Int32Array(this.kind.length);
      tailRoot.set(this.tailRoot);
      this.tailRoot = tailRoot;
    }
    this.next[at] = made;
    return made;
  }

  /** Notes, for each cue, every word of `text` it may open on. */
  read(text: string, notes: CueNotes): void {
    if (this.stale) this.compile();
    // the module's constants as locals: read in the loop from the module scope, each would be a checked load
    const steps = this.steps;
    const letters = LETTER;
    const units = this.units.of(text);
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = units[i] as number;
      let letter = c < 128 ? (letters[c] as number) : 0;
      if (letter === 0) {
        i++;
        continue;
      }
      const start = i;
      let step = 0;
      // the walk: down the trie while the word's letters lead somewhere, then on to the word's end
      do {
        step = steps[(step >> 3) + letter] as number;
        if ((step & STEM) !== 0) this.noteAll(this.stems[nodeOf(step)], start, notes);
        c = ++i < n ? (units[i] as number) : 0;
        letter = c < 128 ? (letters[c] as number) : 0;
      } while (step !== 0 && letter !== 0);
      if (step !== 0) {
        if ((step & WORD) !== 0) this.noteAll(this.words[nodeOf(step)], start, notes);
        if ((step & TAIL) !== 0)
          this.tails.follow(this.tailRoot[nodeOf(step)] as number, units, n, i, start, notes);
        continue;
      }
      while (letter !== 0) {
        c = ++i < n ? (units[i] as number) : 0;
        letter = c < 128 ? (letters[c] as number) : 0;
      }
    }
  }

  /**
   * The trie as `read` walks it: the step from node k by letter l at k * ALPHABET + l, holding the child's own
   * place (child * ALPHABET) shifted past its kind. A step is then one load and an add, and says at once whether
   * the child ends a stem or a word; the node's number is worked out only there.
   */
  private compile(): void {
    const steps = new Int32Array(this.nodes * ALPHABET + ALPHABET + 1);
    for (let node = 0; node < this.nodes; node++)
      for (let letter = 1; letter <= ALPHABET; letter++) {
        const child = this.next[node * ALPHABET + letter - 1] as number;
        if (child !== 0)
          steps[node * ALPHABET + letter] = ((child * ALPHABET) << 3) | (this.kind[child] as number);
      }
    this.steps = steps;
    this.stale = false;
  }

  private noteAll(cues: readonly number[] | undefined, start: number, notes: CueNotes): void {
    if (!cues) return;
    for (let k = 0; k < cues.length; k++) notes.note(cues[k] as number, start);
  }
}

/** the node a step of `steps` leads to (see `compile`) */
const nodeOf = (step: number) => ((step >> 3) / ALPHABET) | 0;

const STEM = 1;
const WORD = 2;
const TAIL = 4;

/** the trie's letters: 1–37 per word character (\w without the u flag, as \b sees it), lowercased; 0 for the rest */
const ALPHABET = 37;
const LETTER = new Uint8Array(128);
for (let c = 0, letters = 0; c < 128; c++) {
  if (!isWordCode(c)) continue;
  // upper-case letters come before lower-case ones: they share their letter
  LETTER[c] = c >= 97 && c <= 122 ? (LETTER[c - 32] as number) : ++letters;
}
