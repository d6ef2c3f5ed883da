import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { run, victims, who } from "./text-run.case.ts";

const summary = (text: string, published: string) =>
  run(text, published).incidents.map((i) => `${i.victims.map(who).sort().join(",")} ${i.date?.value}`);

// General rules of telling one attack from another, each stated on a text written for it.
describe("incidents: placement", () => {
  it("dates an attack by a fixed holiday, the latest one before publication unless a year is written", () => {
    assert.deepEqual(
      summary(
        "The Oslo ferry operator Fjordline said it found ransomware on its booking servers on New Year's Eve.",
        "2021-01-12",
      ),
      ["NO 2020-12-31"],
    );
    assert.deepEqual(
      summary(
        "Hackers broke into the networks of Portugal's largest port on Christmas Day 2022.",
        "2023-02-01",
      ),
      ["PT 2022-12-25"],
    );
  });

  it("places an attack on the company whose computers it reached ('data on thousands of computers at …')", () => {
    assert.deepEqual(
      summary("In August 2012 a virus erased data on thousands of computers at Saudi Aramco.", "2019-06-01"),
      ["SA 2012-08"],
    );
  });

  it("places an older attack on an institution named after its country's possessive in that country", () => {
    assert.deepEqual(
      summary(
        "Ransomware hit the finance ministry of Vanuatu on Monday. In May, ransomware crippled the computer systems of Australia's Gippsland Health Board.",
        "2022-11-10",
      ),
      ["VU 2022-11-07", "AU 2022-05"],
    );
  });

  it("keeps a company's earlier loss, told as background, apart from the attack the story is about", () => {
    const text = [
      "The currency broker Sterlingford says it discovered a software virus on New Year's Eve and shut its systems down. It later confirmed that the virus was ransomware.",
      "The tactic made its debut in November, when the operators of the Maze ransomware posted files stolen from Harbor Guard, a large US security services company, after it refused to pay.",
    ].join("\n\n");
    const r = run(text, "2020-01-14");
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2019-12-31", "2019-11"],
    );
    assert.deepEqual(r.incidents[1]?.victims.map(who), ["US"]);
  });

  it("takes the state a theft drained a bank of from its possessive, and a warning's eve as the attack's day", () => {
    const text = [
      "Hackers siphon $9 million from Kenya's Umoja Savings Bank in overnight raid",
      "The pattern matched a warning the FBI sent to lenders on March 3, the day before the attack began.",
    ].join("\n\n");
    assert.deepEqual(summary(text, "2021-03-09"), ["KE 2021-03-04"]);
  });

  it("does not read a gang described as 'a hacking operation' as an attack on the state that linked it", () => {
    const r = run(
      "A ransomware attack shut down Lisbon's water utility on Monday. Specialists said it could be the work of the Lazarus Group, a hacking operation that the United States has linked to North Korea.",
      "2022-06-15",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.victims.map(who).join(",")),
      ["PT"],
    );
  });

  it("gives an older attack told in a sentence of its own the one place that sentence names", () => {
    const text = [
      "A ransomware attack on Thursday shut down the prepaid electricity system of City Power, the distributor owned by the City of Johannesburg.",
      "Several US cities have chosen to pay. In May, Ocala, Florida, agreed to hand over about $300,000 in bitcoin, most of it covered by its insurer, after an attack on May 3 knocked out its email and telephone systems.",
    ].join("\n\n");
    assert.deepEqual(summary(text, "2019-07-27"), ["ZA 2019-07-25", "US 2019-05-03"]);
  });

  it("takes the bank stolen from as the victim, not the place its account was held", () => {
    assert.deepEqual(
      summary(
        "The heist recalls the theft of $81 million from Bangladesh Bank's account at the Federal Reserve Bank of New York in February 2016.",
        "2017-10-20",
      ),
      ["BD 2016-02"],
    );
  });

  it("keeps 'a cyberattack' dated half a year or more before the story's attack was found apart from it", () => {
    const text = [
      "Kenya's health ministry said on Thursday that a ransomware attack had encrypted its information systems. The ministry said the attack was discovered on Monday.",
      "Private companies have not been spared. In June last year, the hospital group Medcare said a cyberattack had disrupted its admission systems and email servers.",
    ].join("\n\n");
    assert.deepEqual(
      run(text, "2022-09-10").incidents.map((i) => i.date?.value),
      ["2022-09-05", "2021-06"],
    );
  });

  it("dates 'carried out that attack' by the event the sentence before told in words of its own", () => {
    const text = [
      "Hackers set fire to a furnace at an Iranian steel plant on June 27, the company said.",
      "In May 2020 computers at a major Iranian port malfunctioned, causing days of backups of ships and lorries. A newspaper reported that Israel had carried out that attack.",
    ].join("\n\n");
    assert.deepEqual(
      run(text, "2022-06-29").incidents.map((i) => i.date?.value),
      ["2022-06-27", "2020-05"],
    );
  });

  it("reads a computer network that crashed, or websites that went offline, as an attack in their own right", () => {
    const text = [
      "Hackers stole the personal data of ten million customers of an online shopping site in South Korea in May, police said.",
      "In April 2011, the computer network of Korea's largest farm cooperative bank crashed, erasing data on many of its servers.",
    ].join("\n\n");
    assert.deepEqual(summary(text, "2016-07-28"), ["KR 2016-05", "KR 2011-04"]);
  });

  it("dates an attack across an apposition holding 'that' inside the subject", () => {
    const text = [
      "A cyberattack on Monday knocked out the mobile network of Portugal's largest telecoms operator.",
      "On Jan. 2, the websites of Solmar, the media group that owns a television channel and a weekly newspaper, went offline after hackers took over its servers.",
    ].join("\n\n");
    assert.deepEqual(summary(text, "2022-02-09"), ["PT 2022-02-07", "PT 2022-01-02"]);
  });

  it("keeps an intrusion found years before the story's attack was spoken of apart from it", () => {
    const text = [
      "Slovenia's foreign ministry said on Friday that a weeks-long cyberattack on its computer systems had been brought to an end.",
      "Officials said an earlier intrusion into the ministry's network had been detected in December 2017 and that the attackers had been inside for about a year.",
    ].join("\n\n");
    assert.deepEqual(
      run(text, "2020-02-08").incidents.map((i) => i.date?.value),
      ["2020-02-07", "2017-12"],
    );
  });

  it("keeps apart an older attack on another company, named as the object of what the ransomware did", () => {
    assert.deepEqual(
      summary(
        "A ransomware attack has crippled the council of a German district, which discovered it on Tuesday. German hospitals have been hit before. In September last year, ransomware paralysed the systems of Kessler University Hospital, forcing it to turn away patients.",
        "2021-07-12",
      ),
      ["DE 2021-07-06", "DE 2020-09"],
    );
  });

  it("reads 'attackers had taken data' from a named insurer, years before, as an attack of its own", () => {
    assert.deepEqual(
      summary(
        "A fraudster obtained records on millions of South Africans from a credit bureau, which disclosed the breach on Wednesday. In June 2018, the insurer Kestrel Holdings said attackers had taken data from its servers and demanded payment.",
        "2020-08-20",
      ),
      ["ZA 2020-08-19", "ZA 2018-06"],
    );
  });
});

