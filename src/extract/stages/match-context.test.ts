import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  HEAD_WORDS,
  headWords,
  IS_BEHIND,
  mayBeBehind,
  NEXT_WORD,
  nextWord,
  withoutPossessive,
} from "./match-context.ts";

// What may follow a country's name: words that make the patterns match and words that stop them, white space
// of several kinds, hyphens, possessives, punctuation and letters that are not ASCII.
const TOKENS = [
  "is",
  "was",
  "are",
  "were",
  "had",
  "have",
  "been",
  "behind",
  "responsible for",
  "likely",
  "said",
  "hackers",
  "state-backed",
  "interior",
  "ministry",
  "Hackers",
  "-",
  "'s",
  "’s",
  "'",
  "’",
  ",",
  ".",
  "U.S.",
  "2024",
  "é",
  "Čez",
  "Ünion",
  "s",
];
const SPACES = [" ", " ", " ", "", "  ", "\n", "\t", "\u00a0", "\u2009"];
const after = fc
  .array(fc.tuple(fc.constantFrom(...SPACES), fc.constantFrom(...TOKENS)), { maxLength: 8 })
  .map((parts) => parts.map(([space, token]) => space + token).join(""));

describe("readers of the words after a match", () => {
  it("read the next word as NEXT_WORD does", () => {
    fc.assert(
      fc.property(after, (s) => assert.equal(nextWord(s), NEXT_WORD.exec(s)?.[1])),
      { numRuns: 5000 },
    );
  });

  it("read the head words as HEAD_WORDS does", () => {
    fc.assert(
      fc.property(after, (s) => assert.equal(headWords(s), HEAD_WORDS.exec(s)?.[1]?.trim())),
      { numRuns: 5000 },
    );
  });

  it("say no to IS_BEHIND only where it cannot match", () => {
    fc.assert(
      fc.property(after, (s) => {
        if (IS_BEHIND.test(s)) assert.ok(mayBeBehind(s), s);
      }),
      { numRuns: 5000 },
    );
    assert.ok(mayBeBehind(" hackers were behind"));
    assert.ok(!mayBeBehind(" hackers, who were behind"));
  });

  it("drop an opening possessive as the replace of /^['’]s/ does", () => {
    fc.assert(
      fc.property(after, (s) => assert.equal(withoutPossessive(s), s.replace(/^['’]s/, ""))),
      { numRuns: 5000 },
    );
    assert.equal(withoutPossessive("’s hackers"), " hackers");
  });
});
