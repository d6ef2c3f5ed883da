import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertHas, claims, responses, run } from "./text-run.case.ts";

// Advisories told as what an agency urged or alerted, each rule stated on a text written for it.
describe("responses: advisories told by what they urge", () => {
  it("reads 'a joint advisory from A's agency, B's agency and the C agency' as an advisory by each author", () => {
    const r = run(
      "Hackers of the Cozy Bear group tried to steal vaccine research. The charge came on Thursday in a joint advisory from Britain's National Cyber Security Centre, Canada's Communications Security Establishment and the US National Security Agency.",
      "2020-07-17",
    );
    for (const who of ["GB", "CA", "US"]) assertHas(responses(r), `${who} advisory APT29`);
  });

  it("reads a warning from a national CERT, and a technical warning or an analysis published, as advisories", () => {
    const cert = run(
      "Hackers defaced screens at two airports. The warning from VNCERT, sent to ministries, told them to patch their servers.",
      "2016-07-30",
    );
    assertHas(responses(cert), "VN advisory null");
    const police = run(
      "MirrorFace hackers targeted Japanese ministries. The police, together with the government's cyber security centre, published a technical warning describing how the group hid its tools.",
      "2025-01-09",
    );
    assertHas(responses(police), "JP advisory MirrorFace");
    const firm = run(
      "Shamoon wiped thousands of computers at Saudi Aramco. Researchers at Symantec published an analysis in mid-August of the destructive program.",
      "2012-09-10",
    );
    assertHas(responses(firm), "Symantec advisory null");
  });

  it("reads an agency urging officials to check their systems as its advisory", () => {
    const r = run(
      "Intruders got into a county's vote-counting network in Ohio last month. The FBI urged election officials in other states to check their servers for the same tools.",
      "2024-08-20",
    );
    assertHas(responses(r), "US advisory null");
  });

  it("reads alerts sent to ministries, and an alert published, as advisories", () => {
    const sent = run(
      "After the border clashes, Kenya's national CERT sent alerts to ministries and banks warning them of phishing aimed at their staff.",
      "2024-05-09",
    );
    assertHas(responses(sent), "KE advisory null");
    const published = run(
      "Spain's national cryptology centre said in an alert published on Monday that hackers were exploiting a flaw in firewalls used by town halls.",
      "2024-05-09",
    );
    assertHas(responses(published), "ES advisory null");
  });

  it("reads advice given to organisations named with a nationality, or to a list of them, as an advisory", () => {
    for (const [text, actor] of [
      [
        "Pro-Russian hackers flooded the websites of Norway's ports on Tuesday. The NSM advised Norwegian companies to ask their internet providers about filtering junk traffic.",
        "NO",
      ],
      [
        "Ransomware locked the files of a Flemish city's schools in May. The Centre for Cybersecurity Belgium urged companies and town halls to install the missing updates.",
        "BE",
      ],
      [
        "A gang encrypted the patient records of three hospitals in Bucharest. The country's cyber directorate urged hospitals not to pay the ransom the gang demanded.",
        "RO",
      ],
    ] as const) {
      assertHas(responses(run(text, "2024-06-12")), `${actor} advisory null`);
    }
  });

  it("reads recommendations sent to public bodies, a joint warning and an advisory being sent as advisories", () => {
    const recommendations = run(
      "Ransomware hit a hosting company that runs the websites of Colombia's courts. colCERT sent ministries a set of recommendations on keeping offline backups.",
      "2023-09-20",
    );
    assertHas(responses(recommendations), "CO advisory null");
    const warning = run(
      "A ransomware attack shut down the clinics of a hospital network in Vermont. The FBI and the health department issued a joint warning of further attacks on hospitals.",
      "2020-10-30",
    );
    assertHas(responses(warning), "US advisory null");
    const sent = run(
      "Hackers planted spyware on the phones of soldiers in Rawalpindi. Pakistan's army said an advisory was being sent to all government departments.",
      "2020-08-13",
    );
    assertHas(responses(sent), "PK advisory null");
  });

  it("reads no advisory in a malicious email dressed up as one, nor in asking the press not to publish a leak", () => {
    for (const text of [
      "A hacking group sent officials in Delhi emails dressed up as health advisories that installed a remote-access tool.",
      "Hackers dumped a candidate's emails online in Paris. The French election watchdog urged news organisations not to publish the leaked files.",
    ]) {
      const r = run(text, "2020-08-13");
      assert.ok(!responses(r).some((x) => x.includes("advisory")), `${text}: ${responses(r).join("; ")}`);
    }
  });
});

describe("responses: a coalition's advisory and who wrote it", () => {
  const r = run(
    "Moscow rejected the claims on Friday. Security agencies from seven countries on Thursday accused Sandworm of planting malware in the control networks of water utilities. The joint advisory, led by Britain's National Cyber Security Centre, was co-signed by agencies from Canada, Norway and South Korea.",
    "2025-06-12",
  );

  it("reads the agency an advisory was led by as its author, and those who co-signed it as authors too", () => {
    for (const c of ["GB", "CA", "NO", "KR"]) assertHas(responses(r), `${c} advisory Sandworm`);
  });

  it("takes none of its authors for what it is aimed at", () => {
    assert.ok(!responses(r).some((x) => / advisory (?:GB|CA|NO|KR)$/.test(x)), responses(r).join("; "));
  });

  it("gives a coalition counted but not named the voice of the advisory's lead, shared by its co-signers, not that of the last state named", () => {
    for (const c of ["GB", "CA", "NO", "KR"]) assertHas(claims(r), `${c} accuses Sandworm`);
  });
});

describe("claims: what an advisory names", () => {
  it("reads companies an advisory names as suppliers of an attacker as accused by its author, and by its co-signers", () => {
    const r = run(
      "The National Security Agency published a joint advisory on Monday, co-signed by agencies from Japan and Australia. It is the third such warning this year. The document names Hangzhou Qiyun Network Technology and Nanjing Beiming Information Technology as companies that supply hacking tools to units of China's Ministry of State Security.",
      "2025-05-20",
    );
    for (const c of ["US", "JP", "AU"]) {
      assertHas(claims(r), `${c} accuses Hangzhou Qiyun Network Technology`);
      assertHas(claims(r), `${c} accuses Nanjing Beiming Information Technology`);
    }
  });

  it("does not read companies named as victims of an attacker as accused", () => {
    const r = run(
      "The National Security Agency published an advisory on Monday. The document names Hangzhou Qiyun Network Technology and Nanjing Beiming Information Technology as companies whose networks the hackers entered.",
      "2025-05-20",
    );
    assert.ok(!claims(r).some((x) => x.includes("Technology")), claims(r).join("; "));
  });
});
