import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { splitSentences } from "../text/sentences.ts";
import { CUES } from "./cues.ts";
import { speakingNames as namesIn } from "./unlisted.ts";

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
});
