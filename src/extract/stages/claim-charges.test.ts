import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { NEGLIGENCE_AFTER, NEGLIGENCE_CHARGE } from "./claim-charges.ts";

// the words NEGLIGENCE_AFTER is made of, their neighbours, and the gaps and commas it reads between them
const WORDS = [
  ...["of", "Of", "OF", "off", "proof", "the", "its", "company", "state-backed", "Microsoft", "x"],
  ...[
    "failing",
    "Failing",
    "negligence",
    "not",
    "doing",
    "protecting",
    "securing",
    "mishandling",
    "misleading",
  ],
  ...["lax", "poor", "inadequate", "laxity", "hacking", ",", ".", ";", "-", "’"],
];
const GAPS = [" ", "  ", "\t", "\u00a0", "\u2009", "", ", ", ",", ". ", "; "];
const windows = fc
  .array(fc.tuple(fc.constantFrom(...GAPS), fc.constantFrom(...WORDS)), { maxLength: 30 })
  .map((parts) => parts.map(([g, w]) => g + w).join(""));

describe("NEGLIGENCE_CHARGE, the gate before NEGLIGENCE_AFTER", () => {
  it("holds wherever NEGLIGENCE_AFTER matches", () => {
    fc.assert(
      fc.property(windows, (w) => {
        if (NEGLIGENCE_AFTER.test(w)) assert.ok(NEGLIGENCE_CHARGE.test(w), w);
      }),
      { numRuns: 5000 },
    );
  });

  it("lets through the charges the pattern finds", () => {
    const w = " the company, which runs the site, of failing to protect data";
    assert.ok(NEGLIGENCE_AFTER.test(w) && NEGLIGENCE_CHARGE.test(w));
    assert.ok(
      NEGLIGENCE_AFTER.test("\u00a0Of\u2009lax security") &&
        NEGLIGENCE_CHARGE.test("\u00a0Of\u2009lax security"),
    );
  });
});
