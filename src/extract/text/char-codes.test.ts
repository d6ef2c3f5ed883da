import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isAsciiLetterCode, isAsciiSpaceCode, isSpaceCode, isWordCode } from "./char-codes.ts";

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
});
