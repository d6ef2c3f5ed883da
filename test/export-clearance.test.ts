import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { CSV_COLUMNS } from "../src/interop/csv/index.ts";
import type { StixObject } from "../src/interop/stix/index.ts";
import { type Knowledge, openKnowledge } from "../src/service/index.ts";
import { corpusFixtures } from "./helpers/corpus.ts";
import { exportText, tempDir } from "./helpers/knowledge-base.ts";

const AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
const CLEAR = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
const SEED = fileURLToPath(new URL("../../shared/seeds/albania-second-cyberattack.txt", import.meta.url));

describe("exports by clearance, and as CSV", () => {
  const tmp = tempDir("casebook-clearance-");
  let kb: Knowledge;
  const [open, restricted] = corpusFixtures();
  before(async () => {
    assert.ok(open && restricted);
    kb = await openKnowledge(join(tmp.dir, "kb.db"), { create: true });
    const lines = [
      { id: "open", title: "open story", published: open.published, text: open.text, tlp: "clear" },
      {
        id: "restricted",
        title: "restricted story",
        published: restricted.published,
        text: restricted.text,
        tlp: "amber",
      },
    ];
    const file = join(tmp.dir, "docs.jsonl");
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n"));
    await kb.ingest([file]);
  });
  after(async () => {
    await kb.close();
    tmp.cleanup();
  });
  const stix = async (clearance?: "clear" | "amber") =>
    JSON.parse(await exportText(kb, "stix", clearance ? { clearance } : {})).objects as StixObject[];
  const sourceTexts = (objects: StixObject[]) =>
    objects
      .filter((o) => o.type === "report")
      .map(
        (r) =>
          (Object.values(r.extensions as Record<string, { doc_id: string }>)[0] as { doc_id: string }).doc_id,
      );

  it("leaves out what the reader is not cleared for, quotes included", async () => {
    const all = await stix("amber");
    const cleared = await stix("clear");
    assert.deepEqual(sourceTexts(all).sort(), ["open", "restricted"]);
    assert.deepEqual(sourceTexts(cleared), ["open"]);
    const quotes = JSON.stringify(cleared);
    assert.ok(!quotes.includes(AMBER), "an amber marking reached a TLP:CLEAR reader");
    for (const o of cleared) {
      for (const ext of Object.values(
        (o.extensions as Record<string, { evidence?: Array<{ quote: string }> }>) ?? {},
      ))
        for (const e of ext.evidence ?? []) assert.ok(open?.text.includes(e.quote));
    }
    assert.ok(
      cleared.filter((o) => o.type === "incident").length < all.filter((o) => o.type === "incident").length,
    );
  });

  it("marks what comes from the amber source TLP:AMBER, and the rest TLP:CLEAR", async () => {
    const all = await stix("amber");
    const marked = (o: StixObject) => (o.object_marking_refs as string[] | undefined)?.[0];
    assert.ok(all.some((o) => o.type === "marking-definition" && o.id === AMBER));
    const reports = all.filter((o) => o.type === "report");
    assert.deepEqual(reports.map(marked).sort(), [AMBER, CLEAR].sort());
    const refsOf = (marking: string) =>
      (reports.find((r) => marked(r) === marking)?.object_refs as string[] | undefined) ?? [];
    assert.ok(refsOf(AMBER).length > 0);
    for (const ref of refsOf(AMBER)) {
      const o = all.find((x) => x.id === ref);
      const fromOpen = refsOf(CLEAR).includes(ref);
      if (!fromOpen) assert.equal(o && marked(o), AMBER, `${ref} quotes only the amber source`);
    }
  });

  it("writes a CSV table in the CFR tracker's manner, one incident a row", async () => {
    const csv = await exportText(kb, "csv", { clearance: "amber" });
    const lines = csv.split("\r\n").filter(Boolean);
    assert.equal(lines[0], CSV_COLUMNS.join(","));
    const incidents = (await kb.incidents({ limit: 1000 })).total;
    assert.equal(lines.length, incidents + 1);
    assert.ok(lines.some((l) => l.endsWith(",amber")));
    assert.ok(lines.some((l) => l.endsWith(",clear")));
  });
});

describe("the seed story as STIX", { skip: existsSync(SEED) ? false : "../shared/seeds is absent" }, () => {
  const tmp = tempDir("casebook-seed-stix-");
  after(() => tmp.cleanup());

  it("links the two Albanian incidents to one campaign, and Iran's denial answers Albania's accusation", async () => {
    const kb = await openKnowledge(join(tmp.dir, "seed.db"), { create: true });
    try {
      await kb.ingest([SEED], { published: "2022-09-10" });
      const objects: StixObject[] = JSON.parse(await exportText(kb, "stix")).objects;
      const byId = new Map(objects.map((o) => [o.id, o]));
      const campaign = objects.filter((o) => o.type === "campaign");
      assert.equal(campaign.length, 1);
      const linked = objects.filter((o) => o.type === "relationship" && o.target_ref === campaign[0]?.id);
      assert.equal(linked.length, 2);
      const iranGov = objects.find((o) => o.type === "identity" && o.name === "Government of Iran");
      const denial = objects.find((o) => o.type === "opinion" && o.created_by_ref === iranGov?.id);
      assert.ok(denial, "no opinion authored by Iran's government");
      const answered = (denial.object_refs as string[]).map((id) => byId.get(id));
      const accusation = answered.find((o) => o?.type === "relationship");
      assert.equal(accusation?.relationship_type, "attributed-to");
      assert.equal(byId.get(accusation?.target_ref as string)?.name, "Iran (state)");
      assert.equal(byId.get(accusation?.created_by_ref as string)?.name, "Government of Albania");
      assert.equal(accusation?.confidence, 80);
    } finally {
      await kb.close();
    }
  });
});
