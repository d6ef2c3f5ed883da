import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { type Knowledge, openKnowledge } from "../src/service/index.ts";
import { exportText, tempDir } from "./helpers/knowledge-base.ts";
import { SHARED_DATA, SKIP_NO_SHARED } from "./helpers/stix-schemas.ts";

const SEED = fileURLToPath(new URL("../../shared/seeds/albania-second-cyberattack.txt", import.meta.url));

// MISP's core format (draft-dulaunoy-misp-core-format): numbers travel as strings, uuids as RFC 4122 text,
// every attribute's category must be one its type admits (MISP's describeTypes), tags are {name}.
const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
const Epoch = z.string().regex(/^\d+$/);
const CATEGORIES_OF: Record<string, string[]> = {
  "threat-actor": ["Attribution"],
  text: [
    "Other",
    "External analysis",
    "Attribution",
    "Internal reference",
    "Targeting data",
    "Antivirus detection",
    "Payload delivery",
    "Payload installation",
    "Artifacts dropped",
    "Persistence mechanism",
    "Network activity",
    "Social network",
    "Support Tool",
    "Person",
    "Financial fraud",
  ],
  link: [
    "External analysis",
    "Internal reference",
    "Antivirus detection",
    "Payload delivery",
    "Support Tool",
  ],
};
const Attribute = z
  .object({
    uuid: Uuid,
    type: z.enum(Object.keys(CATEGORIES_OF) as [string, ...string[]]),
    category: z.string(),
    value: z.string().min(1),
    comment: z.string().optional(),
    to_ids: z.boolean(),
    distribution: z.enum(["0", "1", "2", "3", "4", "5"]),
    timestamp: Epoch,
    object_relation: z.string().optional(),
  })
  .strict()
  .refine((a) => CATEGORIES_OF[a.type]?.includes(a.category), {
    message: "category not allowed for the type",
  });
const MispEventSchema = z
  .object({
    Event: z
      .object({
        uuid: Uuid,
        info: z.string().min(1),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        threat_level_id: z.enum(["1", "2", "3", "4"]),
        analysis: z.enum(["0", "1", "2"]),
        distribution: z.enum(["0", "1", "2", "3", "4"]),
        published: z.boolean(),
        timestamp: Epoch,
        Tag: z.array(z.object({ name: z.string().min(1) }).strict()),
        Attribute: z.array(Attribute),
        Object: z.array(
          z
            .object({
              uuid: Uuid,
              name: z.string(),
              "meta-category": z.string(),
              description: z.string(),
              template_uuid: Uuid,
              template_version: z.string().regex(/^\d+$/),
              distribution: z.enum(["0", "1", "2", "3", "4", "5"]),
              timestamp: Epoch,
              comment: z.string().optional(),
              Attribute: z.array(Attribute.and(z.object({ object_relation: z.string() }))),
            })
            .strict(),
        ),
        Galaxy: z.array(
          z
            .object({
              uuid: Uuid,
              name: z.string(),
              type: z.string(),
              namespace: z.string(),
              description: z.string(),
              GalaxyCluster: z.array(
                z
                  .object({
                    uuid: Uuid,
                    collection_uuid: Uuid.optional(),
                    type: z.string(),
                    value: z.string(),
                    tag_name: z.string().regex(/^misp-galaxy:[a-z-]+="[^"]+"$/),
                    description: z.string(),
                    meta: z.record(z.string(), z.array(z.string())),
                  })
                  .strict(),
              ),
            })
            .strict(),
        ),
      })
      .strict(),
  })
  .strict();

describe("MISP export", () => {
  const tmp = tempDir("casebook-misp-");
  after(() => tmp.cleanup());
  let n = 0;
  const fresh = () => openKnowledge(join(tmp.dir, `kb-${++n}.db`), { create: true });
  const story = async (kb: Knowledge, name: string, text: string, published: string) => {
    const file = join(tmp.dir, `${name}.txt`);
    writeFileSync(file, text);
    writeFileSync(join(tmp.dir, `${name}.json`), JSON.stringify({ published }));
    await kb.ingest([file]);
  };

  it("gives the seed story's September incident as an event MISP's events/add takes: Iran blamed, the denial, the responses, tlp:clear", {
    skip: existsSync(SEED) ? false : "../shared/seeds is absent",
  }, async () => {
    const kb = await fresh();
    try {
      await kb.ingest([SEED], { published: "2022-09-10" });
      const september = (await kb.incidents({ victim: "AL", since: "2022-09", until: "2022-09" })).incidents;
      assert.equal(september.length, 1);
      const event = JSON.parse(await exportText(kb, "misp", { incident: september[0]?.id ?? "" }));
      const parsed = MispEventSchema.safeParse(event);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 5)));
      const e = event.Event;
      assert.equal(e.date, "2022-09-09");
      assert.deepEqual(e.Tag, [{ name: "tlp:clear" }]);
      const blamed = e.Attribute.filter((a: { type: string }) => a.type === "threat-actor");
      assert.ok(
        blamed.some(
          (a: { value: string; comment: string }) =>
            a.value === "Iran" && a.comment.startsWith("Albania accuses"),
        ),
      );
      assert.ok(
        e.Attribute.some(
          (a: { value: string; comment?: string }) =>
            a.value === "Iran denies involvement" && a.comment?.includes("baseless"),
        ),
      );
      const kinds = e.Object.map(
        (o: { Attribute: Array<{ object_relation: string; value: string }> }) =>
          o.Attribute.find((a) => a.object_relation === "kind")?.value,
      );
      for (const k of ["diplomatic-severance", "expulsion", "sanctions"])
        assert.ok(kinds.includes(k), `no ${k} in ${kinds}`);
      // the same story exported twice is the same event (deterministic uuids)
      assert.equal(
        JSON.stringify(JSON.parse(await exportText(kb, "misp", { incident: september[0]?.id ?? "" }))),
        JSON.stringify(event),
      );
    } finally {
      await kb.close();
    }
  });

  it("names a group the threat-actor galaxy knows by the galaxy's own uuids and tag", {
    skip: SKIP_NO_SHARED,
  }, async () => {
    const kb = await fresh();
    try {
      await kb.import(join(SHARED_DATA, "misp-galaxy/threat-actor.json"));
      await story(
        kb,
        "grid",
        "Ukraine blames Sandworm for grid attack\n\nUkraine's security service said on Tuesday that a cyberattack which cut power in Kyiv on Monday was carried out by Sandworm.\n",
        "2023-03-07",
      );
      const lines = (await exportText(kb, "misp")).trim().split("\n");
      assert.equal(lines.length, 1);
      const event = JSON.parse(lines[0] ?? "{}");
      assert.ok(MispEventSchema.safeParse(event).success);
      const galaxy = event.Event.Galaxy[0];
      assert.equal(galaxy.uuid, "698774c7-8022-42c4-917f-8d6e4f06ada3");
      const sandworm = (await kb.catalogue()).find((x) => x.name === "Sandworm");
      assert.equal(galaxy.GalaxyCluster[0].uuid, sandworm?.entryId);
      assert.equal(galaxy.GalaxyCluster[0].collection_uuid, "7cdff317-a673-4474-84ec-4f1754947823");
      assert.ok(
        event.Event.Tag.some((t: { name: string }) => t.name === 'misp-galaxy:threat-actor="Sandworm"'),
      );
    } finally {
      await kb.close();
    }
  });
});
