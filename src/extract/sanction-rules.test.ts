import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertHas, responses, run, victims } from "./text-run.case.ts";

// Sanctions and the companies they name, each rule stated on a text written for it.
describe("responses: sanctions, their targets and the companies named", () => {
  it("reads 'sanctioned two Iranian firms, A and B' as sanctions on the two companies, not on Iran", () => {
    const r = run(
      "Iranian hackers tampered with US water utilities last year. The Treasury also sanctioned two Iranian firms, Keshavarz Data Company and Sorkh Tech Holdings, for their role in the attacks.",
      "2024-05-10",
    );
    assert.deepEqual(responses(r), [
      "US sanctions Keshavarz Data Company",
      "US sanctions Sorkh Tech Holdings",
    ]);
  });

  it("names a known company by the registered name the story writes ('… Science and Technology Company')", () => {
    const r = run(
      "Hackers from APT31 broke into Britain's Electoral Commission. London froze the assets of Wuhan Xiaoruizhi Science and Technology Company, calling it a front for the hackers.",
      "2024-03-26",
    );
    assertHas(responses(r), "GB sanctions Wuhan Xiaoruizhi Science and Technology Company");
  });

  it("reads a Treasury designation of three groups as sanctions on each of them", () => {
    const r = run(
      "Hackers working for North Korea stole millions from banks in Asia, US officials said. The Treasury's Office of Foreign Assets Control designated the Lazarus Group, Andariel and Kimsuky, which it said answered to Pyongyang's main spy agency.",
      "2019-09-14",
    );
    for (const group of ["Lazarus Group", "Andariel", "Kimsuky"])
      assertHas(responses(r), `US sanctions ${group}`);
  });

  it("does not read a designation as a terrorist organisation as a cyber sanction", () => {
    const r = run(
      "Hackers hit a water utility in Pennsylvania last month. Separately, the Treasury designated a militia as a terrorist group on Monday.",
      "2023-12-05",
    );
    assert.deepEqual(responses(r), []);
  });

  it("reads sanctions on two companies named in full as sanctions on each", () => {
    const r = run(
      "Iranian hackers locked the computers of a county hospital in Ohio with ransomware. The Treasury sanctioned Parsian Kavosh Rayaneh Company and Tabriz Data Afzar Technology, where it said the hackers worked.",
      "2022-09-15",
    );
    assertHas(responses(r), "US sanctions Parsian Kavosh Rayaneh Company");
    assertHas(responses(r), "US sanctions Tabriz Data Afzar Technology");
  });

  it("reads a company named after its town as the company sanctioned, not the town's state", () => {
    const r = run(
      "Chinese state hackers broke into telecom networks in a dozen countries, officials said. On Thursday the US Treasury sanctioned Chengdu Lanxin Network Technology, which it said supplied the hackers with tools.",
      "2024-03-21",
    );
    assert.deepEqual(responses(r), ["US sanctions Chengdu Lanxin Network Technology"]);
  });

  it("does not read those who monitor sanctions, or a high-reward crime, as measures taken", () => {
    const r = run(
      "North Korean hackers stole $600 million in cryptocurrency from a gaming network last year, the FBI said. United Nations sanctions monitors say such thefts pay for Pyongyang's missiles. A panel of experts that monitors sanctions on North Korea called hacking a low-risk, high-reward way to raise money.",
      "2023-04-02",
    );
    assert.ok(
      responses(r).every((x) => !x.includes("sanctions") && !x.includes("reward")),
      responses(r).join("; "),
    );
  });
});

describe("responses: a victim company named after its country", () => {
  it("reads an airline named after its country as the company acting on its own systems, at home there", () => {
    const r = run(
      "A flood of junk traffic hit Norway Airlines on Sunday and halted its booking site. Norway Airlines shut down an overloaded router and restored its systems by the evening.",
      "2024-12-30",
    );
    assertHas(responses(r), "Norway Airlines containment null");
    assertHas(responses(r), "Norway Airlines recovery null");
    assert.deepEqual(victims(r), ["NO"]);
  });

  it("reads sanctions on a person and on his company as sanctions on the company", () => {
    const r = run(
      "Chinese hackers got into the email of a US trade office last year, officials said. The Treasury imposed sanctions on Li Wenhao and on his company, Chengdu Lianyun Network Technology, on Tuesday.",
      "2025-04-09",
    );
    assertHas(responses(r), "US sanctions Chengdu Lianyun Network Technology");
    assert.ok(!responses(r).includes("US sanctions CN"), responses(r).join("; "));
  });

  it("reads freezing any US assets of the two firms named before as sanctions on each", () => {
    const r = run(
      "Iranian hackers locked the files of dozens of US clinics, officials said. The Treasury named Parsian Data Pardaz Company and Karun Web Systems Company and froze any US assets of the two firms.",
      "2024-10-02",
    );
    assertHas(responses(r), "US sanctions Parsian Data Pardaz Company");
    assertHas(responses(r), "US sanctions Karun Web Systems Company");
  });

  it("reads no sanctions where no assets were frozen", () => {
    const r = run(
      "Iranian hackers locked the files of dozens of US clinics, officials said. The Treasury has not frozen any assets of the two firms it named.",
      "2024-10-02",
    );
    assert.ok(!responses(r).some((x) => x.includes("sanctions")), responses(r).join("; "));
  });

  it("reads sanctions on people named as themselves, with no state or gang behind them, as sanctions on no one party", () => {
    for (const text of [
      "A ransomware crew stole the records of a Melbourne insurer's clients in 2022. Britain and the United States imposed sanctions on Petrov on Tuesday.",
      "Hackers hid malware in free VPN apps and hijacked home computers in Texas. The Treasury Department imposed sanctions on Chen and two associates.",
      "Prosecutors charged a hacker with attacking a police department in New Jersey with ransomware, while the Treasury imposed sanctions on him.",
    ]) {
      const r = run(text, "2024-05-29");
      assertHas(responses(r), text.includes("Britain") ? "GB sanctions null" : "US sanctions null");
    }
  });

  it("does not read a weekday after the sanctions as a person sanctioned", () => {
    const r = run(
      "Hackers broke into the email of a Kyiv power company in May. The United States announced new sanctions on Tuesday.",
      "2023-05-16",
    );
    assert.ok(!responses(r).some((x) => x.includes("sanctions")), responses(r).join("; "));
  });
});
