import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CodeUnits } from "./code-units.ts";

describe("code units", () => {
  it("hold each text's charCodeAt, one text after another, however long", () => {
    const units = new CodeUnits();
    // lone surrogates, non-ASCII and long texts (the array grows) among them
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 50 }),
      fc.string({
        unit: fc.constantFrom("a", "\ud800", "\udc00", "é", "’", "\u00a0", "\n"),
        maxLength: 5000,
      }),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), (list) => {
        for (const t of list) {
          const got = units.of(t);
          assert.ok(got.length >= t.length);
          for (let i = 0; i < t.length; i++) assert.equal(got[i], t.charCodeAt(i));
        }
      }),
      { numRuns: 300 },
    );
  });
});
