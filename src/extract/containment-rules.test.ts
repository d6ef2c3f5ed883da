import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { responses, run } from "./text-run.case.ts";

// General rules of reading the measures taken against an attack, each stated on a text written for it.
describe("responses: containment", () => {
  it("reads 'the Leeds-based company … discovered a virus and took its systems offline' as the company's own step", () => {
    const r = run(
      "The payroll provider Ledgerline was hit by a cyberattack over the weekend. The Leeds-based company says it discovered a software virus on Sunday and took its systems offline as a precaution.",
      "2021-05-12",
    );
    assert.deepEqual(responses(r), ["Ledgerline containment null"]);
  });

  it("reads 'The operator, which handles …, cut its network off' as the company's own step", () => {
    const r = run(
      "Harbourline Terminals reopened its gates at three ports on Tuesday after a cyber incident. The operator, which moves about a third of the country's containers, cut its network off from the internet on Friday after spotting unauthorised access.",
      "2023-11-14",
    );
    assert.ok(responses(r).includes("Harbourline Terminals containment null"), responses(r).join("; "));
  });

  it("reads what a failure or an attack shut down as its effect, not as anyone's containment", () => {
    const r = run(
      "Prosecutors said North Korea was responsible for a network failure at NongHyup in April 2011 that shut down its banking services for days. The gang had earlier claimed an attack in December on Brazil's Health Ministry that took offline the platform used for vaccination certificates.",
      "2013-04-10",
    );
    assert.deepEqual(
      responses(r).filter((x) => x.includes("containment")),
      [],
    );
  });

  it("reads isolating the infected machines or the ransomware as containment", () => {
    const r = run(
      "A ransomware attack hit the servers of Norway's tax agency on Tuesday. The agency said it was isolating the infected machines to stop the malware from spreading.",
      "2023-05-04",
    );
    assert.ok(responses(r).includes("NO containment null"), responses(r).join("; "));
  });
});

describe("responses: recovery told, not judged or wished for", () => {
  it("reads systems back online as recovery, but not a recovery judged, shared in or under pressure", () => {
    const r = run(
      "Ransomware knocked out the systems of Norway's tax agency on Tuesday. The agency's sites were back online by the evening.",
      "2023-05-04",
    );
    assert.deepEqual(responses(r), ["NO recovery null"]);
    const judged = run(
      "Ransomware knocked out the systems of Norway's tax agency on Tuesday. Recovery has been slow, and Denmark has played a central part in the recovery. Hospitals are under intense pressure to restore services quickly.",
      "2023-05-04",
    );
    assert.deepEqual(responses(judged), []);
  });
});

describe("responses: a victim the gazetteer lacks, acting", () => {
  it("reads 'Corvane halted the bridge' as the company's containment, its name written again mid-sentence", () => {
    const r = run(
      "Thieves drained $80 million from a token bridge run by Corvane on Friday. Corvane halted the bridge within hours and warned exchanges. Users of Corvane's wallet were told to wait.",
      "2023-03-06",
    );
    assert.deepEqual(responses(r), ["Corvane containment null"]);
  });

  it("reads two capitalised words opening the clause ('Halbury Bank suspended online payments') as the bank, not its country", () => {
    const r = run(
      "Fraudsters emptied about 9,000 current accounts at a British lender over the weekend. Halbury Bank suspended online payments from current accounts on Sunday while it investigated.",
      "2016-11-08",
    );
    assert.deepEqual(responses(r), ["Halbury Bank containment null"]);
  });

  it("reads 'TfL restricted staff access' as containment by the name with a capital inside it", () => {
    const r = run(
      "Hackers broke into the network of a London transport operator on Sunday. TfL restricted staff access to many internal systems as a precaution.",
      "2024-09-04",
    );
    assert.deepEqual(responses(r), ["TfL containment null"]);
  });

  it("takes no common word opening a sentence for a name: 'Staff unplugged their computers'", () => {
    const r = run(
      "A wiper struck the head office of Chile's largest port operator on Monday. Staff unplugged their computers from the network to halt the spread.",
      "2018-06-13",
    );
    assert.ok(!responses(r).some((x) => x.startsWith("Staff")), responses(r).join("; "));
    assert.ok(responses(r).includes("CL containment null"), responses(r).join("; "));
  });
});

