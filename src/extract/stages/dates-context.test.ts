import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { STATEMENT_BEFORE, statementBefore } from "./dates.ts";

// the patterns' own words, and what stands between words, so that generated texts come near to matching
const WORDS = [...new Set(STATEMENT_BEFORE.flatMap((p) => p.source.match(/[a-z]{2,}/g) ?? []))];
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(" ", "  ", "\t", "\n", "-", ",", ".", ";", "’", "é", "_", "1") },
  { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: "binary" }) },
);
const text = fc
  .tuple(fc.array(piece, { maxLength: 14 }), fc.boolean())
  .map(([parts, upper]) => (upper ? parts.join("").toUpperCase() : parts.join("")));
// …and runs of the words as a sentence writes them, which match far more often
const phrase = fc
  .tuple(
    fc.array(fc.constantFrom(...WORDS, "a", "its"), { minLength: 1, maxLength: 6 }),
    fc.constantFrom("", " ", "  "),
  )
  .map(([words, end]) => words.join(" ") + end);

describe("what before a date makes it a statement's", () => {
  it("is found by the one pattern wherever one of the patterns matches, and only there", () => {
    fc.assert(
      fc.property(fc.oneof(text, phrase), (t) => {
        for (const before of [t, t.slice(-40)])
          assert.equal(
            statementBefore(before),
            STATEMENT_BEFORE.some((p) => p.test(before)),
            JSON.stringify(before),
          );
      }),
      { numRuns: 20_000 },
    );
  });

  it("agrees on texts written as news writes them", () => {
    for (const t of [
      "the ministry said on ",
      "arrested four young people on ",
      "a flaw that Microsoft patched it in ",
      "the Computer Misuse Act, passed in ",
      "published an analysis in ",
      "made the breach public on ",
      "estimates on",
      "",
    ])
      assert.equal(
        statementBefore(t),
        STATEMENT_BEFORE.some((p) => p.test(t)),
        t,
      );
  });
});
