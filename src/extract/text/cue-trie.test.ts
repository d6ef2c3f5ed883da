import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { type CueHits, CueNotes } from "./cue-hits.ts";
import { CueTrie } from "./cue-trie.ts";
import type { FirstWord } from "./first-words.ts";

/** every (cue, place) the hits hold, as "cue@place" */
function noted(hits: CueHits, cues: number): string[] {
  const out: string[] = [];
  for (let cue = 0; cue < cues; cue++) {
    const slot = hits.slotOf(cue);
    for (let i = hits.placesStart(slot); i < hits.placesEnd(slot); i++) out.push(`${cue}@${hits.place(i)}`);
  }
  return out.sort();
}

/** The plain reading: each word of the text, lowercased, against each cue's words and stems and what follows. */
function reference(text: string, lists: readonly FirstWord[][]): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z0-9_]+/g)) {
    const word = m[0].toLowerCase();
    const end = m.index + word.length;
    const goesOn = (next: string) =>
      [...next].every((ch, k) => {
        const c = text[end + k];
        return c !== undefined && (ch === " " ? /\s/.test(c) : c.toLowerCase() === ch);
      });
    const opens = (w: FirstWord) =>
      w.complete ? word === w.word && (!w.next || w.next.some(goesOn)) : word.startsWith(w.word);
    lists.forEach((list, cue) => {
      if (list.some(opens)) out.add(`${cue}@${m.index}`);
    });
  }
  return [...out].sort();
}

function read(lists: readonly FirstWord[][], text: string): string[] {
  const trie = new CueTrie();
  lists.forEach((list, cue) => {
    trie.add(cue, list);
  });
  const notes = new CueNotes();
  notes.start(lists.length);
  trie.read(text, notes);
  return noted(notes.hits(trie, text, lists.length), lists.length);
}

describe("CueTrie", () => {
  it("notes a stem on every word it opens, a whole word only where the word ends there", () => {
    const lists = [
      [{ word: "blame", complete: false, next: null }],
      [
        { word: "blamed", complete: true, next: null },
        { word: "on", complete: true, next: null },
      ],
      [
        { word: "1", complete: false, next: null },
        { word: "blamed", complete: false, next: null },
      ],
    ];
    const text = "BLAMED on 24 blame_d, blamedly on-line; blam ON1 Блamed";
    assert.deepEqual(read(lists, text), reference(text, lists));
    assert.deepEqual(read(lists, text), ["0@0", "0@13", "0@22", "1@0", "1@31", "1@7", "2@0", "2@22"]);
  });

  it("notes a whole word only where the text goes on as the pattern may", () => {
    const lists = [
      [{ word: "hand", complete: true, next: [" of", "-"] }],
      [{ word: "on", complete: true, next: [" "] }],
    ];
    const text = "the hand\tOF, hand-made, handy of, hand on\u00a0x, hand of";
    assert.deepEqual(read(lists, text), reference(text, lists));
    assert.deepEqual(read(lists, text), ["0@4", "0@13", "0@45", "1@39"].sort());
  });

  it("reads the cues added after an earlier reading", () => {
    const lists = [
      [{ word: "blame", complete: false, next: null }],
      [{ word: "bl", complete: true, next: [" on"] }],
    ];
    const text = "Blamed bl on blame";
    const trie = new CueTrie();
    trie.add(0, lists[0] ?? []);
    const notes = new CueNotes();
    notes.start(1);
    trie.read(text, notes);
    assert.deepEqual(noted(notes.hits(trie, text, 1), 1), reference(text, lists.slice(0, 1)));
    trie.add(1, lists[1] ?? []);
    notes.start(2);
    trie.read(text, notes);
    assert.deepEqual(noted(notes.hits(trie, text, 2), 2), reference(text, lists));
    assert.deepEqual(reference(text, lists), ["0@0", "0@13", "1@7"]);
  });

  it("agrees with the plain reading on arbitrary words and text", () => {
    const firstWord = fc.oneof(
      fc.record({
        word: fc.stringMatching(/^[ab1_]{1,4}$/),
        complete: fc.constant(false),
        next: fc.constant(null),
      }),
      fc.record({
        word: fc.stringMatching(/^[ab1_]{1,4}$/),
        complete: fc.constant(true),
        next: fc.option(fc.array(fc.stringMatching(/^[ab .-]{1,3}$/), { minLength: 1, maxLength: 3 })),
      }),
    );
    const text = fc.stringMatching(/^[aAbB1_ \-é.\t\u00a0É]{0,60}$/);
    fc.assert(
      fc.property(fc.array(fc.array(firstWord, { maxLength: 4 }), { maxLength: 5 }), text, (lists, t) => {
        assert.deepEqual(read(lists, t), reference(t, lists));
      }),
      { numRuns: 500 },
    );
  });
});