describe("responses: recovery", () => {
  it("reads systems 'working normally again' and a pipeline 'restarted' as recovery", () => {
    const r = run(
      "A ransomware attack stopped the tills of the Danish retailer Sallo on Monday. By Wednesday, Sallo said its payment system was working normally again.",
      "2022-10-07",
    );
    assert.ok(responses(r).includes("Sallo recovery null"), responses(r).join("; "));
    const p = run(
      "Ransomware forced the fuel carrier Westline Pipeline in the United States to halt deliveries on Friday. Westline Pipeline restarted the pipeline on Wednesday evening.",
      "2021-05-14",
    );
    assert.ok(responses(p).includes("Westline Pipeline recovery null"), responses(p).join("; "));
  });

  it("takes no recovery from one foreseen: 'restoring full services could take months'", () => {
    const r = run(
      "A ransomware attack knocked the national library of Latvia offline in October. Its director has said that restoring full services could take months.",
      "2023-11-20",
    );
    assert.ok(!responses(r).some((x) => x.includes("recovery")), responses(r).join("; "));
  });
});

describe("responses: police operations", () => {
  it("reads police shutting down a criminals' tool as a takedown, and a headline's 'arrest heavy users' as arrests", () => {
    const r = run(
      "Police shut down cheap 'Spyglass' remote-access tool used against thousands, arrest heavy users\n\nAn operation led by Australia's federal police dismantled the tool's servers this week.",
      "2019-11-30",
    );
    assert.ok(responses(r).includes("AU takedown null"), responses(r).join("; "));
    assert.ok(responses(r).includes("AU indictment null"), responses(r).join("; "));
    assert.ok(!responses(r).some((x) => x.includes("containment")), responses(r).join("; "));
  });
});

describe("responses: 'it' acting on its own systems, the company a sentence before opened with", () => {
  it("reads 'It said … it had acted to contain the incident' as the containment of the bank named before, not of the police", () => {
    const r = run(
      "Police in Japan are investigating how a gang emptied convenience-store cash machines using data from cards issued by South Africa's Kestrel Bank. Kestrel Bank, the country's third-largest lender, said the fraud had touched a few hundred cards. It said no customer would lose money and that it had acted to contain the incident within hours.",
      "2019-04-02",
    );
    assert.deepEqual(responses(r), ["Kestrel Bank containment null"]);
  });

  it("reads 'By Tuesday morning it had brought back' as the recovery of the operator named before, a country inside its name", () => {
    const r = run(
      "Telvora Portugal said on Tuesday that a cyberattack had cut mobile data for most of its customers. The outage began on Monday night. By Tuesday morning it had brought back voice calls over its older network.",
      "2022-02-08",
    );
    assert.deepEqual(responses(r), ["Telvora Portugal recovery null"]);
  });

  it("reads 'The university brought its systems back online' as the recovery of the one named before by what it did", () => {
    const r = run(
      "Ransomware hit a technical university in Haifa on Sunday. The Marvaton Institute disconnected its network from the internet and postponed exams. The university brought its systems back online over the next three weeks.",
      "2023-03-05",
    );
    assert.deepEqual(responses(r).sort(), [
      "Marvaton Institute containment null",
      "Marvaton Institute recovery null",
    ]);
  });

  it("reads a public body named before as its state ('The City of Leeds said … It said it was isolating')", () => {
    const r = run(
      "A ransomware attack knocked out council tax and parking systems in a northern English city on Wednesday. The City of Leeds said emergency calls were still being answered. It said it was isolating the ransomware to stop it from spreading.",
      "2023-05-05",
    );
    assert.deepEqual(responses(r), ["GB containment null"]);
  });

  it("leaves a passive 'before it was brought back' to the portal, not to the person who spoke", () => {
    const r = run(
      "A denial-of-service attack knocked Estonia's state portal offline on Wednesday. Maarit Kallas said the portal was unreachable for a brief period before it was brought back into service.",
      "2022-08-18",
    );
    assert.ok(!responses(r).includes("Maarit Kallas recovery null"), responses(r).join("; "));
  });
});

