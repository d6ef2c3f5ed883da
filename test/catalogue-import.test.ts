import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { catalogueGroups, type Knowledge, openKnowledge } from "../src/service/index.ts";
import { tempDir } from "./helpers/knowledge-base.ts";
import { haveSharedData, SHARED_DATA, SKIP_NO_SHARED } from "./helpers/stix-schemas.ts";

const tmp = tempDir("casebook-catalogue-");
after(() => tmp.cleanup());
let n = 0;
const fresh = () => openKnowledge(join(tmp.dir, `kb-${++n}.db`), { create: true });

/** Writes a story (and its date beside it) and ingests it; returns the groups the knowledge base now knows. */
async function ingestStory(kb: Knowledge, name: string, text: string): Promise<string[]> {
  const file = join(tmp.dir, `${name}.txt`);
  writeFileSync(file, text);
  writeFileSync(join(tmp.dir, `${name}.json`), JSON.stringify({ published: "2023-03-07" }));
  const s = await kb.ingest([file]);
  assert.equal(s.documents.failed, 0, JSON.stringify(s.failures));
  return (await kb.parties()).filter((p) => p.kind === "group").map((p) => p.name);
}

const uuid = (n: number) => `0000000${n}-1111-4222-8333-444455556666`;
const bundle = {
  type: "bundle",
  id: `bundle--${uuid(0)}`,
  objects: [
    {
      type: "intrusion-set",
      spec_version: "2.1",
      id: `intrusion-set--${uuid(1)}`,
      created: "2024-01-01T00:00:00.000Z",
      modified: "2024-01-01T00:00:00.000Z",
      name: "Crimson Lantern Team",
      aliases: ["Crimson Lantern Team", "CLT-77"],
    },
    {
      type: "threat-actor",
      spec_version: "2.1",
      id: `threat-actor--${uuid(2)}`,
      created: "2024-01-01T00:00:00.000Z",
      modified: "2024-01-01T00:00:00.000Z",
      name: "Ruritania",
      threat_actor_types: ["nation-state"],
    },
    {
      type: "location",
      spec_version: "2.1",
      id: `location--${uuid(3)}`,
      created: "2024-01-01T00:00:00.000Z",
      modified: "2024-01-01T00:00:00.000Z",
      country: "by",
    },
    ...[
      ["attributed-to", 1, 2],
      ["located-at", 2, 3],
    ].map(([type, from, to], i) => ({
      type: "relationship",
      spec_version: "2.1",
      id: `relationship--${uuid(4 + i)}`,
      created: "2024-01-01T00:00:00.000Z",
      modified: "2024-01-01T00:00:00.000Z",
      relationship_type: type,
      source_ref: from === 1 ? `intrusion-set--${uuid(1)}` : `threat-actor--${uuid(2)}`,
      target_ref: to === 2 ? `threat-actor--${uuid(2)}` : `location--${uuid(3)}`,
    })),
  ],
};

describe("threat-group catalogues", () => {
  it("uses a group a STIX bundle brings at once: its alias in a story resolves to it, with its sponsor", async () => {
    const kb = await fresh();
    try {
      const story =
        "Estonia blames CLT-77 for outage\n\nEstonia's foreign ministry said on Monday that a cyberattack which disrupted " +
        "its tax office on Friday was carried out by CLT-77, and summoned the Belarusian ambassador.\n";
      assert.deepEqual(
        await ingestStory(kb, "before", story.replace("Estonia blames", "Estonia faults")),
        [],
      );
      const file = join(tmp.dir, "custom.json");
      writeFileSync(file, JSON.stringify(bundle));
      const summary = await kb.import(file);
      assert.equal(summary.catalogue.entries, 1);
      assert.deepEqual(
        (await kb.catalogue()).map((e) => [e.name, e.aliases, e.sponsor]),
        [["Crimson Lantern Team", ["CLT-77"], "BY"]],
      );
      assert.deepEqual(await ingestStory(kb, "after", story), ["Crimson Lantern Team"]);
      const accused = (await kb.incidents({ accused: "BY" })).incidents;
      assert.equal(accused.length, 1, "the group's sponsor makes Belarus the accused state");
    } finally {
      await kb.close();
    }
  });

  it("imports the ATT&CK Enterprise bundle: every group, its aliases, revoked groups pointing to their replacement", {
    skip: SKIP_NO_SHARED,
  }, async () => {
    const kb = await fresh();
    try {
      const s = await kb.import(join(SHARED_DATA, "attack/enterprise-attack.json"));
      process.stderr.write(
        `  ATT&CK: ${s.objects} objects in ${s.seconds.toFixed(1)} s → ${s.catalogue.entries} groups, ` +
          `${s.catalogue.aliases} aliases, ${s.catalogue.revoked} revoked with a replacement\n`,
      );
      assert.equal(s.objects, 24_771);
      assert.equal(s.catalogue.entries, 187);
      assert.equal(s.catalogue.revoked, 6);
      const entries = await kb.catalogue();
      const apt34 = entries.find((e) => e.externalIds.some((x) => x.id === "G0057"));
      assert.equal(apt34?.revokedBy, "OilRig");
      const oilrig = catalogueGroups(entries).find((g) => g.name === "OilRig");
      assert.ok(oilrig?.aliases?.includes("APT34"), "a revoked group's name stands for its replacement");
      const again = await kb.import(join(SHARED_DATA, "attack/enterprise-attack.json"));
      assert.deepEqual([again.catalogue.added, again.catalogue.updated], [0, 187]);

      const story =
        "Ukraine blames Voodoo Bear for grid attack\n\nUkraine's security service said on Tuesday that a cyberattack " +
        "which cut power in Kyiv on Monday was carried out by Voodoo Bear. Microsoft, which calls the unit " +
        "Seashell Blizzard, agreed, and Ukraine's foreign ministry accused Sandworm of the same attack.\n";
      assert.deepEqual(await ingestStory(kb, "sandworm", story), ["Sandworm"]);
      const list = await kb.incidents({ accused: "Sandworm" });
      assert.equal(list.total, 1);
    } finally {
      await kb.close();
    }
  });

  it("imports the MISP galaxy's threat actors with synonyms, country, sponsor and the galaxy's own uuids", {
    skip: SKIP_NO_SHARED,
  }, async () => {
    const kb = await fresh();
    try {
      const s = await kb.import(join(SHARED_DATA, "misp-galaxy/threat-actor.json"));
      assert.equal(s.kind, "misp-galaxy");
      assert.equal(s.catalogue.entries, 1041);
      const sandworm = (await kb.catalogue()).find((e) => e.name === "Sandworm");
      assert.equal(sandworm?.sponsor, "RU");
      assert.ok(sandworm?.aliases.length);
      assert.deepEqual(
        sandworm?.externalIds.map((x) => x.source),
        ["misp-galaxy-cluster", "misp-galaxy-collection:threat-actor", "misp-galaxy:threat-actor"],
      );
      assert.equal(sandworm?.externalIds[2]?.id, "698774c7-8022-42c4-917f-8d6e4f06ada3");
    } finally {
      await kb.close();
    }
  });
});

if (!haveSharedData) process.stderr.write(`  skipped the catalogue tests that need ${SHARED_DATA}\n`);
