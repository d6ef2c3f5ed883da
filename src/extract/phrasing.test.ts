import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findMentions } from "./stages/mentions.ts";
import { splitSentences } from "./text/sentences.ts";
import { run, who } from "./text-run.case.ts";

describe("extraction of common phrasings", () => {
  it("does not turn a negated attribution into a claim", () => {
    const r = run(
      "Hospital systems in Ireland were hit by a ransomware attack on Friday. Officials did not blame any country for the attack, and no group has claimed responsibility.",
    );
    assert.equal(r.incidents.length, 1);
    assert.deepEqual(r.claims, []);
  });

  it("keeps a hedged attribution with no named source as an unnamed claim", () => {
    const r = run(
      "The Stuxnet worm, believed to have been built by Israel and the United States, wrecked centrifuges in Iran in 2010.",
    );
    const accused = r.claims
      .filter((c) => c.claimant === null && c.stance === "accuses")
      .map((c) => who(c.accused));
    assert.deepEqual(accused.sort(), ["IL", "US"]);
    assert.equal(r.incidents[0]?.date?.value, "2010");
    assert.ok(r.incidents[0]?.types.includes("sabotage"));
  });

  it("reads a passive attribution: the agent after 'by' is the claimant", () => {
    const r = run(
      "The Conti gang, which researchers say is based in Russia, was later linked to the intrusion by the Irish police.",
    );
    assert.ok(
      r.claims.some((c) => who(c.claimant) === "IE" && who(c.accused) === "Conti" && c.stance === "accuses"),
    );
  });

  it("records a group claiming responsibility and a denial by a capital", () => {
    const r = run(
      "A cyberattack knocked Estonian bank websites offline on Tuesday. A pro-Russian group called Killnet claimed responsibility. Moscow denied any involvement and called the claims absurd.",
    );
    assert.ok(r.claims.some((c) => c.stance === "claims-responsibility" && who(c.accused) === "Killnet"));
    assert.ok(r.claims.some((c) => c.stance === "denies" && who(c.claimant) === "RU"));
    assert.deepEqual(r.incidents[0]?.victims.map(who), ["EE"]);
    assert.equal(r.incidents[0]?.date?.value, "2023-03-07");
  });

  it("keeps an earlier dated attack apart from the new one", () => {
    const r = run(
      "Hackers breached the email system of Norway's parliament on Tuesday, officials said. It was the second attack on the assembly after a break-in in August 2020 that Norway blamed on Russia.",
    );
    const dates = r.incidents.map((i) => i.date?.value).sort();
    assert.deepEqual(dates, ["2020-08", "2023-03-07"]);
  });

  it("finds who acts against whom in a response, and a gang behind a nationality", () => {
    const r = run(
      "Ukrainian police arrested two Russian nationals linked to the LockBit ransomware gang. The United States imposed sanctions on Russia over the attacks.",
    );
    const got = r.responses.map((x) => `${x.kind}:${who(x.actor)}>${who(x.target)}`).sort();
    assert.ok(got.includes("indictment:UA>LockBit"), got.join(" "));
    assert.ok(got.includes("sanctions:US>RU"), got.join(" "));
  });

  it("reads a group name that is also a common word only beside a cue word", () => {
    const text = "Play resumed at the stadium on Tuesday, officials said.";
    const bare = findMentions(text, splitSentences(text));
    assert.ok(!bare.some((m) => m.form === "group"), bare.map((m) => m.text).join(", "));
    const cued = run(
      "The Play ransomware gang claimed responsibility for the attack on the city's network on Monday.",
    );
    assert.ok(cued.claims.some((c) => c.stance === "claims-responsibility" && who(c.accused) === "Play"));
  });

  it("keeps an accusation by officials speaking anonymously unnamed", () => {
    const r = run(
      "A cyberattack disrupted a port in Iran on Monday. Western officials, speaking anonymously, said Israeli hackers were behind it.",
    );
    assert.ok(r.claims.some((c) => c.claimant === null && who(c.accused) === "IL"));
    assert.ok(!r.claims.some((c) => c.claimant !== null && who(c.accused) === "IL"));
  });

  it("reads taking down or charging a named gang as accusing it", () => {
    const r = run(
      "The FBI seized the servers of the Hive ransomware gang on Thursday, ending the group's attacks on hospitals.",
    );
    assert.ok(
      r.responses.some((x) => x.kind === "takedown" && who(x.actor) === "US" && who(x.target) === "Hive"),
    );
    assert.ok(
      r.claims.some((c) => c.stance === "accuses" && who(c.claimant) === "US" && who(c.accused) === "Hive"),
    );
  });

  it("reads the takedown of another gang, recalled in passing, as a measure but not as an accusation", () => {
    const r = run(
      "Canadian charged over NetWalker ransomware attacks\n\nProsecutors charged a Canadian man on Wednesday with running attacks for the NetWalker ransomware gang. The charges came on the day police in Germany and the Netherlands seized the servers of the Emotet botnet, an older tool for spreading malware.",
    );
    assert.ok(r.responses.some((x) => x.kind === "takedown" && who(x.target) === "Emotet"));
    assert.ok(
      !r.claims.some((c) => who(c.accused) === "Emotet"),
      r.claims.map((c) => who(c.accused)).join("; "),
    );
  });

  it("reads 'the gang, which they accused of extorting companies' as an accusation of the gang", () => {
    const r = run(
      "Ukrainian police said on Wednesday they had detained six people suspected of belonging to the Clop ransomware gang, which they accused of extorting companies and universities in the United States and South Korea.",
      "2021-06-17",
    );
    assert.ok(
      r.claims.some((c) => c.stance === "accuses" && who(c.claimant) === "UA" && who(c.accused) === "Clop"),
    );
  });

  it("recognises a company named in full before by its first word, and as the one containing the attack", () => {
    const r = run(
      "Colonial Pipeline was hit by ransomware on Friday, the company said. Colonial took its pipeline offline on Friday to contain the attack.",
    );
    assert.ok(
      r.responses.some(
        (x) =>
          x.kind === "containment" && x.actor.kind === "organization" && x.actor.name === "Colonial Pipeline",
      ),
    );
  });
});
