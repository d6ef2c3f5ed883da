import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { claims, run, who } from "./text-run.case.ts";

// General rules of the claim and response stages, each stated on a text written for it.
describe("claims: who speaks", () => {
  it("reads charging a state's officers with cyberattacks as accusing the state", () => {
    const r = run(
      "The United States on Monday charged six officers of Russia's GRU military intelligence agency with some of the most destructive cyberattacks ever recorded.",
      "2020-10-20",
    );
    assert.ok(claims(r).includes("US accuses RU"), claims(r).join("; "));
  });

  it("reads a state's spy service carrying out an operation as the speaker's accusation", () => {
    const r = run(
      "Britain's National Cyber Security Centre said the GRU had carried out reconnaissance against officials preparing the Tokyo Olympics.",
      "2020-10-20",
    );
    assert.ok(claims(r).includes("GB accuses RU"), claims(r).join("; "));
  });

  it("takes 'accuses them of' as accusing those the story blames, not what the attack hit", () => {
    const r = run(
      "Prosecutors in Washington charged six GRU officers over attacks on Ukraine. The indictment also accuses them of the Olympic Destroyer attack that disrupted the Winter Games in South Korea.",
      "2020-10-20",
    );
    assert.ok(
      claims(r).every((c) => !c.endsWith(" KR")),
      claims(r).join("; "),
    );
  });

  it("reads 'had been targeted by' a group as the speaker's accusation of it", () => {
    const r = run(
      "The Czech foreign ministry said on Friday that some state institutions had also been targeted last year by APT28, the Russian military hacking group.",
      "2024-05-03",
    );
    assert.ok(claims(r).includes("CZ accuses APT28"), claims(r).join("; "));
  });

  it("reads hackers posing as a named group as an accusation of that persona, and only of it", () => {
    const r = run(
      "Washington sanctioned six officers of Iran's Revolutionary Guards. US officials have said the hackers posed as a group called Cyber Av3ngers.",
      "2024-02-03",
    );
    assert.ok(claims(r).includes("US accuses CyberAv3ngers"), claims(r).join("; "));
    const w = run(
      "Microsoft warned that destructive software posing as ransomware had been planted on computers at Ukrainian agencies.",
      "2022-01-16",
    );
    assert.deepEqual(claims(w), []);
  });

  it("names the groups that claim an attack in the next sentence's subject", () => {
    const r = run(
      "Two hacking groups have claimed responsibility for a cyberattack on Aeroflot. The groups, Silent Crow and the Belarusian Cyber Partisans, said on Telegram that they had been inside its network for a year.",
      "2025-07-29",
    );
    assert.deepEqual(claims(r).sort(), [
      "Cyber Partisans claims-responsibility Cyber Partisans",
      "Silent Crow claims-responsibility Silent Crow",
    ]);
  });

  it("takes the state of 'its minister saying …' as the claimant", () => {
    const r = run(
      "A cyberattack hit Canadian research labs in May. Canada's government joined in, with its defence minister saying Chinese state-sponsored actors were behind the intrusion.",
    );
    assert.ok(claims(r).includes("CA accuses CN"));
  });

  it("gives an official named after a body that body's state", () => {
    const r = run(
      "The United States on Tuesday blamed North Korea for the WannaCry ransomware attack. Britain joined in the same day. Foreign Office minister Tom Hill said it was highly likely the Lazarus Group carried out the attack.",
      "2017-12-19",
    );
    assert.ok(claims(r).includes("GB accuses Lazarus Group"));
    assert.ok(!claims(r).includes("US accuses Lazarus Group"));
  });

  it("reads '<country> federal agencies said' as that state speaking", () => {
    const r = run(
      "Hackers affiliated with Iran's Revolutionary Guards took control of a water utility's controller over the weekend, US federal agencies said on Tuesday.",
      "2023-11-28",
    );
    assert.ok(claims(r).includes("US accuses IR"));
  });

  it("leaves an accusation by unnamed officials without a claimant", () => {
    const r = run(
      "Emails of Macron's campaign were leaked online in May after a hack. Some Western intelligence officials have linked the group to Russia's military intelligence service.",
      "2017-05-10",
    );
    assert.ok(claims(r).includes("null accuses RU"));
    assert.ok(!claims(r).includes("FR accuses RU"));
  });

  it("never makes 'the government' the accused", () => {
    const r = run(
      "Investigators linked the botnet to 40 ransomware attacks against US companies, hospitals and government contractors since 2021.",
      "2023-08-30",
    );
    assert.ok(r.claims.every((c) => !(c.claimant === null && who(c.accused) === "US")));
  });

  it("does not read a time phrase before an apposition as a company", () => {
    const r = run(
      "In April, the Japanese security firm Trend Micro reported that APT28 had targeted the campaign of Emmanuel Macron.",
      "2017-05-10",
    );
    assert.ok(r.claims.every((c) => who(c.claimant) !== "In April"));
  });

  it("names a gang that took a country's name, and its claim of responsibility", () => {
    const r = run(
      "A cyberattack hit Montenegro's government networks in August. A ransomware group known as Cuba has since claimed on its leak site that it stole files from parliament.",
      "2022-09-02",
    );
    assert.ok(claims(r).includes("Cuba claims-responsibility Cuba"));
    assert.ok(r.incidents.every((i) => !i.victims.some((v) => who(v) === "CU")));
  });

  it("keeps a claim of responsibility in its own clause", () => {
    const r = run(
      "Montenegro's security agency says Russian services are behind the cyberattack on its networks, although a criminal ransomware gang has also claimed responsibility.",
      "2022-09-02",
    );
    assert.ok(!claims(r).some((c) => c.includes("claims-responsibility")));
    assert.ok(claims(r).includes("ME accuses RU"));
  });

  it("reads a long attack subject that 'originated in' a state as an accusation by the speaker", () => {
    const r = run(
      "The ransomware attack that shut down the payment systems of several Kenyan banks for more than a week originated in Vietnam, Kenyan officials said on Friday.",
      "2021-06-12",
    );
    assert.ok(claims(r).includes("KE accuses VN"));
  });

  it("reads a group saying it was responsible as its own claim, not an accusation", () => {
    const r = run(
      "A cyberattack knocked Danish bank websites offline on Monday. Killnet said on its Telegram channel that it was responsible.",
      "2023-02-07",
    );
    assert.ok(claims(r).includes("Killnet claims-responsibility Killnet"));
    assert.ok(!claims(r).includes("null accuses Killnet"));
  });

  it("reads 'outages claimed by' a group as that group's claim", () => {
    const r = run(
      "Latvian ministries were hit by a cyberattack on Monday, the latest of several outages claimed by Killnet.",
      "2023-02-07",
    );
    assert.ok(claims(r).includes("Killnet claims-responsibility Killnet"));
  });

  it("never takes the company an attack hit as the one accusing", () => {
    const r = run(
      "Canada's spy chief blamed Iran for last year's destructive cyberattack on mining company Tundra Metals Corp, the first time Ottawa has pinned the incident on Tehran.",
      "2016-02-27",
    );
    assert.ok(claims(r).includes("CA accuses IR"));
    assert.ok(!claims(r).some((c) => c.startsWith("Tundra")));
  });

  it("reads 'the attacker was affiliated with' a gang as an accusation by the speaker", () => {
    const r = run(
      "A breach hit the source code repositories of Microsoft on Friday. Microsoft said on Tuesday that the intruder was most likely affiliated with Lapsus$.",
      "2022-09-20",
    );
    assert.ok(claims(r).some((c) => /^Microsoft accuses lapsus\$$/i.test(c)));
  });

  it("takes a state's minister, named by the state's possessive, as the speaker", () => {
    const r = run(
      "Romania's state power company was hit by a ransomware attack on Monday, an incident the country's energy minister said was most likely the work of Russia.",
      "2023-06-14",
    );
    assert.ok(claims(r).includes("RO accuses RU"));
  });

  it("drops an unattributed reading of an accusation whose sentence names the accuser", () => {
    const r = run(
      "Finland summoned Russia's ambassador on Tuesday after the government concluded that Russian state-controlled hackers were responsible for a cyberattack on its parliament.",
      "2021-03-18",
    );
    assert.ok(claims(r).includes("FI accuses RU"));
    assert.ok(!claims(r).includes("null accuses RU"));
  });

  it("lets 'the authority' speak for the state in focus and reads ransomware 'made by' a gang as blaming it", () => {
    const r = run(
      "Ransomware attack halts container terminals at Korea's Busan port.\n\nA ransomware attack on Tuesday halted the container terminals of South Korea's largest port. The authority said the attack had been carried out with ransomware made by Akira.",
      "2023-07-06",
    );
    assert.ok(claims(r).includes("KR accuses Akira"));
  });

  it("does not read 'no evidence' about the damage as a denial", () => {
    const text =
      "Ukraine blamed Russian hackers for the breach of a ministry's mail server. Russian investigators";
    const r = run(`${text} found no evidence that classified files had been copied.`, "2023-04-04");
    assert.ok(r.claims.every((c) => c.stance !== "denies"));
    const d = run(`${text} found no evidence that Moscow was involved.`, "2023-04-04");
    assert.ok(claims(d).includes("RU denies RU"));
  });

  it("reads 'no evidence' as a denial only from the one saying it", () => {
    const r = run(
      "FBI names DarkSide gang in pipeline hack; Biden says no evidence of Russian state role.",
      "2021-05-11",
    );
    assert.ok(!claims(r).some((c) => c.includes("denies")));
    const g = run(
      "A ransomware attack hit Montenegro's ministries in August. Researchers have linked the gang to Russian-speaking criminals but say there is no evidence it works for a government.",
      "2022-09-02",
    );
    assert.deepEqual(claims(g), []);
  });
});

describe("claims: sources and their words", () => {
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
});
