import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { tempDir } from "./helpers/knowledge-base.ts";
import { runCli } from "./helpers/run-cli.ts";

describe("casebook export, import", () => {
  const tmp = tempDir("casebook-interop-cli-");
  after(() => tmp.cleanup());
  const db = join(tmp.dir, "kb.db");
  const story =
    "Albania blames Iran for cyberattack\n\nAlbania's interior ministry said on Saturday that the national police's " +
    "computer systems were hit on Friday by a cyberattack carried out by Iran. Iran denied it.\n";

  it("exports STIX to a file, MISP and CSV to standard output, and imports the STIX back elsewhere", async () => {
    writeFileSync(join(tmp.dir, "story.txt"), story);
    assert.equal(
      (await runCli(["ingest", join(tmp.dir, "story.txt"), "--published", "2022-09-10", "--db", db])).code,
      0,
    );
    const out = join(tmp.dir, "kb.stix.json");
    const stix = await runCli(["export", "--format", "stix", "--out", out, "--db", db]);
    assert.equal(stix.code, 0, stix.stderr);
    assert.match(stix.stderr, /^exported 1 incidents: \d+ STIX objects, [\d.]+ KB to /);
    assert.equal(JSON.parse(readFileSync(out, "utf8")).type, "bundle");
    const csv = await runCli(["export", "--format", "csv", "--db", db]);
    assert.equal(csv.stdout.split("\r\n")[1]?.split(",")[1], "2022-09-09");
    const misp = await runCli(["export", "--format", "misp", "--db", db]);
    assert.equal(JSON.parse(misp.stdout.trim()).Event.date, "2022-09-09");

    const other = join(tmp.dir, "other.db");
    const imported = await runCli(["import", out, "--db", other]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stderr, /sources read again: 1 new/);
    const again = await runCli(["export", "--format", "stix", "--db", other]);
    assert.equal(again.stdout, readFileSync(out, "utf8"));
  });

  it("says in a sentence why a file cannot be imported, and exits 1", async () => {
    const bad = join(tmp.dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const r = await runCli(["import", bad, "--db", join(tmp.dir, "x.db")]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^casebook: The file "bad\.json" is not valid JSON \(.+\)\.\n$/);
    const unwritable = await runCli(["export", "--out", join(tmp.dir, "no/such/dir/x.json"), "--db", db]);
    assert.equal(unwritable.code, 1);
    assert.match(unwritable.stderr, /^casebook: Casebook cannot write the file ".+x\.json" \(ENOENT\)\.\n$/);
  });
});
