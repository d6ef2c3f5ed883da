import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  FORMER_OF,
  FORMER_WORDS,
  GANG_NAMED,
  OFFICERS_IN,
  OFFICERS_WORDS,
  ORIGIN_BEFORE,
  ORIGIN_OF_ATTACKERS,
  ORIGIN_WORDS,
  TITLED_FIRST_NAME,
} from "./gazetteer-mention.ts";
import {
  HEAD_WORDS,
  headWords,
  IS_BEHIND,
  mayBeBehind,
  mayEndIn,
  mayFollowFirstName,
  mayNameGang,
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

// What may stand before a name: the words that end the patterns and the words before them, words that end
// alike ("and", "was", "bias"), capitals, quotes, hyphens, digits and letters that are not ASCII.
const BEFORE_TOKENS = [
  ...["hackers", "Hackers", "hacker", "xhackers", "group", "actors", "gang", "spies", "unit", "intruders"],
  ...["based", "linked", "tied", "backed", "sponsored", "working", "aligned", "affiliated", "Based"],
  ...["in", "from", "to", "by", "for", "with", "IN", "the", "The", "of", "at", "former", "head"],
  ...["known", "as", "AS", "bias", "called", "calling", "itself", "calls", "dubbed", "named", "Named"],
  ...["police", "prosecutors", "authorities", "General", "Secretary", "Mr.", "Dr", "Lisa", "Monaco"],
  ...["said", "and", "was", "s", "d", "é", "Ñas", "Žin", '"', "“", "'", "-", ",", "2024", "_"],
  ...["based in", "linked to", "tied to", "backed by", "sponsored by", "working for", "aligned with"],
  ...["affiliated with", "known as", "calling itself", "calls itself", "former head of", "police in"],
];
const before = fc
  .array(fc.tuple(fc.constantFrom(...SPACES), fc.constantFrom(...BEFORE_TOKENS)), { maxLength: 10 })
  .map((parts) => parts.map(([space, token]) => space + token).join(""));
/** the text before a name, with white space or a quote (or nothing) between them */
const beforeName = fc
  .tuple(before, fc.constantFrom(" ", "", "\u00a0", ' "', " “", "  "))
  .map(([words, gap]) => words + gap);

describe("readers of the words before a match", () => {
  const window = (s: string, width: number) => s.slice(Math.max(0, s.length - width));

  it("say no to each end-anchored pattern only where it cannot match", () => {
    fc.assert(
      fc.property(beforeName, (s) => {
        const text = `${s}Iran`;
        const at = s.length;
        if (GANG_NAMED.test(window(s, 50))) assert.ok(mayNameGang(text, at), s);
        const origin = mayEndIn(text, at, Math.max(0, at - 40), ORIGIN_WORDS, ORIGIN_BEFORE);
        if (ORIGIN_OF_ATTACKERS.test(window(s, 40))) assert.ok(origin, s);
        if (FORMER_OF.test(window(s, 50)))
          assert.ok(mayEndIn(text, at, Math.max(0, at - 50), FORMER_WORDS), s);
        if (OFFICERS_IN.test(window(s, 40)))
          assert.ok(mayEndIn(text, at, Math.max(0, at - 40), OFFICERS_WORDS), s);
        if (TITLED_FIRST_NAME.test(window(s, 60))) assert.ok(mayFollowFirstName(text, at), s);
      }),
      { numRuns: 20000 },
    );
  });

  it("turn away the common words before a name", () => {
    assert.ok(mayNameGang('a gang known as "Iran', 17));
    assert.ok(!mayNameGang("Britain and Iran", 12));
    assert.ok(!mayNameGang("officials said Iran", 15));
    assert.ok(mayEndIn("hackers based in the Iran", 21, 0, ORIGIN_WORDS, ORIGIN_BEFORE));
    assert.ok(!mayEndIn("an attack in Iran", 13, 0, ORIGIN_WORDS, ORIGIN_BEFORE));
    assert.ok(!mayEndIn("sent to Iran", 8, 0, ORIGIN_WORDS, ORIGIN_BEFORE));
  });
});
