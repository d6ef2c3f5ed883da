import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { VICTIM_SLOT } from "./claims.ts";
import { LINEAGE_BEFORE } from "./roles.ts";
import { PRIVATE_VOICES_IN, SAY_AFTER, saysAfter } from "./speakers.ts";
import { TailPattern } from "./tail-words.ts";
import { AGENT_BEFORE, LOCATED_IN } from "./victims.ts";

// Words the patterns below end on, their neighbours, and what sits between words: case, hyphens, apostrophes,
// digits, "_" and the non-ASCII spaces \s holds.
const WORDS = [
  "said",
  "Said",
  "SAYS",
  "say",
  "unsaid",
  "believe",
  "believes",
  "found",
  "foundation",
  "told",
  "declared",
  "the",
  "The",
  "a",
  "an",
  "in",
  "In",
  "from",
  "of",
  "by",
  "to",
  "on",
  "into",
  "that",
  "which",
  "whom",
  "who",
  "officials",
  "experts",
  "researchers",
  "police",
  "people",
  "familiar",
  "with",
  "have",
  "had",
  "also",
  "blamed",
  "Blaming",
  "accused",
  "accusation",
  "hacked",
  "hack",
  "targets",
  "minister",
  "spokesman",
  "according",
  "quoted",
  "report",
  "Microsoft",
  "x",
  "_in",
  "in_",
  "9",
  "co-signed",
  "re-",
  "-",
  "'s",
  "’s",
  "based",
  "owned",
  "part",
  "statement",
  "Monday",
  "ſaid",
  "K",
  "against",
  "behind",
  "for",
  "working",
  "behalf",
  "affiliated",
  "linked",
  "sanctions",
  "pinned",
  "accuse",
  "located",
  "out",
  "inside",
  "within",
  "through",
  "servers",
  "are",
  "on behalf of",
  "out of",
  "working for",
  "blamed on",
  "sanctions against",
  "based out of",
  "hiding inside",
  "working from within",
];
const GAPS = [
  " ",
  " ",
  " ",
  "  ",
  "\t",
  "\u00a0",
  "\u2009",
  ", ",
  ",",
  "; ",
  ": ",
  "” ",
  '"',
  "",
  "-",
  "’",
  ".",
];

const texts = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { maxLength: 14 })
  .map((parts) => parts.map(([w, g]) => w + g).join(""));
const windows = texts.chain((text) =>
  fc
    .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
    .map(([x, y]) => ({ text, from: Math.min(x, y), to: Math.max(x, y) })),
);
/** windows that close where the text does, after a word and its gap: where the patterns' keys end */
const closingWindows = texts.chain((text) =>
  fc.nat({ max: text.length }).map((from) => ({ text, from, to: text.length })),
);

