import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { claims, responses, run } from "./text-run.case.ts";

// General rules of where a clause ends and what a reference points back to, each stated on a text written for it.
describe("clauses and references", () => {
  const story =
    "Canberra accused APT40 of breaking into its treasury. Ottawa froze the assets of a firm it said was linked to APT31, and the United States unsealed charges against four men it accused of belonging to the group.";

  it("reads ', and the United States unsealed charges' as a new clause, not a party tied to the gang", () => {
    const r = run(story, "2024-03-26");
    assert.ok(!claims(r).some((c) => c.endsWith("accuses US")), claims(r).join("; "));
    assert.ok(!responses(r).some((x) => x.startsWith("CA indictment")), responses(r).join("; "));
  });

  it("takes 'the group' for the group named last, not for an earlier one whose name holds 'Group'", () => {
    const r = run(
      "Seoul accused the Lazarus Group of robbing its central bank. Ottawa froze the assets of a firm it said was linked to APT31, and the United States unsealed charges against four men it accused of belonging to the group.",
      "2024-03-26",
    );
    assert.ok(claims(r).includes("US accuses APT31"), claims(r).join("; "));
    assert.ok(!claims(r).includes("US accuses Lazarus Group"), claims(r).join("; "));
  });

  it("takes no measure from 'announced no penalties'", () => {
    const r = run(
      "Norway accused China of hacking its parliament in 2021. London imposed sanctions on a company linked to APT31 over a separate intrusion.\n\nUnlike Britain and the United States, Norway announced no penalties.",
      "2024-03-26",
    );
    assert.deepEqual(responses(r), ["GB sanctions APT31"]);
  });

  it("takes 'It attributed …' for the body that spoke just before", () => {
    const r = run(
      "Hackers tried to knock Italy's Eurovision broadcast offline. The postal police, the unit of the state police that handles cybercrime, said its specialists had blocked the attacks. It attributed the attempts to Killnet.",
      "2022-05-15",
    );
    assert.ok(claims(r).includes("IT accuses Killnet"), claims(r).join("; "));
  });

  it("does not aim a takedown at a state whose own clause follows ', and'", () => {
    const r = run(
      "Trickbot, a botnet run by Russian criminals, has infected millions of computers. In October 2020, Microsoft obtained a US court order allowing it to take down servers used by the botnet, and US Cyber Command was reported to have carried out its own operation to disrupt it.",
      "2022-02-10",
    );
    assert.ok(!responses(r).some((x) => x.endsWith("takedown US")), responses(r).join("; "));
  });

  it("does not take the agency that warned that an unknown group 'was behind' the cases for the one behind them", () => {
    const r = run(
      "Finland's national cyber security centre warned in late 2023 that Grimfrost was behind a large share of the ransomware cases reported to it.",
      "2024-01-22",
    );
    assert.ok(!claims(r).some((c) => c.endsWith("accuses FI")), claims(r).join("; "));
  });

  it("keeps an accusation and the denial told in apposition after it: ', a charge Pyongyang has dismissed'", () => {
    const r = run(
      "Hackers stole $81 million from Bangladesh Bank in February 2016. Security firms later linked that theft to North Korean hackers, a charge Pyongyang has dismissed.",
      "2018-05-30",
    );
    assert.deepEqual(claims(r).sort(), ["KP denies KP", "null accuses KP"]);
  });

  it("gives no state a denial from 'Beijing, which claims Taiwan … and has in the past denied' (a habit, not Taiwan's)", () => {
    const r = run(
      "Hackers hit Taiwan's state oil firm on Monday. US officials accused China of the attack. There was no immediate comment from Beijing, which claims Taiwan as its territory and has in the past denied any role in hacking.",
      "2020-05-06",
    );
    assert.ok(!claims(r).some((c) => c.startsWith("TW denies")), claims(r).join("; "));
  });
});
