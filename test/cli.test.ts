import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { assertSentence } from "./helpers/sentence-error.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const main = join(root, "src/cli/main.ts");

/**
 * Runs the CLI as a user would, in a child process: exit codes and stream separation are part of the contract.
 * Asynchronous, so the suites below can run their cases side by side.
 */
function casebook(
  args: string[],
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", main, ...args], {
      cwd: root,
      env: { ...process.env, CASEBOOK_DEBUG: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      stderr += s;
    });
    child.on("error", reject);
    // A child killed by a signal has no exit code; naming the signal in both streams puts it in any failure.
    child.on("close", (code, signal) => {
      const killed = signal ? `\n(killed by ${signal})` : "";
      resolve({ code, stdout: stdout + killed, stderr: stderr + killed });
    });
    child.stdin.end(input ?? "");
  });
}

const concurrent = { concurrency: true };

let dir = "";
before(() => {
  dir = mkdtempSync(join(tmpdir(), "casebook-cli-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const goodLine = JSON.stringify({
  id: "tirana-1",
  title: "Albania says police systems attacked",
  published: "2022-09-10",
  text: "Albania says police systems attacked\n\nThe interior ministry said on Friday that police computer systems had been hit.",
});
const batch = [
  goodLine,
  '{"id": "half-written", "text": "no closing brace"',
  JSON.stringify({ id: "feb-30", published: "2022-02-30", text: "A story with an impossible date." }),
  JSON.stringify({ id: "blank", published: "2022-09-10", text: "" }),
  JSON.stringify({
    id: "after",
    published: "2022-09-10",
    text: "Headline\n\nThe batch went on after the bad lines.",
  }),
].join("\n");

describe("casebook extract --input (batch)", concurrent, () => {
  it("writes a record or an error record for every line, in order, and goes on", async () => {
    const input = join(dir, "docs.jsonl");
    const output = join(dir, "records.jsonl");
    writeFileSync(input, `${batch}\n`);
    const r = await casebook(["extract", "--input", input, "--output", output]);
    assert.equal(r.code, 0, r.stderr);
    const lines = readFileSync(output, "utf8").trimEnd().split("\n");
    const records = lines.map((l) => JSON.parse(l));
    assert.deepEqual(
      records.map((x) => x.document.id),
      ["tirana-1", "line-2", "feb-30", "blank", "after"],
    );
    assert.equal(records[0].document.sha256.length, 64);
    assert.deepEqual([records[0].incidents, records[4].claims].map(Array.isArray), [true, true]);
    assert.equal(records[1].code, "BAD_JSON");
    assert.equal(records[2].code, "BAD_DATE");
    assert.match(records[2].error, /2022-02-30.*does not exist/);
    assert.equal(records[3].code, "EMPTY_INPUT");
    assert.match(records[3].error, /empty/);
    for (const e of records.slice(1, 4)) assertSentence(e.error);
    assert.match(
      r.stderr,
      /extracted 5 documents \(3 errors\): \d+ incidents?, \d+ claims?, \d+ responses? in [\d.]+ s/,
    );
  });

  it("reads standard input and writes standard output, byte-identical on a second run", async () => {
    const first = await casebook(["extract", "--input", "-"], batch);
    const second = await casebook(["extract", "--input", "-"], batch);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout.split("\n").length, 6);
    assert.equal(first.stdout, second.stdout);
  });

  it("writes the same lines whatever --batch says, and refuses a batch size that is no whole number", async () => {
    const whole = await casebook(["extract", "--input", "-"], batch);
    const ones = await casebook(["extract", "--input", "-", "--batch", "1"], batch);
    const twos = await casebook(["extract", "--input", "-", "--batch", "2"], batch);
    assert.equal(ones.code, 0, ones.stderr);
    assert.equal(ones.stdout, whole.stdout);
    assert.equal(twos.stdout, whole.stdout);
    const zero = await casebook(["extract", "--input", "-", "--batch", "0"], batch);
    assert.equal(zero.code, 1);
    assert.match(zero.stderr, /--batch takes a whole number from 1 to 10000, not "0"\./);
    const alone = await casebook(["extract", "a.txt", "--batch", "8"]);
    assert.match(alone.stderr, /--batch applies to a batch only/);
  });

  it("reads a CRLF file with a byte-order mark and reports a line of invalid UTF-8", async () => {
    const input = join(dir, "mixed.jsonl");
    const bad = Buffer.from(
      JSON.stringify({ id: "latin1", published: "2022-09-10", text: "Caf\u00e9" }),
      "latin1",
    );
    writeFileSync(
      input,
      Buffer.concat([Buffer.from("\uFEFF"), Buffer.from(`${goodLine}\r\n`), bad, Buffer.from("\r\n")]),
    );
    const r = await casebook(["extract", "--input", input]);
    assert.equal(r.code, 0, r.stderr);
    const records = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.equal(records[0].document.id, "tirana-1");
    assert.deepEqual(records[1], {
      document: { id: "latin1" },
      error: "Line 2 is not valid UTF-8.",
      code: "INVALID_UTF8",
    });
  });

  it("refuses a missing input file with a sentence", async () => {
    const r = await casebook(["extract", "--input", join(dir, "nowhere.jsonl")]);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /^casebook: The input file ".*nowhere\.jsonl" does not exist or cannot be read\.\n$/,
    );
  });
});

