import { createHash } from "node:crypto";
import type { Document, DocumentRecord, Evidence, Tlp } from "../model/index.ts";

/**
 * Documents and hand-made records for the store conformance suite. The stories are written for these tests;
 * records are built by hand (the store must not depend on extraction), their evidence found in the text.
 */

export function doc(
  text: string,
  meta: { id: string; title?: string; published: string; url?: string; publisher?: string; tlp?: Tlp },
): Document {
  return {
    id: meta.id,
    ...(meta.title === undefined ? {} : { title: meta.title }),
    published: meta.published,
    ...(meta.url === undefined ? {} : { url: meta.url }),
    ...(meta.publisher === undefined ? {} : { publisher: meta.publisher }),
    sha256: createHash("sha256").update(text, "utf8").digest("hex"),
    tlp: meta.tlp ?? "clear",
    text,
  };
}

/** Evidence quoting the first occurrence of `quote` in `text`. */
export function ev(text: string, quote: string): Evidence {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`fixture quote not in text: ${quote}`);
  return { start, end: start + quote.length, quote };
}

const recordOf = (d: Document, rest: Omit<DocumentRecord, "document">): DocumentRecord => ({
  document: { id: d.id, title: d.title, published: d.published, url: d.url, sha256: d.sha256 },
  ...rest,
});

export const TIRANA_TEXT =
  "Albania blames Iran for second cyberattack\n\n" +
  "Albania's interior ministry said on Saturday that the computer systems of the state police had been hit " +
  "by a cyberattack on Friday. Border control systems at ports and airports were shut down as a precaution. " +
  "Prime Minister Edi Rama said the attack came from the same actors who struck government services in July, " +
  "and he blamed Iran. Tehran rejected the accusation as baseless. " +
  "The United States sanctioned Iran's intelligence ministry on Friday.";

export function tirana(): { doc: Document; record: DocumentRecord } {
  const t = TIRANA_TEXT;
  const d = doc(t, {
    id: "tirana",
    title: "Albania blames Iran for second cyberattack",
    published: "2022-09-10",
    url: "https://news.example/albania-police",
    publisher: "Example News",
    tlp: "green",
  });
  const AL = { kind: "state" as const, country: "AL" };
  const IR = { kind: "state" as const, country: "IR" };
  return {
    doc: d,
    record: recordOf(d, {
      incidents: [
        {
          id: "incident-1",
          label: "police systems",
          date: { value: "2022-09-09", precision: "day", text: "on Friday" },
          victims: [AL],
          types: ["disruption"],
          systems: ["computer systems of the state police", "Border control systems"],
          campaign: "campaign-1",
          evidence: [
            ev(t, "the computer systems of the state police had been hit by a cyberattack on Friday"),
          ],
        },
        {
          id: "incident-2",
          label: "government services",
          date: { value: "2022-07", precision: "month", text: "in July" },
          victims: [AL],
          types: ["disruption"],
          systems: ["government services"],
          campaign: "campaign-1",
          evidence: [ev(t, "struck government services in July")],
        },
      ],
      claims: [
        {
          id: "claim-1",
          stance: "accuses",
          claimant: { ...AL, via: "Prime Minister Edi Rama" },
          accused: IR,
          incidents: ["incident-1", "incident-2"],
          evidence: [ev(t, "he blamed Iran")],
        },
        {
          id: "claim-2",
          stance: "denies",
          claimant: IR,
          accused: IR,
          incidents: ["incident-1"],
          evidence: [ev(t, "Tehran rejected the accusation as baseless")],
        },
      ],
      responses: [
        {
          id: "response-1",
          kind: "sanctions",
          actor: { kind: "state", country: "US" },
          target: IR,
          incidents: ["incident-1"],
          date: { value: "2022-09-09", precision: "day", text: "on Friday" },
          detail: "Iran's intelligence ministry",
          evidence: [ev(t, "The United States sanctioned Iran's intelligence ministry on Friday")],
        },
        {
          id: "response-2",
          kind: "containment",
          actor: AL,
          target: null,
          incidents: ["incident-1"],
          evidence: [ev(t, "Border control systems at ports and airports were shut down as a precaution")],
        },
      ],
    }),
  };
}

export const KYIV_TEXT =
  "Ukrainian government websites defaced\n\n" +
  "Dozens of Ukrainian government websites were defaced on Friday with a message telling citizens to expect " +
  "the worst. Ukraine's security service said hackers linked to Russian intelligence were behind it. " +
  "Moscow denied any involvement.";

