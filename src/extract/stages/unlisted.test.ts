import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { splitSentences } from "../text/sentences.ts";
import { CUES } from "./cues.ts";
import { APPOSITION, commaOpenings, speakingNames as namesIn, ONE_OF, unlistedNames } from "./unlisted.ts";

const speakingNames = (text: string) => {
  const sentences = splitSentences(text);
  return namesIn(
    text,
    sentences,
    sentences.map((s) => CUES.read(s.text)),
  );
};

describe("names the gazetteer lacks", () => {
  it("takes a lone capitalised word that speaks, and is capitalised mid-sentence too, for an organisation", () => {
    const text =
      "Harbourline said on Monday that its booking systems were back online.\n\nShares of Harbourline fell 3 per cent. For Harbourline, the timing was poor.";
    assert.deepEqual(speakingNames(text), ["Harbourline"]);
  });

  it("leaves out people named in full or by title, and common words that only open sentences", () => {
    const text =
      "Kremlin spokesman Dmitry Peskov rejected the claim. Peskov said Moscow had no part in it.\n\n" +
      "Officials said the inquiry would continue. Investigators told reporters little.";
    assert.deepEqual(speakingNames(text), []);
  });

  it("takes two capitalised words that speak, written whole each time, for an organisation", () => {
    const text =
      "Eastern Silicon said it had disconnected its systems from the internet.\n\nShares of Eastern Silicon fell, and Eastern Silicon said on Friday that its shop would stay shut.";
    assert.deepEqual(speakingNames(text), ["Eastern Silicon"]);
  });

  it("leaves out two words that name a person or end a longer name", () => {
    for (const text of [
      "Hackers broke in, Mary Tollan said on Monday. Tollan said the police had been told.",
      "Hackers broke in, Mary Tollan, a spokeswoman for the port, said on Monday. The port was shut, Mary Tollan said.",
      "Hackers broke in, deputy press secretary Mary Tollan said. The port was shut, deputy press secretary Mary Tollan said.",
      "The International League of the Blue Anchor said it was hit. Members of the Blue Anchor said little.",
    ])
      assert.deepEqual(
        speakingNames(text).filter((n) => n.includes(" ")),
        [],
        text,
      );
  });

  it("reads a name described as speaking for an organisation as a person's, not the organisation's", () => {
    const names = unlistedNames(
      CUES.read(
        "Marta Kell, a spokeswoman for the group who lives in Vilnius, said the railway hack was theirs.",
      ),
    );
    assert.deepEqual(names, []);
  });

  it("names a criminal service described by apposition, or before its noun, as a group", () => {
    const text =
      "Police seized Copperline, an underground market for stolen logins, and the Nightjar botnet that fed it.";
    assert.deepEqual(
      unlistedNames(CUES.read(text)).map((n) => `${n.form}:${n.name}`),
      ["group:Copperline", "group:Nightjar"],
    );
  });
});

describe("what a sentence's commas open", () => {
  // commas, the words they may open, and what else may stand between them
  const parts = [
    ", ",
    ",",
    " ",
    "a",
    "an",
    "the",
    "one of",
    "one",
    "of",
    "on",
    "th",
    "e",
    "n",
    "Acme",
    "\u00a0",
    ".",
  ];
  const text = fc.array(fc.constantFrom(...parts), { maxLength: 12 }).map((p) => p.join(""));
  it('answers as the pattern of an apposition and the search for ", one of " do', () => {
    fc.assert(
      fc.property(text, (t) => {
        const plain = (/, (?:an? |the )/.test(t) ? APPOSITION : 0) | (t.includes(", one of ") ? ONE_OF : 0);
        assert.equal(commaOpenings(t), plain, t);
      }),
      { numRuns: 5000 },
    );
    assert.equal(commaOpenings("Acme, one of the banks, a lender"), APPOSITION | ONE_OF);
  });
});
