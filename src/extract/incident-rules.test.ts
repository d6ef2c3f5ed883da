import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IncidentType } from "../model/index.ts";
import { claims, run, victims, who } from "./text-run.case.ts";

// General rules of the incident stages, each stated on a text written for it.
describe("incidents: victims and types", () => {
  it("reads a state's bodies named together before 'were hit by' as the victims", () => {
    const r = run(
      "A virus shut down the office network of a Qatari gas producer on Monday. In late April, Iran's oil ministry and its national oil company were hit by malware that wiped their computers.",
      "2012-08-30",
    );
    const april = r.incidents.find((i) => i.date?.value === "2012-04");
    assert.deepEqual(
      april?.victims.map((v) => (v.kind === "state" ? v.country : v.kind)),
      ["IR"],
    );
  });

  it("places a sum 'taken from' a bank abroad with that bank's state, not with the story's victim", () => {
    const r = run(
      "Hackers tried to steal 13 million euros from a bank in Valletta on Wednesday. The attempt resembles a string of raids on banks through payment networks. The largest, in February 2016, took $81 million from Bangladesh's central bank.",
      "2019-02-14",
    );
    const older = r.incidents.find((i) => i.date?.value === "2016-02");
    assert.deepEqual(
      older?.victims.map((v) => (v.kind === "state" ? v.country : v.kind)),
      ["BD"],
    );
  });

  it("reads documents stolen with no state behind them and no word of spying as a data breach", () => {
    const types = (text: string) => run(text, "2024-05-09").incidents.map((i) => i.types.join("+"));
    assert.deepEqual(
      types(
        "A criminal gang broke into the network of a Danish insurer in March and stole internal documents.",
      ),
      ["data-breach"],
    );
    assert.deepEqual(
      types(
        "Unknown hackers broke into the network of a Danish ministry in March and stole internal documents in a long spying operation.",
      ),
      ["espionage"],
    );
  });

  it("reads a state's armed forces as the victim when an attack verb strikes them, not when they attack", () => {
    const vs = (text: string) => victims(run(text, "2023-11-20"));
    assert.deepEqual(vs("Hackers breached the network of Portugal's armed forces in 2022."), ["PT"]);
    assert.deepEqual(vs("Hackers broke into the Chilean army's servers in May 2022."), ["CL"]);
    assert.deepEqual(vs("Hackers from the Russian military hit Ukraine's power grid in 2022."), ["UA"]);
  });

  it("reads a kind of crime spoken of as a topic ('ransomware groups', 'a task force on ransomware') as no attack", () => {
    const r = run(
      "Hackers locked the computers of a Glasgow insurer on Monday. Victims handed some $300 million to ransomware groups last year, a tracking firm estimates. The Home Office created a task force on ransomware last month, and police now log ransomware investigations centrally.",
      "2023-03-10",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2023-03-06"],
    );
  });

  it("reads an intrusion blamed on a state, or denied by one, as espionage unless its words name another aim", () => {
    const types = (text: string) => run(text, "2024-05-09").incidents.map((i) => i.types.join("+"));
    assert.deepEqual(
      types(
        "Lithuania on Thursday accused China of breaking into the foreign ministry network last spring. Beijing rejected the claim.",
      ),
      ["espionage"],
    );
    assert.deepEqual(
      types(
        "Lithuania on Thursday accused Russia of an attack that knocked the foreign ministry websites offline last month.",
      ),
      ["disruption"],
    );
    // criminals charged for a theft of records: a breach, not espionage
    assert.deepEqual(
      types(
        "Prosecutors in Ohio charged two Ukrainian men with breaking into a hospital network and copying patient records in March.",
      ),
      ["data-breach"],
    );
  });

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

  it("does not take where a question about the attack was asked as a victim", () => {
    const r = run(
      "Hackers broke into the networks of several American agencies last week, officials in Washington said. Asked about the intrusions at a regular briefing in Beijing, a foreign ministry spokesman said China opposed all hacking.",
      "2025-07-24",
    );
    assert.deepEqual(victims(r), ["US"]);
  });

  it("does not take the state whose officials describe the attackers' unit as a victim", () => {
    const r = run(
      "Hackers drained 40 million dollars from Coinvale, one of India's largest crypto exchanges, on Thursday. Investigators linked the attack to the Lazarus Group, a hacking unit that US officials say works for Pyongyang's military intelligence.",
      "2024-07-22",
    );
    assert.deepEqual(victims(r), ["IN"]);
  });

  it("reads an attack someone is blamed for as a cyberattack, placed by its city", () => {
    const r = run(
      "The gang hit a British retailer in April. In September 2023 an attack attributed to the group shut down hotel check-ins and slot machines at casinos in Las Vegas for days.",
      "2025-05-02",
    );
    const older = r.incidents.find((i) => i.date?.value === "2023-09");
    assert.deepEqual(older?.victims.map(who), ["US"]);
  });

  it("reads coins 'taken from its wallet' as a theft of its own", () => {
    const r = run(
      "Hackers drained 230 million dollars from Coinvale, an Indian exchange, on Thursday. In May, the Japanese exchange Kitebit said bitcoin worth about 300 million dollars had been taken from its wallet.",
      "2024-07-22",
    );
    assert.deepEqual(victims(r), ["IN", "JP"]);
  });

  it("reads an exchange that 'lost' coins to an attacker as robbed", () => {
    const r = run(
      "In February 2018 the Italian exchange BitGrail lost about 170 million dollars in tokens to an attacker.",
      "2019-06-01",
    );
    assert.deepEqual(victims(r), ["IT"]);
    assert.deepEqual(r.incidents[0]?.types, ["financial-theft"]);
  });

  it("reads destroying a bank's data as an attack", () => {
    const r = run(
      "A hacking group said on Tuesday that it had destroyed data at Bank Tavan, a state-owned lender in Iran.",
      "2025-06-20",
    );
    assert.deepEqual(victims(r), ["IR"]);
  });

  it("reads traffic floods that take sites offline as a denial-of-service attack", () => {
    const r = run(
      "A pro-Russian group said it was behind a wave of traffic floods that made the websites of a dozen American airports unreachable on Monday.",
      "2022-10-11",
    );
    assert.deepEqual(
      r.incidents.map((i) => [i.date?.value, i.types.includes("ddos"), i.victims.map(who).join(",")]),
      [["2022-10-10", true, "US"]],
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

  it("does not count 'months before the breach' back from the publication day", () => {
    const r = run(
      "Hackers broke into the network of Chile's tax agency as early as March, officials said on Monday, four months before the breach was found.",
      "2023-08-01",
    );
    assert.equal(r.incidents.length, 1);
    assert.equal(r.incidents[0]?.date?.value, "2023-03");
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

  it("takes what the speaking state owns ('its parliament') as what was hit", () => {
    const r = run(
      "Britain said hackers breached its elections watchdog in August 2022. On Tuesday the Australian government said a separate group, APT40, had broken into the networks of its Parliamentary Library in 2021.",
      "2024-03-26",
    );
    assert.deepEqual(victims(r), ["GB", "AU"]);
    assert.equal(r.incidents[1]?.date?.value, "2021");
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

  it("keeps 'a similar breach in' another country apart from the story's attack", () => {
    const r = run(
      "Finland's parliament said hackers had broken into lawmakers' email accounts in the autumn of 2020. The Finnish case follows a similar breach in Norway.",
      "2021-03-19",
    );
    assert.equal(r.incidents.length, 2);
    assert.ok(victims(r)[1]?.includes("NO"), victims(r).join("; "));
  });

  it("keeps a city's hospital named after the noun with the city's state, and a possessive opens no apposition", () => {
    const r = run(
      "In December 2022 the gang attacked Toronto's Hospital for Sick Children. According to a report by the justice ministry of Saxony, the hospital's systems began failing.",
      "2023-02-01",
    );
    assert.deepEqual(victims(r), ["CA"]);
  });

  it("does not take 'opposes all forms of hacking' for an attack of its own", () => {
    const r = run(
      "Hackers stole files from the ministry of finance of Latvia in January, officials said. Responding to the report this week, an embassy spokesman said China opposed all forms of hacking.",
      "2023-03-10",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2023-01"],
    );
  });

  it("reads a named malware 'unleashed' as an attack, and a headline's list of attacks as more than one", () => {
    const r = run(
      "Six officers charged over Kyiv blackout, NotPetya\n\nThe officers caused the December 2016 cyberattack that cut power in Kyiv. Prosecutors also accuse them of unleashing NotPetya, which began spreading through Ukrainian firms on June 27, 2017.",
      "2020-10-20",
    );
    assert.deepEqual(r.incidents.map((i) => i.date?.value).sort(), ["2016-12", "2017-06-27"]);
  });

  it("reads 'stealing and leaking party emails' as an attack, and 'a Russian campaign' as the attacker's", () => {
    const r = run(
      "The administration expelled diplomats over what it called a Russian campaign to sway last year's vote in the United States by stealing and leaking party emails.",
      "2017-03-15",
    );
    assert.equal(r.incidents.length, 1);
    assert.deepEqual(victims(r), ["US"]);
  });

  it("reads 'unauthorised activity in a cloud database' as a breach", () => {
    const r = run(
      "The ticket seller told regulators that it had found unauthorised activity in a cloud database on May 20.",
      "2024-06-01",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2024-05-20"],
    );
  });

  it("keeps thefts from two named companies apart, and a loss disclosed in September dated by the disclosure", () => {
    const r = run(
      "A lender said on Tuesday that hackers had stolen the records of 14 million customers last month. In September, the telecoms company Optus disclosed that details of almost 10 million customers had been stolen. The following month, hackers broke into the health insurer Medibank.",
      "2023-04-12",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value ?? null),
      ["2023-03", "2022-09", "2022-10"],
    );
  });

  it("keeps one company's breach one incident however often it is told", () => {
    const r = run(
      "Hackers broke into the health insurer Medibank in October. Medibank said the hackers had stolen data on 9.7 million customers, and the attack on Medibank cost it A$46 million.",
      "2023-04-12",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2022-10"],
    );
  });

  it("keeps a gang's hack of a named contractor last year apart from the story's breach, whose date it does not take", () => {
    const r = run(
      "The defence secretary said on Tuesday that a malign actor had broken into a payroll system used by the armed forces. Suppliers to the military have been targeted before. Last year the LockBit ransomware gang, which said it had hacked the fencing contractor Zaun, published files from the company.",
      "2024-05-08",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2024-05-07", "2023"],
    );
  });

  it("reads 'New Zealand joined in on Tuesday, saying … its parliament' as New Zealand's own breach", () => {
    const r = run(
      "Britain said hackers working for China had breached its Electoral Commission in August 2021. New Zealand joined in on Tuesday, saying a Chinese state-sponsored group had broken into the networks of its parliamentary service in 2021.",
      "2024-03-26",
    );
    assert.deepEqual(victims(r), ["GB", "NZ"]);
  });

  it("gives a ministry named without its state to the state that leads the sentence, not to the story's", () => {
    const r = run(
      "Ransomware shut Portugal's ports in June. Further afield, Chile declared an emergency after a gang broke into the Finance Ministry in April.",
      "2022-12-08",
    );
    assert.deepEqual(victims(r), ["PT", "CL"]);
  });

  it("does not take a suspect's nationality for the victim or the story's state", () => {
    const r = run("Chinese national charged over hack of insurer Anthem.", "2019-05-09");
    assert.deepEqual(victims(r), [""]);
  });

  it("reads someone gaining remote access to a plant's controls as an attack on the plant's country", () => {
    const r = run(
      "Someone gained remote access to the control system of a dam in western Norway on Friday and opened a valve, police said on Monday.",
      "2024-06-10",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2024-06-07"],
    );
    assert.deepEqual(victims(r), ["NO"]);
  });

  it("types a theft of roughly so many dollars, or of so much in ether, as financial theft", () => {
    for (const text of [
      "Hackers stole roughly $40 million from the Coralgate token bridge on Sunday.",
      "Hackers stole $9 million in ether from the Coralgate token bridge on Sunday.",
    ]) {
      const r = run(text, "2024-08-20");
      assert.deepEqual(
        r.incidents.map((i) => i.types.includes("financial-theft")),
        [true],
        text,
      );
    }
  });
});

describe("incidents: words, dates and which story an attack belongs to", () => {
  it("does not take a state that hacked something as the state hit", () => {
    const r = run("Norway says Iran hacked a text-message service to stir up anger.", "2024-09-25");
    assert.deepEqual(victims(r), ["NO"]);
    const hit = run("Norway hit by a cyberattack on its parliament.", "2024-09-25");
    assert.deepEqual(victims(hit), ["NO"]);
  });

  it("reads plain words for harm as attacks", () => {
    for (const text of [
      "On March 3, junk traffic knocked the websites of the Latvian parliament offline for hours.",
      "On March 3, hackers took over the screens at a Latvian airport.",
      "On March 3, intruders erased files on servers of the Latvian tax office.",
      "On March 3, the Latvian tax office said its network had been penetrated.",
    ]) {
      const r = run(text, "2024-03-08");
      assert.deepEqual(
        r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`),
        ["LV 2024-03-03"],
        text,
      );
    }
  });

  it("reads 'an attack' as a cyberattack when the sentence beside it in the paragraph speaks of systems", () => {
    const r = run(
      "Police in Seoul opened a case after an attack in May 2021 on Hanbit, a Korean retail chain. The chain said its payment systems had been scrambled.",
      "2021-12-01",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2021-05"],
    );
  });

  it("keeps apart two attacks of one ransomware strain told with dates of their own", () => {
    const r = run(
      "Hospitals run by Mercyline went back to paper after a Ryuk ransomware attack hit their systems on Sunday, September 27. The attack appeared to be the work of Ryuk, staff said. In October 2019, a Ryuk infection forced an Alabama hospital group to turn patients away.",
      "2020-09-29",
    );
    assert.deepEqual(r.incidents.map((i) => i.date?.value).sort(), ["2019-10", "2020-09-27"]);
  });

  it("dates an earlier attack told only with the month it was spoken of", () => {
    const r = run(
      "The gang hit the meat packer Veldhoven on Sunday, May 30, shutting its plants. In April it said it had stolen data from Tarwin Electronics, a Taiwanese laptop maker.",
      "2021-06-10",
    );
    assert.deepEqual(r.incidents.map((i) => i.date?.value).sort(), ["2021-04", "2021-05-30"]);
  });

  it("keeps an undated story apart from an attack of years before told with 'an'", () => {
    const r = run(
      "The Kremlin denied that its spies had tried to steal vaccine research from British laboratories. The group was found inside the network of an American political party in 2016, an intrusion Washington blamed on Moscow.",
      "2020-07-17",
    );
    assert.equal(r.incidents.length, 2);
    assert.ok(r.incidents.some((i) => i.date?.value === "2016"));
    assert.ok(r.incidents.some((i) => i.date?.value !== "2016"));
  });

  it("keeps apart an attack a story tells of as said on a day, and one of three months before told with 'a'", () => {
    const r = run(
      "The city of Norbury said on Wednesday that a ransomware attack had hit a number of its servers. In February, a ransomware attack forced Carlton, California, to take its network offline.",
      "2023-05-04",
    );
    assert.equal(r.incidents.length, 2);
    assert.ok(r.incidents.some((i) => i.date?.value === "2023-02"));
  });

  it("reads taking so many million dollars from a platform, and wiping out files, as attacks", () => {
    for (const text of [
      "In August 2021, a hacker took more than $600 million from Coralgate, a Latvian token platform.",
      "In August 2021, a remote command reset Latvian storage drives, wiping out photographs and files.",
    ]) {
      const r = run(text, "2021-09-01");
      assert.deepEqual(
        r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`),
        ["LV 2021-08"],
        text,
      );
    }
  });
});

describe("incidents: plain words for harm, across a list", () => {
  it("reads traffic that 'knocked the websites of the government, the defence ministry … offline' as an attack", () => {
    const r = run(
      "Hungary's state websites have been hit before. On March 3, 2022, a wave of junk traffic knocked the websites of the government, the tax office, the border police and the state railway operator offline for hours.",
      "2024-06-02",
    );
    assert.ok(
      r.incidents.some((i) => i.date?.value === "2022-03-03" && i.victims.map(who).join(",") === "HU"),
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`).join("; "),
    );
  });

  it("reads malware that 'locked up computers' in a month as one attack that disrupts, dated by that month", () => {
    const r = run(
      "The Stoat worm, which locked up tens of thousands of computers in May 2017 and forced Irish hospitals to cancel operations, was later tied to a criminal gang.",
      "2019-02-11",
    );
    assert.deepEqual(
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value} ${i.types.join(",")}`),
      ["IE 2017-05 disruption"],
    );
  });
});

describe("incidents: spying told as reading and intercepting", () => {
  it("reads an agency that 'had read the emails of' a president, in a month, as an attack on his state", () => {
    const r = run(
      "Documents shown on television indicated that a foreign spy agency had read the emails of Chile's president in March 2014, months before the vote.",
      "2015-09-02",
    );
    assert.deepEqual(
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`),
      ["CL 2014-03"],
    );
  });

  it("does not read emails a company read that it sent itself", () => {
    const r = run(
      "The bank said staff had read the emails they received from customers more carefully since May.",
      "2021-06-01",
    );
    assert.equal(r.incidents.length, 0);
  });
});

describe("incidents: a nationality before a list of modifiers", () => {
  it("reads 'Philippine national and local government websites' as the Philippines' sites, not a Philippine person", () => {
    const r = run(
      "Dozens of Philippine national and local government websites were knocked offline by denial-of-service attacks in July.",
      "2016-07-31",
    );
    assert.deepEqual(victims(r), ["PH"]);
  });
});

describe("incidents: a flood of traffic", () => {
  it("reads 'a flood of traffic aimed at' an airline, on a day of its own, as another attack", () => {
    const r = run(
      "Police tied a spying group to attacks on Norwegian ministries since 2019. Norway has also suffered disruptive attacks that officials have not blamed on any state. On Dec. 26, a flood of traffic aimed at Norwegian Air delayed more than 20 domestic flights.",
      "2025-01-09",
    );
    assert.ok(
      r.incidents.some((i) => i.date?.value === "2024-12-26" && i.types.includes("ddos")),
      r.incidents.map((i) => `${i.date?.value} ${i.types.join(",")}`).join("; "),
    );
  });
});

describe("incidents: locked systems, probed accounts, data taken", () => {
  it("reads systems 'locked' in a month, and details 'taken' in a year, as attacks of their own", () => {
    const locked = run(
      "Among the victims named in the charges was a clinic in Lyon, France, which paid a ransom after its systems were locked in March 2017.",
      "2018-11-29",
    );
    assert.ok(
      locked.incidents.some((i) => i.date?.value === "2017-03"),
      locked.incidents.map((i) => i.date?.value).join("; "),
    );
    const taken = run(
      "The file-sharing company Boxwell said in 2016 that details of about 40 million of its users in Canada had been taken in 2012.",
      "2020-07-10",
    );
    assert.ok(
      taken.incidents.some((i) => i.date?.value === "2012"),
      taken.incidents.map((i) => i.date?.value).join("; "),
    );
  });

  it("reads a campaign that 'probed the email accounts' of lawmakers as an attack", () => {
    const r = run(
      "He said a separate campaign in 2021 had probed the email accounts of Irish lawmakers.",
      "2024-03-26",
    );
    assert.deepEqual(
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value}`),
      ["IE 2021"],
    );
  });
});

/** Each text, read alone on one day, yields an incident of type `type`. */
function assertTyped(type: IncidentType, texts: readonly string[]): void {
  for (const text of texts) {
    const r = run(text, "2023-07-10");
    assert.ok(
      r.incidents.some((i) => i.types.includes(type)),
      `${text}: ${r.incidents.map((i) => i.types.join(",")).join("; ")}`,
    );
  }
}

describe("incidents: data taken or exposed, told without the words 'data breach'", () => {
  it("types customers' details copied, records of millions of people, and exposed phone numbers as a data breach", () => {
    assertTyped("data-breach", [
      "Hackers broke into the servers of Brenvik Telecom in Norway last week and copied the personal details of its customers.",
      "Hackers broke into the network of a Kenyan insurer in May and took data on more than 2 million policyholders and patients.",
      "A hacker broke into a Brazilian retailer's website in June, and the email addresses and phone numbers of its shoppers were exposed.",
    ]);
  });

  it("does not type a break-in as a data breach where nothing was taken", () => {
    const r = run(
      "Hackers broke into the network of a Polish railway operator on Monday and halted its ticket machines; the company said no customer data was taken.",
      "2023-07-10",
    );
    assert.ok(
      !r.incidents.some((i) => i.types.includes("data-breach")),
      r.incidents.map((i) => i.types.join(",")).join("; "),
    );
  });
});

describe("incidents: money taken, told by its amount", () => {
  it("types 'theft of about $40 million', tokens 'worth' a sum and money taken from bank accounts as financial theft", () => {
    assertTyped("financial-theft", [
      "Hackers broke into the Seoul exchange Korbit in June and carried out the theft of about $40 million in a single night.",
      "Hackers broke into a Singapore crypto platform on Sunday and took tokens worth some $12 million.",
      "Malware planted on the network of a Polish lender in March let thieves move money from hundreds of customers' bank accounts.",
    ]);
  });
});

describe("incidents: physical harm, told by its effect", () => {
  it("types an attack that caused a fire, cut heating or opened a valve as sabotage", () => {
    assertTyped("sabotage", [
      "Hackers broke into the control network of a Romanian steel mill on Monday and caused a fire in one of its furnaces.",
      "A cyberattack on a district heating company in Tartu, Estonia, last January cut heating to 300 apartment blocks for two days.",
      "Intruders took over the control panel of a Norwegian dam in April and opened a valve for four hours.",
    ]);
  });
});

describe("incidents: a message put in the place of a page or a broadcast", () => {
  it("types hijacked screens showing a message, and pages altered, as defacement", () => {
    assertTyped("defacement", [
      "Hackers broke into the systems of Malta's main airport on Sunday and hijacked the departure screens, which showed a message against the government.",
      "Intruders broke into a Chilean newspaper's website in May and altered several stories on its front page.",
    ]);
  });
});

describe("incidents: services stopped, told by what people could not do", () => {
  it("types an attack that forced a hospital to divert ambulances, or shut terminals and suspended trading, as disruption", () => {
    assertTyped("disruption", [
      "A ransomware attack on a hospital in Ghent on Monday forced it to divert ambulances to other cities.",
      "Hackers broke into the systems of Iceland's stock exchange in March, and the exchange suspended trading for a day.",
    ]);
  });
});

describe("incidents: attacks supposed, not reported", () => {
  it("does not read sites a state 'would hit if' another 'attacked' as an attack that happened", () => {
    const r = run(
      "Hackers defaced a US government website on Saturday. The president warned that the United States had picked 52 Iranian sites it would hit if Iran attacked Americans.",
      "2020-01-06",
    );
    assert.deepEqual(victims(r), ["US"]);
  });
});

describe("incidents: old named attacks and broken pacts", () => {
  it("keeps a named attack found years before the story's own as an incident of its own, dated by its finding", () => {
    const r = run(
      "Iran said on Tuesday that American hackers had attacked its ports last month. The claim recalls Stuxnet, a worm that wrecked centrifuges at the Natanz plant and was discovered in 2010.",
      "2022-06-02",
    );
    assert.deepEqual(r.incidents.map((i) => i.date?.value).sort(), ["2010", "2022-05"]);
  });

  it("reads limits or deals 'breached' as a pact broken, not an attack", () => {
    const r = run(
      "Hackers disabled the plant's power on Sunday, Iranian officials said. Talks resumed on the nuclear limits Tehran has breached since 2019, and on what would follow any breach of the agreement.",
      "2021-04-13",
    );
    assert.equal(r.incidents.length, 1);
  });
});

describe("incidents: which attacks are cyber ones", () => {
  it("reads a weak attack word beside a threat group's sentence as a cyber attack", () => {
    const r = run(
      "Conti's affiliates hit a Peruvian bank in March. In May they attacked a hospital in Lima, delaying surgery.",
      "2022-06-10",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2022-03", "2022-05"],
    );
  });

  it("takes no attack, and no accusation, from a sentence of tankers and drones with no cyber word in it", () => {
    const r = run(
      "Ransomware hit the port authority's computers on Monday, officials said. Tension is high in the region: several tankers were damaged in attacks near the strait in May that Washington blames on Tehran.",
      "2019-08-08",
    );
    assert.equal(r.incidents.length, 1);
    assert.deepEqual(claims(r), []);
  });

  it("reads 'targeted at hindering' as an aim, not a second attack", () => {
    const r = run(
      "The covert intrusion, carried out by a group called Amber Sleet since mid-2021, was likely targeted at hindering Japan in a conflict, the report said.",
      "2023-05-26",
    );
    assert.equal(r.incidents.length, 1);
  });
});
