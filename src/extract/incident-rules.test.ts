import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { claims, run, victims, who } from "./text-run.case.ts";

// General rules of the incident stages, each stated on a text written for it.
describe("incidents: victims and types", () => {
  it("reads reconnaissance against a state's targets as an attack", () => {
    const r = run(
      "The minister said a group known as APT31 had carried out reconnaissance against the email accounts of British lawmakers in 2021.",
      "2024-03-26",
    );
    assert.deepEqual(
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`),
      ["GB 2021"],
    );
  });

  it("takes the country a sentence opens on as the victim, and no country past 'during'", () => {
    const r = run(
      "In Switzerland, the group claimed attacks on government websites in June 2024 during the peace conference on Ukraine.",
      "2025-07-16",
    );
    assert.deepEqual(victims(r), ["CH"]);
  });

  it("dates an attack known only to the year by the month its disclosure gives, when the two agree", () => {
    const r = run(
      "The Netherlands accused a Russian group of breaking into the Dutch police last year. The group was responsible for the breach that the police disclosed in September 2024.",
      "2025-05-27",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2024-09"],
    );
  });

  it("takes the company after 'the hack of' as the victim", () => {
    const r = run("London blamed Pyongyang for the 2014 hack of Sony Pictures.", "2017-12-19");
    assert.deepEqual(victims(r), ["US"]);
  });

  it("does not let an older attack named in passing take the victims the story goes on to give", () => {
    const r = run(
      [
        "A cyberattack that started in Ukraine on Tuesday spread to companies around the world.",
        "The malware used a Windows flaw exploited during last month's WannaCry outbreak. Computers at the Russian oil producer Rosneft were also hit.",
      ].join("\n\n"),
      "2017-06-28",
    );
    const main = r.incidents.find((i) => i.date?.value === "2017-06-27");
    assert.deepEqual(main?.victims.map(who).sort(), ["RU", "UA"]);
  });

  it("reads 'it crippled …' after a sentence naming a gang as the gang's attack, dated 'a year ago' to the month", () => {
    const r = run(
      "Conti has been one of the most prolific ransomware gangs of recent years. A year ago it crippled Ireland's public health service.",
      "2022-05-07",
    );
    assert.deepEqual(
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`),
      ["IE 2021-05"],
    );
  });

  it("takes 'the attack' opening a paragraph after an older attack's paragraph as the story's own attack", () => {
    const r = run(
      [
        "Hackers wiped servers of the Russian airline Aeroflot on Monday, forcing it to cancel flights.",
        "In January 2022 the Belarusian Cyber Partisans said they had encrypted servers of the Belarusian state railway.",
        "Russian lawmakers said the attack on Aeroflot showed that companies must invest more in their defences.",
      ].join("\n\n"),
      "2025-07-29",
    );
    const aeroflot = r.incidents.find((i) => i.date?.value === "2025-07-28");
    assert.ok(aeroflot, "the Aeroflot attack");
    assert.equal(aeroflot.evidence.length, 2, "the last paragraph's quote is the Aeroflot attack's");
  });

  it("keeps the attacks a sentence lists apart, each with its own date and victim", () => {
    const r = run(
      "Prosecutors accused him of the theft of $81 million from Bangladesh's central bank in February 2016 and the WannaCry ransomware outbreak of May 2017, which crippled hospitals in Britain.",
      "2018-09-07",
    );
    assert.deepEqual(r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`).sort(), [
      "BD 2016-02",
      "GB 2017-05",
    ]);
    assert.deepEqual(claims(r), []);
    const y = run(
      "The indictment lists attacks on Ukraine's electricity grid in December 2015 and December 2016.",
      "2020-10-20",
    );
    assert.deepEqual(
      y.incidents.map((i) => i.date?.value),
      ["2015-12", "2016-12"],
    );
  });

  it("reads a threat group doing harm ('the LockBit gang disrupted Royal Mail's deliveries') as a dated attack", () => {
    const r = run(
      "In January 2023 the LockBit gang disrupted Royal Mail's international deliveries for weeks.",
      "2024-02-21",
    );
    assert.deepEqual(
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`),
      ["GB 2023-01"],
    );
  });

  it("takes a known company right after a verb of attacking, as its object, as the victim", () => {
    const r = run("Russian hackers breached Norsk Hydro in March.", "2019-06-01");
    assert.deepEqual(victims(r), ["NO"]);
  });

  it("reads a gang encrypting a victim's systems as an attack", () => {
    const r = run(
      "In August 2021 a hospital in Ohio could not accept new patients after the gang encrypted its systems.",
      "2023-01-27",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2021-08"],
    );
  });

  it("does not make either of two joined states ('US-UK trade talks') a victim", () => {
    const r = run(
      "Officials in London said the group stole documents on US-UK trade talks in 2019 and leaked them online.",
      "2023-12-08",
    );
    assert.ok(
      r.incidents.every((i) => !i.victims.some((v) => who(v) === "US")),
      victims(r).join("; "),
    );
  });

  it("reads a named attack doing harm as a report of it, with its victim", () => {
    const r = run(
      "The United States blamed North Korea for the WannaCry ransomware attack that hit computers around the world in May. WannaCry forced hospitals in Britain's health service to cancel thousands of appointments.",
      "2017-12-19",
    );
    assert.deepEqual(victims(r), ["GB"]);
  });

  it("dates an attack that ran over a range of years from the range's start", () => {
    const r = run(
      "Prosecutors charged four officers over a hacking campaign that ran from 2011 to 2018 and stole research from American universities.",
      "2021-07-19",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2011"],
    );
  });

  it("reads a company's home ('the Vietnam-based developer') as the victim state", () => {
    const r = run(
      "US blames North Korea for crypto heist.\n\nThe FBI said North Korean hackers stole $600 million. Sky Mavis, the Vietnam-based developer of the game, found the breach a week later.",
      "2022-04-15",
    );
    assert.ok(r.incidents.some((i) => i.victims.some((v) => who(v) === "VN")));
  });

  it("takes the state of a known company right after 'attack on' as the victim", () => {
    const r = run("A ransomware attack on Norsk Hydro halted several plants on Tuesday.", "2019-03-21");
    assert.deepEqual(victims(r), ["NO"]);
  });

  it("does not make the state that hackers work for, or the one waging a war, a victim", () => {
    const r = run(
      "Hackers working for the Iranian government lurked inside Albanian state networks before the attack in July.",
      "2022-09-10",
    );
    assert.ok(r.incidents.every((i) => !i.victims.some((v) => who(v) === "IR")));
    const w = run(
      "Kyiv said the cyberattack on its ministries in January was part of the hybrid war Moscow has waged against Ukraine.",
      "2022-01-20",
    );
    assert.ok(w.incidents.every((i) => !i.victims.some((v) => who(v) === "RU")));
  });

  it("does not make a state a victim through a preposition that governs the attack word before it", () => {
    const r = run(
      "Kyiv has weathered a long run of cyberattacks since Moscow's troops crossed the border in February.",
      "2022-04-13",
    );
    assert.ok(r.incidents.every((i) => !i.victims.some((v) => who(v) === "RU")));
  });

  it("does not make the states who say who did it victims of the hack they describe", () => {
    const r = run(
      "Canada and the US say Chinese state hackers breached Mongolia's parliament.",
      "2023-05-02",
    );
    assert.ok(r.incidents.some((i) => i.victims.some((v) => who(v) === "MN")));
    assert.ok(r.incidents.every((i) => !i.victims.some((v) => who(v) === "US" || who(v) === "CA")));
  });

  it("does not count 'a hacking group' as an attack of its own", () => {
    const r = run(
      "A cyberattack hit Polish ministries on Friday. Officials also named a hacking group that researchers have linked to the special services of Belarus.",
    );
    assert.equal(r.incidents.length, 1);
    assert.deepEqual(victims(r), ["PL"]);
  });

  it("does not type a wiper as ransomware when it is only disguised as it", () => {
    const r = run(
      "A destructive cyberattack hit Ukrainian ministries on Thursday with a wiper disguised as ransomware that erased their files.",
      "2022-01-15",
    );
    assert.ok(r.incidents[0]?.types.includes("wiper"));
    assert.ok(!r.incidents[0]?.types.includes("ransomware"));
  });

  it("does not take the home of a firm that studies the attack as the victim", () => {
    const r = run(
      'Hackers wiped computers at Peruvian mining companies on Monday. "The intrusions were well planned," said an analyst at a Madrid-based security firm.',
      "2021-05-12",
    );
    assert.ok(r.incidents.every((i) => !i.victims.some((v) => who(v) === "ES")));
    assert.ok(r.incidents.some((i) => i.victims.some((v) => who(v) === "PE")));
  });

  it("does not date an attack by a clause about a person within its sentence", () => {
    const r = run(
      "During that attack the wiper showed a picture of a poet who died in 1998. A wiper attack hit Chilean ministries on March 3.",
      "2021-03-10",
    );
    assert.ok(r.incidents.every((i) => i.date?.value !== "1998"));
  });

  it("does not count 'months before the breach' back from the publication day", () => {
    const r = run(
      "Hackers broke into the network of Chile's tax agency as early as March, officials said on Monday, four months before the breach was found.",
      "2023-08-01",
    );
    assert.equal(r.incidents.length, 1);
    assert.equal(r.incidents[0]?.date?.value, "2023-03");
  });

  it("gives the date after 'disclosed the intrusion' to the disclosure, not to a new attack", () => {
    const r = run(
      "Hackers broke into the network of Chile's tax agency as early as March, officials said on Monday.\n\nThe government first disclosed the intrusion on July 20, saying its platform had been hit.",
      "2023-08-01",
    );
    assert.equal(r.incidents.length, 1);
    assert.equal(r.incidents[0]?.date?.value, "2023-03");
  });

  it("dates an attack by the day it was discovered rather than the day officials spoke", () => {
    const r = run(
      "The ransomware attack on a Brazilian court came from abroad, officials said on Tuesday.\n\nThe attack was discovered on the evening of May 2, when clerks could not log in.",
      "2021-05-20",
    );
    assert.equal(r.incidents.length, 1);
    assert.equal(r.incidents[0]?.date?.value, "2021-05-02");
  });

  it("types servers overwhelmed with requests as a denial of service", () => {
    const r = run(
      "A cyberattack overwhelmed Lithuanian government websites with junk requests on Monday.",
      "2022-06-28",
    );
    assert.ok(r.incidents[0]?.types.includes("ddos"));
  });

  it("does not type an attack by the word a denial dismisses it with", () => {
    const r = run(
      "Moscow on Friday dismissed as disinformation a report that Russian hackers had stolen files from the Czech foreign ministry.",
      "2024-02-01",
    );
    assert.equal(r.incidents.length, 1);
    assert.ok(!r.incidents[0]?.types.includes("influence"), r.incidents[0]?.types.join(","));
  });

  it("does not date an attack by when a message about it was posted", () => {
    const r = run(
      "Ransomware crippled the port's systems on June 20. The gang posted a message this week apologising and saying the attack was its work.",
      "2024-07-04",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2024-06-20"],
    );
  });

  it("dates an attack by the date told after it, not by when a report was released", () => {
    const r = run(
      "In a report released at the weekend, the agency said attackers compromised the firewalls of nine Danish utilities on May 11 in an operation that targeted 20 firms at once.",
      "2023-11-13",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2023-05-11"],
    );
  });

  it("takes what the speaking state owns ('its parliament') as what was hit", () => {
    const r = run(
      "Britain said hackers breached its elections watchdog in August 2022. On Tuesday the Australian government said a separate group, APT40, had broken into the networks of its Parliamentary Library in 2021.",
      "2024-03-26",
    );
    assert.deepEqual(victims(r), ["GB", "AU"]);
    assert.equal(r.incidents[1]?.date?.value, "2021");
  });

  it("takes the target of a dated campaign 'against' officials as its victim", () => {
    const r = run(
      "Britain said hackers breached its elections watchdog in August 2022. Prosecutors in Ottawa charged three Chinese nationals it said were part of APT31 with a long hacking campaign, begun in 2012, against Canadian officials and dissidents.",
      "2024-03-26",
    );
    assert.deepEqual(victims(r), ["GB", "CA"]);
  });

  it("reads 'on Monday and Tuesday accused' as the dates of the accusation, not of the attack", () => {
    const r = run(
      "Canada and Japan on Monday and Tuesday accused hackers linked to China's state security ministry of a string of cyberattacks in 2021.",
      "2024-03-26",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2021"],
    );
  });

  it("keeps an earlier, dated attack told beside 'the X attack' apart from it", () => {
    const r = run(
      "Ransomware hit the meat processor's plants last month. The processor's attack came three weeks after a ransomware attack on a fuel pipeline operator on May 7.",
      "2021-06-10",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2021-05", "2021-05-07"],
    );
  });

  it("dates nothing by a week still to come", () => {
    const r = run(
      "Ransomware shut the company's plants on May 30. The president is expected to raise ransomware with his Russian counterpart at a summit next week.",
      "2021-06-10",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2021-05-30"],
    );
  });

  it("dates an attack 'between June 27 and July 4' from where the range starts", () => {
    const r = run(
      "The breach was made public last July. Between June 27 and July 4, 2018, the intruders copied the records of 1.5 million patients of Singapore's largest healthcare group.",
      "2019-03-07",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2018-06-27"],
    );
  });

  it("reads 'encrypted about 30 of its servers' as an attack, dated where it says", () => {
    const r = run(
      "The clinic's computer systems began failing early on Sept. 10, when malicious software encrypted about 30 of its servers.",
      "2020-09-18",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2020-09-10"],
    );
  });

  it("reads a named outbreak doing harm as an attack of its own beside other attack words", () => {
    const r = run(
      "Ransomware hit a clinic in Vienna on Sept. 10. In May 2017 the WannaCry outbreak disrupted dozens of hospitals in Britain's health service; Britain later blamed North Korea for the attack.",
      "2020-09-18",
    );
    assert.deepEqual(victims(r), ["AT", "GB"]);
  });

  it("reads 'the city's systems were encrypted' as an attack, and the place attackers work from as no victim", () => {
    const r = run(
      "Prosecutors say the pair, working from inside Iran, wrote the malware themselves. On March 22 the city of Atlanta's systems were encrypted and residents could not pay bills online.",
      "2018-11-29",
    );
    assert.ok(
      r.incidents.some((i) => i.date?.value === "2018-03-22"),
      JSON.stringify(r.incidents.map((i) => i.date)),
    );
    assert.ok(!victims(r).some((v) => v.includes("IR")), victims(r).join("; "));
  });

  it("takes what a theft of '401,000 ether' was from as its victim, and a state's own cyber operations as no victim", () => {
    const r = run(
      "Hackers stole roughly 401,000 ether from the Dubai-based exchange on Feb. 21. Police said the group was part of North Korea's cyber operations.",
      "2025-02-27",
    );
    assert.deepEqual(victims(r), ["AE"]);
  });

  it("reads 'in late August last year' as August of last year", () => {
    const r = run(
      "In late August last year, hackers got into the email accounts of several members of Norway's parliament.",
      "2021-03-19",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2020-08"],
    );
  });

  it("keeps 'a similar breach in' another country apart from the story's attack", () => {
    const r = run(
      "Finland's parliament said hackers had broken into lawmakers' email accounts in the autumn of 2020. The Finnish case follows a similar breach in Norway.",
      "2021-03-19",
    );
    assert.equal(r.incidents.length, 2);
    assert.ok(victims(r)[1]?.includes("NO"), victims(r).join("; "));
  });

  it("does not date an attack found in June by an older campaign told in passing", () => {
    const r = run(
      "China accused the NSA of hacking a university in Xi'an. The university first disclosed the breach in June. In March 2020 a Chinese security firm published research accusing the CIA of an 11-year hacking campaign, starting in 2008, against Chinese airlines.",
      "2022-09-06",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2022-06", "2008"],
    );
  });
});
