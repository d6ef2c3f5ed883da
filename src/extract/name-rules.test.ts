import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertEvery, claims, responses, run, victims, who } from "./text-run.case.ts";

// Names the gazetteer must know, and places whose names hold another country's word.
describe("names and places", () => {
  it("does not read 'the Russia-linked group APT28' as a group called 'Russia-linked'", () => {
    const r = run(
      "Hackers broke into the foreign ministry's network. German media first named the Russia-linked group APT28, while later reports pointed to the Iran-backed group Charming Kitten.",
      "2020-01-10",
    );
    assert.ok(!claims(r).some((c) => c.includes("-linked") || c.includes("-backed")), claims(r).join("; "));
  });

  it("reads 'Calling itself X, the group …' as a group that names itself, owning up to what it says it did", () => {
    const r = run(
      "Hackers broke into the email server of Iran's atomic energy agency. Calling itself Amber Kestrel, the group issued an ultimatum on Friday. Amber Kestrel, which has also said it leaked data from other state bodies, ended its message with a protest slogan.",
      "2022-10-23",
    );
    assert.deepEqual(claims(r), ["Amber Kestrel claims-responsibility Amber Kestrel"]);
  });

  it("reads British Columbia as Canada and New South Wales as Australia, not Britain", () => {
    const r = run(
      "Police in British Columbia arrested a Chinese businessman suspected of stealing aircraft designs. Separately, a ransomware attack hit hospitals in New South Wales on Monday.",
      "2014-08-20",
    );
    assert.ok(
      responses(r).some((x) => x.startsWith("CA indictment")),
      responses(r).join("; "),
    );
    assert.deepEqual(
      r.incidents.map((i) => i.victims.map(who).join(",")),
      ["AU"],
    );
  });

  it("reads Washington state as a place in the US, not as the American state that acts", () => {
    const r = run(
      "Cascade Mutual, an insurer based in Washington state, said it had been hacked over the weekend.",
      "2015-03-18",
    );
    assert.deepEqual(claims(r), []);
  });

  it("names a company by the fullest of its names the story writes ('MGM Resorts International', not 'MGM Resorts')", () => {
    const r = run(
      "MGM Resorts International shut down many of its computer systems on Monday after hackers got in. MGM Resorts said on Wednesday that its casinos were open.",
      "2023-09-14",
    );
    assert.deepEqual(responses(r), ["MGM Resorts International containment null"]);
    const kaspersky = run(
      "Kaspersky Lab said the intrusion bore the hallmarks of Sandworm. Kaspersky added that it had informed the victims.",
      "2023-09-14",
    );
    assert.deepEqual(claims(kaspersky), ["Kaspersky Lab accuses Sandworm"]);
  });

  it("knows well-known ransomware operations by name (DoppelPaymer, Ryuk, Egregor)", () => {
    const r = run(
      "In November, the state oil company of Mexico was attacked with ransomware that researchers identified as DoppelPaymer.",
      "2020-09-10",
    );
    assert.deepEqual(claims(r), ["null accuses DoppelPaymer"]);
  });

  it("takes a newspaper's report that a named group 'was suspected of carrying out' the attack as its accusation", () => {
    const r = run(
      "Hackers stole defence data from a Japanese electronics maker, the company said on Monday. The Asahi Shimbun said a Chinese hacking group known as Tick was suspected of carrying out the attack.",
      "2020-01-21",
    );
    assert.deepEqual(claims(r).sort(), ["Asahi Shimbun accuses CN", "Asahi Shimbun accuses Tick"]);
  });

  it("reads a seller or group naming itself while it offers or shares stolen data as owning up to the theft", () => {
    const r = run(
      "Hackers stole the voter roll of Peru's election authority, officials said on Tuesday. A user calling himself Quipu offered the roll for sale on a crime forum. A second group, which calls itself Condor Negro, began sharing other files on Telegram.",
      "2024-02-14",
    );
    assert.deepEqual(claims(r).sort(), [
      "Condor Negro claims-responsibility Condor Negro",
      "Quipu claims-responsibility Quipu",
    ]);
  });

  it("takes an ordinary-word gang name, once named beside a cue, for the gang when it stands alone later", () => {
    const r = run(
      "A Swedish data-centre operator said attackers had used ransomware known as Akira. Finland's cyber security centre warned in late 2023 that Akira was behind many of the cases reported to it.",
      "2024-01-22",
    );
    assert.ok(claims(r).includes("FI accuses Akira"), claims(r).join("; "));
    assert.ok(!claims(r).some((c) => c.endsWith("accuses FI")), claims(r).join("; "));
  });

  it("reads Anonymous as the movement where it claims an attack, acts under its banner or is called a hacking movement", () => {
    for (const text of [
      "Hackers knocked Polish government websites offline on Saturday. Anonymous claimed responsibility for the outage.",
      "Polish ministry websites went down on Saturday. Accounts tied to the Anonymous hacking movement claimed responsibility, saying the attacks were a protest.",
      "Hackers acting under the banner of Anonymous claimed on Sunday to have knocked thousands of Israeli websites offline.",
    ]) {
      const r = run(text, "2013-04-08");
      assert.ok(
        claims(r).includes("Anonymous claims-responsibility Anonymous"),
        `${text}: ${claims(r).join("; ")}`,
      );
    }
    // the ordinary word, with no cue beside it, is no group
    const plain = run(
      "Hackers knocked Polish government websites offline on Saturday, an anonymous official said.",
      "2013-04-08",
    );
    assert.ok(!claims(plain).some((x) => x.includes("Anonymous")), claims(plain).join("; "));
  });

  it("reads 'activists posting under the name X claimed' and 'a seller calling itself X had advertised … details' as claims", () => {
    const r = run(
      "Hackers knocked a children's hospital offline in Boston last April. Activists posting under the name Anonymous claimed the campaign. Days earlier, a seller calling itself Grimbyte had advertised what it said were the details of the hospital's patients on a forum.",
      "2021-06-10",
    );
    assert.deepEqual(claims(r).sort(), [
      "Anonymous claims-responsibility Anonymous",
      "Grimbyte claims-responsibility Grimbyte",
    ]);
  });

  it("reads 'a Chinese nation-state actor' and 'a China-nexus espionage group' as naming China behind the attack", () => {
    const r = run(
      "Hackers broke into the research network of a US defence laboratory through flaws in its VPN. Volexity said the attacks were the work of a group it tracks as UTA0178 and that it suspected was a Chinese nation-state actor. Mandiant said it was tracking a suspected China-nexus espionage group, UNC5221, exploiting the same flaws.",
      "2024-04-20",
    );
    assert.ok(claims(r).includes("Volexity accuses CN"), claims(r).join("; "));
    assert.ok(claims(r).includes("Mandiant accuses CN"), claims(r).join("; "));
  });

  it("reads 'pointed to spying by China' as the paper's accusation, which the denial then answers", () => {
    const r = run(
      "China on Monday dismissed as baseless a report that computers at a regional bloc's headquarters had sent data to Shanghai every night for years. Citing people inside the organisation, Le Monde said the transfers pointed to spying by China.",
      "2018-01-29",
    );
    assert.deepEqual(claims(r).sort(), ["CN denies CN", "Le Monde accuses CN"]);
  });
});

describe("homes of companies the gazetteer lacks", () => {
  it("places a company hit where an apposition or a nationality before its name says it is based", () => {
    const after = run(
      "Kovac Mining, a Slovenian company that rents out computing power, said on Monday that hackers had emptied its wallet.",
      "2021-03-10",
    );
    assert.deepEqual(victims(after), ["SI"]);
    const before = run(
      "The Ecuadorian retailer Tienda Andina said on Monday that hackers had broken into its payment systems.",
      "2021-03-10",
    );
    assert.deepEqual(victims(before), ["EC"]);
  });

  it("does not make the maker of a flawed product a victim ('compromised through Zyxel flaws')", () => {
    const r = run(
      "Attackers exploited firewalls made by Taiwanese manufacturer Netgate, which many small Danish utilities use. A second wave came on May 22, when more Danish utilities were compromised through other Netgate flaws.",
      "2023-06-01",
    );
    assertEvery(victims(r), (v) => v === "DK");
  });
});
