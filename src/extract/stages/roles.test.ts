import assert from "node:assert/strict";
import { describe, it } from "node:test";
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
