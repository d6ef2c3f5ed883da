import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { isNegated } from "./roles.ts";

describe("isNegated", () => {
  it("reads a negation in the words before a cue", () => {
    const text = "The ministry did not blame Moscow.";
    assert.equal(isNegated(text, 0, text.indexOf("blame")), true);
    assert.equal(isNegated("The ministry blamed Moscow.", 0, 13), false);
  });

  it("reads a window that would open before the text's start from the start instead", () => {
    // a cue near the text's start, asked about with a fixed look-back that reaches past it
    const text = "Never denied: the ministry kept silent.";
    const pos = text.indexOf("denied");
    assert.equal(isNegated(text, pos - 12, pos), true);
    assert.equal(isNegated("Tehran denied it.", 7 - 12, 7), false);
  });

  it('does not carry a negation across "but" or a semicolon', () => {
    const text = "It did not name the group but blamed Moscow.";
    assert.equal(isNegated(text, 0, text.indexOf("blamed")), false);
    const semi = "It did not comment; it blamed Moscow.";
    assert.equal(isNegated(semi, 0, semi.indexOf("blamed")), false);
  });
});

// Words and gaps that negation, "but", "and" and a past verb are made of, in either case and run together
const WORDS = [
  ...[
    "not",
    "Not",
    "never",
    "no",
    "No one",
    "nobody",
    "none",
    "without",
    "neither",
    "nor",
    "nothing",
    "note",
  ],
  ...["declined to", "refused to", "stopped short of", "yet to", "didn't", "won’t", "n't", "can't", "don'tx"],
  ...[
    "and",
    "And",
    "band",
    "andy",
    "_and",
    "9and",
    "but",
    "But",
    "butter",
    "rebut",
    "restored",
    "paid",
    "Ed",
  ],
  ...["blamed", "ed", "the", "group", "x", ";", "’", "'", "-"],
];
const GAPS = [" ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u3000", "", ", ", "; ", ".", "-"];
const texts = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { maxLength: 24 })
  .map((parts) => parts.map(([w, g]) => w + g).join(""));
const windows = texts.chain((text) =>
  fc
    .tuple(fc.integer({ min: -20, max: text.length }), fc.nat({ max: text.length }))
    .map(([from, to]) => ({ text, from, to })),
);

/** isNegated as it read before the "but" was read code by code */
function isNegatedPlain(text: string, from: number, to: number): boolean {
  const start = Math.max(0, from, to - 60);
  let open = start;
  for (let e = to; e > start; e--) {
    if (text.charCodeAt(e - 1) === 59) {
      open = e;
      break;
    }
    if (
      e - 3 >= start &&
      text.startsWith("but", e - 3) &&
      (e === to || !/\w/.test(text.charAt(e))) &&
      (e - 3 === start || !/\w/.test(text.charAt(e - 4)))
    ) {
      open = e;
      break;
    }
  }
  const span = text.slice(open, to);
  if (/\band\s+$/.test(span) && /^[a-z]+ed\b/.test(text.slice(to, to + 20))) return false;
  return /\b(?:not|never|no|without|neither|nor|declined to|refused to|stopped short of|yet to|none|nobody|no one)\b|n['’]t\b/i.test(
    span,
  );
}

describe('isNegated, against its "but" found by startsWith', () => {
  it('answers as when each place was asked for a "but" by startsWith', () => {
    fc.assert(
      fc.property(windows, ({ text, from, to }) => {
        assert.equal(isNegated(text, from, to), isNegatedPlain(text, from, to));
      }),
      { numRuns: 3000 },
    );
  });
});
