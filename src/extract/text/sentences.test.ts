import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { splitSentences } from "./sentences.ts";

/** The plain splitter: each line alone, its boundaries found by the pattern, abbreviations read as strings. */
function reference(text: string): Array<[number, number, number]> {
  const abbreviations = new Set(
    "mr mrs ms dr prof gen col lt sgt capt gov sen rep st jr sr no vs inc corp ltd co jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u u.s.a e.g i.e etc approx dept est fig mt ft".split(
      " ",
    ),
  );
  const out: Array<[number, number, number]> = [];
  let paragraph = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim()) {
      const push = (s: number, e: number) => {
        const t = line.slice(s, e);
        const start = s + (t.length - t.trimStart().length);
        const end = e - (t.length - t.trimEnd().length);
        if (end > start) out.push([lineStart + start, lineStart + end, paragraph]);
      };
      let from = 0;
      for (const m of line.matchAll(/[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9])/g)) {
        const word = /[A-Za-z.]*$/.exec(line.slice(0, m.index))?.[0] ?? "";
        const initial = /^[A-Z]$/.test(word);
        if (m[0].startsWith(".") && (abbreviations.has(word.toLowerCase()) || initial)) continue;
        push(from, m.index + m[0].length);
        from = m.index + m[0].length;
      }
      push(from, line.length);
      paragraph++;
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

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

  it("splits as the plain splitter does, line by line", () => {
    const parts = fc.constantFrom(
      ..."The U.S. u.s.a Gen. Aug. 24 F. f. Approx. approxi e.g. No. etc. said so Iran hit".split(" "),
      ..."., ! ? ?! ... .” .’ .) .] .\" .' “ ‘ ( [ \" ' 7 A".split(" "),
      " ",
      "  ",
      "\n",
      "\n\n",
      "\r\n",
      "\t",
      "\u00a0",
      "\u2028",
      "\u3000",
      "\ufeff",
      "é",
    );
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 60 }), (list) => {
        const text = list.join("");
        const got = splitSentences(text);
        assert.deepEqual(
          got.map((s) => [s.start, s.end, s.paragraph]),
          reference(text),
        );
        got.forEach((s, i) => {
          assert.equal(s.index, i);
          assert.equal(s.text, text.slice(s.start, s.end));
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("gives offsets that slice back to each sentence", () => {
    const text = "  First one.   Second one!\n\n Third?";
    for (const s of splitSentences(text)) assert.equal(text.slice(s.start, s.end), s.text);
  });
});
