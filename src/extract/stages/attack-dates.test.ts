import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { actBefore, actBeforeObject, disclosureBetween } from "./attack-dates.ts";

const WORDS = [
  "disclosed",
  "said",
  "revealed",
  "detected",
  "the",
  "an",
  "its",
  "attack",
  "on",
  "May",
  "3",
  ",",
  "made public",
];

/** a sentence of words, its acts (some of its words, in order) and two of its words: a date and an attack word */
const scene = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.boolean()), { minLength: 2, maxLength: 16 })
  .chain((words) => {
    let text = "";
    const spans: Array<[number, number]> = [];
    const acts: Array<[number, number]> = [];
    for (const [w, act] of words) {
      if (text) text += " ";
      spans.push([text.length, text.length + w.length]);
      if (act) acts.push([text.length, text.length + w.length]);
      text += w;
    }
    return fc
      .tuple(fc.nat({ max: spans.length - 1 }), fc.nat({ max: spans.length - 1 }), fc.nat({ max: 80 }))
      .map(([i, j, dist]) => ({
        text,
        acts,
        d: spans[i] as [number, number],
        word: spans[j] as [number, number],
        dist,
      }));
  });

describe("a date's acts", () => {
  it("are all read among those begun before the date or its attack word", () => {
    fc.assert(
      fc.property(scene, ({ text, acts, d, word, dist }) => {
        const known = acts.filter(([x]) => x < Math.max(d[0], word[0]));
        assert.deepEqual(actBefore(known, d[0], dist), actBefore(acts, d[0], dist));
        assert.deepEqual(
          disclosureBetween(text, known, d[1], word[0]),
          disclosureBetween(text, acts, d[1], word[0]),
        );
        assert.deepEqual(actBeforeObject(text, known, word[0]), actBeforeObject(text, acts, word[0]));
      }),
      { numRuns: 20_000 },
    );
  });
});
