import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import type { Document } from "../model/index.ts";
import { extract, extractBatch } from "./index.ts";

const doc = (id: string, text: string, published = "2022-09-10"): Document => ({
  id,
  text,
  published,
  tlp: "clear",
  sha256: createHash("sha256").update(text).digest("hex"),
});

const ALBANIA = doc(
  "albania",
  "Albania cuts ties with Iran\n\nAlbania accused Iran of a cyberattack in July that knocked out government " +
    "websites, and severed diplomatic ties on Wednesday. Tehran rejected the accusation as baseless.",
);
const HOSPITAL = doc(
  "hospital",
  "A ransomware attack on a hospital in Düsseldorf on Thursday forced it to turn away emergency patients. " +
    "No group has been blamed.",
  "2020-09-12",
);
const SANCTIONS = doc(
  "sanctions",
  "The United States imposed sanctions on Iran's intelligence ministry on Friday for the attack on Albania.",
);

describe("extractBatch", () => {
  it("gives each document the record extract gives it alone, in order", () => {
    const docs = [ALBANIA, HOSPITAL, SANCTIONS, ALBANIA];
    const records = extractBatch(docs).map((o) => ("record" in o ? o.record : o.error));
    assert.deepEqual(
      records,
      docs.map((d) => extract(d)),
    );
    const [albania] = records as ReturnType<typeof extract>[];
    assert.deepEqual(
      albania?.claims.map((c) => `${c.claimant?.kind === "state" ? c.claimant.country : "?"} ${c.stance}`),
      ["AL accuses", "IR denies"],
    );
  });

  it("fails a bad document alone: the others keep their records", () => {
    const broken = { ...HOSPITAL, id: "broken", text: undefined } as unknown as Document;
    const outcomes = extractBatch([ALBANIA, doc("bad-date", "Text.", "2022-02-30"), broken, SANCTIONS]);
    assert.equal(outcomes.length, 4);
    assert.deepEqual(outcomes[0], { record: extract(ALBANIA) });
    assert.match(
      String((outcomes[1] as { error: Error }).error.message),
      /2022-02-30.*not a real calendar date/,
    );
    assert.ok("error" in (outcomes[2] as object));
    assert.deepEqual(outcomes[3], { record: extract(SANCTIONS) });
  });

  it("throws the failing document's own error from extract", () => {
    assert.throws(() => extract(doc("x", "Text.", "2022-13-01")), { code: "BAD_DATE" });
  });

  it("reads an empty batch as no records", () => {
    assert.deepEqual(extractBatch([]), []);
  });

  it("times each stage on request without changing a record", () => {
    const docs = [ALBANIA, HOSPITAL, SANCTIONS];
    const timings = new Map<string, number>();
    const timed = extractBatch(docs, { timings });
    assert.deepEqual(timed, extractBatch(docs));
    assert.deepEqual(
      [...timings.keys()],
      [
        "sentences",
        "cues",
        "mentions",
        "analysis",
        "attack words",
        "attack dates",
        "incidents",
        "claims",
        "responses",
        "records",
      ],
    );
    for (const ms of timings.values()) assert.ok(ms >= 0);
    // a second batch adds to the same map
    const before = timings.get("mentions") ?? 0;
    extractBatch(docs, { timings });
    assert.ok((timings.get("mentions") ?? 0) >= before);
  });
});