describe("casebook extract FILE (single)", concurrent, () => {
  it("prints one pretty record", async () => {
    const file = join(dir, "story.txt");
    writeFileSync(file, "Ministry site defaced\n\nThe ministry said its website was defaced on Tuesday.\n");
    const r = await casebook([
      "extract",
      file,
      "--published",
      "2021-11-02",
      "--url",
      "https://example.org/s",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const record = JSON.parse(r.stdout);
    assert.deepEqual(
      { id: record.document.id, title: record.document.title, url: record.document.url },
      { id: "story", title: "Ministry site defaced", url: "https://example.org/s" },
    );
    assert.match(r.stdout, /^{\n {2}"document": {\n {4}"id": "story",/);
  });

  it("reads an HTML page with its own date", async () => {
    const r = await casebook(["extract", join(root, "test/fixtures/html/article.html")]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).document.published, "2023-03-14");
  });

  it("refuses a missing file with a sentence and exit code 1, without a stack trace", async () => {
    const r = await casebook(["extract", join(dir, "missing.txt"), "--published", "2022-09-10"]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^casebook: The file ".*missing\.txt" does not exist\.\n$/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  for (const [name, content, args, pattern] of [
    ["an empty file", "", ["--published", "2022-09-10"], /The text is empty\./],
    ["a file without a date", "Some text.", [], /publication date is missing/],
    ["an impossible date", "Some text.", ["--published", "2022-13-01"], /does not exist/],
    ["a binary file", "\u0000\u0001\u0002PNG", ["--published", "2022-09-10"], /binary/],
    [
      "a page without a body",
      "<html><body><nav></nav></body></html>",
      ["--format", "html", "--published", "2022-09-10"],
      /no article body/,
    ],
  ] as const) {
    it(`refuses ${name} with a sentence`, async () => {
      const file = join(dir, `case-${name.replace(/\W+/g, "-")}`);
      writeFileSync(file, content);
      const r = await casebook(["extract", file, ...args]);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, pattern);
      assertSentence(r.stderr.replace(/^casebook: /, "").trimEnd());
    });
  }

  it("refuses both forms at once, and neither", async () => {
    const both = await casebook(["extract", "a.txt", "--input", "b.jsonl"]);
    assert.match(both.stderr, /either a FILE or --input, not both/);
    const neither = await casebook(["extract"]);
    assert.match(neither.stderr, /Give a FILE to extract/);
  });
});

describe("casebook corpus", concurrent, () => {
  it("prints a table of a corpus folder and its totals", async () => {
    const corpus = join(dir, "corpus");
    mkdirSync(corpus);
    writeFileSync(
      join(corpus, "001-one.txt"),
      "Port hit by ransomware\n\nThe port said ransomware stopped its booking system.\n",
    );
    writeFileSync(join(corpus, "001-one.json"), JSON.stringify({ id: "001-one", published: "2023-03-14" }));
    const r = await casebook(["corpus", "--corpus", corpus]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /story\s+inc\s+claims\s+resp\s+first incident/);
    assert.match(r.stdout, /^001-one\s+\d+\s+\d+\s+\d+/m);
    assert.match(r.stdout, /1 story: \d+ incidents, \d+ claims, \d+ responses, 0 errors/);
  });

  it("explains an empty corpus folder", async () => {
    const empty = join(dir, "empty-corpus");
    mkdirSync(empty);
    const r = await casebook(["corpus", "--corpus", empty]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^casebook: No stories .* were found in ".*empty-corpus"\.\n$/);
  });
});

describe("casebook --help", concurrent, () => {
  it("describes the commands", async () => {
    const r = await casebook(["--help"]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /extract \[options\] \[FILE\]/);
    assert.match(r.stdout, /start/);
  });
});
