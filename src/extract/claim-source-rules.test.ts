import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertEvery, assertHas, claims, run } from "./text-run.case.ts";

// General rules about where a claim's words come from: reports, findings, naming, owning up. Each is stated on a
// text written for it.
describe("claims: sources and their words", () => {
  it("reads 'he said that investigators had identified X' as the speaker's accusation, not an unnamed one", () => {
    const r = run(
      "Hackers hit the Philippine state insurer. Maria Santos, an undersecretary at the ministry, said soon after the attack that investigators had identified LockBit ransomware on the insurer's machines.",
      "2023-11-10",
    );
    assert.deepEqual(claims(r), ["PH accuses LockBit"]);
  });

  it("hears 'In a statement it said' as the body named just before", () => {
    const r = run(
      "Dutch intelligence said Chinese hackers had broken into a military network. The Chinese embassy in The Hague responded on Friday. In a statement it said the accusation was groundless.",
      "2024-02-07",
    );
    assert.ok(claims(r).includes("CN denies CN"), claims(r).join("; "));
  });

  it("hears an officer of a firm as the firm, not as the firm's owner named in an apposition", () => {
    const r = run(
      "Jane Holt, head of research at Mandiant, the incident response firm owned by Google, said the intruders were almost certainly working for China.",
      "2025-07-24",
    );
    assert.deepEqual(claims(r), ["Mandiant accuses CN"]);
  });

  it("hears a body named as an association as that organisation", () => {
    const r = run(
      "The Kestrel Harbour Pilots Association, which runs the booking system, said the LockBit gang was behind the attack.",
      "2023-07-06",
    );
    assert.deepEqual(claims(r), ["Kestrel Harbour Pilots Association accuses LockBit"]);
  });

  it("reads 'the attackers appeared to be' a group as the speaker's accusation", () => {
    const r = run(
      "Symantec said on Monday that it had blocked attempted ransomware attacks on dozens of companies and that the attackers appeared to be Evil Corp.",
      "2020-07-28",
    );
    assert.deepEqual(claims(r), ["Symantec accuses Evil Corp"]);
  });

  it("reads 'an attack later claimed by' a group and 'has claimed a series of thefts' as owning up", () => {
    const later = run(
      "In June the publisher was knocked offline in an attack later claimed by the BlackSuit gang.",
      "2024-09-12",
    );
    assert.deepEqual(claims(later), ["Royal claims-responsibility Royal"]);
    const series = run(
      "Silent Crow has claimed a series of data thefts from Russian companies.",
      "2025-07-30",
    );
    assert.deepEqual(claims(series), ["Silent Crow claims-responsibility Silent Crow"]);
    // hackers described by a nationality own up to nothing for their state
    const hackers = run(
      "The port's website was knocked offline in an attack claimed by Russian hackers.",
      "2024-09-12",
    );
    assertEvery(claims(hackers), (c) => !c.includes("claims-responsibility"));
  });

  it("hears 'the port' as the port named before, not an airport whose name holds the letters", () => {
    const r = run(
      "Ransomware hit the Port of Kestrel, which runs Kestrel-Marlow International Airport, in August. The port later said the criminal group Rhysida was responsible.",
      "2025-09-24",
    );
    assert.ok(claims(r).includes("Port of Kestrel accuses Rhysida"), claims(r).join("; "));
  });

  it("reads 'a report by X that …' as X speaking", () => {
    const r = run(
      "Beijing on Thursday dismissed a report by Microsoft that a China-based hacking group had broken into the mailboxes of several US agencies.",
      "2023-07-14",
    );
    assert.ok(claims(r).includes("Microsoft accuses CN"), claims(r).join("; "));
  });

  it("reads a state's intelligence service that blames as the accuser, not as an attacker", () => {
    const r = run(
      "Belgian intelligence blames Chinese state hackers for a breach at the federal police",
      "2024-02-01",
    );
    assert.deepEqual(claims(r), ["BE accuses CN"]);
  });

  it("reads naming a group ('calls the group X') as accusing it", () => {
    const r = run(
      "Mandiant published its own findings the same week. The company calls the group Cobalt Harbor and said it works on behalf of Beijing.",
      "2024-02-01",
    );
    assert.ok(claims(r).includes("Mandiant accuses Cobalt Harbor"), claims(r).join("; "));
  });

  it("reads an information operation with a nationality as that state's", () => {
    const r = run(
      "Analysts at the security company Recorded Future said the outage was most likely part of a Russian influence operation.",
      "2024-02-01",
    );
    assert.ok(claims(r).includes("Recorded Future accuses RU"), claims(r).join("; "));
  });

  it("adds no accusation by the quoted party for an act told beside the doer's own claim", () => {
    const r = run(
      "Budget airline Skyway said on Wednesday that its website had been restored after a cyberattack, one of a string of disruptions claimed by a group calling itself Anonymous Sudan that has targeted Finland.",
      "2023-04-05",
    );
    assert.deepEqual(claims(r), ["Anonymous Sudan claims-responsibility Anonymous Sudan"]);
  });

  it("reads 'saying the attack was its work' as owning up", () => {
    const r = run(
      "The gang, which calls itself Ember Lock, posted a note on its leak site on Monday saying the attack on the port was its work.",
      "2024-07-04",
    );
    assert.ok(claims(r).includes("Ember Lock claims-responsibility Ember Lock"), claims(r).join("; "));
  });

  it("reads 'claimed an attack' as owning up", () => {
    const r = run(
      "The gang Lapsus$ first made headlines in December, when it claimed an attack on Brazil's health ministry.",
      "2022-09-23",
    );
    assert.ok(claims(r).includes("LAPSUS$ claims-responsibility LAPSUS$"), claims(r).join("; "));
  });

  it("gives a relative clause with unnamed investigators as its subject no named claimant", () => {
    const r = run(
      "Police in Madrid arrested a 19-year-old on Friday, a week after intrusions at the airline Iberia that investigators have linked to the Lapsus$ gang.",
      "2022-09-23",
    );
    assert.ok(claims(r).includes("null accuses LAPSUS$"), claims(r).join("; "));
    assert.ok(!claims(r).includes("ES accuses LAPSUS$"), claims(r).join("; "));
  });

  it("keeps named officials in a relative clause as the claimant", () => {
    const r = run(
      "The flaws were not tied to the campaign that came to light in December, which US officials have linked to Russia.",
      "2021-03-03",
    );
    assert.ok(!claims(r).includes("null accuses RU"), claims(r).join("; "));
  });

  it("reads a group 'blamed by' unnamed governments as accused by nobody named, not what it is blamed for", () => {
    const r = run(
      "Sandworm has been blamed by Western governments for the attacks that cut power to parts of Ukraine in December 2015.",
      "2023-11-13",
    );
    assert.deepEqual(claims(r), ["null accuses Sandworm"]);
  });

  it("reads traffic from infrastructure associated with a group as the speaker tying it to the group", () => {
    const r = run(
      "NordCERT said it saw traffic from servers that had previously been associated with Sandworm.",
      "2023-11-13",
    );
    assert.ok(claims(r).includes("NordCERT accuses Sandworm"), claims(r).join("; "));
  });

  it("accuses the state a group is tied to in apposition", () => {
    const r = run(
      "Finland blamed Sandworm, a hacking unit the agency described as part of Russia's military intelligence service.",
      "2023-11-13",
    );
    assert.deepEqual(claims(r).sort(), ["FI accuses RU", "FI accuses Sandworm"]);
  });

  it("reads bare 'Prosecutors said' as the state the story is about speaking", () => {
    const r = run(
      "The United States charged six GRU officers on Monday. Prosecutors said the men belonged to the GRU's Unit 74455.",
      "2020-10-20",
    );
    assert.ok(claims(r).includes("US accuses RU"), claims(r).join("; "));
  });

  it("reads 'Berlin's accusation that …' as Berlin speaking", () => {
    const r = run(
      "The recall followed Prague's accusation on Friday that APT28 had broken into the email of its foreign ministry.",
      "2024-05-06",
    );
    assert.ok(claims(r).includes("CZ accuses APT28"), claims(r).join("; "));
  });

  it("reads tools 'used by' a group as the speaker tying the attack to the group", () => {
    const r = run(
      "ESET said the wiper had been used by a group it calls Sandworm in earlier attacks.",
      "2024-05-06",
    );
    assert.ok(claims(r).includes("ESET accuses Sandworm"), claims(r).join("; "));
  });

  it("reads 'in April it said it had stolen …' as the group named before owning up", () => {
    const r = run(
      "Conti has a long record of extortion. In April it said it had stolen data from a Taiwanese laptop maker.",
      "2021-06-10",
    );
    assert.ok(claims(r).includes("Conti claims-responsibility Conti"), claims(r).join("; "));
  });

  it("reads 'claimed a ransomware attack' as owning up", () => {
    const r = run(
      "Earlier this month the LockBit gang also claimed a ransomware attack on a London trading software firm.",
      "2023-02-15",
    );
    assert.ok(claims(r).includes("LockBit claims-responsibility LockBit"), claims(r).join("; "));
  });

  it("does not take the official who confirms a break-in as the one accused of it", () => {
    const r = run(
      "Mexican President Andrés Manuel López Obrador confirmed on Friday that hackers had broken into the army's email.",
      "2022-09-30",
    );
    assert.deepEqual(claims(r), []);
  });

  it("gives a spokesman at a briefing in a capital that capital's state", () => {
    const r = run(
      "Canada said a state actor had breached its parliament. Asked about the reports at a briefing in Beijing, foreign ministry spokesman Wang Wenbin said the claims were groundless. China was itself a victim of hacking, he said, and he urged Canadian media to stop making groundless accusations.",
      "2019-02-19",
    );
    assert.ok(claims(r).includes("CN denies CN"), claims(r).join("; "));
    assert.ok(!claims(r).includes("CA denies CA"), claims(r).join("; "));
  });

  it("does not make a speaker of a later clause the one behind suggestions it did not make", () => {
    const r = run(
      "China on Tuesday dismissed as baseless suggestions that it was behind an intrusion into Canada's parliament, a day after Prime Minister Justin Trudeau said a foreign government was responsible.",
      "2019-02-19",
    );
    assert.ok(!claims(r).includes("CA accuses CN"), claims(r).join("; "));
  });

  it("reads a country's press reporting who is believed responsible as an unnamed accusation", () => {
    const r = run(
      "Canadian media, citing unnamed security officials, have reported that China is believed to be responsible.",
      "2019-02-19",
    );
    assert.deepEqual(claims(r), ["null accuses CN"]);
  });

  it("does not read 'a smear campaign by Washington' as an accusation of an attack", () => {
    const r = run(
      "Pyongyang has previously rejected claims that it is behind cryptocurrency thefts, calling them a smear campaign by Washington.",
      "2025-02-27",
    );
    assert.deepEqual(claims(r), ["KP denies KP"]);
  });

  it("reads a state's intelligence service that blames as the accuser", () => {
    const r = run("Supo blamed APT31 for the breach of the parliament's email.", "2021-03-19");
    assert.deepEqual(claims(r), ["FI accuses APT31"]);
  });

  it("reads an embassy rejecting the finding as its state's denial, wherever the embassy sits", () => {
    const r = run(
      "Supo said APT31 was responsible for the breach of the parliament. China's embassy in Helsinki rejected the finding.",
      "2021-03-19",
    );
    assert.ok(claims(r).includes("CN denies CN"), claims(r).join("; "));
    assert.ok(!claims(r).includes("FI denies FI"), claims(r).join("; "));
  });

  it("reads 'carried it out' and 'sent phishing messages' as acts told of the group", () => {
    const r = run(
      "The security service said in December that the group APT28 had probably carried it out. Google said that APT31 had sent phishing messages to campaign staff.",
      "2021-03-19",
    );
    assert.ok(claims(r).includes("Google accuses APT31"), claims(r).join("; "));
    assert.ok(
      claims(r).some((c) => c.endsWith("accuses APT28")),
      claims(r).join("; "),
    );
  });

  it("does not read 'does not confirm or deny involvement' as a denial", () => {
    const r = run(
      "A group called Predatory Sparrow said it hit Iran's steel plants. Israel does not as a rule confirm or deny involvement in such operations.",
      "2022-06-28",
    );
    assert.ok(!claims(r).includes("IL denies IL"), claims(r).join("; "));
  });

  it("reads 'X and Y were the likely culprits' as accusing both, and not the speaker's state", () => {
    const r = run(
      "Iran's civil defence chief said a foreign state was probably behind the fuel attack and suggested that Israel and the United States were the likely culprits.",
      "2022-06-28",
    );
    assert.deepEqual(claims(r).sort(), ["IR accuses IL", "IR accuses US"]);
  });

  it("reads a paper citing unnamed officials as an unnamed accusation", () => {
    const r = run(
      "The Washington Post, citing unnamed officials, reported that Israel had carried out the attack on the port.",
      "2022-06-28",
    );
    assert.deepEqual(claims(r), ["null accuses IL"]);
  });

  it("knows Microsoft's element names as written in the news, beside a word for a group", () => {
    const r = run(
      "Microsoft said on Thursday that a Russian military hacking group it calls Iridium was behind the ransomware attacks.",
      "2022-11-11",
    );
    assert.ok(claims(r).includes("Microsoft accuses Sandworm"), claims(r).join("; "));
    assert.deepEqual(claims(run("Iridium said its satellites were working normally.", "2022-11-11")), []);
  });

  it("reads 'a group it calls X' as naming a group the gazetteer lacks", () => {
    const r = run(
      "Mandiant said a Chinese hacking group it calls Cobalt Harbor was behind the intrusion.",
      "2024-02-01",
    );
    assert.ok(claims(r).includes("Mandiant accuses Cobalt Harbor"), claims(r).join("; "));
  });

  it("takes a newspaper that reports who was behind an attack as the one accusing", () => {
    const r = run(
      "Hackers broke into the Belgian telecoms operator in 2010. In 2013, Der Spiegel reported that Britain's GCHQ had carried out the attack.",
      "2018-02-16",
    );
    assert.deepEqual(claims(r), ["Der Spiegel accuses GB"]);
  });

  it("hears people familiar with a company's response as unnamed, not as the company", () => {
    const r = run(
      "Norsk Hydro said it had shut down its network after an attack. Three people familiar with the company's recovery said the attack appeared to be the work of Ryuk's operators.",
      "2020-10-01",
    );
    assert.deepEqual(claims(r), ["null accuses Ryuk"]);
  });

  it("hears the unnamed subject of a later clause ('…, but researchers believe it is linked to …') as unnamed", () => {
    const r = run(
      "Iran's central bank said its systems had been disrupted by a cyberattack. The group that claimed it has never said whom it serves, but security researchers widely believe it is linked to Israel's military.",
      "2025-06-20",
    );
    assert.ok(claims(r).includes("null accuses IL"), claims(r).join("; "));
    assert.ok(!claims(r).includes("IR accuses IL"), claims(r).join("; "));
  });

  it("hears a state's intelligence service that 'suspects' another state of an attack as its state accusing", () => {
    const r = run(
      "Latvia's security service suspects Russia or groups loyal to it of mounting the attacks that froze ministry websites in Riga this week.",
      "2023-03-10",
    );
    assert.deepEqual(claims(r), ["LV accuses RU"]);
  });

  it("hears 'blames North Korea's Lazarus Group' as blaming both the state and its group", () => {
    const r = run(
      "The FBI blames North Korea's Lazarus Group for the theft of $60 million from a gaming platform.",
      "2023-09-07",
    );
    assert.deepEqual(claims(r).sort(), ["US accuses KP", "US accuses Lazarus Group"]);
  });
});

