import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  firstWordOf,
  isAsciiLetterCode,
  isAsciiSpaceCode,
  isSpaceCode,
  isWordCode,
  lastWordOf,
} from "./char-codes.ts";

describe("char codes", () => {
  it("say what \\s and \\w say, for every UTF-16 code unit", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(isSpaceCode(c), /\s/.test(ch), `\\s at U+${c.toString(16)}`);
      assert.equal(isWordCode(c), /\w/.test(ch), `\\w at U+${c.toString(16)}`);
      assert.equal(isAsciiLetterCode(c), /[A-Za-z]/.test(ch), `[A-Za-z] at U+${c.toString(16)}`);
      assert.equal(isAsciiSpaceCode(c), /[ \t\n\v\f\r]/.test(ch), `ASCII space at U+${c.toString(16)}`);
    }
  });

  it("give a text's first and last words as splitting it at white space does", () => {
    // texts of letters and every kind of white space, at either end too
    const piece = fc.constantFrom("Sony", "a", "-", " ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u3000", "é");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join("");
        assert.equal(firstWordOf(text), text.split(/\s+/)[0]);
        assert.equal(lastWordOf(text), text.split(/\s+/).pop());
      }),
      { numRuns: 2000 },
    );
    assert.equal(firstWordOf("Sony Pictures Entertainment"), "Sony");
    assert.equal(lastWordOf("the hospital"), "hospital");
    assert.equal(lastWordOf("the hospital "), "");
  });
});
