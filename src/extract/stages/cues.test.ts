import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { actReader, actSpans, CUES } from "./cues.ts";

// act words whole, in part and run together (a match may hold the start of the next), with their neighbours
const PIECES = [
  "said",
  "Said",
  "says",
  "sayso",
  "told",
  "announced",
  "disclosed",
  "made public",
  "made",
  "blamed",
  "accuses",
  "pointed to",
  "pointed the finger at",
  "hackers in",
  "denied",
  "dismissing",
  "claimed responsibility",
  "claimed credit",
  "took credit",
  "shut down",
  "took the systems offline",
  "offline",
  "expelled",
  "sanctioned",
  "charged",
  "condemned",
  "restored",
  "advisory",
  "took down",
  "retaliation",
  "was retaliation",
  "hit back",
  "the",
  "Russia",
  "as",
  "likely",
  "suspects",
  "attack",
  "on Monday",
  "9",
  "-",
  "’",
  ",",
  ".",
  " ",
  "  ",
  "\u00a0",
];
const sentence = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((p) => p.join(" "));

describe("acts read on demand", () => {
  it("holds, at each limit asked for, every act of the whole sentence begun before it and no other", () => {
    fc.assert(
      fc.property(sentence, fc.array(fc.nat({ max: 300 }), { maxLength: 5 }), (text, limits) => {
        const hits = CUES.read(text);
        const all = actSpans(hits);
        const reader = actReader(hits);
        const spans = () => reader.matches.map((m) => [m.index, m.index + m[0].length]);
        let furthest = 0;
        for (const limit of limits) {
          reader.readTo(limit);
          furthest = Math.max(furthest, limit);
          assert.deepEqual(
            spans(),
            all.filter(([x]) => x < furthest),
            `${limits} ${text}`,
          );
        }
        reader.readTo(Number.POSITIVE_INFINITY);
        assert.deepEqual(spans(), all, text);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe("the cue lexicons", () => {
  it("can each be looked up by the words their matches open with, so a sentence is read once for all of them", async () => {
    // every stage registers its cues when its module loads
    await import("../index.ts");
    assert.deepEqual(
      CUES.unindexed().map((re) => re.source.slice(0, 120)),
      [],
    );
  });
});
