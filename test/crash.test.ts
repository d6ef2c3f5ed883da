import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { generatedLines } from "./helpers/generated.ts";

// Acceptance 3 of the knowledge base: kill -9 an ingest of ≥ 10,000 documents midway; the database opens
// cleanly, a rerun completes, and every count equals that of an uninterrupted run. The documents are short
// (headline and three paragraphs of a corpus story, one of another) so that two full runs fit in about a
// minute on two cores: the uninterrupted run goes alongside the interrupted one.
const DOCUMENTS = Number(process.env.CASEBOOK_CRASH_DOCS ?? 10_000);
const root = fileURLToPath(new URL("..", import.meta.url));
const main = join(root, "src/cli/main.ts");
const dir = mkdtempSync(join(tmpdir(), "casebook-crash-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** `npx tsx src/cli/main.ts ingest …` in a process group of its own, so that a kill reaches every process. */
function ingest(
  jsonl: string,
  db: string,
): { child: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  const child = spawn("npx", ["tsx", main, "ingest", jsonl, "--db", db], {
    cwd: root,
    detached: true,
    env: { ...process.env, CASEBOOK_DB: "", CASEBOOK_DEBUG: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.setEncoding("utf8").on("data", (s: string) => {
    out += s;
  });
  child.stderr?.setEncoding("utf8").on("data", (s: string) => {
    out += s;
  });
  const done = new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out }));
  });
  return { child, done };
}

/** How many sources the database holds, read as another process would while the ingest writes. */
function storedSources(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const raw = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (raw.prepare("SELECT count(*) AS n FROM sources").get() as { n: number }).n;
    } finally {
      raw.close();
    }
  } catch {
    return 0; // not created yet, or its schema not yet written
  }
}

const TABLES = [
  "sources",
  "parties",
  "incidents",
  "incident_victims",
  "incident_types",
  "incident_sources",
  "claims",
  "claim_incidents",
  "claim_sources",
  "responses",
  "response_incidents",
  "response_sources",
  "evidence",
  "decisions",
  "audit_log",
];

/** Every table's row count, and digests of the facts' ids and values (ingest times aside). */
function snapshot(db: string): Record<string, unknown> {
  const raw = new Database(db, { readonly: true });
  try {
    const out: Record<string, unknown> = {};
    for (const t of TABLES) out[t] = (raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    const digest = (sql: string) =>
      raw.prepare(`SELECT count(*) AS n, sum(length(x)) AS len, max(x) AS hi FROM (${sql})`).get() as object;
    out.incidentRows = digest(
      "SELECT id || label || coalesce(date_value, '') || victims_json || types_json || coalesce(campaign_id, '') AS x FROM incidents",
    );
    out.claimRows = digest("SELECT id || identity || coalesce(date_value, '') AS x FROM claims");
    out.responseRows = digest("SELECT id || identity || coalesce(date_value, '') AS x FROM responses");
    // the counts the incident list shows, kept on each incident, agree with the rows they count
    out.staleAggregates = (
      raw
        .prepare(
          `SELECT count(*) AS n FROM incidents i WHERE
            claim_count <> (SELECT count(*) FROM claim_incidents WHERE incident_id = i.id)
            OR response_count <> (SELECT count(*) FROM response_incidents WHERE incident_id = i.id)
            OR source_count <> (SELECT count(DISTINCT source_id) FROM incident_sources WHERE incident_id = i.id)
            OR json_array_length(accused_json) <> (SELECT count(DISTINCT c.accused_party_id)
              FROM claim_incidents ci JOIN claims c ON c.id = ci.claim_id WHERE ci.incident_id = i.id)`,
        )
        .get() as { n: number }
    ).n;
    out.campaigns = (
      raw.prepare("SELECT count(DISTINCT campaign_id) AS n FROM incidents").get() as { n: number }
    ).n;
    out.fts = (
      raw.prepare("SELECT count(*) AS n FROM source_fts WHERE source_fts MATCH 'cyberattack'").get() as {
        n: number;
      }
    ).n;
    return out;
  } finally {
    raw.close();
  }
}

describe("crash safety (acceptance 3)", () => {
  it(`survives kill -9 midway through ingesting ${DOCUMENTS.toLocaleString("en-US")} documents`, {
    timeout: 240_000,
  }, async (t) => {
    const jsonl = join(dir, "docs.jsonl");
    const out = createWriteStream(jsonl);
    for (const line of generatedLines(DOCUMENTS, 3, { paragraphs: 3 })) out.write(`${line}\n`);
    await new Promise((resolve) => out.end(resolve));

    const clean = ingest(jsonl, join(dir, "clean.db"));
    const crashed = join(dir, "crashed.db");
    const killed = ingest(jsonl, crashed);
    const threshold = Math.floor(DOCUMENTS / 4);
    let seen = storedSources(crashed);
    while (seen < threshold) {
      assert.equal(killed.child.exitCode, null, "the ingest ended before it could be killed");
      await sleep(100);
      seen = storedSources(crashed);
    }
    const pid = killed.child.pid;
    assert.ok(pid);
    process.kill(-pid, "SIGKILL");
    const ended = await killed.done;
    assert.equal(ended.code, null, "killed, not finished");

    const raw = new Database(crashed);
    assert.equal(raw.pragma("integrity_check", { simple: true }), "ok");
    assert.deepEqual(raw.pragma("foreign_key_check"), []);
    const survived = (raw.prepare("SELECT count(*) AS n FROM sources").get() as { n: number }).n;
    raw.close();
    assert.ok(survived >= seen && survived < DOCUMENTS, `${survived} of ${DOCUMENTS} stored when killed`);

    const rerun = await ingest(jsonl, crashed).done;
    assert.equal(rerun.code, 0, rerun.out);
    assert.match(rerun.out, new RegExp(`: ${DOCUMENTS - survived} new, ${survived} duplicates, 0 failed;`));
    const full = await clean.done;
    assert.equal(full.code, 0, full.out);
    assert.match(full.out, new RegExp(`: ${DOCUMENTS} new, 0 duplicates, 0 failed;`));
    const [a, b] = [snapshot(crashed), snapshot(join(dir, "clean.db"))];
    assert.deepEqual(a, b);
    assert.equal(a.sources, DOCUMENTS);
    assert.equal(a.staleAggregates, 0);
    t.diagnostic(
      `killed with ${survived} documents stored; rerun and uninterrupted run agree: ${JSON.stringify(a)}`,
    );
  });
});