describe("responses: containment told as removing, neutralising or pulling off the network", () => {
  it("reads officers who 'isolated and neutralised the malware' and an agency that 'pulled the affected computers off its network'", () => {
    const r = run(
      "Hackers attacked a water pumping station in Moldova on Monday. Officers of Moldova's intelligence service isolated and neutralised the malware before it could spread, the service said.",
      "2021-04-14",
    );
    assert.ok(responses(r).includes("MD containment null"), responses(r).join("; "));
    const pulled = run(
      "A virus infected computers at Estonia's pension agency in May. After the infection was found the agency pulled the affected computers off its internal network.",
      "2015-06-04",
    );
    assert.ok(responses(pulled).includes("EE containment null"), responses(pulled).join("; "));
  });

  it("reads 'removed the malicious code' and 'contain the intrusion' as containment", () => {
    const r = run(
      "Intruders planted a backdoor in the core network of a Danish telecoms carrier in February. Denmark's cyber agency said the carrier had removed the malicious code and worked to contain the intrusion.",
      "2025-05-20",
    );
    assert.ok(
      responses(r).some((x) => x.endsWith("containment null")),
      responses(r).join("; "),
    );
  });

  it("reads states shutting down a criminal service the gazetteer lacks as a takedown of that service", () => {
    const r = run(
      "Dutch and Belgian police shut down Coinwash, a service accused of laundering ransom payments for extortion gangs.",
      "2024-05-02",
    );
    assert.deepEqual(responses(r).sort(), ["BE takedown Coinwash", "NL takedown Coinwash"]);
  });

  it("reads an agency that 'circulated advice to' site owners as issuing an advisory", () => {
    const r = run(
      "Hundreds of Dutch municipal websites were defaced overnight. The national cyber security centre has circulated advice to site administrators on updating their publishing software.",
      "2024-03-02",
    );
    assert.ok(responses(r).includes("NL advisory null"), responses(r).join("; "));
  });
});

describe("responses: an institution that speaks for itself", () => {
  it("does not hand 'The STJ said its systems had been restored' to authorities of another state named before", () => {
    const r = run(
      [
        "Investigators traced the leak to a suspect, and Portuguese authorities were cooperating, the minister said.",
        "The leak followed a ransomware attack on Brazil's Superior Court of Justice (STJ) earlier this month. Hackers encrypted files on the STJ's network.",
        "The STJ said last week that its main systems had been restored.",
      ].join("\n\n"),
      "2020-11-16",
    );
    assert.ok(!responses(r).some((x) => x.startsWith("PT ")), responses(r).join("; "));
  });
});

describe("responses: 'isolated' as a word of description", () => {
  it("does not read malware that crossed 'into isolated networks' as anyone isolating systems", () => {
    const r = run(
      "The Nuclear Power Corporation of India confirmed a malware infection at the Kudankulam plant on Wednesday. The Stuxnet worm, which wrecked centrifuges in Iran, is believed to have crossed into isolated networks on infected USB drives.",
      "2019-10-31",
    );
    assert.deepEqual(responses(r), []);
    const isolating = run(
      "A cyberattack hit Iran's nuclear agency on Monday. The agency isolated the affected systems, officials said.",
      "2024-01-10",
    );
    assert.deepEqual(responses(isolating), ["IR containment null"]);
  });
});

describe("responses: a gang's own sites going down", () => {
  it("does not read a gang's leak sites going offline as its victim's containment", () => {
    const r = run(
      "REvil attacked Kaseya in July, hitting companies in the United States. REvil's leak sites on the dark web went offline in July after the Kaseya attack.",
      "2022-01-15",
    );
    assert.deepEqual(responses(r), []);
  });
});

describe("responses: more ways of containing", () => {
  it("reads a network cut off from the internet, accounts disabled and tokens revoked, and an attack 'isolated and brought under control' as containment", () => {
    const port = run(
      "A cyberattack hit DP World Australia on Friday. The operator cut its network off from the internet late on Friday.",
      "2023-11-13",
    );
    assert.deepEqual(responses(port), ["AU containment null"]);
    const okta = run(
      "Hackers stole support files from Okta, a US company. Okta said it had disabled that account and revoked the session tokens found in the files.",
      "2023-10-21",
    );
    assert.deepEqual(responses(okta), ["Okta containment null"]);
    const berlin = run(
      "A cyberattack hit Germany's government network, the ministry said. The interior ministry said the attack on the federal government's IT networks had been isolated and brought under control.",
      "2018-03-01",
    );
    assert.deepEqual(responses(berlin), ["DE containment null"]);
  });
});