/** TailPatterns as the stages make them: keys, stems, extra word characters, up to seven words back */
const PATTERNS: Array<[string, TailPattern, RegExp]> = [
  ["private voices", PRIVATE_VOICES_IN, PRIVATE_VOICES_IN_RE()],
  ["victim slot", VICTIM_SLOT, VICTIM_SLOT_RE()],
  ["lineage", LINEAGE_BEFORE, LINEAGE_RE()],
  ["agent before", AGENT_BEFORE, AGENT_BEFORE_RE()],
  ["located in", LOCATED_IN, LOCATED_IN_RE()],
  ...[
    [
      /\b(?:of|in|on|at|for|against|from|into|with|to|about|over|like|including|by)\s+(?:(?:the|an?)\s+)?$/i,
      2,
      "of in on at for against from into with to about over like including by",
      {},
    ] as const,
    [
      /\b(?:blam(?:es|ed|ing)|accus(?:es|ed|ing)|hack(?:s|ed|ing)|target(?:s|ed|ing))\s+(?:the\s+)?$/i,
      2,
      "blam accus hack target",
      { stems: true },
    ] as const,
    [
      /\b(?:that|which)\s+(?:(?:[a-z][\w-]*\s+){0,2}(?:officials|experts|researchers)|people\s+(?:familiar\s+with)\s+(?:the\s+)?[\w-]+)\s+(?:have\s+|had\s+|also\s+)?$/,
      7,
      "that which",
      { wordChars: "-" },
    ] as const,
    [
      /(?:[,”"]\s*(?:said|says|say|told|declared|believes?|found)|according to|quoted by|report by)\s+(?:the\s+)?$/i,
      2,
      "to by said says say told declared believe believes found",
      {},
    ] as const,
    [
      /,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:that|which|whom)\s+(?:the\s+)?(?:[\w.'’-]+\s+){1,5}?(?:(?:had|has|have|also|later)\s+)?$/,
      8,
      "that which whom",
      { wordChars: "-.'’" },
    ] as const,
  ].map(([re, words, keys, options], i): [string, TailPattern, RegExp] => [
    `pattern ${i}`,
    new TailPattern(re, words, keys, options),
    re,
  ]),
];

function VICTIM_SLOT_RE(): RegExp {
  return /\b(?:attacks?|hacks?|hacking|breach|intrusions?)\s+(?:on|of|against|into)\s+(?:the\s+)?$|\b(?:targeting|against)\s+(?:the\s+)?$|\b(?:theft|stole|stolen|stealing)\b[^.;,]{0,50}\bfrom\s+(?:the\s+)?$/i;
}

function LINEAGE_RE(): RegExp {
  return /\b(?:variant|version|strain|fork|offshoot|copy|clone|derivative)s? of (?:the )?(?:leaked )?$|\b(?:based on|built on|derived from) (?:the )?(?:leaked )?$/i;
}

function AGENT_BEFORE_RE(): RegExp {
  return /\b(?:by|blam(?:ed|es|ing)(?: on)?|pinned on|accus(?:e|ed|es|ing)|behind|from|working for|on behalf of|(?:affiliated|associated|aligned) with|(?:attributed|traced|linked|tied|connected)(?:\s+[\w-]+){0,4}\s+to|sanctions? (?:against|on)|against|with)\s+(?:the\s+)?$/i;
}

function LOCATED_IN_RE(): RegExp {
  return /\b(?:are|is|was|were|be|been|based|operating|operated|located|living|hiding|sheltering|residing|sitting|originating|originated|coming|came|launched|routed|servers?|computers?|addresses|infrastructure|working|acting)\s+(?:in|from|out of|through|(?:from\s+)?(?:inside|within))\s+(?:the\s+)?$/i;
}

function PRIVATE_VOICES_IN_RE(): RegExp {
  return /\b(?:specialists|experts|researchers|analysts|observers|consultants|bankers|executives|academics|traders|commentators|residents)\s+(?:in|from|based in)\s+(?:the\s+)?$/i;
}

describe("tail words", () => {
  for (const [name, tail, re] of PATTERNS)
    it(`TailPattern answers as its pattern over the window (${name})`, () => {
      fc.assert(
        fc.property(fc.oneof(windows, closingWindows), ({ text, from, to }) => {
          assert.equal(tail.test(text, from, to), re.test(text.slice(from, to)));
        }),
        { numRuns: 3000 },
      );
    });

  it("a TailPattern answers for texts asked about in turn", () => {
    // the code units of the text last asked about are kept: asking about another, of the same length or not,
    // then the first again must read each one's own characters
    const asks = fc.array(
      fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 40 }), fc.nat({ max: 40 }), fc.constantFrom(...PATTERNS)),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(fc.tuple(texts, texts, texts), asks, (three, list) => {
        for (const [which, x, y, [, tail, re]] of list) {
          const text = three[which] as string;
          const [from, to] = [Math.min(x, y, text.length), Math.min(Math.max(x, y), text.length)];
          assert.equal(tail.test(text, from, to), re.test(text.slice(from, to)));
        }
      }),
      { numRuns: 2000 },
    );
    const [a, b] = ["experts in ", "experts on "];
    const tail = PRIVATE_VOICES_IN;
    assert.deepEqual([tail.test(a, 0, 11), tail.test(b, 0, 11), tail.test(a, 0, 11)], [true, false, true]);
  });

  it("a TailPattern finds its keys' ends, whatever their case", () => {
    const tail = new TailPattern(/\b(?:experts)\s+(?:in|from)\s+(?:the\s+)?$/i, 2, "in from");
    assert.equal(tail.test("Experts FROM the ", 0, 17), true);
    assert.equal(tail.test("experts fromage ", 0, 16), false);
  });

  it("saysAfter answers as SAY_AFTER over the window", () => {
    fc.assert(
      fc.property(windows, ({ text, from, to }) => {
        assert.equal(saysAfter(text, from, to), SAY_AFTER.test(text.slice(from, to)));
      }),
      { numRuns: 5000 },
    );
  });
});
