import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Knowledge } from "../src/service/index.ts";
import { corpusKnowledge, exportText, tempDir } from "./helpers/knowledge-base.ts";

const stamp = { created: "2024-01-01T00:00:00.000Z", modified: "2024-01-01T00:00:00.000Z" };
const id = (type: string, n: number) => `${type}--${String(n).padStart(8, "0")}-1111-4222-8333-444455556666`;
const group = (n: number, name: string, extra: Record<string, unknown> = {}) => ({
  type: "intrusion-set",
  spec_version: "2.1",
  id: id("intrusion-set", n),
  ...stamp,
  name,
  ...extra,
});

describe("importing hostile or broken files", () => {
  const tmp = tempDir("casebook-hostile-");
  let kb: Knowledge;
  let counts: unknown;
  let catalogue: number;
  before(async () => {
    kb = await corpusKnowledge(tmp.dir);
    counts = await kb.counts();
    catalogue = (await kb.catalogue()).length;
  });
  after(async () => {
    await kb.close();
    tmp.cleanup();
  });
  const file = (name: string, content: string | Buffer) => {
    const path = join(tmp.dir, name);
    writeFileSync(path, content);
    return path;
  };
  /** The import fails with `code` and a sentence, and the knowledge base is exactly as it was. */
  const refused = async (path: string, code: string, words: RegExp) => {
    await assert.rejects(
      () => kb.import(path),
      (err: Error & { code?: string }) => {
        assert.equal(err.code, code);
        assert.match(err.message, words);
        assert.match(err.message, /\.$/);
        return true;
      },
    );
    assert.deepEqual(await kb.counts(), counts);
    assert.equal((await kb.catalogue()).length, catalogue);
  };

  it("refuses invalid JSON, binary files, non-bundles and STIX 2.0 bundles, and changes nothing", async () => {
    await refused(
      file("broken.json", '{"type": "bundle", "objects": [ {"type": '),
      "BAD_JSON",
      /not valid JSON/,
    );
    await refused(file("binary.json", Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x00])), "BAD_JSON", /not UTF-8/);
    await refused(file("array.json", "[]"), "NOT_A_BUNDLE", /neither a STIX bundle/);
    await refused(file("empty.json", ""), "BAD_JSON", /not valid JSON/);
    await refused(
      file(
        "old.json",
        JSON.stringify({ type: "bundle", id: id("bundle", 1), spec_version: "2.0", objects: [] }),
      ),
      "WRONG_SPEC_VERSION",
      /STIX 2\.0/,
    );
    await refused(join(tmp.dir, "nowhere.json"), "NOT_FOUND", /does not exist/);
  });

  it("refuses a bundle of a million tiny objects with a clear error, before storing any of it", async () => {
    const tiny = Array.from({ length: 1_000_000 }, (_, i) => `{"type":"x-tiny","id":"${id("x-tiny", i)}"}`);
    const path = file(
      "million.json",
      `{"type":"bundle","id":"${id("bundle", 2)}","objects":[${tiny.join(",")}]}`,
    );
    await refused(path, "TOO_MANY_OBJECTS", /1,000,000 objects/);
  });

  it("drops __proto__ keys, skips references to missing objects and objects of another version, with counts", async () => {
    const text = `{"type":"bundle","id":"${id("bundle", 3)}","objects":[
      ${JSON.stringify(group(1, "Velvet Harbor Crew", { aliases: ["VHC-9"] }))},
      {"type":"intrusion-set","spec_version":"2.1","id":"${id("intrusion-set", 2)}","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Polluter","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}},
      ${JSON.stringify(group(3, "Old Format Group", { spec_version: "2.0" }))},
      ${JSON.stringify({ type: "relationship", spec_version: "2.1", id: id("relationship", 4), ...stamp, relationship_type: "revoked-by", source_ref: id("intrusion-set", 1), target_ref: id("intrusion-set", 99) })},
      ${JSON.stringify({ type: "malware", spec_version: "2.1", id: id("malware", 5), ...stamp, name: "x", is_family: true })},
      {"no": "type"}
    ]}`;
    const s = await kb.import(file("mixed.json", text));
    assert.equal(({} as Record<string, unknown>).polluted, undefined, "Object.prototype was polluted");
    assert.equal(s.droppedKeys, 3); // __proto__, constructor and the prototype inside it
    assert.deepEqual(s.skipped, {
      "spec_version 2.0 (not 2.1)": 1,
      "relationship to an object the bundle lacks": 1,
      "malware: not kept (no source text to quote)": 1,
      "not a STIX object (no type or id)": 1,
    });
    const names = (await kb.catalogue()).map((e) => [e.name, e.revokedBy]);
    assert.deepEqual(names.slice(-2), [
      ["Velvet Harbor Crew", undefined],
      ["Polluter", undefined],
    ]);
    assert.deepEqual(await kb.counts(), counts, "a catalogue import adds no facts");
  });

  it("does not read a Casebook source whose text no longer matches its fingerprint", async () => {
    const bundle = JSON.parse(await exportText(kb, "stix"));
    const report = bundle.objects.find((o: { type: string }) => o.type === "report");
    const source = Object.values(report.extensions as Record<string, { text: string }>)[0] as {
      text: string;
    };
    source.text = `${source.text} (altered)`;
    const target = await corpusKnowledgeEmpty();
    try {
      const s = await target.import(file("altered.json", JSON.stringify(bundle)));
      assert.equal(s.skipped["report whose text does not match its sha256"], 1);
      assert.equal(s.sources?.documents.new, 62);
    } finally {
      await target.close();
    }
  });

  async function corpusKnowledgeEmpty(): Promise<Knowledge> {
    const { openKnowledge } = await import("../src/service/index.ts");
    return openKnowledge(join(tmp.dir, "empty.db"), { create: true });
  }
});
