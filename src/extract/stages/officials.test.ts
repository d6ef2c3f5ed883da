import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ANAPHOR, ANAPHOR_WORDS, BARE_ANAPHORS, candidates } from "./officials.ts";

const anaphorAt = new RegExp(ANAPHOR.source, "iy");
const TAILS = [
  "",
  " ",
  "'s",
  "’s",
  ",",
  ".",
  "-",
  "2",
  "_",
  " of",
  " the",
  " state",
  " ministry",
  " government",
  " officials",
  " in",
  " Albania",
  " council",
  " said",
];

describe("officials and anaphors", () => {
  it("opens an anaphor on a key word only where the word is a bare anaphor (else on a 'the' before it)", () => {
    // (the scan reads runs of ASCII letters: a key word with other characters, "prosecutors'", is never read)
    const word = fc.constantFrom(...[...ANAPHOR_WORDS].filter((w) => /^[a-z]+$/.test(w)));
    const casing = fc.constantFrom(
      (w: string) => w,
      (w: string) => w.toUpperCase(),
      (w: string) => w.charAt(0).toUpperCase() + w.slice(1),
    );
    const tail = fc.array(fc.constantFrom(...TAILS), { maxLength: 5 }).map((t) => t.join(""));
    fc.assert(
      fc.property(word, casing, tail, (w, cased, rest) => {
        anaphorAt.lastIndex = 0;
        const m = anaphorAt.exec(cased(w) + rest);
        if (m) assert.ok(BARE_ANAPHORS.includes(w), `${m[0]} opens on ${w}`);
      }),
      { numRuns: 3000 },
    );
  });

  it("finds anaphors on their own word and on a 'the' up to three words before a key word", () => {
    const found = candidates(
      "The Balkan state said the authorities and the country's police were told by police.",
    );
    assert.deepEqual(
      found.anaphors.map((m) => m[0]),
      ["The Balkan state", "the authorities", "the country's police", "police"],
    );
  });
});
