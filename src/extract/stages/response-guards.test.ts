import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { PUNITIVE, punitiveIn } from "./response-guards.ts";

// the pattern's words, in other cases and glued to letters, digits, "_", "ſ" and "K" (U+212A), which /iu folds
// to "s" and "k"
const PIECES = [
  "in response to",
  "In Response To",
  "over the",
  "OVER its",
  "over those",
  "over these recent",
  "intrusions",
  "hacks",
  "breaches",
  "hold",
  "Hold them",
  "accountable",
  "because of",
  "for",
  "For",
  "FOR",
  "for its role",
  "for their alleged involvement",
  "for Russia's part",
  "for Ñandú’s role",
  "for the",
  "hack",
  "attack",
  "cyber",
  "hacking",
  "after",
  "caught",
  "discovering",
  "with",
  "With",
  "computer",
  "taking part in",
  "cyber-attacks",
  "cyberattacks",
  "punish",
  "Punished",
  "role",
  "involvement",
  "part",
  "department",
  "alleged",
  "its",
  "ſ",
  "\u212a",
  "_",
  "-",
  "1",
  "é",
  "İ",
];
const TEXT = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })),
      fc.constantFrom(" ", " ", "", ",", ".", "_", "x", "’"),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.map(([w, sep]) => w + sep).join(""));

describe("punitiveIn", () => {
  it("answers as the whole pattern over the sentence does, for any text", () => {
    fc.assert(
      fc.property(TEXT, (text) => assert.equal(punitiveIn(text), PUNITIVE.test(text), text)),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) =>
        assert.equal(punitiveIn(text), PUNITIVE.test(text)),
      ),
      { numRuns: 5000 },
    );
  });

  it("finds each alternative wherever a word opens it", () => {
    for (const text of [
      "sanctioned for its role in the attack",
      "charged with hacking into",
      "In response to the hack",
      "to hold Moscow accountable",
      "punished the GRU",
      "over these two intrusions",
      "after catching them",
      "charged with conspiring to launch cyberattacks",
      "xfor its role",
      "the department's role",
    ])
      assert.equal(punitiveIn(text), PUNITIVE.test(text), text);
    assert.equal(punitiveIn("sanctioned for its role"), true);
    assert.equal(punitiveIn("xfor its role"), false);
  });
});
