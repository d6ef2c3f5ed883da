import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { casual } from "chrono-node";
import fc from "fast-check";
import { readingFacts } from "../../../test/helpers/date-reading.ts";
import { PARSERS, parseDates } from "./date-parser.ts";
import { IN_WORD, IN_WORD_WORDS, nextMatch, READERS, WEEKDAY } from "./date-readers.ts";

// weekdays as chrono writes them, the words that may stand around them, and what may join them, with no space
// too ("onFriday", "Monaco", "lastsat"), in any case
const piece = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      ..."monday mon mon. tue tues tuesday wed wednesday thu thur thur. thurs thurs. thursday fri friday sat sat. saturday sun sun. sunday weekend weekday week".split(
        " ",
      ),
    ),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(..."on this last past next of the july 15 may a x n s t o".split(" ")),
  },
  {
    weight: 6,
    arbitrary: fc.constantFrom(" ", " ", "", ",", "(", ")", "（", "）", ".", "-", "\t", "é", "_", "1"),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 2, unit: "binary" }) },
);
const text = fc
  .tuple(fc.array(piece, { maxLength: 12 }), fc.constantFrom("lower", "upper", "title"))
  .map(([parts, kind]) =>
    parts
      .map((p) =>
        kind === "upper" ? p.toUpperCase() : kind === "title" ? p.charAt(0).toUpperCase() + p.slice(1) : p,
      )
      .join(""),
  );

// …and the pattern's own shape: what may come before a weekday, the weekday, and "of this week" after it
const sep = fc.constantFrom("", " ", "  ", ",", "-");
const word = (words: string) => fc.constantFrom(...words.split(" "));
const shaped = fc
  .tuple(
    text,
    fc.array(fc.oneof(sep, word("on this last past next ( ,")), { maxLength: 3 }),
    word("monday sat sat. thurs weekend weekday week mon"),
    fc.array(fc.oneof(sep, word("of this last past next week ) ,")), { maxLength: 5 }),
    text,
  )
  .map(([a, before, day, after, b]) => a + before.join("") + day + after.join("") + b);
const texts = fc.oneof(text, shaped);

describe("where the weekday pattern is searched for", () => {
  const reader = READERS[WEEKDAY];
  it("finds its first match as the pattern itself does, on any text", () => {
    assert.ok(reader?.may);
    const plain = new RegExp(reader.pattern.source, reader.pattern.flags);
    fc.assert(
      fc.property(texts, (t) => {
        plain.lastIndex = 0;
        const expected = plain.exec(t);
        const found = nextMatch(reader, t);
        assert.deepEqual(found && [found.index, ...found], expected && [expected.index, ...expected], t);
      }),
      { numRuns: 30_000 },
    );
  });

  it("leaves the readings of a sentence as chrono's", () => {
    const chrono = casual.clone();
    chrono.parsers = [...PARSERS];
    const ref = { instant: new Date(Date.UTC(2022, 8, 10, 12)), timezone: 0 };
    const reading = readingFacts;
    fc.assert(
      fc.property(texts, (t) => {
        const s = `The attack ${t} was reported.`;
        assert.deepEqual(parseDates(s, ref).map(reading), chrono.parse(s, ref).map(reading), s);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe("the search for months, weekdays and 'ago' inside a word", () => {
  it("finds, from any place, what the plain alternation of its words finds", () => {
    const plain = new RegExp(String.raw`\B(?:${IN_WORD_WORDS.join("|")})`, "gi");
    const inWords = fc
      .array(
        fc.oneof(
          fc.constantFrom(...IN_WORD_WORDS, "x", "on", "s", " ", "-", "1", "É"),
          fc.string({ maxLength: 2 }),
        ),
        {
          maxLength: 12,
        },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(inWords, fc.boolean(), (t, upper) => {
        const s = upper ? t.toUpperCase() : t;
        for (let from = 0; from <= s.length; from++) {
          IN_WORD.lastIndex = from;
          plain.lastIndex = from;
          const a = IN_WORD.exec(s);
          const b = plain.exec(s);
          assert.deepEqual(a && [a.index, a[0]], b && [b.index, b[0]], s);
        }
      }),
      { numRuns: 5_000 },
    );
  });
});
