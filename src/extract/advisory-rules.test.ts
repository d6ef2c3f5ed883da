import { describe, it } from "node:test";
import { assertHas, responses, run } from "./text-run.case.ts";

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
