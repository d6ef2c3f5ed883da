import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { claims, responses, run, who } from "./text-run.case.ts";

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

describe("responses: actors and targets", () => {
  it("gives states that took part in a takedown the takedown too, as partners who accuse no one", () => {
    const r = run(
      "The FBI has dismantled the Qakbot botnet, officials said on Tuesday. France, Germany and the Netherlands took part in the operation.",
      "2023-08-30",
    );
    for (const c of ["FR", "DE", "NL"]) assert.ok(responses(r).includes(`${c} takedown Qakbot`), c);
    assert.ok(
      claims(r).every((c) => c.startsWith("US ")),
      claims(r).join("; "),
    );
  });

  it("gives a recovery to the company that was hit, not to the security firm reporting it", () => {
    const r = run(
      "A ransomware attack hit Norsk Hydro on Monday. Mandiant said the systems were restored within a week.",
      "2019-03-25",
    );
    assert.deepEqual(responses(r), ["Norsk Hydro recovery null"]);
  });

  it("aims a charge against a private person at the gang, never at the person's state or where he is sent", () => {
    const r = run(
      "The Evil Corp gang stole millions from banks. In 2015 British police charged a Moldovan man, Andrei Popa, who was later extradited to the United States.",
      "2024-10-02",
    );
    assert.ok(
      responses(r).every((x) => !x.endsWith(" MD") && !x.endsWith(" US")),
      responses(r).join("; "),
    );
  });

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
