import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { responses, run } from "./text-run.case.ts";

// General rules of reading a victim's own measures against an attack, each stated on a text written for it.
describe("responses: containment", () => {
  it("reads 'the Leeds-based company … discovered a virus and took its systems offline' as the company's own step", () => {
    const r = run(
      "The payroll provider Ledgerline was hit by a cyberattack over the weekend. The Leeds-based company says it discovered a software virus on Sunday and took its systems offline as a precaution.",
      "2021-05-12",
    );
    assert.deepEqual(responses(r), ["Ledgerline containment null"]);
  });

  it("reads isolating the infected machines or the ransomware as containment", () => {
    const r = run(
      "A ransomware attack hit the servers of Norway's tax agency on Tuesday. The agency said it was isolating the infected machines to stop the malware from spreading.",
      "2023-05-04",
    );
    assert.ok(responses(r).includes("NO containment null"), responses(r).join("; "));
  });
});

describe("responses: recovery", () => {
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
