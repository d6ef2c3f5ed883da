import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

// Ingest runs as separate processes, and what they leave in the database, for the tests of crash safety and of
// concurrent writers.
const root = fileURLToPath(new URL("../..", import.meta.url));
const main = join(root, "src/cli/main.ts");

/** `npx tsx src/cli/main.ts ingest …` in a process group of its own, so that a kill reaches every process. */
export function ingest(
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
export function storedSources(db: string): number {
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
export function snapshot(db: string): Record<string, unknown> {
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
