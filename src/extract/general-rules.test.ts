import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { DocumentRecord } from "../model/index.ts";
import { run, who } from "./text-run.case.ts";

const claims = (r: DocumentRecord) => r.claims.map((c) => `${who(c.claimant)} ${c.stance} ${who(c.accused)}`);
const responses = (r: DocumentRecord) => r.responses.map((x) => `${who(x.actor)} ${x.kind} ${who(x.target)}`);
const victims = (r: DocumentRecord) => r.incidents.map((i) => i.victims.map(who).sort().join(","));

describe("incidents: victims and types", () => {
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
});

describe("claims: who speaks", () => {
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

describe("responses: actors and targets", () => {
  it("lets 'she condemned it' act for the official who spoke just before", () => {
    const r = run(
      "The White House accused Russia of the NotPetya cyberattack. Press secretary Sarah Sanders said the attack was reckless. In a written statement she condemned it.",
      "2018-02-16",
    );
    assert.ok(responses(r).includes("US condemnation RU"));
  });

  it("ends the condemned party's clause at a participle", () => {
    const r = run(
      "Britain blamed Russia for the satellite hack in February. Foreign Secretary Liz Truss condemned the attack, saying it had harmed people in Ukraine.",
      "2022-05-10",
    );
    assert.ok(responses(r).includes("GB condemnation RU"));
    assert.ok(!responses(r).includes("GB condemnation UA"));
  });

  it("gives the bodies of a sentence set 'In Washington' to the United States", () => {
    const r = run(
      "Britain accused Russia's FSB of a hacking campaign against its lawmakers. In Washington, the Justice Department charged two FSB officers, and the Treasury also imposed sanctions on them.",
      "2023-12-07",
    );
    assert.ok(responses(r).includes("US indictment RU"));
    assert.ok(responses(r).includes("US sanctions RU"));
    assert.ok(!responses(r).some((x) => x.startsWith("GB sanctions")));
  });

  it("credits a company named by its trade, and later by its name alone, with restoring its systems", () => {
    const r = run(
      "Hungarian carrier Pannonair said a cyberattack had knocked its booking website offline on Sunday.\n\nPannonair said on Monday that it was working to restore normal service.",
      "2023-05-02",
    );
    assert.ok(responses(r).includes("Pannonair recovery null"));
    assert.ok(!responses(r).includes("HU recovery null"));
  });

  it("lets states that co-authored an advisory issue it and share its lead's accusation", () => {
    const r = run(
      "Canada accused the hacking group APT41 of breaking into its provincial networks. The advisory, issued by the Canadian Centre for Cyber Security, said APT41 had targeted organisations in Canada for years. It was co-authored by agencies from Norway and Poland.",
      "2024-03-01",
    );
    for (const c of ["NO", "PL"]) {
      assert.ok(responses(r).includes(`${c} advisory APT41`), c);
      assert.ok(claims(r).includes(`${c} accuses APT41`), c);
    }
  });

  it("lets co-signers who say their own piece speak for themselves", () => {
    const r = run(
      "The FBI blamed Iran for breaches at utilities in Texas and issued a joint advisory about the hackers. Agencies from Norway and Poland co-signed the advisory and said the intrusions were the work of APT41.",
      "2024-03-01",
    );
    assert.ok(claims(r).includes("NO accuses APT41"));
    assert.ok(!claims(r).includes("NO accuses IR"));
    assert.ok(!responses(r).includes("NO advisory IR"));
  });

  it("does not read a hyphenated '-sanctioned' adjective as sanctions", () => {
    const r = run(
      "Chinese hackers breached the networks of the Vatican, researchers said. The agreement gives the pope a say in appointing bishops in China and was meant to heal a split between state-sanctioned churches and a community loyal to Rome.",
      "2020-07-29",
    );
    assert.ok(r.responses.every((x) => x.kind !== "sanctions"));
  });

  it("lets an agency of the EU act for the EU", () => {
    const r = run(
      "Europol said on Friday that police had seized servers used by the LockBit ransomware gang in a joint operation.",
      "2024-02-23",
    );
    assert.ok(
      r.responses.some((x) => x.actor.kind === "intl" && x.actor.code === "EU" && x.actor.name === "Europol"),
    );
  });

  it("reads an offer of money for information as a reward", () => {
    const r = run(
      "The LockBit ransomware gang hit hundreds of companies last year. The State Department offered up to $10 million for information about the group's leaders.",
    );
    assert.ok(responses(r).includes("US reward LockBit"));
  });

  it("reads urging operators to act as an advisory about the group under discussion", () => {
    const r = run(
      "A group calling itself Cyber Av3ngers hacked an Israeli-made controller at a water utility on Saturday. Israel's National Cyber Directorate responded by urging water facilities to change their passwords.",
      "2023-11-28",
    );
    assert.ok(responses(r).includes("IL advisory CyberAv3ngers"));
  });

  it("lets partners act in a takedown without accusing, and arrests accuse nobody", () => {
    const r = run(
      "The Hive ransomware gang hit hospitals across the US. Working with police in Germany and the Netherlands, the FBI took control of the servers the Hive gang used.",
      "2023-01-27",
    );
    for (const c of ["US", "DE", "NL"]) assert.ok(responses(r).includes(`${c} takedown Hive`), c);
    assert.deepEqual(claims(r), ["US accuses Hive"]);
    const a = run(
      "The LockBit ransomware gang hit Royal Mail last year. Police in Poland and Ukraine arrested two people suspected of links to the group.",
    );
    assert.ok(responses(a).includes("PL indictment LockBit"));
    assert.deepEqual(claims(a), []);
  });

  it("aims sanctions 'on them' at the gang just charged", () => {
    const r = run(
      "In the United States, prosecutors charged two Russian nationals accused of deploying LockBit ransomware, and the Treasury imposed sanctions on them.",
      "2024-02-20",
    );
    assert.ok(responses(r).includes("US sanctions LockBit"));
  });

  it("reads a nationality on private people as who they are, never as a state accused or accusing", () => {
    const r = run(
      "Britain and the United States on Tuesday named a Russian national, Ivan Petrenko, as the leader of the LockBit ransomware gang.",
      "2024-05-07",
    );
    assert.ok(
      claims(r).every((c) => !c.endsWith(" RU")),
      claims(r).join("; "),
    );
    const p = run(
      "Police in Poland arrested a man suspected of links to the LockBit gang. In the United States, prosecutors unsealed charges against two Russian nationals accused of deploying LockBit ransomware.",
      "2024-02-21",
    );
    assert.ok(
      claims(p).every((c) => !c.startsWith("PL ") && !c.startsWith("RU ")),
      claims(p).join("; "),
    );
  });

  it("reads 'said who was behind it' as an open question that accuses no one", () => {
    const r = run(
      "A ransomware attack on a Norwegian smelter halted several plants on Tuesday. Neither the company nor Norwegian police said who they believed was behind the attack.",
      "2019-03-21",
    );
    assert.deepEqual(claims(r), []);
  });

  it("does not accuse the family a ransomware descends from ('a new variant of LockBit')", () => {
    const r = run(
      "Indonesia's national data centre was hit by ransomware on June 20. The national cyber agency identified the ransomware used as Brain Cipher, a new variant of the LockBit 3.0 software.",
      "2024-06-25",
    );
    assert.ok(
      claims(r).every((c) => !c.endsWith("LockBit")),
      claims(r).join("; "),
    );
  });

  it("drops an accusation nobody makes when a named claimant makes the same one", () => {
    const r = run(
      "Australia's cyber agency on Monday accused APT40 of hacking government networks. The advisory said the group compromised two Australian networks in 2022.",
      "2024-07-09",
    );
    assert.deepEqual(claims(r), ["AU accuses APT40"]);
  });
});