describe("incidents: the victim of a story that is about the state it blames", () => {
  it("places an attack with no victim named where its accusers are, not in the accused state the story is about", () => {
    const r = run(
      "Russia's foreign ministry promised a firm answer on Friday after Washington expelled ten Russian diplomats. Russian officials called the measures hostile, and Russia's ambassador was summoned to the State Department. The United States accuses Russia of an espionage campaign that broke into the networks of software makers in 2019. Russia denies any role.",
      "2021-04-16",
    );
    assert.deepEqual(
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`),
      ["US 2019"],
    );
  });
});

describe("incidents: an institution the gazetteer knows by its whole name", () => {
  it("places an attack on 'the British Library' in Britain, the library's home in the gazetteer", () => {
    const r = run(
      "A ransomware attack on the British Library in October disrupted its catalogue and website.",
      "2024-01-10",
    );
    assert.deepEqual(victims(r), ["GB"]);
  });

  it("places the company that hackers 'knocked … offline' where the gazetteer has it", () => {
    const r = run("Hackers knocked the British Library offline last week.", "2024-01-10");
    assert.deepEqual(victims(r), ["GB"]);
  });
});

describe("incidents: a state that calls itself a victim", () => {
  it("does not make a state that denies and says it is 'itself a major victim of hacking' a victim of the attack", () => {
    const r = run(
      "Canada accused China on Wednesday of hacking the computer networks of its National Research Council. A spokesman for the Chinese embassy dismissed the accusation as groundless and said China was itself a major victim of hacking.",
      "2014-07-30",
    );
    assert.deepEqual(victims(r), ["CA"]);
  });
});

describe("incidents: a state's own network, and where a trail leads", () => {
  it("places a break-in to 'South Korea's military intranet' in South Korea, not at the address it was traced to", () => {
    const r = run(
      "North Korean hackers broke into South Korea's military intranet in September. Investigators traced the attack to an IP address in Shenyang, in northeastern China.",
      "2017-05-02",
    );
    assert.deepEqual(victims(r), ["KR"]);
  });
});

describe("incidents: the one blamed and the clues to it are not hit", () => {
  it("does not make a state victim of attacks 'pinned on' it", () => {
    const r = run(
      "Denmark accused Russia of being behind a cyberattack on a water utility last year, the first time Copenhagen has pinned such attacks on Moscow.",
      "2025-12-18",
    );
    assert.deepEqual(victims(r), ["DK"]);
  });

  it("does not make the state of 'a North Korean expression' in the code a victim", () => {
    const r = run(
      "Hackers stole 342,000 ether from the South Korean exchange Upbit in November 2019, police said. They said they had traced the attack by analysing the movement of the stolen coins and a North Korean expression that turned up in the attack's code.",
      "2024-11-21",
    );
    assert.deepEqual(victims(r), ["KR"]);
  });
});
