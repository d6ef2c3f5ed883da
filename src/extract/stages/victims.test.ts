import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { GAP_ASIDE, JOINED_BEFORE, joinedBefore, VICTIM_AFTER, victimAfter } from "./victims.ts";

// the words the patterns below look for, in part and in other cases, their neighbours, and what stands between
const PIECES = [
  "during",
  "DURING",
  "duringly",
  "amid",
  "amidst",
  "ahead of",
  "ahead  of",
  "briefing",
  "news conference",
  "press conference",
  "conference",
  "summit",
  "meeting",
  "hearing",
  "Interview",
  "speech",
  "speeches",
  "hacking",
  "Hacking",
  "unit",
  "units",
  "groups",
  "team",
  "gang",
  "crews",
  "outfit",
  "collective",
  "’s",
  "'s",
  "which",
  "who",
  "that",
  "it",
  "they",
  "she",
  "has",
  "had",
  "was",
  "were",
  "also",
  "been",
  "repeatedly",
  "now",
  "suffered",
  "suffer",
  "hit",
  "white",
  "targeted",
  "the target",
  "a target",
  "targets",
  "attacked",
  "struck",
  "victim",
  "victims",
  "breached",
  "hacked",
  "HACKED",
  "compromised",
  "crippled",
  "paralysed",
  "paralyzed",
  "infected",
  "disrupted",
  "Iran",
  "US",
  "Ü",
  "𝐀",
  "ſ",
  "K",
  "x",
  "_",
  "9",
  "-",
  "–",
  ",",
  " ",
  " ",
  "\u00a0",
  "\t",
  "",
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((p) => p.join(""));

const DURING = /\b(?:during|amid|ahead of)\b/i;
const SPOKEN_AT =
  /\b(?:briefing|news conference|press conference|conference|summit|meeting|hearing|interview|speech)\b/i;
const AGENT_UNIT = /\bhacking\s+(?:units?|groups?|teams?|gangs?|crews?|outfits?|collectives?)\b/i;

describe("victim tests read cheaply", () => {
  it("reads a gap's asides in one pattern, as the three apart do", () => {
    fc.assert(
      fc.property(text, (gap) => {
        assert.equal(
          GAP_ASIDE.test(gap),
          DURING.test(gap) || SPOKEN_AT.test(gap) || AGENT_UNIT.test(gap),
          gap,
        );
      }),
      { numRuns: 20_000 },
    );
  });

  it("tells a victim named before its verb as the pattern does", () => {
    fc.assert(
      fc.property(text, (after) => {
        assert.equal(victimAfter(after), VICTIM_AFTER.test(after), after);
      }),
      { numRuns: 20_000 },
    );
  });

  it("tells two states joined by a dash before a place as the pattern does", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, i, j) => {
        const from = i % (t.length + 1);
        const to = from + (j % (t.length - from + 1));
        assert.equal(joinedBefore(t, from, to), JOINED_BEFORE.test(t.slice(from, to)), `${from}-${to} ${t}`);
      }),
      { numRuns: 20_000 },
    );
  });
});