describe("claims: where a trail leads", () => {
  it("does not read an attack 'traced to a server' or 'to a suspect' in a country as an accusation of that state", () => {
    const server = run(
      "The energy contractor said the wiper had been traced to a server in the Indian city of Pune, but that it did not know who was behind it.",
      "2018-12-12",
    );
    assertEvery(claims(server), (c) => !c.endsWith(" IN"));
    const suspect = run(
      "The court's president said police had traced the leak to a suspect based in Portugal.",
      "2020-11-16",
    );
    assertEvery(claims(suspect), (c) => !c.endsWith(" PT"));
  });

  it("does not read internet addresses or payments 'traced … to' a place as an accusation of its state", () => {
    const r = run(
      "Investigators also traced internet addresses used in the attack to the Chinese city of Shenyang, near the North Korean border.",
      "2015-03-17",
    );
    assertEvery(claims(r), (c) => !c.endsWith(" CN"));
  });

  it("still reads an attack traced to hackers in a country as blaming it", () => {
    const r = run(
      "Investigators traced the intrusion to hackers in Russia, the ministry said.",
      "2021-05-02",
    );
    assert.ok(
      claims(r).some((c) => c.endsWith("accuses RU")),
      claims(r).join("; "),
    );
  });
});

describe("claims: an institution's short name speaks for it", () => {
  it("reads 'The Council said' as the Council of the EU named paragraphs before", () => {
    const r = run(
      [
        "Two of the men are members of the Callisto group, which the Council of the EU said had run phishing campaigns against officials across the bloc.",
        "The measures take effect on Tuesday. Those listed may not enter the EU, and their assets there are frozen.",
        "Russia has not commented. Its diplomats have called earlier listings unlawful.",
        "The Council said the group known as Gamaredon had carried out phishing attacks on Ukrainian ministries since 2014.",
      ].join("\n\n"),
      "2024-06-25",
    );
    assert.ok(claims(r).includes("EU accuses Gamaredon"), claims(r).join("; "));
  });
});

describe("claims: 'the police' named again", () => {
  it("reads 'The police said' as the police agency named paragraphs before, whatever the story's focus", () => {
    const r = run(
      [
        "North Korea's hackers took a terabyte from the network of South Korea's courts, police say",
        "North Korean hackers lived inside the courts' computer network for two years and took more than a terabyte of files, the national police said on Tuesday.",
        "The Korean National Police Agency, which worked with prosecutors on the case, said the intruders had been in the network since January 2021.",
        "The police said the hacking was the work of Lazarus, a group tied to North Korea's main foreign intelligence agency.",
      ].join("\n\n"),
      "2023-12-05",
    );
    assertHas(claims(r), "KR accuses Lazarus Group");
  });
});
