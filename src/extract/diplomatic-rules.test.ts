import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { responses, run } from "./text-run.case.ts";

// How diplomatic and legal measures are told: announced, ordered, aimed. Each rule is stated on a text written for it.
describe("responses: diplomatic measures", () => {
  it("reads a state that 'said it would expel' diplomats as announcing the expulsion, not intending it", () => {
    const r = run(
      "Moldova said on Monday it would expel three Belarusian diplomats over a campaign of intrusions into its ministries.",
      "2024-02-12",
    );
    assert.deepEqual(responses(r), ["MD expulsion BY"]);
  });

  it("still reads a state that 'would consider expelling' diplomats as an intention", () => {
    const r = run(
      "Moldova said on Monday it would consider expelling Belarusian diplomats over a campaign of intrusions into its ministries.",
      "2024-02-12",
    );
    assert.deepEqual(responses(r), []);
  });

  it("reads 'ordered out' diplomats as an expulsion of their state's envoys", () => {
    const r = run(
      "A day earlier the Finnish government ordered out four Russian diplomats over the breach of its parliament's email.",
      "2021-03-19",
    );
    assert.deepEqual(responses(r), ["FI expulsion RU"]);
  });

  it("does not aim charges at the state where the accused man was arrested", () => {
    const r = run(
      "In November the US Justice Department charged a Ukrainian man, arrested in Poland in October, over the attack on the software firm.",
      "2022-01-14",
    );
    assert.ok(!responses(r).some((x) => x.endsWith(" PL")), responses(r).join("; "));
  });

  it("aims arrests of 'suspected members' at the gang just named, not at the state it worked with", () => {
    const r = run(
      "Russia's Federal Security Service said it had broken up the Trickbot gang, detaining suspected members in raids in several regions, in a rare act of cooperation with Washington.",
      "2022-01-14",
    );
    assert.ok(responses(r).includes("RU indictment Trickbot"), responses(r).join("; "));
    assert.ok(!responses(r).some((x) => x.endsWith(" US")), responses(r).join("; "));
  });
});

describe("diplomacy: whose envoy is summoned", () => {
  it("aims a summons at the state the cue names beside the envoy, not at a state named later", () => {
    const r = run(
      "Berlin summons US envoy over tapped chancellor phone, a week after Paris protested at mass eavesdropping",
      "2013-10-24",
    );
    assert.deepEqual(responses(r), ["DE ambassador-summoned US"]);
  });

  it("aims a summons of an envoy 'whose embassy represents' another state's interests at that state", () => {
    const r = run(
      "Iran's foreign ministry called in the Swiss ambassador, whose embassy represents American interests in Tehran, to protest at the indictment.",
      "2020-10-23",
    );
    assert.deepEqual(responses(r), ["IR ambassador-summoned US"]);
  });
});

describe("responses: the subject after a word of saying", () => {
  it("gives a condemnation to the state a spokeswoman says condemned, not to the state her title was guessed from", () => {
    const r = run(
      [
        "Microsoft says Iranian hackers were behind July attack on Albania",
        "Council spokeswoman Adrienne Watson said the United States strongly condemned Iran's cyberattack on Albania.",
      ].join("\n\n"),
      "2022-09-08",
    );
    assert.deepEqual(responses(r), ["US condemnation IR"]);
  });
});

describe("responses: 'not acceptable' as a condemnation", () => {
  it("reads 'spying on friends was not acceptable' as condemning the spying", () => {
    const r = run(
      "Germany summoned the US ambassador over suspicions that American intelligence had monitored the chancellor's phone. The chancellor told reporters that spying on friends was not acceptable.",
      "2013-10-24",
    );
    assert.deepEqual(responses(r), ["DE ambassador-summoned US", "DE condemnation US"]);
  });
});

describe("responses: condemnations told as demands and verdicts", () => {
  it("reads 'it was completely unacceptable for X to …', 'called on X to stop its …' and 'demanded that X halt what …' as condemnations of X", () => {
    for (const [text, expected] of [
      [
        "Hackers working for Russian intelligence tried to steal vaccine research from labs in Britain. Britain's foreign secretary said it was completely unacceptable for Russian intelligence to target people fighting the pandemic.",
        "GB condemnation RU",
      ],
      [
        "Russian spies tried to hack the chemical weapons watchdog in The Hague. NATO called on Russia to stop its reckless pattern of behaviour.",
        "NATO condemnation RU",
      ],
      [
        "North Korean hackers broke into the network of a bank in Seoul. South Korea demanded that North Korea halt what officials called reckless cyberterrorism.",
        "KR condemnation KP",
      ],
    ] as const) {
      assert.ok(
        responses(run(text, "2020-07-17")).includes(expected),
        `${text}: ${responses(run(text, "2020-07-17")).join("; ")}`,
      );
    }
  });

  it("does not read a call on companies to stop using old software as a condemnation", () => {
    const r = run(
      "Hackers broke into routers at small firms in Texas. The FBI called on companies to stop using the old devices.",
      "2024-01-31",
    );
    assert.ok(!responses(r).some((x) => x.includes("condemnation")), responses(r).join("; "));
  });
});
