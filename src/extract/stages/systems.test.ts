import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { isSpaceCode } from "../text/char-codes.ts";
import { firstHint, hintPlaces, SYSTEM_HINT, SYSTEMS, systemsIn } from "./systems.ts";

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
