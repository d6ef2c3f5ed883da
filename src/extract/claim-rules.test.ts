import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ARTICLES_DIR, corpusFixtures } from "../../test/helpers/corpus.ts";
import { assertEvery, assertHas, assertSome, claims, responses, run, who } from "./text-run.case.ts";

// General rules of the claim and response stages, each stated on a text written for it.
describe("claims: who speaks", () => {
  it("reads charging a state's officers with cyberattacks as accusing the state", () => {
    const r = run(
      "The United States on Monday charged six officers of Russia's GRU military intelligence agency with some of the most destructive cyberattacks ever recorded.",
      "2020-10-20",
    );
    assert.ok(claims(r).includes("US accuses RU"), claims(r).join("; "));
  });

  it("reads any charge against a state's people as that state's accusation, whatever the charge names", () => {
    const r = run(
      "American prosecutors on Thursday indicted nine officers of Russia's GRU, listing fraud and identity theft among the counts.",
      "2019-06-02",
    );
    assert.ok(claims(r).includes("US accuses RU"), claims(r).join("; "));
  });

  it("lets 'the bloc' and 'the alliance' speak for the union of states named before", () => {
    const r = run(
      "NATO foreign ministers met on Tuesday. The alliance said Russia was responsible for the cyberattack on the Estonian parliament.",
      "2021-03-02",
    );
    assert.ok(claims(r).includes("NATO accuses RU"), claims(r).join("; "));
    const eu = run(
      "The European Union published a declaration on Monday. The bloc said the intrusions into its ministries could be linked to APT31.",
      "2021-07-20",
    );
    assert.ok(claims(eu).includes("EU accuses APT31"), claims(eu).join("; "));
  });

  it("reads 'an attack on X by Y' as the speaker's accusation of Y, but not 'an attack on software made by Y'", () => {
    assert.deepEqual(
      claims(
        run(
          "Latvia's defence minister said the country was fending off an attack on its power grid operators by a group known as Ember Moth.",
          "2024-05-10",
        ),
      ),
      ["LV accuses Ember Moth"],
    );
    assert.deepEqual(
      claims(
        run(
          "Police in Britain arrested a man over the cyberattack on check-in software made by Collins Aerospace, the National Crime Agency said.",
          "2025-09-24",
        ),
      ),
      [],
    );
  });

  it("reads the attackers' use of a gang's ransomware as the speaker's accusation of the gang, and nothing else", () => {
    assert.deepEqual(
      claims(
        run(
          "Norway's health ministry said on Monday that the attackers had used LockBit ransomware against the hospital group.",
          "2024-05-10",
        ),
      ),
      ["NO accuses LockBit"],
    );
    assert.deepEqual(
      claims(
        run(
          "Once inside, the intruders deployed custom malware that American agencies later named WellMess.",
          "2024-05-10",
        ),
      ),
      [],
    );
  });

  it("reads a group saying it did the deed ('told reporters that it had taken data') as owning up", () => {
    assert.deepEqual(
      claims(
        run(
          "Intruders raided a credit bureau's servers in Pretoria. The gang, which calls itself Velvet Jackal, told local news sites that it had taken three terabytes of records.",
          "2022-03-20",
        ),
      ),
      ["Velvet Jackal claims-responsibility Velvet Jackal"],
    );
    assert.deepEqual(
      claims(
        run(
          "A leaked report described claims by a pro-Russian hacking group called Zarya that it had got into the controls of a gas pipeline in February.",
          "2023-04-20",
        ),
      ),
      ["Zarya claims-responsibility Zarya"],
    );
  });

  it("reads 'linked the site used to publish the data to X' after 'did not name …, though' as linking X", () => {
    const r = run(
      "Hackers leaked the records of an Australian lender. It did not name the group, though security researchers linked the site used to publish the data to the REvil ransomware gang.",
      "2023-04-11",
    );
    assert.deepEqual(claims(r), ["null accuses REvil"]);
  });

  it("reads a group exploiting flaws as the speaker's accusation of it", () => {
    const r = run(
      "Microsoft said on Tuesday that a group it tracks as Violet Typhoon had been exploiting two flaws in its file-sharing servers.",
      "2025-07-24",
    );
    assert.ok(claims(r).includes("Microsoft accuses APT31"), claims(r).join("; "));
    assert.equal(r.incidents.length, 1);
  });

  it("reads 'blamed the attack on' a group as blaming the group, not as the attack's target", () => {
    const r = run("The FBI blamed the attack on DarkSide, a criminal ransomware gang.", "2021-05-25");
    assert.deepEqual(claims(r), ["US accuses DarkSide"]);
    // "the attack on" a company after "accused … of" still names what was hit
    const hit = run(
      "Prosecutors accused a Russian man of carrying out the attack on Harbourline.",
      "2021-05-25",
    );
    assertEvery(claims(hit), (c) => !c.endsWith("Harbourline"));
  });

  it("reads charging people with running a named ransomware scheme as accusing those behind the strain", () => {
    const r = run(
      "The United States on Wednesday charged two men with running the Quillfeather ransomware scheme, which crippled hospitals.",
      "2018-11-29",
    );
    assert.ok(claims(r).includes("US accuses Quillfeather"), claims(r).join("; "));
    // a strain named for its outbreak is no group
    const outbreak = run(
      "He was charged over the Quillfeather ransomware outbreak of May 2017, the FBI said.",
      "2018-11-29",
    );
    assertEvery(claims(outbreak), (c) => !c.endsWith("Quillfeather"));
  });

  it("ties only the attackers' own noun to a state, not people the attackers hacked", () => {
    const r = run(
      "In May the group got into personal accounts of people associated with the Trump campaign and took internal material.",
      "2024-09-28",
    );
    assertEvery(claims(r), (c) => !c.endsWith(" US"));
    const tied = run(
      "The hackers were believed to be working for Russia's foreign intelligence service, officials said.",
      "2020-12-14",
    );
    assert.ok(claims(tied).includes("null accuses RU"), claims(tied).join("; "));
  });

  it("does not read the victim after 'blamed for the attack on' as the one blamed", () => {
    const r = run(
      "Researchers believe the gang grew out of DarkSide, the crew the FBI blamed for the 2021 attack on Colonial Pipeline.",
      "2023-12-20",
    );
    assertEvery(claims(r), (c) => !c.endsWith("Colonial Pipeline"));
  });

  it("reads a state's spy service carrying out an operation as the speaker's accusation", () => {
    const r = run(
      "Britain's National Cyber Security Centre said the GRU had carried out reconnaissance against officials preparing the Tokyo Olympics.",
      "2020-10-20",
    );
    assert.ok(claims(r).includes("GB accuses RU"), claims(r).join("; "));
  });

  it("takes 'blaming it for' after a response as blaming the state the response named", () => {
    const cut = run(
      "Albania broke off diplomatic relations with Iran on Wednesday, blaming it for a cyberattack in July that took government websites offline.",
      "2022-09-10",
    );
    assert.ok(claims(cut).includes("AL accuses IR"), claims(cut).join("; "));
    const sanctioned = run(
      "Washington sanctioned Iran on Friday, accusing it of the intrusion at the Albanian parliament.",
      "2022-09-10",
    );
    assert.deepEqual(claims(sanctioned), ["US accuses IR"]);
    // "it" names no one when nothing but the accuser stands before it
    const alone = run(
      "Estonia said on Monday that hackers had hit its customs office, blaming it for the delays.",
    );
    assertEvery(claims(alone), (c) => !c.endsWith(" EE"));
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

  it("reads a gang claiming an attack, listing its victim on its leak site or posting files it says it took as its claim", () => {
    for (const [text, gang] of [
      [
        "Hackers broke into the Norbury police network in April. The Babuk group claimed it on its leak site.",
        "Babuk",
      ],
      [
        "Hackers hit the outsourcer Calverley in March. Black Basta later listed the firm on its leak site.",
        "Black Basta",
      ],
      [
        "Hackers hit the law firm Tarrant in March. The Clop gang posted files it says it took from the firm.",
        "Clop",
      ],
    ] as const) {
      const r = run(text, "2024-05-01");
      assert.ok(
        claims(r).includes(`${gang} claims-responsibility ${gang}`),
        `${text}: ${claims(r).join("; ")}`,
      );
    }
  });

  it("lets a company deny what it was accused of, and no company deny a gang's boast about its data", () => {
    const r = run(
      "The FSB accused Orchard, the American phone maker, of helping US spies plant spyware on iPhones. Orchard rejected the accusation and said it had never worked with any government.",
      "2023-06-02",
    );
    assert.ok(claims(r).includes("Orchard denies Orchard"), claims(r).join("; "));
    const boast = run(
      "Hackers stole data from Tarrant, a law firm. Tarrant disputed the gang's claim that it had taken client files.",
      "2023-06-02",
    );
    assert.ok(!claims(boast).some((c) => c.includes("denies")), claims(boast).join("; "));
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

  it("reads denying 'anything to do with' a theft as a denial, even before anyone blames the denier", () => {
    const r = run(
      "The hacktivist collective Anonymous has denied having anything to do with the theft of the card numbers.",
      "2011-05-05",
    );
    assert.deepEqual(claims(r), ["Anonymous denies Anonymous"]);
  });

  it("does not read 'has not confirmed that X was behind' as naming X", () => {
    const r = run("The bank has not confirmed that LockBit was behind the outage.", "2023-05-16");
    assert.deepEqual(claims(r), []);
    const said = run("The bank said that LockBit was behind the outage.", "2023-05-16");
    assert.ok(said.claims.length > 0);
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

  it("reads a gang run by Russian speakers, or working from Russian-language channels, as no accusation of Russia", () => {
    for (const text of [
      "A ransomware attack hit a hospital in Lille in March. The gang is believed to be run by Russian speakers and avoids targets in former Soviet states.",
      "A ransomware attack hit a hospital in Lille in March. Researchers say the gang recruits openly on Russian-language forums.",
    ]) {
      const r = run(text, "2024-04-02");
      assert.ok(!claims(r).some((c) => c.endsWith("RU")), `${text}: ${claims(r).join("; ")}`);
    }
  });

  it("reads 'a hacker using the name X claimed responsibility' as that hacker's claim", () => {
    const r = run(
      "Intruders forged hundreds of web certificates after breaking into a Dutch certificate authority. A hacker using the name SlyFox claimed responsibility in messages posted online.",
      "2011-09-21",
    );
    assert.deepEqual(claims(r), ["SlyFox claims-responsibility SlyFox"]);
  });

  it("reads 'tracks the financially motivated group behind the thefts as X' as the firm's attribution, not its owner's", () => {
    const r = run(
      "Thieves stole data from cloud accounts of dozens of companies. Mandiant, the Google-owned security firm, tracks the financially motivated group behind the thefts as UNC9999.",
      "2024-06-10",
    );
    assert.deepEqual(claims(r), ["Mandiant accuses UNC9999"]);
  });

  it("reads 'Japan said Iran was behind' as Japan's accusation: the one saying is not the one behind", () => {
    const r = run("Japan said Iran was behind the hacking of its government websites.", "2013-07-16");
    assert.deepEqual(claims(r), ["JP accuses IR"]);
  });

  it("reads 'the North' as North Korea in a story that names North Korea", () => {
    const r = run(
      "South Korea says North was behind June hacking of presidential website\n\nInvestigators in Seoul said North Korea had used the same servers in earlier attacks.",
      "2013-07-16",
    );
    assertEvery(claims(r), (c) => c === "KR accuses KP");
    assert.ok(claims(r).length > 0);
  });

  it("gives each clause's accusation to its own speaker ('…, and Canada said … targeted by the GRU')", () => {
    const r = run(
      "Britain said the GRU was behind the hack of the anti-doping agency, and Canada said its sports bodies had been targeted by the Russian military agency.",
      "2018-10-05",
    );
    assert.deepEqual(claims(r).sort(), ["CA accuses RU", "GB accuses RU"]);
  });

  it("does not let 'a US cybersecurity firm' speak for the United States", () => {
    const r = run(
      "Hackers cut power to customers in western Ukraine. Fennec Labs, a US cybersecurity firm, said the tools had been used by a group it calls Sandstorm Team.",
      "2016-01-10",
    );
    assert.deepEqual(claims(r), ["Fennec Labs accuses Sandstorm Team"]);
  });

  it("reads 'a group known as X, which they said acted for a Chinese unit, had targeted …' as blaming both", () => {
    const r = run(
      "Tokyo police said in 2021 that a group known as Tick, which they said acted under the direction of a Chinese military unit, had targeted about 200 Japanese companies in 2016.",
      "2023-11-29",
    );
    assert.deepEqual(claims(r).sort(), ["JP accuses CN", "JP accuses Tick"]);
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2016"],
    );
  });

  it("reads 'hackers from China's military had penetrated classified networks' as an intrusion and a newspaper's attribution", () => {
    const r = run(
      "The Washington Post reported in August that hackers from China's military had penetrated classified Japanese defence networks in 2020.",
      "2023-11-29",
    );
    assert.deepEqual(claims(r), ["The Washington Post accuses CN"]);
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2020"],
    );
  });

  it("reads a spy service that 'disrupted an attempt by' officers as the accuser, not an attacker", () => {
    const r = run(
      "In April 2018, the Dutch military intelligence service disrupted an attempt by four GRU officers to hack the Wi-Fi network of a chemical weapons watchdog.",
      "2023-09-23",
    );
    assert.deepEqual(claims(r), ["NL accuses RU"]);
  });

  it("reads analysts who 'pointed to Russia as a likely suspect' as an unnamed accusation", () => {
    const r = run(
      "The court said hackers had broken into its systems. Several security analysts pointed to Russia as a likely suspect, though none offered evidence.",
      "2023-09-23",
    );
    assert.deepEqual(claims(r), ["null accuses RU"]);
  });

  it("reads 'the gang told a broadcaster it had carried out the attack' as owning up", () => {
    const r = run(
      "A ransomware group known as Qilin hit a London pathology provider on June 3. The gang told the BBC it had carried out the attack.",
      "2024-06-21",
    );
    assert.deepEqual(claims(r), ["Qilin claims-responsibility Qilin"]);
  });

  it("does not let a former chief of a state agency speak for the state", () => {
    const r = run(
      "Hackers crippled a London pathology provider on June 3. Ciaran Martin, the former chief executive of the NCSC, said it appeared to be the work of Qilin.",
      "2024-06-21",
    );
    assert.deepEqual(claims(r), ["null accuses Qilin"]);
  });

  it("reads the parent in 'X, a unit of Oakridge Group' as an organisation, named again by its first word", () => {
    const r = run(
      "In February, a ransomware attack on Brightline Health, a unit of Oakridge Group, disrupted payments to pharmacies. Oakridge blamed a group known as Cinder Lynx.",
      "2024-06-27",
    );
    assert.deepEqual(claims(r), ["Oakridge Group accuses Cinder Lynx"]);
  });

  it("reads 'the work of a Russian group, Tsar Team, also known as APT28' as blaming the group and Russia", () => {
    const r = run(
      "Hackers leaked athletes' medical records. The agency's director general said the attack was the work of a Russian cyber-espionage group, Tsar Team, also known as APT28 or Fancy Bear.",
      "2016-09-14",
    );
    assert.deepEqual(claims(r).sort(), ["null accuses APT28", "null accuses RU"]);
  });

  it("does not take 'pro-Russian' for Russia, and reads 'a front for Russian state-linked hackers' as blaming Russia", () => {
    const r = run(
      "German police took down servers of a pro-Russian hacking group known as NoName057(16) on Tuesday. Some researchers suspect the group may be a front for Russian state-linked hackers.",
      "2025-07-16",
    );
    assert.deepEqual(responses(r), ["DE takedown NoName057(16)"]);
    assertEvery(claims(r), (c) => !c.startsWith("RU "));
    assertSome(claims(r), (c) => c === "null accuses RU");
  });

  it("keeps 'a group calling itself Anonymous Philippines' whole, not a country and a collective", () => {
    const r = run(
      "In March 2016 hackers defaced the website of the election commission. A group calling itself Anonymous Philippines said it was behind the defacement.",
      "2023-10-05",
    );
    assert.deepEqual(claims(r), ["Anonymous Philippines claims-responsibility Anonymous Philippines"]);
  });

  it("reads 'the Ragnar Locker gang later said it had carried out the attack' as owning up, and data that 'belonged to' customers as no attribution", () => {
    const r = run(
      "In August, TAP Air Portugal said it had repelled a cyberattack on its systems. The Ragnar Locker gang later said it had carried out the attack and published data it said belonged to the airline's customers.",
      "2022-12-30",
    );
    assert.deepEqual(claims(r), ["Ragnar Locker claims-responsibility Ragnar Locker"]);
  });

  it("reads 'The Lapsus$ group said it was responsible' as owning up", () => {
    const r = run(
      "In January, hackers took down the websites of a media group and posted messages on them. The Lapsus$ group said it was responsible.",
      "2022-12-30",
    );
    assert.deepEqual(claims(r), ["LAPSUS$ claims-responsibility LAPSUS$"]);
  });

  it("reads neither 'did not admit or deny the findings' as a denial, and 'charged … with carrying out that intrusion' as blaming", () => {
    const r = run(
      "Hackers stole data on 147 million people from a credit agency in 2017. In February the Justice Department charged four members of China's People's Liberation Army with carrying out that intrusion. The agency did not admit or deny the regulator's findings about its security.",
      "2020-08-07",
    );
    assert.deepEqual(claims(r), ["US accuses CN"]);
  });

  it("reads 'Rackspace Technology said' as a company speaking, and lawsuits accusing it of failing to protect data as no attribution", () => {
    const r = run(
      "Rackspace Technology said on Thursday that a ransomware group known as Play was behind last month's attack on its hosted email service. Several customers have filed lawsuits accusing the company of failing to protect their data.",
      "2023-01-06",
    );
    assert.deepEqual(claims(r), ["Rackspace Technology accuses Play"]);
  });

  it("reads 'it was blamed for' as blaming the group named before, not the victim named after", () => {
    const r = run(
      "Play, also known as PlayCrypt, appeared last year and mostly hits organisations in Latin America. In August, it was blamed for a ransomware attack that knocked out the courts of Argentina's Cordoba province.",
      "2023-01-06",
    );
    assert.deepEqual(claims(r), ["null accuses Play"]);
  });

  it("reads reports that 'pointed to hackers in China' as an unnamed accusation, and 'blaming China was unacceptable' as China's denial", () => {
    const r = run(
      "Intruders stole data on the tokens from the security company in March. Some reports citing people familiar with the investigation have pointed to hackers in China. A foreign ministry spokesman said last week that blaming China for hacking was unacceptable.",
      "2011-06-08",
    );
    assert.deepEqual(claims(r), ["null accuses CN", "CN denies CN"]);
  });

  it("reads 'a Chinese advanced persistent threat group it calls X' as blaming China and the group", () => {
    const r = run(
      "Hackers compromised a Philippine government entity in August. Palo Alto Networks said in November that a Chinese advanced persistent threat group it calls Stately Taurus was responsible.",
      "2024-02-05",
    );
    assertSome(claims(r), (c) => c === "Palo Alto Networks accuses CN");
  });

  it("gives a denial voiced in a trailing 'calling the claim baseless' to the sentence's subject", () => {
    const r = run(
      "Iran dismisses FBI claim over hospital hack\n\nTehran has rejected an accusation by FBI chief Mark Hollis that hackers backed by its government tried to get into a Boston clinic's network last year, calling the claim baseless and part of a smear campaign against the Islamic Republic.\n\nIts mission to the United Nations said in a statement that Iran had itself been hit by cyberattacks carried out by the United States and Israel.",
      "2022-06-02",
    );
    assert.deepEqual(
      claims(r).filter((c) => c.includes("denies")),
      ["IR denies IR"],
    );
  });

  it("reads 'linked it to the attack on X' as an accusation of the group named before, not of X's country", () => {
    const r = run(
      "LockBit's name came up again this month. Researchers have linked it to the ransomware attack on Northfield Logistics, a US company that runs warehouses.",
      "2024-06-28",
    );
    assert.deepEqual(claims(r), ["null accuses LockBit"]);
  });

  it("holds 'a group calling itself the X' as the group that claims the attack", () => {
    const r = run(
      "Weeks later a group calling itself the Crimson Tide Hackers said it had broken into the city council's network and demanded two bitcoin.",
      "2021-07-30",
    );
    assert.deepEqual(claims(r), ["Crimson Tide Hackers claims-responsibility Crimson Tide Hackers"]);
  });

  it("keeps the state of 'US officials speaking on condition of anonymity' as the accuser", () => {
    const r = run(
      "Hackers stole millions of personnel records from a federal agency. US officials speaking on condition of anonymity said the hackers were working for the Chinese government.",
      "2015-09-26",
    );
    assert.deepEqual(claims(r), ["US accuses CN"]);
  });

  it("reads 'the gang, which they accused of attacking firms in X' as an accusation of the gang, not of X", () => {
    const r = run(
      "Polish police said on Tuesday they had arrested four men linked to the Medusa ransomware gang, which they accused of extorting hospitals in Germany and France.",
      "2024-02-20",
    );
    assertSome(claims(r), (x) => x === "PL accuses Medusa");
    assertEvery(claims(r), (x) => !x.endsWith(" DE") && !x.endsWith(" FR"));
  });

  it("reads 'blamed the Colonial attack on DarkSide' as blaming DarkSide, not the company named in the attack", () => {
    const r = run(
      "A ransomware attack forced Colonial Pipeline to halt fuel deliveries in May. The FBI has blamed the Colonial attack on the DarkSide gang.",
      "2021-06-10",
    );
    assert.deepEqual(claims(r), ["US accuses DarkSide"]);
  });

  it("does not read accusing a company, described at length, of failing to disclose a breach as an attribution", () => {
    const r = run(
      "The Nightjar gang broke into Harrowgate Lending in March. It later complained to regulators, accusing Harrowgate Lending, a mortgage lender whose files it said it had copied and posted online, of failing to disclose the intrusion.",
      "2024-05-14",
    );
    assertEvery(claims(r), (x) => !x.includes("Harrowgate"));
  });

  it("does not read a group accusing a state of backing a war as an attribution of the attack", () => {
    const r = run(
      "Floods of junk traffic took the library's website down on Tuesday. A group calling itself Ember Nine said it was responsible, and it accused the Dutch government of backing the war in Gaza.",
      "2024-10-10",
    );
    assert.deepEqual(claims(r), ["Ember Nine claims-responsibility Ember Nine"]);
  });

  it("reads 'the evidence pointed to X' in a speaker's words as the speaker's accusation of X", () => {
    const r = run(
      "Hackers wiped servers at Moldova's customs service on Sunday. The interior ministry said on Tuesday that the evidence pointed to Russia.",
      "2024-02-13",
    );
    assert.deepEqual(claims(r), ["MD accuses RU"]);
  });

  it("names a newspaper by its apposition, without the article, and reads 'had come from X' as its accusation", () => {
    const r = run(
      "Hackers planted a backdoor in the port's cargo system in March. The Harbour Times, a newspaper run by the ruling party, reported that the attack had come from Iran.",
      "2024-04-02",
    );
    assert.deepEqual(claims(r), ["Harbour Times accuses IR"]);
  });

  it("does not read malware that 'had come from' a foreign internet address as an attribution", () => {
    const r = run(
      "Malware wiped thousands of bank computers in March. Investigators first said the malware had come from a Chinese internet address, but later found the address was local.",
      "2013-04-10",
    );
    assert.deepEqual(claims(r), []);
  });

  it("reads a state that 'built the virus' in reported words as an accusation of that state", () => {
    const r = run(
      "North Korea secretly built the Glasswing spyware to watch defectors' phones, according to South Korean intelligence officials quoted on Monday.",
      "2024-04-08",
    );
    assertSome(claims(r), (x) => x.endsWith("accuses KP"));
  });

  it("lets 'They said' continue the speaker of the sentence before, not an agency named earlier", () => {
    const r = run(
      "The US agency CISA warned in September that the flaw was being exploited. Researchers at Palo Alto Networks said in November that a campaign had compromised nine organisations. They said they had found overlaps with the tools of Emissary Panda.",
      "2021-12-10",
    );
    assertSome(claims(r), (x) => x === "Palo Alto Networks accuses APT27");
    assertEvery(claims(r), (x) => !x.startsWith("US "));
  });

  it("names intruders a firm 'tracks as' a code name as a group, and what they exploited as theirs", () => {
    const r = run(
      "Mandiant said intruders it tracks as UNC9031 began exploiting the flaw in the file-transfer appliance in mid-December.",
      "2021-02-22",
    );
    assert.deepEqual(claims(r), ["Mandiant accuses UNC9031"]);
  });

  it("reads a group that 'had used' stolen passwords 'to break into' accounts as accused by the one who says so", () => {
    const r = run(
      "Mandiant said a group it tracks as UNC9032 had used passwords taken by infostealers to break into the cloud accounts of 40 companies.",
      "2024-06-12",
    );
    assert.deepEqual(claims(r), ["Mandiant accuses UNC9032"]);
  });

  it("leaves the accuser open when 'people familiar with the investigation' link the attack, not the victim", () => {
    const r = run(
      "Harbourview Health, one of the largest hospital chains in Ohio, was still restoring its records systems on Monday, four days after a ransomware attack that people familiar with the investigation have linked to the Akira gang.",
      "2024-05-13",
    );
    assert.deepEqual(claims(r), ["null accuses Akira"]);
  });

  it("reads a group saying it was responsible as a claim, past an apposition about the group", () => {
    const r = run(
      "Hackers hijacked the broadcaster's main social media account on Tuesday. Shortly afterwards the Syrian Electronic Army, a hacking group that backs the government in Damascus, said on its own channel that it was responsible.",
      "2013-04-24",
    );
    assert.deepEqual(claims(r), ["Syrian Electronic Army claims-responsibility Syrian Electronic Army"]);
  });

  it("reads a group naming itself in the deed ('defaced by hackers identifying themselves as X') as its claim", () => {
    const r = run(
      "The electoral board's website was defaced late on Sunday by hackers identifying themselves as Red Lantern. Hours later, a second group calling itself Blue Kettle posted what it said was the board's whole voter database. Officials said a group calling itself Grey Finch had also been active.",
      "2016-03-28",
    );
    assert.deepEqual(claims(r).sort(), [
      "Blue Kettle claims-responsibility Blue Kettle",
      "Red Lantern claims-responsibility Red Lantern",
    ]);
  });

  it("reads 'linked the X group to an attack' as accusing the group inside the cue", () => {
    const r = run(
      "Hackers broke into the ticket seller's payment pages in June. Mandiant later linked the Sandworm group to the attack, and Recorded Future had linked Magecart to an earlier theft of card data.",
      "2018-09-11",
    );
    assert.deepEqual(claims(r).sort(), ["Mandiant accuses Sandworm", "Recorded Future accuses Magecart"]);
  });

  it("leaves the accuser open when unnamed 'specialists in India' speak, not India's state", () => {
    const r = run(
      "Thieves drained the bank's ATM network over the weekend. Some security specialists in India said the scale of the raid suggested it could be the work of the Lazarus Group.",
      "2018-08-14",
    );
    assert.deepEqual(claims(r), ["null accuses Lazarus Group"]);
  });

  it("reads a state's intelligence agency that 'later said' who was behind an attack as the state speaking", () => {
    const r = run(
      "Hackers broke into the parliament's network in May 2015. Germany's domestic intelligence agency later said that attack had been carried out by Russian state hackers.",
      "2019-01-08",
    );
    assert.deepEqual(claims(r), ["DE accuses RU"]);
  });

  it("reads a gang that 'has told journalists that it encrypted' a network as claiming the attack", () => {
    const r = run(
      "The currency exchange took its websites offline on New Year's Eve. A group running a ransomware service known as REvil has told reporters that it encrypted the company's network and copied customer data.",
      "2020-01-08",
    );
    assert.deepEqual(claims(r), ["REvil claims-responsibility REvil"]);
  });

  it("does not read what intruders 'appeared to be most interested in', or whether a case was linked, as accusations", () => {
    const r = run(
      "Belgian investigators concluded that Britain's GCHQ was behind the intrusion into the telecoms operator. The intruders appeared to be most interested in BICS, a subsidiary that carries roaming traffic. A cryptographer's computer was also found infected, and investigators looked into whether it was linked to the Belgacom intrusion.",
      "2018-02-16",
    );
    assert.deepEqual(claims(r), ["BE accuses GB"]);
  });

  it("does not read an inquiry into whether an infection was linked to an intrusion as accusing its victim", () => {
    const story = corpusFixtures(ARTICLES_DIR).find((f) => f.id.startsWith("332-"));
    assert.ok(story, "data/articles holds the Belgacom story (332)");
    const r = run(story.text, story.published);
    assertSome(claims(r), (x) => x === "BE accuses GB");
    assertEvery(claims(r), (x) => !/accuses (?:Belgacom|BICS)$/.test(x));
  });
});

describe("claims: what a charge is about", () => {
  it("reads a group that 'said it knocked the websites … offline' as claiming the attack", () => {
    const r = run(
      "A hacker group calling itself Sand Lynx said it knocked the websites of Chile's tax agency and two of its largest banks offline on Tuesday evening.",
      "2019-03-14",
    );
    assert.ok(claims(r).includes("Sand Lynx claims-responsibility Sand Lynx"), claims(r).join("; "));
  });

  it("takes a charge of being drawn into a war, or of stirring up feeling, for no attribution", () => {
    const r = run(
      "Hackers broke into the Latvian air navigation service in March. Russian officials have accused Riga of becoming ever more deeply involved in the war through its arms deliveries.",
      "2025-05-20",
    );
    assertEvery(claims(r), (c) => !c.endsWith("accuses LV"));
    const stir = run(
      "Hackers broke into the Latvian air navigation service in March. Moscow's embassy dismissed the findings, accusing Riga of whipping up hostility against Russians.",
      "2025-05-20",
    );
    assertEvery(claims(stir), (c) => !c.endsWith("accuses LV"));
  });

  it("still reads a charge of working with a spy service as an attribution", () => {
    const r = run(
      "Russia's security service said thousands of iPhones had been infected with spying software, and accused the maker Norrsky of working hand in hand with the US National Security Agency.",
      "2023-06-02",
    );
    assertSome(claims(r), (c) => c.startsWith("RU accuses"));
  });
});

describe("claims: tying a group to attacks counted or unnumbered", () => {
  it("reads 'tied a hacking group known as X to about 210 cyberattacks' as the police's accusation", () => {
    const r = run(
      "OSLO, May 3 - Norway's police security service has tied a hacking group known as Frostline to about 90 cyberattacks on ministries and defence firms since 2020.",
      "2024-05-03",
    );
    assert.ok(claims(r).includes("NO accuses Frostline"), claims(r).join("; "));
    const plain = run(
      "Norway's police have linked APT10 to cyberattacks on shipping firms since 2020.",
      "2024-05-03",
    );
    assert.ok(claims(plain).includes("NO accuses APT10"), claims(plain).join("; "));
  });
});

describe("claims: a defence's counter-example", () => {
  it("takes 'could just as well have belonged to computers in the United States' for no accusation", () => {
    const r = run(
      "Pyongyang rejected the findings. It argued that the addresses cited by investigators could just as well have belonged to computers in the United States or Japan.",
      "2011-05-11",
    );
    assertEvery(claims(r), (c) => !c.includes("accuses"));
  });
});

describe("claims: a group named by its tracker", () => {
  it("accuses both the state and the group of 'a Chinese group they call Bronze Butler'", () => {
    const r = run(
      "Researchers at Secureworks tied the break-in at the shipyard to a Chinese group they call Bronze Butler.",
      "2019-05-14",
    );
    assertHas(claims(r), "Secureworks accuses CN");
    assertHas(claims(r), "Secureworks accuses BRONZE BUTLER");
    const tracks = run(
      "Analysts at Recorded Future linked the phishing wave to a North Korean group they track as Kimsuky.",
      "2022-02-01",
    );
    assertHas(claims(tracks), "Recorded Future accuses Kimsuky");
  });
});

describe("claims: no one accuses a company", () => {
  it("does not read software 'used by' a company, told by no accuser, as charging the company", () => {
    const r = run("The attackers got in through software used by Microsoft, the mayor said.", "2019-08-20");
    assertEvery(claims(r), (c) => !c.endsWith("accuses Microsoft"));
  });
});

describe("claims: a group told as still at work", () => {
  it("reads a group that 'had been targeting' or 'had been trying to take over' as the speaker's accusation", () => {
    const r = run(
      "Britain's National Cyber Security Centre said on Thursday that a group known as APT29 had been targeting vaccine researchers in Britain and Canada.",
      "2020-07-20",
    );
    assertHas(claims(r), "GB accuses APT29");
    const trying = run(
      "China's Ministry of State Security said a group calling itself Cyber Fist had been trying since January to take over the websites of regional councils.",
      "2024-09-20",
    );
    assertHas(claims(trying), "CN accuses Cyber Fist");
  });

  it("does not make the agency that warns of unnamed people 'targeting' hospitals the accused", () => {
    const r = run(
      "In July the FBI issued an alert warning that people using the malware were targeting hospitals in the United States.",
      "2020-09-01",
    );
    assertEvery(claims(r), (c) => !c.endsWith("accuses US"));
  });
});

describe("claims: an attack that bears someone's marks", () => {
  it("reads 'bore the hallmarks of' a group as an accusation of it", () => {
    const r = run(
      "Mandiant said on Friday that the break-in bore the hallmarks of Scattered Spider.",
      "2023-09-20",
    );
    assertHas(claims(r), "Mandiant accuses Scattered Spider");
    const unnamed = run("Analysts said the wiper bears all the hallmarks of Sandworm.", "2023-09-20");
    assertHas(claims(unnamed), "null accuses Sandworm");
  });
});

describe("claims: where an attack was launched from", () => {
  it("reads an attack 'launched from' a state as the speaker's accusation of it", () => {
    const r = run(
      "Kuwait's interior ministry said on Sunday that the intrusion into the port's systems had been launched from Iran.",
      "2019-03-10",
    );
    assertHas(claims(r), "KW accuses IR");
  });

  it("does not read traffic 'launched from computers in' many countries as an accusation", () => {
    const r = run(
      "The agency said the flood of traffic was launched from computers in Brazil, India and Vietnam.",
      "2019-03-10",
    );
    assertEvery(claims(r), (c) => !c.includes("accuses"));
  });
});

describe("claims: more words of blame", () => {
  it("reads a report that 'implicated' a state in a breach, and hackers acting 'on orders from' it, as accusations", () => {
    const r = run(
      "A leaked report implicated China in the breach of the ministry's email servers.",
      "2021-07-20",
    );
    assertHas(claims(r), "null accuses CN");
    const orders = run("Officials said the hackers acted on orders from the Kremlin.", "2021-07-20");
    assertHas(claims(orders), "null accuses RU");
  });
});

describe("claims: more words of denial", () => {
  it("reads accusations called 'ridiculous' or said to have 'no basis' as the accused's denial", () => {
    const r = run(
      "Germany blamed Russia for the intrusion. The Russian embassy called the accusations ridiculous and politically motivated.",
      "2021-07-20",
    );
    assertHas(claims(r), "RU denies RU");
    const basis = run(
      "Britain accused China of the hack. The Chinese embassy said the charges had no basis in fact.",
      "2021-07-20",
    );
    assertHas(claims(basis), "CN denies CN");
  });

  it("does not read a 'fake news report' planted by hackers as a denial", () => {
    const r = run(
      "Poland blamed Russia after hackers planted a fake news report on the state agency's site.",
      "2021-07-20",
    );
    assertEvery(claims(r), (c) => !c.includes("denies"));
  });
});

describe("claims: owning up on a channel or a leak site", () => {
  it("reads a group that 'posted on Telegram that it had knocked' sites offline, or put data 'up for auction', as claiming the attack", () => {
    const r = run(
      "The hacker group Killnet posted on Telegram that it had knocked the websites of Lithuania's government offline.",
      "2022-06-27",
    );
    assertHas(claims(r), "Killnet claims-responsibility Killnet");
    const auction = run("Rhysida put the library's data up for auction on its dark web site.", "2023-11-21");
    assertHas(claims(auction), "Rhysida claims-responsibility Rhysida");
  });
});

describe("claims: the source is not the doer", () => {
  it("does not make the body 'according to' whom hackers acted the one accused", () => {
    const r = run(
      "According to the SBU, the intruders targeted more than a thousand government computers in the past year.",
      "2021-11-04",
    );
    assertEvery(claims(r), (c) => !c.endsWith(" UA"));
  });
});

describe("claims: acts told in any tense, and work that is no attack", () => {
  it("reads 'hackers had penetrated' as an act told, which makes no state before it the doer", () => {
    const r = run(
      "In early 2018, Germany confirmed that intruders had penetrated its government network.",
      "2018-03-01",
    );
    assertEvery(claims(r), (c) => !c.endsWith(" DE"));
  });

  it("does not read an analysis 'carried out by' a state's agency as an accusation of that state", () => {
    const r = run(
      "The forensic analysis of the phones was carried out by the National Cryptologic Centre, which is part of Spain's intelligence service.",
      "2022-05-03",
    );
    assertEvery(claims(r), (c) => !c.endsWith(" ES"));
    const attack = run(
      "The attack was carried out by hackers working for Russia's GRU, the ministry said.",
      "2022-05-03",
    );
    assertHas(claims(attack), "null accuses RU");
  });
});

describe("claims: owners and speakers are not doers", () => {
  it("does not read equipment that 'belonged to an American energy company' as tying an attack to the US", () => {
    const r = run(
      "One of the hijacked firewalls belonged to an American energy company that was drilling at the time.",
      "2024-12-11",
    );
    assertEvery(claims(r), (c) => !c.endsWith(" US"));
  });

  it("does not make a state that says someone else 'had been responsible' the one responsible", () => {
    const r = run(
      "The US understood one of the men detained had been responsible for the pipeline attack, an official told reporters.",
      "2022-01-15",
    );
    assertEvery(claims(r), (c) => !c.endsWith(" US"));
    assertHas(
      claims(run("Iran said Israel was behind the attack on its fuel stations.", "2021-10-27")),
      "IR accuses IL",
    );
  });
});

describe("claims: a group described before its act", () => {
  it("reads a group whose apposition has a relative clause of its own as the subject of the act after it", () => {
    const r = run(
      "The Czech foreign ministry said on Friday that APT28, a hacking group that Western governments link to Russia's GRU military intelligence service, had been targeting Czech institutions since 2023.",
      "2024-05-06",
    );
    assertHas(claims(r), "CZ accuses APT28");
    assertHas(claims(r), "CZ accuses RU");
  });

  it("reads a ministry that 'disclosed' what hackers did as the one who says so", () => {
    const r = run(
      [
        "The Czech foreign ministry summoned Russia's ambassador on Monday.",
        "The ministry disclosed on Friday that APT28 had been targeting Czech institutions since 2023.",
      ].join("\n\n"),
      "2024-05-06",
    );
    assertHas(claims(r), "CZ accuses APT28");
  });
});

describe("claims: a state's hackers named through its state", () => {
  it("reads 'Chinese state hackers' as naming the state as the attacker, and 'Chinese state media' not", () => {
    const r = run(
      "Investigators said Chinese state hackers broke into the ministry's network last year.",
      "2023-08-08",
    );
    assertSome(claims(r), (c) => c.endsWith("accuses CN"));
    const media = run("Chinese state media said the report was false.", "2023-08-08");
    assertEvery(claims(media), (c) => !c.endsWith("accuses CN"));
  });
});

describe("claims: who is named, and who is only described", () => {
  it("accuses the state a relative clause describes, not the one named inside the clause", () => {
    const r = run(
      "People familiar with the investigation said they suspected Israel, which strongly opposes the deal being negotiated with Tehran, of being behind the operation.",
      "2015-06-11",
    );
    assert.deepEqual(claims(r), ["null accuses IL"]);
  });

  it("does not accuse hackers whose tools were taken over", () => {
    const r = run(
      "Britain and the US said a Russian group took over tools and infrastructure belonging to Iranian hackers.",
      "2019-10-21",
    );
    assertEvery(claims(r), (c) => !c.endsWith(" IR"));
  });

  it("does not accuse the places of another attack that 'it' is linked to", () => {
    const r = run(
      "Security researchers have linked it to an attack in August that knocked out the information systems of the judiciary of Córdoba province in Argentina.",
      "2022-12-06",
    );
    assertEvery(claims(r), (c) => !c.endsWith(" AR"));
  });
});

describe("claims: an act told in the passive", () => {
  it("accuses the one the passive names after 'by', not those the act was done to", () => {
    const r = run(
      "Security researchers said Montenegrin government bodies had been sent phishing emails by APT28.",
      "2017-06-10",
    );
    assert.deepEqual(claims(r), ["null accuses APT28"]);
  });
});

describe("claims: groups listed, and a unit listed as responsible", () => {
  it("accuses each of 'the groups Killnet and Legion', and a unit 'listed as responsible'", () => {
    const groups = run(
      "Italy's cyber agency said it had blocked attacks on its websites. It attributed the attempts to the groups Killnet and Legion.",
      "2022-05-11",
    );
    assertHas(claims(groups), "IT accuses Legion");
    const listed = run(
      "The Council of the EU imposed its first cyber sanctions. The Council said a unit security researchers call Sandworm was listed as responsible for NotPetya.",
      "2020-07-30",
    );
    assertHas(claims(listed), "EU accuses Sandworm");
  });
});

describe("claims: charges told in the passive", () => {
  it("reads a headline's 'X blamed for' and 'X accused of hacking' as an unnamed accusation of X", () => {
    const blamed = run(
      "Tehran blamed for March cyberattack on Dutch ministry's email, newspaper says",
      "2019-05-02",
    );
    assert.deepEqual(claims(blamed), ["null accuses IR"]);
    const accused = run("Moscow accused of hacking Austrian foreign ministry", "2020-02-11");
    assert.deepEqual(claims(accused), ["null accuses RU"]);
  });

  it("reads 'X was accused of …' with no accuser named as an unnamed accusation, and 'X was blamed for' too", () => {
    const r = run(
      "Last autumn North Korea was accused of breaking into the computers of a Polish bank. Pyongyang was blamed for the theft as well.",
      "2017-04-03",
    );
    assert.deepEqual(claims(r), ["null accuses KP"]);
  });

  it("keeps those a state 'accused of belonging to' a gang as people it sanctions, not a state accused", () => {
    const r = run(
      "Canada on Friday imposed sanctions on four Russian men it accused of belonging to the Evil Corp gang.",
      "2024-10-04",
    );
    assertEvery(claims(r), (c) => !c.startsWith("null"));
  });

  it("lets a nation's intelligence that 'has concluded' speak for its state", () => {
    const r = run(
      "Dutch intelligence has concluded that Russia was behind the intrusion into the police network in September.",
      "2024-11-02",
    );
    assertHas(claims(r), "NL accuses RU");
  });
});

describe("claims: whom 'accusing it' points back to", () => {
  it("takes the company sued, not 'a US court', as the 'it' accused, and reads the charge once", () => {
    const r = run(
      "Meta said on Tuesday that hackers had used its messaging app to target journalists. Meta has sued the Israeli spyware maker Paragon Solutions in a US court, accusing it of being behind the attack.",
      "2025-02-04",
    );
    assertHas(claims(r), "Meta accuses Paragon Solutions");
    assertEvery(claims(r), (c) => !c.endsWith("accuses US"));
  });
});

describe("claims: operations laid at threat groups and units", () => {
  it("reads 'the operation was carried out by' a threat group as an accusation, but not one carried out by police", () => {
    const r = run("Officials in Canada and Japan said the operation was carried out by APT41.", "2024-09-12");
    assert.deepEqual(claims(r).sort(), ["CA accuses APT41", "JP accuses APT41"]);
    const police = run(
      "The operation, carried out by Dutch police and the FBI, seized eight servers.",
      "2024-09-12",
    );
    assert.deepEqual(claims(police), []);
  });

  it("accuses the group a state's unit is tracked as, as well as the state", () => {
    const r = run(
      "Estonia and Latvia said the intrusions had been carried out by Unit 74455 of Russia's military intelligence.",
      "2024-09-12",
    );
    assertHas(claims(r), "EE accuses Sandworm");
    assertHas(claims(r), "EE accuses RU");
    assertHas(claims(r), "LV accuses Sandworm");
  });
});

describe("claims: a state named as the one that hacked", () => {
  it("reads a state said to have hacked or tried to infect something as accused by whoever says so", () => {
    const hacked = run(
      "Hackers broke into a ministry network in Kyiv last month. Ukraine said Russia had hacked the ministry's network.",
      "2023-09-22",
    );
    assertHas(claims(hacked), "UA accuses RU");
    const infect = run(
      "Spyware was found on the phone of an opposition politician in Cairo. Researchers at Citizen Lab said the Egyptian government had repeatedly tried to infect his phone.",
      "2023-09-22",
    );
    assertHas(claims(infect), "Citizen Lab accuses EG");
  });

  it("accuses no state that was hacked, where those hit are, that hackers hit, or that only fired missiles", () => {
    for (const text of [
      "Mandiant has described UNC3886 as an espionage group that has gone after organisations in the United States and Asia, often by exploiting flaws in network devices.",
      "Hackers broke into a ministry network in Kyiv. Iran was hacked by unknown intruders as well, officials said.",
      "Japan's space agency JAXA confirms hackers breached its network.",
      "Hackers broke into a ministry network in Kyiv. Russia targeted the city with missiles on Monday.",
    ]) {
      const r = run(text, "2023-09-22");
      assert.ok(
        !claims(r).some(
          (x) =>
            x.endsWith("accuses IR") ||
            x.endsWith("accuses JP") ||
            x.endsWith("accuses RU") ||
            x.endsWith("accuses US"),
        ),
        `${text}: ${claims(r).join("; ")}`,
      );
    }
  });
});

describe("claims: what a security company describes or observes", () => {
  it("reads 'described X as a China-nexus espionage group' as accusing the group and the state", () => {
    const r = run(
      "Hackers broke into the network of a telecoms company in Singapore last month. Mandiant has described UNC3886 as a China-nexus espionage group.",
      "2024-07-20",
    );
    assertHas(claims(r), "Mandiant accuses UNC3886");
    assertHas(claims(r), "Mandiant accuses CN");
  });

  it("reads 'observed Chinese and Iranian state actors using it' as accusing both states", () => {
    const r = run(
      "Hackers exploited a flaw in a logging library to get into a defence ministry's network in Brussels. Mandiant said it had observed Chinese and Iranian state actors using the flaw.",
      "2021-12-21",
    );
    assertHas(claims(r), "Mandiant accuses CN");
    assertHas(claims(r), "Mandiant accuses IR");
  });

  it("does not read describing a suspect or calling reports smears as an accusation", () => {
    const r = run(
      "Hackers broke into a telecoms network in Singapore. Police described the suspect as a former employee, and China's embassy described the reports as groundless smears.",
      "2024-07-20",
    );
    assert.ok(!claims(r).some((x) => x.includes("accuses")), claims(r).join("; "));
  });
});

describe("claims: a gang owning up through its ransom notes", () => {
  it("reads ransom demands in a gang's name, notes that bore its name, and 'to say it had taken' as claims", () => {
    for (const [text, gang] of [
      [
        "Ransomware hit a hospital in Osaka on Monday. The printers spat out ransom demands in the name of the LockBit gang.",
        "LockBit",
      ],
      [
        "Ransomware hit the city of Dallas on Monday. The notes, which bore the name of the Royal ransomware gang, said files had been copied.",
        "Royal",
      ],
      [
        "Hackers hit a Barcelona hospital on Sunday. The group, RansomHouse, contacted the authorities to say it had taken four terabytes of data.",
        "RansomHouse",
      ],
    ] as const) {
      const r = run(text, "2022-11-01");
      assertHas(claims(r), `${gang} claims-responsibility ${gang}`);
    }
  });

  it("does not read notes bearing the name of something other than a gang as a claim", () => {
    const r = run(
      "Ransomware hit a hospital in Osaka on Monday. Staff left notes, which bore the name of the ward, on the doors.",
      "2022-11-01",
    );
    assert.ok(!claims(r).some((x) => x.includes("claims-responsibility")), claims(r).join("; "));
  });
});

describe("claims: denials by a list of states", () => {
  it("reads 'Morocco, India, Hungary and Rwanda reject spyware claims' as a denial by each", () => {
    const r = run(
      "Researchers said the governments of Morocco, India, Hungary and Rwanda had used spyware to hack the phones of journalists. Morocco, India, Hungary and Rwanda reject spyware claims.",
      "2021-07-21",
    );
    for (const c of ["MA", "IN", "HU", "RW"]) assertHas(claims(r), `${c} denies ${c}`);
  });

  it("reads short denials of a role or of interfering ('Moscow denied any role') as denials", () => {
    for (const denial of ["Moscow denied any role.", "Moscow denied interfering."]) {
      const r = run(
        `Germany said Russian military hackers had broken into the chancellery's network. ${denial}`,
        "2020-10-10",
      );
      assertHas(claims(r), "RU denies RU");
    }
    assert.deepEqual(
      claims(run("The minister denied interfering in the tender for new buses.", "2020-10-10")),
      [],
    );
  });

  it("does not make the state whose accusations are rejected, or that is said to make them, a denier", () => {
    const r = run(
      "The United States said Chinese hackers had broken into its telecoms networks. Beijing rejected US accusations of state-sponsored hacking as groundless. A Chinese embassy spokesman said Washington was making baseless accusations.",
      "2024-10-10",
    );
    assert.deepEqual(
      claims(r).filter((c) => c.includes("denies")),
      ["CN denies CN"],
    );
  });

  it("does not make states named in an opening phrase deny with the subject", () => {
    const r = run(
      "Researchers said Russian hackers had broken into ministries in Germany and France. After talks with Germany and France, Russia rejected the accusations.",
      "2021-07-21",
    );
    assertHas(claims(r), "RU denies RU");
    assert.ok(
      !claims(r).some((x) => x.startsWith("FR denies") || x.startsWith("DE denies")),
      claims(r).join("; "),
    );
  });
});
