import { type Enqueuer, openEnqueuer } from "../jobs/index.ts";
import { CasebookError, type Tlp } from "../model/index.ts";
import { dbPath, type IngestSummary, isPostgresUrl, redactUrl, withKnowledge } from "../service/index.ts";
import type { CliIo } from "./io.ts";
import { type Progress, startProgress } from "./progress.ts";

export interface IngestCommandOptions {
  db?: string;
  tlp?: Tlp;
  published?: string;
  queue?: boolean;
}

/** Failures listed one by one; past this many, only their number. */
const LISTED_FAILURES = 50;

/**
 * `casebook ingest PATH…`: every document under the paths into the knowledge base, with a progress bar on
 * stderr, a summary line on stdout and each failure, with its reason, on stderr. Exits 1 when any failed.
 */
export async function runIngest(paths: string[], opts: IngestCommandOptions, io: CliIo): Promise<void> {
  const db = dbPath(opts.db);
  let progress: Progress | undefined;
  if (opts.queue && !isPostgresUrl(db)) {
    throw new CasebookError(
      "BAD_FIELD",
      "--queue needs a PostgreSQL knowledge base (--db postgres://… or CASEBOOK_DB): workers on other machines cannot reach a file.",
    );
  }
  const queue: Enqueuer | undefined = opts.queue ? await openEnqueuer(db) : undefined;
  const summary = await withKnowledge(db, { create: true }, async (kb) => {
    try {
      return await kb.ingest(paths, {
        ...(queue === undefined
          ? {}
          : {
              enqueue: async (doc, where) => {
                await queue.enqueue(doc, where);
              },
            }),
        ...(opts.tlp === undefined ? {} : { tlp: opts.tlp }),
        ...(opts.published === undefined ? {} : { published: opts.published }),
        onProgress: (p) => {
          progress ??= startProgress(io, p.total, "ingesting");
          progress.update({ documents: p.done, errors: p.failed, incidents: 0, claims: 0, responses: 0 });
        },
      });
    } finally {
      progress?.stop();
      await queue?.close();
    }
  });
  io.stdout.write(`${describeIngest(summary, db)}\n`);
  for (const f of summary.failures.slice(0, LISTED_FAILURES))
    io.stderr.write(`failed: ${f.where}: ${f.reason}\n`);
  if (summary.failures.length > LISTED_FAILURES) {
    io.stderr.write(`failed: … and ${summary.failures.length - LISTED_FAILURES} more\n`);
  }
  const d = summary.documents;
  const all = d.new + d.duplicate + d.failed + (d.queued ?? 0);
  if (all === 0) {
    throw new CasebookError(
      "NOT_FOUND",
      "No documents were found to ingest (text, HTML, JSONL or RSS/Atom files).",
    );
  }
  if (d.failed === all) {
    throw new CasebookError("BAD_FIELD", "No document could be ingested (see the reasons above).");
  }
  if (d.failed > 0) {
    throw new CasebookError(
      "BAD_FIELD",
      `Of the ${all} documents, ${d.failed} could not be ingested (see the reasons above); the others were.`,
    );
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "9 incidents (7 new, 2 merged)": the reports of a kind of fact, and what they did. */
function reported(n: { new: number; merged: number }, word: string): string {
  const all = n.new + n.merged;
  return all === 0 ? plural(0, word) : `${plural(all, word)} (${n.new} new, ${n.merged} merged)`;
}

/**
 * "ingested 13 documents into ./casebook.db: 7 new, 1 duplicate, 5 failed; 9 incidents (7 new, 2 merged), …
 * in 0.4 s"
 */
export function describeIngest(s: IngestSummary, db: string): string {
  const d = s.documents;
  const facts = [
    reported(s.incidents, "incident"),
    reported(s.claims, "claim"),
    reported(s.responses, "response"),
  ].join(", ");
  const skipped = s.skipped > 0 ? ` (${plural(s.skipped, "file")} of other kinds skipped)` : "";
  if (d.queued !== undefined) {
    return (
      `queued ${plural(d.queued, "document")} for the workers of ${redactUrl(db)}: ${d.duplicate} already ` +
      `stored, ${d.failed} failed in ${s.seconds.toFixed(1)} s${skipped}`
    );
  }
  return (
    `ingested ${plural(d.new + d.duplicate + d.failed, "document")} into ${redactUrl(db)}: ${d.new} new, ` +
    `${d.duplicate} ${d.duplicate === 1 ? "duplicate" : "duplicates"}, ${d.failed} failed; ${facts} ` +
    `in ${s.seconds.toFixed(1)} s${skipped}`
  );
}
