import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { splitSentences } from "./sentences.ts";

describe("sentence splitting", () => {
  it("splits on full stops but not after abbreviations, initials or U.S.", () => {
    const text = "The U.S. Treasury acted on Aug. 24. Gen. Smith said so. John F. Kennedy was not involved.";
    assert.deepEqual(
      splitSentences(text).map((s) => s.text),
      ["The U.S. Treasury acted on Aug. 24.", "Gen. Smith said so.", "John F. Kennedy was not involved."],
    );
  });

  it("keeps closing quotes with their sentence and never crosses a line break", () => {
    const text = "“It was baseless.” Iran said.\nNext line without a stop\nLast.";
    const parts = splitSentences(text);
    assert.deepEqual(
      parts.map((s) => s.text),
      ["“It was baseless.”", "Iran said.", "Next line without a stop", "Last."],
    );
    assert.deepEqual(
      parts.map((s) => s.paragraph),
      [0, 0, 1, 2],
    );
  });

  it("gives offsets that slice back to each sentence", () => {
    const text = "  First one.   Second one!\n\n Third?";
    for (const s of splitSentences(text)) assert.equal(text.slice(s.start, s.end), s.text);
  });
});
