import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertHas, claims, run } from "./text-run.case.ts";

// How groups own up to attacks, and what is no charge of an attack at all. Each rule is stated on a text written for it.
describe("claims: owning up", () => {
  it("reads 'It listed …' after a sentence naming the gang as the gang's claim", () => {
    const r = run(
      "LockBit hit the Irish builder Carrowmore in May. It listed Carrowmore on its leak site on Tuesday.",
      "2024-06-04",
    );
    assert.deepEqual(claims(r), ["LockBit claims-responsibility LockBit"]);
  });

  it("reads a gang adding its victim 'to the list of victims on its site' as claiming the attack", () => {
    const r = run(
      "LockBit hit the Irish builder Carrowmore in May. The gang added Carrowmore to the list of victims on its site late on Tuesday.",
      "2024-06-04",
    );
    assert.deepEqual(claims(r), ["LockBit claims-responsibility LockBit"]);
  });

  it("reads a gang listing its victim on its leak website as claiming the attack", () => {
    const r = run(
      "A ransomware gang known as Conti has listed the water authority on its leak website and posted some of its files.",
      "2022-01-14",
    );
    assert.deepEqual(claims(r), ["Conti claims-responsibility Conti"]);
  });

  it("reads activists of a collective who said they had knocked a site offline as that collective owning up", () => {
    const r = run(
      "Activists acting in the name of Anonymous said they had knocked offline a forum used by extremists.",
      "2015-01-16",
    );
    assert.deepEqual(claims(r), ["Anonymous claims-responsibility Anonymous"]);
  });

  it("hears 'in response to the Paris attacks' as where attacks were, not as a charge against France", () => {
    const r = run(
      "Hacktivists announced a campaign of their own in response to the Paris attacks, taking aim at extremist websites.",
      "2015-01-16",
    );
    assert.ok(!claims(r).some((c) => c.endsWith(" FR")), claims(r).join("; "));
  });

  it("reads a gang saying the affiliate responsible has been thrown out as owning up to the attack", () => {
    const r = run(
      "The LockBit gang apologised for the attack on the children's clinic. On its leak site the group said the affiliate responsible had been thrown out of its programme.",
      "2023-01-02",
    );
    assert.ok(claims(r).includes("LockBit claims-responsibility LockBit"), claims(r).join("; "));
  });

  it("hears a charge of laundering money as no charge of an attack", () => {
    const r = run(
      "The FBI blamed the Lazarus Group for the theft. The Treasury later sanctioned two mixing services, Coinwash in May and Blendr in August, accusing them of laundering part of that money.",
      "2022-08-09",
    );
    assert.deepEqual(claims(r), ["US accuses Lazarus Group"]);
  });

  it("hears the maker of a game or a product as no attacker, unlike the maker of a tool of attack", () => {
    const game = run(
      "Thieves drained $600 million from a bridge behind the game Pixel Farms, built by the Vietnam-based studio Sky Otter.",
      "2022-04-01",
    );
    assert.ok(!claims(game).some((c) => c.endsWith(" VN")), claims(game).join("; "));
    const tool = run(
      "Investigators said the wiper used in the attack was built by Russian military hackers.",
      "2022-04-01",
    );
    assert.ok(
      claims(tool).some((c) => c.endsWith(" RU")),
      claims(tool).join("; "),
    );
  });

  it("reads 'one of them, which calls itself X, has claimed hundreds of the defacements' as X owning up", () => {
    const r = run(
      "Thousands of Belgian websites were defaced this week, many with messages signed by groups abroad. One of them, which calls itself Sahel Shield and says it is based in Mali, has claimed hundreds of the defacements.",
      "2015-01-15",
    );
    assert.ok(claims(r).includes("Sahel Shield claims-responsibility Sahel Shield"), claims(r).join("; "));
  });

  it("never reads the company an attack hit as the one accused of it", () => {
    const r = run(
      "Hackers broke into the networks of Mitsubishi Electric and stole data on defence projects. A newspaper said a Chinese hacking group known as Tick was suspected of carrying out the attack. According to Japanese media, the intruders first got into the network of an affiliate in China and exploited a flaw in antivirus software used by the company.",
      "2020-01-21",
    );
    assert.ok(!claims(r).some((c) => c.endsWith(" Mitsubishi Electric")), claims(r).join("; "));
  });
});

describe("claims: owning up, told by the owner's trade or in a message", () => {
  it("reads 'the hacktivist group Black Reward said it had leaked' as the group owning up", () => {
    const r = run(
      "The hacktivist group Black Reward said it had leaked emails from the atomic energy agency.",
      "2022-10-24",
    );
    assertHas(claims(r), "Black Reward claims-responsibility Black Reward");
  });

  it("reads a message 'claiming to have carried out' an attack as owning up, not as an accusation by nobody", () => {
    const r = run(
      "A group calling itself the Cutting Sword of Justice posted a message online claiming to have carried out the Aramco attack.",
      "2012-08-30",
    );
    assert.deepEqual(claims(r), ["Cutting Sword of Justice claims-responsibility Cutting Sword of Justice"]);
  });
});
