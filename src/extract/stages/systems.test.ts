import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { isSpaceCode } from "../text/char-codes.ts";
import { wordTree } from "../text/word-tree.ts";
import {
  firstHint,
  hintPlaces,
  NOT_MODIFIERS,
  phraseBound,
  SYSTEM_HINT,
  SYSTEMS,
  systemsIn,
} from "./systems.ts";

// system words whole and in part, words that may modify them or follow them, and what stands between words
const PIECES = [
  "system",
  "systems",
  "network",
  "server",
  "website",
  "web page",
  "web pages",
  "infrastructure",
  "grid",
  "email",
  "e-mail",
  "email accounts",
  "platform",
  "platforms",
  "station",
  "pipeline",
  "computer",
  "computers",
  "database",
  "page",
  "site",
  "mail",
  "Web",
  "EMAIL",
  "the",
  "of",
  "at",
  "police",
  "port's",
  "IT",
  "control",
  "and",
  "hacked",
  "ſ",
  "\u212a",
  "é",
  " ",
  " ",
  "  ",
  "\n",
  ",",
  "-",
  "’",
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(""));

/** The places where a word begins, where a window may open. */
function wordStarts(t: string): number[] {
  const out = [0];
  for (let k = 1; k <= t.length; k++) if (isSpaceCode(t.charCodeAt(k - 1))) out.push(k);
  return out;
}

describe("system phrases", () => {
  it("finds a window's first hint word among the whole text's, as a search of the window does", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, i, j) => {
        const starts = wordStarts(t);
        const from = starts[i % starts.length] as number;
        const to = from + (j % (t.length - from + 1));
        const hint = SYSTEM_HINT.exec(t.slice(from, to));
        assert.equal(
          firstHint(t, 0, hintPlaces(t, 0), from, to),
          hint ? from + hint.index : -1,
          `${from}-${to} ${t}`,
        );
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads the first system phrase from its hint word on, as a search of the whole window does", () => {
    fc.assert(
      fc.property(text, (window) => {
        const hint = firstHint(window, 0, hintPlaces(window, 0), 0, window.length);
        SYSTEMS.lastIndex = 0;
        const plain = SYSTEMS.exec(window);
        const fast = hint < 0 ? null : systemsIn(window, hint);
        assert.deepEqual(fast ? [fast.index, fast[0]] : null, plain ? [plain.index, plain[0]] : null, window);
      }),
      { numRuns: 20_000 },
    );
  });
});

// words a phrase cannot hold before its noun, beside ones it can, in either case and joined to what is around
const BOUNDS = [
  ...PIECES,
  "The",
  "THE",
  "thee",
  "a",
  "an",
  "An",
  "its",
  "it",
  "IT",
  "said",
  "against",
  "several",
  "Several",
  "hacked",
  "hit",
  "into",
  "digital",
  "information",
  "their",
  "Their",
  "thei",
  "or",
  "ore",
  "to",
  "tom",
  "which",
  "whichever",
  "many",
  "man",
  "all",
  "ally",
  "were",
  "wer",
  "with",
  "withal",
  "ant",
  "AN",
  "3",
  "3D",
  "(",
  ")",
  ".",
  "_",
  '"',
  "“",
  "'",
  "\u00a0",
  "\t",
  "\u001f",
  "é",
];
const hostile = fc.array(fc.constantFrom(...BOUNDS), { maxLength: 30 }).map((p) => p.join(""));

describe("where a system phrase can start", () => {
  it("finds, from the bound, what a search of the whole window finds", () => {
    fc.assert(
      fc.property(hostile, (window) => {
        const hint = firstHint(window, 0, hintPlaces(window, 0), 0, window.length);
        SYSTEMS.lastIndex = 0;
        const plain = SYSTEMS.exec(window);
        const fast = hint < 0 ? null : systemsIn(window, hint);
        assert.deepEqual(fast ? [fast.index, fast[0]] : null, plain ? [plain.index, plain[0]] : null, window);
      }),
      { numRuns: 50_000 },
    );
  });

  it("never passes a place where a phrase starts", () => {
    fc.assert(
      fc.property(hostile, (window) => {
        const hint = firstHint(window, 0, hintPlaces(window, 0), 0, window.length);
        if (hint < 0) return;
        SYSTEMS.lastIndex = 0;
        const plain = SYSTEMS.exec(window);
        if (plain && plain.index <= hint) assert.ok(phraseBound(window, hint) <= plain.index, window);
      }),
      { numRuns: 50_000 },
    );
  });
});

describe("the system phrase pattern", () => {
  // the pattern as first written: the words that never modify in one flat list
  const MODIFIER = `(?!(?:${NOT_MODIFIERS.join("|")})\\b)[\\p{L}’'-]+`;
  const NOUN =
    "(?:computer |IT |email |e-mail |digital |control |information |payment |booking )?(?:systems?|networks?|servers?|websites?|web pages|infrastructure|grid|email accounts|platforms|stations|pipelines?|computers|databases?)";
  const PLAIN = new RegExp(
    `(?<![\\p{L}’'-])(?:${MODIFIER}\\s+){0,3}${NOUN}(?:\\s+(?:of|at)\\s+(?:the\\s+)?(?:${MODIFIER},?\\s+(?:and\\s+)?){0,4}${MODIFIER})?`,
    "giu",
  );

  it("groups its words as a tree of their letters, all of them", () => {
    const grouped = new RegExp(`^(?:${wordTree(NOT_MODIFIERS)})$`);
    for (const w of NOT_MODIFIERS) assert.ok(grouped.test(w), w);
    assert.equal(SYSTEMS.source, PLAIN.source.replaceAll(NOT_MODIFIERS.join("|"), wordTree(NOT_MODIFIERS)));
  });

  it("finds what the pattern with the flat list finds, from any place", () => {
    fc.assert(
      fc.property(hostile, fc.nat(), (window, i) => {
        const from = i % (window.length + 1);
        SYSTEMS.lastIndex = from;
        PLAIN.lastIndex = from;
        const fast = SYSTEMS.exec(window);
        const plain = PLAIN.exec(window);
        assert.deepEqual(fast ? [fast.index, fast[0]] : null, plain ? [plain.index, plain[0]] : null, window);
      }),
      { numRuns: 50_000 },
    );
  });
});
