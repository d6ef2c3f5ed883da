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

/** The plain reading: each word of the text, lowercased, against each cue's words and stems. */
function reference(text: string, lists: readonly FirstWord[][]): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z0-9_]+/g)) {
    const word = m[0].toLowerCase();
    lists.forEach((list, cue) => {
      if (list.some((w) => (w.complete ? word === w.word : word.startsWith(w.word))))
        out.add(`${cue}@${m.index}`);
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
      [{ word: "blame", complete: false }],
      [
        { word: "blamed", complete: true },
        { word: "on", complete: true },
      ],
      [
        { word: "1", complete: false },
        { word: "blamed", complete: false },
      ],
    ];
    const text = "BLAMED on 24 blame_d, blamedly on-line; blam ON1 Блamed";
    assert.deepEqual(read(lists, text), reference(text, lists));
    assert.deepEqual(read(lists, text), ["0@0", "0@13", "0@22", "1@0", "1@31", "1@7", "2@0", "2@22"]);
  });

  it("agrees with the plain reading on arbitrary words and text", () => {
    const firstWord = fc.record({
      word: fc.stringMatching(/^[ab1_]{1,4}$/),
      complete: fc.boolean(),
    });
    const text = fc.stringMatching(/^[aAbB1_ \-é.]{0,60}$/);
    fc.assert(
      fc.property(fc.array(fc.array(firstWord, { maxLength: 4 }), { maxLength: 5 }), text, (lists, t) => {
        assert.deepEqual(read(lists, t), reference(t, lists));
      }),
      { numRuns: 500 },
    );
  });
});
