import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { claims, run, victims, who } from "./text-run.case.ts";

// General rules of dating attacks, each stated on a text written for it.
describe("incidents: dates", () => {
  it("does not date an attack by when a security firm published its analysis, nor give the firm's home as victim", () => {
    const r = run(
      "Hackers cut power to part of Kyiv on December 17, 2016, the grid operator said. The Slovak security company Ostrava Labs, which discovered the malware and published an analysis in June 2017, called it Kettlebell.",
      "2020-10-20",
    );
    assert.deepEqual(
      r.incidents.map((i) => [
        i.date?.value,
        i.victims.map((v) => (v.kind === "state" ? v.country : v.kind)),
      ]),
      [["2016-12-17", ["UA"]]],
    );
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

  it("does not date an attack by a clause about a person within its sentence", () => {
    const r = run(
      "During that attack the wiper showed a picture of a poet who died in 1998. A wiper attack hit Chilean ministries on March 3.",
      "2021-03-10",
    );
    assert.ok(r.incidents.every((i) => i.date?.value !== "1998"));
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

  it("does not date an attack by an event still ahead ('who takes office on Jan. 20')", () => {
    const r = run(
      "Hackers broke into the agency's mail servers in November. The incoming minister, who takes office on Jan. 20, has promised to review the breach.",
      "2025-01-06",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2024-11"],
    );
  });

  it("dates 'a year earlier, on Dec. 23, 2015' by its day, not a year before publication", () => {
    const r = run(
      "Investigators tied the grid attack to Sandworm. Many researchers had long suspected that the same team was behind an attack a year earlier, on Dec. 23, 2015, in which hackers took over control systems at three power distributors in western Ukraine.",
      "2020-10-20",
    );
    assert.ok(
      r.incidents.some((i) => i.date?.value === "2015-12-23"),
      JSON.stringify(r.incidents.map((i) => i.date)),
    );
    assert.ok(r.incidents.every((i) => i.date?.value !== "2019"));
  });

  it("dates a breach disclosed 'last August' by the disclosure only, not as an attack of its own", () => {
    const r = run(
      "Hackers broke into the servers of the Electoral Commission in 2021. The commission first disclosed the breach last August.",
      "2024-03-26",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2021"],
    );
  });

  it("takes 'Earlier this month the board said' as the date of a statement", () => {
    const r = run(
      "Hackers stole the records of millions of customers of a Dutch bank in 2014. Earlier this month the bank's board said its chief executive would lose her bonus over the breach.",
      "2017-03-15",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2014"],
    );
  });

  it("keeps an older attack told in passing apart from the story's attack, dated only by when it was spoken of", () => {
    const r = run(
      "Court says hack was an act of espionage\n\nThe court said on Friday that the cyberattack it disclosed earlier this week was a targeted and sophisticated operation aimed at spying on it.\n\nIn April 2018, Dutch agents disrupted an attempt by four GRU officers to hack the Wi-Fi network of a watchdog in The Hague.\n\nThe attack on the court comes as it prepares for its annual assembly of member states in December.",
      "2023-09-23",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2023-09", "2018-04"],
    );
  });

  it("dates 'the following month' from the event told before it, and not by a response to the attacks", () => {
    const r = run(
      "In September, the telecoms company Optus disclosed that details of almost 10 million customers had been stolen. The following month, hackers broke into the health insurer Medibank.\n\nPolice said in November that the Medibank attack was the work of criminals in Russia. Parliament responded to those attacks in November by raising penalties for privacy breaches.",
      "2023-04-12",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2022-09", "2022-10"],
    );
  });

  it("does not date an attack by the year a gang first appeared", () => {
    const r = run(
      "Ransomware crippled the state insurer's systems on Sept. 22. Medusa, which appeared in 2021, runs its own leak site and publishes stolen data when victims do not pay.",
      "2023-10-05",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2023-09-22"],
    );
  });

  it("dates an attack neither by a ransom deadline nor by the month a suspect was charged", () => {
    const r = run(
      "Hackers hit the port authority on Sunday, and LockBit threatens to publish stolen data unless it is paid by Jan. 18. In November, the US Justice Department charged a man with taking part in LockBit attacks around the world.",
      "2022-12-30",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2022-12-25"],
    );
  });

  it("dates a breach by 'March 22 and 23, 2019', not by when it came to light nor by how old the data was", () => {
    const r = run(
      "Regulator fines bank over cloud hack\n\nThe breach came to light on July 29 last year, when the bank disclosed it. The bank said the intrusion took place on March 22 and 23, 2019, and that the stolen data came mostly from applications submitted between 2005 and early 2019.",
      "2020-08-07",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2019-03-22"],
    );
  });

  it("counts 'the following month' from a date earlier in the same sentence", () => {
    const r = run(
      "Port operations stopped in July after ransomware hit a terminal in Nagoya. Hackers took the details of almost 10 million Optus customers in September last year, and the following month thieves broke into the insurer Medibank.",
      "2023-11-14",
    );
    assert.deepEqual(r.incidents.map((i) => i.date?.value).sort(), ["2022-09", "2022-10", "2023-07"]);
  });

  it("dates the story's own attack by 'its database was stolen in November 2018', years before the arrest told", () => {
    const r = run(
      "A man suspected of hacking a Helsinki psychotherapy provider has been arrested near Paris, the bureau said on Saturday. Investigators say its patient database was stolen in November 2018.",
      "2023-02-04",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2018-11"],
    );
  });

  it("does not date an attack by the day of the arrests made over it", () => {
    const r = run(
      "Police arrested two teenagers on Thursday over the ransomware attack that crippled the Harbour Mall in March.",
      "2023-07-14",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2023-03"],
    );
  });

  it("dates an intrusion by the day 'suspicious activity' was first detected", () => {
    const r = run(
      "Tuvalu's government network is mostly working again after a cyberattack. Officials first detected suspicious activity on the network on Sunday, Nov. 6.",
      "2022-12-08",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2022-11-06"],
    );
  });

  it("dates a theft 'four days after' which a dated event came, and reads 'drained $90 million' as an attack", () => {
    const r = run(
      "Traders at Kestrel Exchange still could not withdraw funds on Monday, four days after hackers drained $90 million from its hot wallet.",
      "2024-07-22",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2024-07-18"],
    );
  });

  it("does not let 'the following month' date the words for the attackers of a theft told before", () => {
    const r = run(
      "In March 2022 thieves stole $600 million from the Ronin bridge. The FBI blamed Lazarus for that theft the following month, and the Treasury listed a wallet used by the hackers.",
      "2024-07-22",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2022-03"],
    );
  });

  it("dates an attack no later than its discovery, and not by 'its estimate in July'", () => {
    const r = run(
      "Hackers stole the personnel files of 21 million people from the Office of Personnel Management. The agency said on Wednesday that the fingerprints of 5.6 million people had been stolen, five times its estimate in July. The intrusion was discovered in April.",
      "2015-09-26",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2015-04"],
    );
  });

  it("does not take the disclosure of the flaw the attackers used for the attack's discovery", () => {
    const r = run(
      "Ransomware shut the servers of a German clinic on Sept. 10. The attackers got in through a flaw in VPN software that was disclosed in December.",
      "2020-09-26",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2020-09-10"],
    );
  });

  it("reads phishing emails as the start of an intrusion and dates it by them", () => {
    const r = run(
      "A Chinese national was charged over the breach of insurer Wellstar. According to the indictment, the group started in February 2014 by sending phishing emails to Wellstar staff.",
      "2019-05-09",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2014-02"],
    );
  });

  it("dates an attack by the date after the services it shut down: the shutdown is the attack's, not a measure", () => {
    const r = run(
      "Lakeport never paid after the Pinwheel ransomware shut down most of the town's services in April 2017. No response has been made public.",
      "2019-08-21",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2017-04"],
    );
    assert.deepEqual(r.responses, []);
  });

  it("does not date an attack by the year a law was passed", () => {
    const r = run(
      "Ransomware crippled the council's payroll servers on Monday. Hacking into computer systems without permission is a crime under a statute passed in 1998, and the police have opened an inquiry.",
      "2024-03-13",
    );
    assert.deepEqual(
      r.incidents.map((i) => i.date?.value),
      ["2024-03-11"],
    );
  });
});

describe("incidents: news of an attack it never dates", () => {
  it("dates the attack a story opens on by the month it was published, when no measure opens the story", () => {
    const r = run(
      "Hackers knocked the website of Quebec's power utility offline, leaving customers unable to check for outages. The utility said no customer data had been taken.",
      "2023-04-13",
    );
    assert.deepEqual(
      r.incidents.map((i) => `${i.victims.map(who).join(",")} ${i.date?.value} ${i.date?.precision}`),
      ["CA 2023-04 month"],
    );
  });

  it("leaves undated the attack of a story that opens on charges over it", () => {
    const r = run(
      "Prosecutors charged two men over a breach of Quebec's power utility. The utility said no customer data had been taken.",
      "2023-04-13",
    );
    assert.ok(
      r.incidents.every((i) => i.date === undefined),
      r.incidents.map((i) => i.date?.value).join("; "),
    );
  });
});
