import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertHas, claims, responses, run } from "./text-run.case.ts";

// Advisories told as what an agency urged or alerted, each rule stated on a text written for it.
describe("responses: advisories told by what they urge", () => {
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
