import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ARTICLES_DIR, corpusFixtures } from "../../test/helpers/corpus.ts";
import { assertEvery, assertHas, assertSome, claims, responses, run, who } from "./text-run.case.ts";

// General rules of the response stage, each stated on a text written for it.
describe("responses: actors and targets", () => {
  it("reads charges for crimes that are no attack on computers, and a gang's 'sentence', as no indictment", () => {
    const r = run(
      'Hackers sent thousands of text messages through a Swedish SMS service. Last year Sweden released an Iranian official convicted over mass executions in the 1980s. The gang said the Swedish government had been sentenced to "shame" for its policies.',
      "2024-09-25",
    );
    assert.deepEqual(
      responses(r).filter((x) => x.includes("indictment")),
      [],
    );
  });

  it("does not read penalties companies should face as sanctions", () => {
    const r = run(
      "Hackers stole the records of millions of hotel guests. Lawmakers in Washington said companies that hold such data should face tougher rules and higher penalties when they fail to protect it.",
      "2018-12-12",
    );
    assert.deepEqual(responses(r), []);
  });

  it("reads no response in sanctions over a war, nor in a counter-strike only feared", () => {
    const r = run(
      "Hackers halted the production lines of a Japanese car parts maker on Saturday. The timing drew notice because Japan had joined the United States days earlier in imposing sanctions on Russia over its invasion of Ukraine, and governments had warned of possible retaliation online.",
      "2022-03-02",
    );
    assert.deepEqual(responses(r), []);
  });

  it("reads no recovery in a timetable not given, in prices that recovered, or in a service's name", () => {
    for (const text of [
      "Ransomware shut the tax office's systems in Costa Rica on Monday. Finance Minister Nogui Acosta gave no timetable for bringing all services back online.",
      "Hackers posted a false report of explosions at the White House, and share values fell sharply on Monday. Prices recovered within minutes.",
      "The stolen data comes from Restoring Family Links, a service the Red Cross runs to trace relatives after hackers broke into its servers in Geneva.",
    ]) {
      const r = run(text, "2024-05-08");
      assert.ok(!responses(r).some((x) => x.includes("recovery")), `${text}: ${responses(r).join("; ")}`);
    }
  });

  it("reads containing the matter and isolating the servers, joined by 'and', as containment", () => {
    const r = run(
      "A ransomware gang says it stole files from Accenture. The company said it had contained the matter and isolated the servers involved.",
      "2021-08-12",
    );
    assert.deepEqual(responses(r), ["Accenture containment null"]);
    // a security company hit by the attack contains it itself, not the researchers quoted before
    const hit = run(
      "Hackers broke into the network of Accenture last week. Cyble, a threat intelligence firm in Atlanta, said the gang wanted $50 million. Accenture said in a statement that its controls had picked up odd activity. The company said it had contained the matter and isolated the servers involved.",
      "2021-08-12",
    );
    assert.deepEqual(responses(hit), ["Accenture containment null"]);
    // "remote and isolated systems" is still a description, not a measure
    const described = run(
      "Hackers broke into Accenture's network in June. The firm keeps its most sensitive data on remote and isolated systems.",
      "2021-08-12",
    );
    assert.ok(!responses(described).some((x) => x.includes("containment")), responses(described).join("; "));
  });

  it("reads switching to manual operation, taking things off the network and cleaning infected systems as containment", () => {
    for (const [text, actor] of [
      [
        "A cyberattack disrupted fuel sales at Iran's petrol stations on Monday. The oil ministry said it had switched stations to manual operation and taken them off the network.",
        "IR",
      ],
      [
        "Hackers broke into the networks of Indonesia's ministries in March. Officials said the authorities had moved to find and clean the infected systems.",
        "ID",
      ],
    ] as const) {
      const r = run(text, "2023-12-21");
      assert.ok(responses(r).includes(`${actor} containment null`), `${text}: ${responses(r).join("; ")}`);
    }
  });

  it("reads calling in a diplomat as a summons, whose day does not date the attack", () => {
    const r = run(
      "Sweden called in a senior Russian diplomat on Thursday, a day after the government said Russian military hackers were behind a breach of the tax agency. Officials said the intrusion began in May 2022.",
      "2024-02-16",
    );
    assert.deepEqual(responses(r), ["SE ambassador-summoned RU"]);
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2022-05"],
    );
  });

  it("takes the state a headline blames as the object, not as the one who also sanctions", () => {
    const r = run(
      "Canada blames Russia for pipeline hack, sanctions shell company tied to Fancy Bear\n\nOttawa acted on Monday.",
      "2024-05-14",
    );
    assertEvery(responses(r), (x) => !x.startsWith("RU "));
    assertSome(responses(r), (x) => x.startsWith("CA sanctions"));
  });

  it("reads a company described as one of a kind of business as that company, acting for itself", () => {
    const r = run(
      "Halvorsen Freight, one of the biggest shipping operators in Norway, said on Friday that ransomware had encrypted its booking servers. Halvorsen Freight took its systems offline as a precaution.",
      "2024-05-14",
    );
    assert.deepEqual(responses(r), ["Halvorsen Freight containment null"]);
  });

  it("reads a capital before a word for a business as where the business is, not as its government", () => {
    const r = run("Britain sanctions Moscow software firm it says helped Sandworm hackers", "2024-05-14");
    assertEvery(responses(r), (x) => !x.endsWith(" RU"));
  });

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

  it("lets prosecutors or police of a region act for the region's state", () => {
    const r = run(
      "Prosecutors in Texas on Monday charged two young men with taking over the accounts.",
      "2021-03-02",
    );
    assert.deepEqual(responses(r), ["US indictment null"]);
    // a region where something merely happens acts for no one
    const there = run(
      "Two young men in Texas were charged on Monday with taking over the accounts.",
      "2021-03-02",
    );
    assertEvery(responses(there), (x) => !x.startsWith("US "));
  });

  it("credits a company the gazetteer lacks, known only as the one that speaks, with its own recovery", () => {
    const r = run(
      "Harbourline said on Tuesday that a ransomware attack had encrypted some of its systems and that its booking services were now back online. The outage had left customers of Harbourline unable to travel.",
      "2024-03-06",
    );
    assert.ok(responses(r).includes("Harbourline recovery null"), responses(r).join("; "));
  });

  it("does not read an outage that 'took down' a company's app as a takedown", () => {
    const r = run(
      "Harbourline said on Monday that a cyberattack was behind the outage that took down its booking app for four days. Customers of Harbourline could not book. Researchers blamed Evil Corp.",
      "2024-03-06",
    );
    assertEvery(responses(r), (x) => !x.includes("takedown"));
    assertEvery(claims(r), (c) => !c.startsWith("Harbourline accuses"));
  });

  it("reads pausing withdrawals or trading after a theft as containment", () => {
    const r = run(
      "Hackers drained 40 million dollars from a wallet of the crypto exchange Coinvale on Thursday. Coinvale paused all withdrawals within hours of the theft.",
      "2024-07-22",
    );
    assert.ok(responses(r).includes("Coinvale containment null"), responses(r).join("; "));
  });

  it("aims sanctions on 'two of its members' at the group named before", () => {
    const r = run(
      "A group calling itself Iron Lantern claimed the attack on the water utility. Six months later the US Treasury imposed sanctions on two of its members.",
      "2024-07-22",
    );
    assert.ok(responses(r).includes("US sanctions Iron Lantern"), responses(r).join("; "));
  });

  it("reads a passive arrest as made by the police of the place, or else of the state that reports it", () => {
    const reported = run(
      "A 17-year-old boy has been arrested on suspicion of involvement in the cyberattack on the transport network, the National Crime Agency said on Thursday.",
      "2024-09-12",
    );
    assert.deepEqual(responses(reported), ["GB indictment null"]);
    const placed = run(
      "A Finnish man suspected of hacking a therapy provider has been arrested near Paris, Finland's National Bureau of Investigation said.",
      "2023-02-04",
    );
    assertSome(responses(placed), (x) => x.startsWith("FR indictment"));
    // those arrested are the subject, whatever the next clause names
    const own = run(
      "The two Malaysians were arrested in Malaysia on Monday, and Washington is seeking their extradition over the hacking.",
      "2020-09-17",
    );
    assert.deepEqual(responses(own), ["MY indictment null"]);
  });

  it("reads calling attacks unacceptable as a condemnation, but not calling the blame unacceptable", () => {
    const r = run(
      "Foreign Secretary David Cameron said attacks on Britain's democratic institutions by Chinese hackers were totally unacceptable.",
      "2024-03-26",
    );
    assert.deepEqual(responses(r), ["GB condemnation CN"]);
    const denial = run(
      "Chinese hackers were blamed. A foreign ministry spokesman in Beijing said that blaming China for hacking was unacceptable.",
      "2024-03-26",
    );
    assertEvery(responses(denial), (x) => !x.includes("condemnation"));
  });

  it("reads advising people to switch software as an advisory", () => {
    const r = run(
      "Government security agencies in Germany and France advised people to switch to other browsers until a fix for the flaw the hackers used was available.",
      "2010-01-20",
    );
    assert.deepEqual(responses(r), ["DE advisory null", "FR advisory null"]);
  });

  it("gives an advisory named in an opening phrase to the clause's subjects", () => {
    const r = run(
      "In a joint advisory, the US Cybersecurity and Infrastructure Security Agency and Norway's National Cyber Security Centre said state-backed hackers had exploited the flaw.",
      "2023-08-02",
    );
    assert.deepEqual(
      responses(r)
        .map((x) => x.split(" ").slice(0, 2).join(" "))
        .sort(),
      ["NO advisory", "US advisory"],
    );
  });

  it("reads keeping sites offline and cutting off the intruders' access as containment", () => {
    const offline = run(
      "Hackers wiped computers at Las Vegas Sands in February. Sands kept its websites offline for several days.",
      "2014-12-12",
    );
    assert.ok(responses(offline).includes("Las Vegas Sands containment null"), responses(offline).join("; "));
    const cut = run(
      "Microsoft said it had replaced the stolen signing key, cutting off the attackers' access.",
      "2023-07-14",
    );
    assert.ok(responses(cut).includes("Microsoft containment null"), responses(cut).join("; "));
  });

  it("does not let a refusal reach a past-tense verb joined by 'and'", () => {
    const r = run(
      "Ransomware hit the metals group Norsk Hydro in March 2019. It refused to pay and restored its plants' systems from backups.",
      "2019-12-12",
    );
    assert.ok(responses(r).includes("Norsk Hydro recovery null"), responses(r).join("; "));
    const still = run(
      "Ransomware hit Norsk Hydro in March 2019. It did not restore its systems.",
      "2019-12-12",
    );
    assertEvery(responses(still), (x) => !x.includes("recovery"));
  });

  it("credits an archive, a health board or a university the gazetteer lacks with its own recovery", () => {
    const archive = run(
      "Hackers breached the Kestrel Web Archive on Wednesday. The Kestrel Web Archive has brought its search service back online.",
      "2024-10-15",
    );
    assert.ok(
      responses(archive).includes("Kestrel Web Archive recovery null"),
      responses(archive).join("; "),
    );
    const board = run(
      "Ransomware hit the Marlow District Health Board in May. The Marlow District Health Board has restored its systems.",
      "2021-06-30",
    );
    assert.ok(
      responses(board).includes("Marlow District Health Board recovery null"),
      responses(board).join("; "),
    );
    const university = run(
      "Ransomware hit Kestrel A&M University in August. Kestrel A&M University restored its systems.",
      "2019-09-02",
    );
    assert.ok(
      responses(university).includes("Kestrel A&M University recovery null"),
      responses(university).join("; "),
    );
  });

  it("does not take a titled official's surname that spells a country for the country", () => {
    const r = run(
      "Ransomware crippled the city's systems. Deputy Attorney General Lisa Monaco said the department had restored them.",
      "2023-12-20",
    );
    assertEvery(responses(r), (x) => !x.startsWith("MC "));
  });

  it("does not read a bounty spoken of again ('the bounty exposed …') as a new reward", () => {
    const r = run(
      "Police in Guangzhou offered a reward of 10,000 yuan for information on 20 alleged military hackers. Taiwan's defence ministry dismissed the accusations and said the bounty exposed Beijing's attempts to intimidate it.",
      "2025-06-06",
    );
    assertEvery(responses(r), (x) => !x.startsWith("TW reward"));
    assertSome(responses(r), (x) => x.startsWith("CN reward"));
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

describe("responses: who acts beside whom", () => {
  it("does not make a spy service caught in the act an actor of the expulsion that follows", () => {
    const r = run(
      "In 2021 Norwegian counter-intelligence officers caught two officers of Russia's foreign intelligence service, the SVR, recruiting a parliamentary clerk, and the government expelled them.",
      "2024-02-01",
    );
    assert.deepEqual(responses(r), ["NO expulsion RU"]);
  });

  it("reads a company that has taken its tools offline as containing the attack", () => {
    const r = run(
      "Ride-hailing company Uber said it had taken several internal tools offline as a precaution after the breach.",
      "2022-09-20",
    );
    assert.deepEqual(responses(r), ["Uber containment null"]);
  });

  it("does not read what an attack took offline as a defender's containment", () => {
    const r = run(
      "The gang made its name in December, when it claimed an attack on Brazil's health ministry that took the ministry's vaccination app offline.",
      "2022-09-20",
    );
    assert.deepEqual(responses(r), []);
  });

  it("does not read a restoration a company only expects as one made", () => {
    const r = run(
      "Colonial Pipeline said ransomware had forced it to halt operations. It said it expected to restore most service by the end of the week.",
      "2021-05-10",
    );
    assert.ok(!responses(r).some((x) => x.includes("recovery")), responses(r).join("; "));
  });

  it("reads seizing a group's attack tool as a takedown aimed at the group", () => {
    const r = run(
      "Two brothers were charged over Anonymous Sudan's attacks. The FBI seized and disabled the group's attack tool in March.",
      "2024-10-17",
    );
    assert.ok(responses(r).includes("US takedown Anonymous Sudan"), responses(r).join("; "));
  });

  it("reads a firm in apposition as a company, and 'cut the affected systems off' as its containment", () => {
    const r = run(
      "Ransomware hit a New York broker. ICBC Financial Services, a New York-based subsidiary of a Chinese bank, said the attack was detected on Wednesday. The firm said it had cut the affected systems off from the rest of its network.",
      "2023-11-10",
    );
    assert.ok(responses(r).includes("ICBC Financial Services containment null"), responses(r).join("; "));
  });

  it("reads ordering users to reset their passwords as containment by the state the story is about", () => {
    const r = run(
      "China rejects suggestions it hacked Australia's parliament. The breach was discovered in early February, and all users of the system had been ordered to reset their passwords as a precaution.",
      "2019-02-19",
    );
    assert.ok(responses(r).includes("AU containment null"), responses(r).join("; "));
  });

  it("does not read a shutdown vowed 'until' something happens as one made", () => {
    const r = run(
      "Hackers stole $1.5 billion from the exchange Bybit. Its chief executive vowed to pursue Lazarus until the money is recovered or the group is shut down.",
      "2025-02-27",
    );
    assert.ok(!responses(r).some((x) => x.includes("containment")), responses(r).join("; "));
  });

  it("keeps a charge against people with no gang named, aimed at no one in particular", () => {
    const r = run(
      "The United States on Wednesday charged two Iranian men over a ransomware scheme.",
      "2018-11-29",
    );
    assert.deepEqual(responses(r), ["US indictment null"]);
  });

  it("does not read charges another state dismisses as a measure taken in the story", () => {
    const r = run(
      "Moscow has routinely dismissed US charges against Russian hackers as politically motivated.",
      "2018-11-29",
    );
    assert.deepEqual(responses(r), []);
  });

  it("reads neither what attackers seized nor funds recovered as a response", () => {
    const r = run(
      "Bybit has said the attackers seized control of one of its offline cold wallets for ether during a routine transfer. The exchange has since launched a bounty programme offering up to 10% of any funds recovered.",
      "2025-02-27",
    );
    assert.ok(!responses(r).some((x) => /takedown|recovery/.test(x)), responses(r).join("; "));
  });

  it("does not read sanctions told far from any cyber operation as a response to one", () => {
    const r = run(
      "Hackers linked to Iran hit a water utility in Pennsylvania last week. Officials said repairs continued. The region's economy has struggled for years. The European Union imposed sanctions on Iran's steel makers in 2019. Steel prices rose sharply.",
      "2023-12-01",
    );
    assert.deepEqual(responses(r), []);
  });

  it("gives a hospital named in full its own recovery, through 'the hospital', past a university named since", () => {
    const r = run(
      "A ransomware attack on Düsseldorf University Hospital forced ambulances away on Sept. 10. The ransom note was addressed to Heinrich Heine University, with which it is affiliated. The hospital said this week that it was gradually restoring its systems.",
      "2020-09-18",
    );
    assert.ok(responses(r).includes("Düsseldorf University Hospital recovery null"), responses(r).join("; "));
  });

  it("reads 'urged users in Iran to change their passwords' as an advisory, and account recovery settings as no recovery", () => {
    const r = run(
      "A forged certificate let attackers read Gmail traffic in Iran. Google urged users in Iran to change their passwords and check their account recovery settings.",
      "2011-09-21",
    );
    assert.deepEqual(
      r.responses.map((x) => `${x.actor && "name" in x.actor ? x.actor.name : ""} ${x.kind}`),
      ["Google advisory"],
    );
  });

  it("reads police referring a suspect to prosecutors as an indictment by the state in focus", () => {
    const r = run(
      "Japanese police said hackers had broken into the networks of about 200 companies. Police referred a Chinese systems engineer to prosecutors on suspicion of renting servers used in the attacks.",
      "2021-04-20",
    );
    assert.deepEqual(responses(r), ["JP indictment null"]);
  });

  it("reads investigators taking over a botnet's infrastructure as a takedown, and malware 'rebuilt into' a service as no recovery", () => {
    const r = run(
      "Europol said investigators had taken over the botnet's infrastructure from the inside. First seen in 2014 as a banking trojan, the malware was later rebuilt into a service for other criminals.",
      "2021-01-28",
    );
    assert.deepEqual(responses(r), ["EU takedown null"]);
  });

  it("keeps '…, and in 2018 US prosecutors charged' to the prosecutors' state, not the states of the clause before", () => {
    const r = run(
      "In May 2017 the WannaCry ransomware hit hospitals in England. Britain and the United States later blamed North Korea, and in 2018 US prosecutors charged a North Korean programmer who worked for a government-backed hacking team.",
      "2024-06-21",
    );
    assert.deepEqual(responses(r), ["US indictment KP"]);
  });

  it("gives charges named as the cause of a summons to those who brought them, not to the one summoning", () => {
    const r = run(
      "China summons US envoy after charges against PLA officers\n\nChina summoned the US ambassador to protest, after the United States on Monday charged five officers of the People's Liberation Army with hacking American companies.",
      "2014-05-20",
    );
    assert.deepEqual(responses(r).sort(), ["CN ambassador-summoned US", "US indictment CN"]);
  });

  it("reads 'charging seven officers of Russia's GRU over that intrusion' as an indictment that blames Russia", () => {
    const r = run(
      "Hackers stole athletes' medical files from the anti-doping agency in 2016. On Thursday the US Justice Department put names to them, charging seven officers of Russia's GRU over that intrusion.",
      "2018-10-05",
    );
    assert.deepEqual(responses(r), ["US indictment RU"]);
    assert.deepEqual(claims(r), ["US accuses RU"]);
  });

  it("reads an attack that 'was retaliation for' something as the attackers' motive, not a response", () => {
    const r = run(
      "Prosecutors said the hacking campaign against the anti-doping agency was retaliation for investigations into state doping.",
      "2018-10-05",
    );
    assert.deepEqual(responses(r), []);
  });

  it("reads an expulsion of officers 'after catching them' at a hack as an accusation", () => {
    const r = run(
      "The Netherlands expelled four GRU officers in April after catching them near the watchdog's headquarters with equipment to break into its Wi-Fi network.",
      "2018-10-05",
    );
    assert.deepEqual(responses(r), ["NL expulsion RU"]);
    assert.deepEqual(claims(r), ["NL accuses RU"]);
  });

  it("reads the agencies an advisory was published with as its authors too", () => {
    const r = run(
      "Hackers hijacked 200,000 routers for a botnet. The FBI published a joint advisory with agencies from Britain, Australia, Canada and New Zealand, urging owners to replace old devices.",
      "2024-09-20",
    );
    assert.deepEqual(
      r.responses
        .filter((x) => x.kind === "advisory")
        .map((x) => who(x.actor))
        .sort(),
      ["AU", "CA", "GB", "NZ", "US"],
    );
  });

  it("reads people who 'have pleaded guilty' as an indictment, with no state as its target", () => {
    const r = run(
      "A botnet of hijacked cameras knocked a DNS provider offline last year. Three young American men have pleaded guilty to building and running the botnet, the Justice Department said on Wednesday.",
      "2017-12-14",
    );
    assert.deepEqual(responses(r), ["US indictment null"]);
  });

  it("reads an attack possibly made 'in retaliation for' sanctions as the attackers' motive, not a response", () => {
    const r = run(
      "When the bank breach came to light, US officials looked into whether hackers working for the Russian government might have been responsible, possibly in retaliation for Western sanctions imposed over Ukraine.",
      "2015-11-11",
    );
    assertEvery(responses(r), (x) => !x.includes("retaliation"));
  });

  it("does not aim an arrest at the state that asked for it", () => {
    const r = run(
      "Hackers broke into the bank's network in June. Two suspects were arrested by Israeli police in July at the request of the United States.",
      "2015-11-11",
    );
    assertEvery(responses(r), (x) => !x.endsWith(" US"));
  });

  it("reads neither 'warning companies not to …' nor 'attention was fixed on' as a response", () => {
    const r = run(
      "Iranian hackers tried to break into a hospital network last year. The director warned companies not to lose sight of Iran while attention was fixed on the war.",
      "2022-06-02",
    );
    assert.deepEqual(responses(r), []);
  });

  it("does not read sanctions kept 'in reserve' as sanctions imposed", () => {
    const r = run(
      "Hackers stole personnel files from a US agency in April; officials blamed China. The president said Washington would keep its other tools, sanctions included, in reserve.",
      "2015-09-26",
    );
    assert.deepEqual(responses(r), []);
  });

  it("lets every author of a joint advisory make the accusation it carries", () => {
    const r = run(
      "The FBI, together with Australia's Cyber Security Centre and Britain's National Cyber Security Centre, published a joint advisory in May warning that hackers sponsored by Iran's government had exploited flaws in VPN devices.",
      "2022-06-02",
    );
    assert.deepEqual(claims(r).sort(), ["AU accuses IR", "GB accuses IR", "US accuses IR"]);
  });

  it("does not read sanctions a victim helped others 'get around' as sanctions imposed", () => {
    const r = run(
      "Iran blames Israel for bank hack\n\nHackers destroyed data at an Iranian state bank on Tuesday, and Iranian officials blamed Israel for the attack. The hackers said they had chosen the bank because it helped the Revolutionary Guards get around sanctions.",
      "2025-06-20",
    );
    assert.deepEqual(responses(r), []);
  });

  it("names 'the publishing and entertainment group X' as a company, whose recovery is its own", () => {
    const r = run(
      "A ransomware gang has claimed the cyberattack that crippled the Japanese publishing and entertainment group Sakuraba. Sakuraba has since restored part of its video service.",
      "2024-06-28",
    );
    assert.deepEqual(responses(r), ["Sakuraba recovery null"]);
  });

  it("reads 'the advisory, issued by X with its counterparts in Y' as an advisory by X and by Y, aimed at neither", () => {
    const r = run(
      "The joint advisory, issued by CISA with its counterparts in Japan and Norway, listed the flaws the intruders had chained together to break into file-sharing servers.",
      "2021-02-25",
    );
    assert.deepEqual(responses(r).sort(), ["JP advisory null", "NO advisory null", "US advisory null"]);
  });

  it("reads the seizure of a gang's leak site as a takedown", () => {
    const r = run(
      "The FBI broke into the network of the Hive ransomware gang, seizing the leak site it used to shame victims, the Justice Department said on Thursday.",
      "2023-01-27",
    );
    assertSome(responses(r), (x) => x === "US takedown Hive");
  });

  it("reads police shutting down a criminal market named by apposition as a takedown aimed at it", () => {
    const r = run(
      "Police in Germany and Finland have shut down Velvet Bazaar, a darknet market that traded stolen bank logins, officials said on Thursday.",
      "2024-03-07",
    );
    assertSome(responses(r), (x) => x === "DE takedown Velvet Bazaar");
    assertEvery(responses(r), (x) => !x.includes("containment"));
  });

  it("aims a takedown at each of two infostealers named together", () => {
    const r = run(
      "Dutch police said on Tuesday they had dismantled the Quillstep and Ravenmoth infostealers, which were rented to criminals by the month.",
      "2024-10-29",
    );
    assert.deepEqual(
      responses(r)
        .filter((x) => x.includes("takedown"))
        .sort(),
      ["NL takedown Quillstep", "NL takedown Ravenmoth"],
    );
  });

  it("reads servers used to run malware being taken offline by police as a takedown, not containment", () => {
    const r = run(
      "Investigators broke up the Lanternfly botnet last week. Belgian police said the servers used to run the malware had been taken offline.",
      "2024-10-29",
    );
    assertSome(responses(r), (x) => x === "BE takedown Lanternfly");
    assertEvery(responses(r), (x) => !x.includes("containment"));
  });

  it("reads suspects detained by police as an arrest that accuses no one", () => {
    const r = run(
      "The Lanternfly botnet was used to empty bank accounts across Europe. Police in Portugal detained three suspects on Monday.",
      "2024-10-29",
    );
    assertSome(responses(r), (x) => x === "PT indictment Lanternfly");
    assertEvery(claims(r), (x) => !x.startsWith("PT "));
  });

  it("aims sanctions on private people at the gang the sentence ties them to", () => {
    const r = run(
      "Hackers hit the hospital in May. The US Treasury Department on Tuesday imposed sanctions on two Russian nationals it described as senior affiliates of LockBit, freezing any assets they hold in American banks.",
      "2024-05-14",
    );
    assert.deepEqual(responses(r), ["US sanctions LockBit"]);
  });

  it("aims a measure in a relative clause ('X, a mixer that the Treasury sanctioned') at the name it hangs on", () => {
    const r = run(
      "Hackers drained the bridge of $90 million in June. Much of the loot passed through Frostbyte, a mixer that the US Treasury sanctioned in 2023 for laundering stolen crypto.",
      "2024-07-02",
    );
    assert.deepEqual(responses(r), ["US sanctions Frostbyte"]);
  });

  it("reads putting foreign hackers on a wanted list as a charge against their state", () => {
    const r = run(
      "Hackers broke into the city's water billing system in May. Police in the eastern Chinese city of Ningbo on Friday put two men they described as Taiwanese military hackers on a wanted list.",
      "2024-06-03",
    );
    assert.deepEqual(responses(r), ["CN indictment TW"]);
  });

  it("gives the recovery of sites a story's unnamed officials report to the victim, not to the state it blames", () => {
    const story = corpusFixtures(ARTICLES_DIR).find((f) => f.id.startsWith("251-"));
    assert.ok(story, "data/articles holds the DarkSeoul story (251)");
    const r = run(story.text, story.published);
    assertSome(responses(r), (x) => x === "KR recovery null");
    assertEvery(responses(r), (x) => !/^KP (?:recovery|containment)/.test(x));
  });

  it("does not read a judgement of a takedown told before ('the takedown would hurt') as a new takedown", () => {
    const r = run(
      "Dutch police dismantled the Quillstep botnet on Monday. ESET, which helped the police, said the botnet had stolen millions of passwords. Researchers said the takedown would hurt, but expected its customers to move to rival tools.",
      "2024-10-29",
    );
    assert.deepEqual(responses(r), ["NL takedown Quillstep"]);
  });

  it("aims a charge over attacks 'using the X ransomware' at the gang named by its strain", () => {
    const r = run(
      "Prosecutors in Ohio said on Tuesday that they had charged a Latvian woman over her part in attacks using the Grimlock ransomware on schools and clinics.",
      "2023-03-08",
    );
    assert.deepEqual(responses(r), ["US indictment Grimlock"]);
  });

  it("reads police 'having taken control of' a botnet's infrastructure as a takedown by each state named", () => {
    const r = run(
      "Europol said that police in Finland and Poland had taken control of the infrastructure of Quillstep, a botnet that spread banking malware.",
      "2024-02-01",
    );
    assertSome(responses(r), (x) => x === "FI takedown Quillstep");
    assertSome(responses(r), (x) => x === "PL takedown Quillstep");
  });

  it("aims sanctions on a gang's members at the gang, and sanctions named again in the sentence at no one else", () => {
    const r = run(
      "Russian hackers were blamed for the intrusion. Britain on Monday imposed sanctions on five Russian men it accused of belonging to Velvetgrip, a cybercrime group that extorted hospitals, in its first sanctions aimed at ransomware.",
      "2023-02-09",
    );
    assert.deepEqual(responses(r), ["GB sanctions Velvetgrip"]);
  });

  it("does not read sanctions judged, expected or feared, nor arrests called unlikely, as measures taken", () => {
    const r = run(
      "British officials blamed Russia for the hospital hack. Britain sanctioned the Velvetgrip gang on Monday. Officials said the sanctions were the result of years of work with American investigators, and that more sanctions were likely. Police said the men were unlikely to be arrested, since they operate with little fear of prosecution.",
      "2023-02-09",
    );
    assert.deepEqual(responses(r), ["GB sanctions Velvetgrip"]);
  });

  it("reads 'the charges were announced by the Justice Department' as a charge brought by its state", () => {
    const r = run(
      "Officials blamed China for the theft of vaccine research in May. The charges were announced on Tuesday by the US Justice Department.",
      "2020-07-22",
    );
    assert.deepEqual(responses(r), ["US indictment CN"]);
  });

  it("does not read talks on lifting sanctions as sanctions imposed", () => {
    const r = run(
      "Iran blamed Israel for the blackout at its enrichment plant. Iran and the other parties to the nuclear deal began talks in Vienna last week, with US officials taking part indirectly, on how Washington could rejoin the agreement and lift sanctions in return for Iran returning to the limits it has breached since 2019.",
      "2021-04-12",
    );
    assert.deepEqual(responses(r), []);
  });

  it("reads a CERT 'urging administrators to' patch as its state's advisory, and what patching 'means' as no containment", () => {
    const r = run(
      "Ransomware has locked up thousands of servers since Friday. France's government computer emergency team, CERT-FR, sounded the alarm on Friday, urging administrators to apply the patch. Specialists said patching the servers means shutting down every system that runs on them.",
      "2023-02-07",
    );
    assert.deepEqual(responses(r), ["FR advisory null"]);
  });

  it("reads police detaining or arresting one young suspect as an arrest, and a demand that plants be shut down as none", () => {
    const r = run(
      "Hackers defaced the election board's website in March. Philippine investigators have arrested a 20-year-old information technology graduate suspected of defacing the website. In Germany, police detained a 20-year-old man over a separate leak. A poster demanded that three reactors be shut down by Christmas.",
      "2016-04-21",
    );
    assert.deepEqual(responses(r).sort(), ["DE indictment null", "PH indictment null"]);
  });
});

describe("responses: measures answered, foreseen or of something else", () => {
  it("takes condemning another state's charges and sanctions for no condemnation of an attack", () => {
    const r = run(
      "Tehran on Sunday condemned US criminal charges and sanctions against seven Iranians accused of hacking universities, calling the move illegal.",
      "2019-04-14",
    );
    assertEvery(responses(r), (x) => !x.includes("condemnation"));
  });

  it("takes a recovery that a finding waits for ('once the backups had been recovered') for none made", () => {
    const r = run(
      "Ransomware hit a hospital in Porto in March. Officials said they would only know what was taken once the hospital's backups had been fully recovered.",
      "2023-03-20",
    );
    assertEvery(responses(r), (x) => !x.includes("recovery"));
  });

  it("takes a security hole 'that was fixed' years before for no recovery", () => {
    const r = run(
      "A wave of ransomware attacks locked up thousands of servers in France this week through a security hole that was fixed two years ago.",
      "2023-02-08",
    );
    assertEvery(responses(r), (x) => !x.includes("recovery"));
  });
});

describe("responses: goals and open questions", () => {
  it("takes a utility's 'priority was to get its services working normally again' for no recovery made", () => {
    const r = run(
      "A flood of junk traffic knocked the website of Quebec's power utility offline on Thursday. Its chief executive said the priority was to get its services working normally again.",
      "2023-04-14",
    );
    assertEvery(responses(r), (x) => !x.includes("recovery"));
  });

  it("takes 'did not say whether the server had been taken offline' for no containment", () => {
    const r = run(
      "Hackers leaked emails from Iran's atomic energy agency on Sunday. The agency did not say whether the email server had been taken offline.",
      "2022-10-24",
    );
    assertEvery(responses(r), (x) => !x.includes("containment"));
  });
});

describe("responses: words between the verb and its object", () => {
  it("reads 'issued emergency guidance' as an advisory", () => {
    const r = run(
      "Fortinet issued emergency guidance on Saturday about the hacking campaign against its firewalls.",
      "2023-01-14",
    );
    assertHas(responses(r), "Fortinet advisory null");
  });

  it("reads cutting 'some of its systems off' from the internet as containment", () => {
    const r = run(
      "After the ransomware attack, Riverside Hospital cut some of its systems off from the internet as a precaution.",
      "2021-04-02",
    );
    assertHas(responses(r), "Riverside Hospital containment null");
  });

  it("lets the one hit, not the attack, take its systems offline in 'was struck by ransomware and took …'", () => {
    const r = run(
      "The water utility AquaNord was struck by ransomware on Monday and took its billing systems offline.",
      "2022-11-09",
    );
    assertHas(responses(r), "AquaNord containment null");
    const attack = run(
      "The ransomware encrypted the servers and took the billing systems offline.",
      "2022-11-09",
    );
    assert.deepEqual(responses(attack), []);
  });
});

describe("responses: what is restored or recovered", () => {
  it("does not read money 'frozen or recovered' or restored military communication as recovering from an attack", () => {
    const money = run(
      "Hackers stole $60 million from Taiwan's Far Eastern International Bank in October. Taiwan's financial regulator said most of the money had since been frozen or recovered.",
      "2017-12-01",
    );
    assert.deepEqual(responses(money), []);
    const talks = run(
      "Chinese hackers broke into US utilities, officials said. Presidents Biden and Xi agreed in November to restore communication between their militaries.",
      "2023-12-01",
    );
    assert.deepEqual(responses(talks), []);
    const systems = run(
      "Hackers stole $60 million from Taiwan's Far Eastern International Bank in October. Taiwan's financial regulator said the bank's systems had since been restored.",
      "2017-12-01",
    );
    assert.deepEqual(responses(systems), ["TW recovery null"]);
  });
});

describe("responses: a state named as hit is no target", () => {
  it("does not aim sanctions or charges at the states the attacks hit", () => {
    const sanctions = run(
      "The European Union imposed sanctions on Monday on six people it said were behind cyberattacks on Ukraine and EU member states.",
      "2024-06-25",
    );
    assertEvery(responses(sanctions), (x) => !x.endsWith(" UA"));
    const charges = run(
      "US prosecutors also charged the two men with conspiring to hack computers in the United States, Britain and other countries.",
      "2023-12-08",
    );
    assertEvery(responses(charges), (x) => !x.endsWith(" GB"));
    const named = run(
      "The European Union imposed its first-ever sanctions for cyberattacks on Thursday, blacklisting a unit of Russian military intelligence.",
      "2020-07-30",
    );
    assert.deepEqual(responses(named), ["EU sanctions RU"]);
  });
});

describe("responses: what attackers did is no response", () => {
  it("does not read a hacking group tied to a state taking over others' tools, or one 'known to have' cut power, as a state's measure", () => {
    const taken = run(
      "A hacking group widely linked to Russia took over tools and infrastructure belonging to Iranian hackers, Britain's cyber agency said.",
      "2019-10-21",
    );
    assertEvery(responses(taken), (x) => !x.includes("takedown"));
    const lights = run(
      "Mandiant said it was the third time the group was known to have turned off the lights in Ukraine with a cyberattack.",
      "2023-11-09",
    );
    assert.deepEqual(responses(lights), []);
  });
});

describe("responses: trust rebuilt", () => {
  it("does not read trust that 'would have to be rebuilt' as systems recovered", () => {
    const r = run(
      "Germany summoned the US ambassador over suspicions that American intelligence had monitored the chancellor's phone. The chancellor said spying on friends was wrong and that trust would now have to be rebuilt.",
      "2013-10-24",
    );
    assert.deepEqual(responses(r), ["DE ambassador-summoned US"]);
  });
});

describe("responses: alerts and notices sent out", () => {
  it("reads a ministry's notice or an agency's alert 'urging' institutions to act as an advisory", () => {
    const notice = run(
      "A ransomware attack crippled a hospital in Osaka on Monday. Japan's health ministry on Wednesday issued a notice urging medical institutions across the country to check connections to outside contractors.",
      "2022-11-03",
    );
    assertHas(responses(notice), "JP advisory null");
    const alert = run(
      "Hackers defaced dozens of Ethiopian government websites on Saturday. Ethiopia's cyber agency said it had sent an alert to federal and regional institutions urging them to update software.",
      "2020-06-22",
    );
    assertHas(responses(alert), "ET advisory null");
  });
});

describe("responses: a person named, arrested or charged", () => {
  it("reads police arresting a man by his name as an arrest, with no state or gang as its target", () => {
    const r = run(
      "Hackers stole $1 million from a bank in Malta in 2019. German police arrested Ramon Abbas over the theft.",
      "2020-07-05",
    );
    assert.deepEqual(responses(r), ["DE indictment null"]);
  });
});

describe("responses: where a man was arrested, and at whose request", () => {
  it("gives an arrest 'when he crossed into Poland, acting on a US request' to Poland, aimed at no state", () => {
    const r = run(
      "Yaroslav Vasinskyi, 22, was arrested on Oct. 8 when he crossed into Poland, acting on a US request, the Justice Department said.",
      "2021-11-09",
    );
    assert.deepEqual(responses(r), ["PL indictment null"]);
  });
});

describe("responses: charges aimed at the body the accused worked for", () => {
  it("aims charges against 'employees or contractors of the Mabna Institute' at the institute", () => {
    const r = run(
      "The US Justice Department on Friday unsealed an indictment charging nine men, who prosecutors said were leaders, employees or contractors of the Mabna Institute, with hacking universities.",
      "2018-03-24",
    );
    assert.deepEqual(responses(r), ["US indictment Mabna Institute"]);
  });
});

describe("responses: companies sanctioned", () => {
  it("aims sanctions 'on' a company at the company, not at the state its home names", () => {
    const r = run(
      "Washington and London imposed sanctions on Monday on Novahost, a Moldova-based web hosting company that they said served ransomware crews.",
      "2025-03-18",
    );
    assert.deepEqual(responses(r).sort(), ["GB sanctions Novahost", "US sanctions Novahost"]);
  });
});

describe("responses: arrests shared out among states", () => {
  it("reads 'made two arrests, one in France and one in Spain' as an arrest by each, aimed at the gang, accusing no one", () => {
    const r = run(
      "A pro-Russian hacking group called NoName057(16) knocked websites offline across Europe. Authorities made two arrests, one in France and one in Spain.",
      "2025-07-18",
    );
    assert.deepEqual(responses(r).sort(), ["ES indictment NoName057(16)", "FR indictment NoName057(16)"]);
    assert.ok(
      !claims(r).some((x) => x.startsWith("FR accuses") || x.startsWith("ES accuses")),
      claims(r).join("; "),
    );
  });

  it("reads 'arrested two suspects, one in France and one in Spain' as no arrest aimed at either state", () => {
    const r = run(
      "A pro-Russian hacking group called NoName057(16) knocked websites offline across Europe. Police arrested two suspects, one in France and one in Spain.",
      "2025-07-18",
    );
    assert.deepEqual(responses(r).sort(), ["ES indictment NoName057(16)", "FR indictment NoName057(16)"]);
  });
});