export function kyiv(): { doc: Document; record: DocumentRecord } {
  const t = KYIV_TEXT;
  const d = doc(t, { id: "kyiv", title: "Ukrainian government websites defaced", published: "2022-01-15" });
  const RU = { kind: "state" as const, country: "RU" };
  return {
    doc: d,
    record: recordOf(d, {
      incidents: [
        {
          id: "incident-1",
          label: "government websites defaced",
          date: { value: "2022-01-14", precision: "day", text: "on Friday" },
          victims: [{ kind: "state", country: "UA" }],
          types: ["defacement"],
          systems: ["government websites"],
          evidence: [ev(t, "Dozens of Ukrainian government websites were defaced on Friday")],
        },
      ],
      claims: [
        {
          id: "claim-1",
          stance: "accuses",
          claimant: { kind: "state", country: "UA", via: "security service" },
          accused: RU,
          incidents: ["incident-1"],
          evidence: [ev(t, "hackers linked to Russian intelligence were behind it")],
        },
        {
          id: "claim-2",
          stance: "denies",
          claimant: RU,
          accused: RU,
          incidents: ["incident-1"],
          evidence: [ev(t, "Moscow denied any involvement")],
        },
      ],
      responses: [],
    }),
  };
}

export const HOSPITAL_TEXT =
  "Ransomware attack hits Düsseldorf hospital\n\n" +
  "A ransomware attack crippled the computer systems of the university hospital in Düsseldorf in September, " +
  "forcing it to turn away emergency patients.";

export function hospital(): { doc: Document; record: DocumentRecord } {
  const t = HOSPITAL_TEXT;
  const d = doc(t, { id: "hospital", published: "2020-09-18" });
  return {
    doc: d,
    record: recordOf(d, {
      incidents: [
        {
          id: "incident-1",
          label: "university hospital ransomware",
          date: { value: "2020-09", precision: "month", text: "in September" },
          victims: [{ kind: "organization", name: "University Hospital Düsseldorf", country: "DE" }],
          types: ["ransomware"],
          systems: ["computer systems of the university hospital"],
          evidence: [ev(t, "A ransomware attack crippled the computer systems of the university hospital")],
        },
      ],
      claims: [],
      responses: [],
    }),
  };
}

export const FOLLOWUP_TEXT =
  "Albania's July cyberattack used a wiper, investigators say\n\n" +
  "Investigators said the attack that took Albania's government services offline on 15 July used wiper " +
  "malware. Albania's government again blamed Iran on Monday. Washington sanctioned Iran's intelligence " +
  "ministry on 9 September over the attack.";

/** A second story about the July attack of `tirana()`: the same incident, accusation and sanctions. */
export function followup(): { doc: Document; record: DocumentRecord } {
  const t = FOLLOWUP_TEXT;
  const d = doc(t, {
    id: "followup",
    title: "Albania's July cyberattack used a wiper",
    published: "2022-09-12",
  });
  const AL = { kind: "state" as const, country: "AL" };
  const IR = { kind: "state" as const, country: "IR" };
  return {
    doc: d,
    record: recordOf(d, {
      incidents: [
        {
          id: "incident-1",
          label: "government services wiper",
          date: { value: "2022-07-15", precision: "day", text: "on 15 July" },
          victims: [AL],
          types: ["wiper"],
          systems: ["government services"],
          evidence: [ev(t, "the attack that took Albania's government services offline on 15 July")],
        },
      ],
      claims: [
        {
          id: "claim-1",
          stance: "accuses",
          claimant: { ...AL, via: "government" },
          accused: IR,
          incidents: ["incident-1"],
          date: { value: "2022-09-12", precision: "day", text: "on Monday" },
          evidence: [ev(t, "Albania's government again blamed Iran on Monday")],
        },
      ],
      responses: [
        {
          id: "response-1",
          kind: "sanctions",
          actor: { kind: "state", country: "US", via: "Washington" },
          target: IR,
          incidents: ["incident-1"],
          date: { value: "2022-09-09", precision: "day", text: "on 9 September" },
          evidence: [ev(t, "Washington sanctioned Iran's intelligence ministry on 9 September")],
        },
      ],
    }),
  };
}

/** A short story of one incident, for cases that need more documents than the stories above. */
export function brief(
  id: string,
  text: string,
  incident: Omit<DocumentRecord["incidents"][number], "evidence" | "id">,
): { doc: Document; record: DocumentRecord } {
  const d = doc(text, { id, published: "2022-10-01" });
  return {
    doc: d,
    record: recordOf(d, {
      incidents: [{ id: "incident-1", ...incident, evidence: [ev(text, text.slice(0, 20))] }],
      claims: [],
      responses: [],
    }),
  };
}
