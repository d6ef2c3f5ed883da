import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { splitSentences } from "../text/sentences.ts";
import { findMentions } from "./mentions.ts";

const mentions = (text: string) =>
  findMentions(text, splitSentences(text)).map(
    (m) => `${m.text}|${m.form}|${m.country ?? ""}${m.attacker ? "|attacker" : ""}`,
  );

describe("party mentions", () => {
  it("takes the longest name and respects word boundaries", () => {
    assert.deepEqual(mentions("The United States and the U.S. Treasury acted; Russians were named."), [
      "United States|name|US",
      "U.S. Treasury|body|US",
      "Russians|plural|RU",
    ]);
  });

  it("knows the three-letter names news gives some states, but not a company's", () => {
    assert.deepEqual(mentions("Saudi Arabia, the UAE and the USA cut ties; RSA said its tokens were safe."), [
      "Saudi Arabia|name|SA",
      "UAE|name|AE",
      "USA|name|US",
    ]);
  });

  it("does not take the owner of a firm for a party of its own, whatever the verb of owning", () => {
    for (const verb of ["owned", "backed", "funded", "controlled"])
      assert.deepEqual(
        mentions(`A Microsoft-${verb} subsidiary in Ireland said so.`),
        ["Ireland|name|IE"],
        verb,
      );
  });

  it("reads a country followed by a government body as that state's body", () => {
    assert.deepEqual(mentions("Albania's interior ministry said so."), [
      "Albania's interior ministry|body|AL",
    ]);
  });

  it("reads two states' bodies listed one after the other as two, not a title and a person's name", () => {
    assert.deepEqual(
      mentions(
        "The advisory came from Britain's National Cyber Security Centre, Canada's Communications Security Establishment and others.",
      ),
      [
        "Britain's National Cyber Security Centre|body|GB",
        "Canada|name|CA",
        "Communications Security Establishment|body|CA",
      ],
    );
    assert.deepEqual(mentions("Georgia's President Salome Zurabishvili spoke."), [
      "Georgia's President Salome Zurabishvili|body|GE",
    ]);
  });

  it("marks nationalities and origins that name attackers", () => {
    const m = mentions("Russian hackers and a group from North Korea hit Albanian institutions.");
    assert.ok(m.includes("Russian|adjective|RU|attacker"));
    assert.ok(m.includes("North Korea|name|KP|attacker"));
    assert.ok(m.includes("Albanian|adjective|AL"));
  });

  it("knows officials by name and title, and skips datelines and news agencies", () => {
    const m = mentions("COPENHAGEN, Denmark (AP) -- Prime Minister Edi Rama spoke, Reuters reported.");
    assert.deepEqual(m, ["Prime Minister Edi Rama|official|AL"]);
  });

  it("resolves 'the gang' to the group named before it", () => {
    const m = findMentions(
      "The Conti ransomware group struck. The gang demanded money.",
      splitSentences("The Conti ransomware group struck. The gang demanded money."),
    );
    const ref = m.find((x) => x.text === "The gang");
    assert.equal(ref?.party.kind === "group" ? ref.party.name : undefined, "Conti");
  });

  it("reads a city's public security bureau as China's police, and 'the bureau' after it as the same body", () => {
    assert.deepEqual(
      mentions("The Dalian Public Security Bureau named two suspects. The bureau offered a reward."),
      ["Public Security Bureau|body|CN", "The bureau|body|CN"],
    );
  });
});
