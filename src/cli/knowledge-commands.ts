import { DEFAULT_QUOTES, type IncidentFilter } from "../model/knowledge.ts";
import { StoreError } from "../model/store-errors.ts";
import { dbPath, stableStringify, withKnowledge } from "../service/index.ts";
import type { CliIo } from "./io.ts";
import { writeOut } from "./io.ts";
import { type Progress, startProgress } from "./progress.ts";
import { incidentTable, incidentText, partyTable, searchText, statsText } from "./render.ts";

/** The query commands: each opens the knowledge base (which must exist), asks, prints text or --json. */

interface Common {
  db?: string;
  json?: boolean;
}

async function print(io: CliIo, opts: Common, value: unknown, text: () => string): Promise<void> {
  await writeOut(io.stdout, `${opts.json ? stableStringify(value, 2) : text()}\n`);
}

export interface IncidentsOptions extends Common, Omit<IncidentFilter, "limit" | "offset"> {
  limit?: string;
  offset?: string;
}

export async function runIncidents(opts: IncidentsOptions, io: CliIo): Promise<void> {
  const { db, json, limit, offset, ...rest } = opts;
  const filter: IncidentFilter = {
    ...rest,
    ...(limit === undefined ? {} : { limit: Number(limit) }),
    ...(offset === undefined ? {} : { offset: Number(offset) }),
  };
  const list = await withKnowledge(dbPath(db), {}, (kb) => kb.incidents(filter));
  await print(io, { json }, list, () => incidentTable(list, filter.offset ?? 0));
}

export async function runShow(id: string, opts: Common & { quotes?: string }, io: CliIo): Promise<void> {
  const quotes = quotesOption(opts.quotes);
  const incident = await withKnowledge(dbPath(opts.db), {}, (kb) =>
    kb.incident(id, undefined, quotes === "all" ? {} : { quotes }),
  );
  await print(io, opts, incident, () => incidentText(incident, id));
}

/** `--quotes`: a whole number of at least 1, or "all"; the page's default when not given. */
function quotesOption(value: string | undefined): number | "all" {
  if (value === undefined) return DEFAULT_QUOTES;
  if (value.trim().toLowerCase() === "all") return "all";
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new StoreError(
      "BAD_QUERY",
      `The --quotes option takes a number of quotes per fact (1 or more) or "all", not "${value}".`,
    );
  }
  return n;
}

export async function runParties(opts: Common, io: CliIo): Promise<void> {
  const parties = await withKnowledge(dbPath(opts.db), {}, (kb) => kb.parties());
  await print(io, opts, parties, () => partyTable(parties));
}

export async function runStats(opts: Common, io: CliIo): Promise<void> {
  const stats = await withKnowledge(dbPath(opts.db), {}, (kb) => kb.stats());
  await print(io, opts, stats, () => statsText(stats));
}

export async function runSearch(query: string, opts: Common & { limit?: string }, io: CliIo): Promise<void> {
  const limit = opts.limit === undefined ? undefined : Number(opts.limit);
  const hits = await withKnowledge(dbPath(opts.db), {}, (kb) => kb.search(query, limit));
  await print(io, opts, hits, () => searchText(hits));
}

export async function runReprocess(opts: Common, io: CliIo): Promise<void> {
  const db = dbPath(opts.db);
  let progress: Progress | undefined;
  const started = performance.now();
  const result = await withKnowledge(db, {}, async (kb) => {
    try {
      return await kb.reprocess((done, total) => {
        progress ??= startProgress(io, total, "reprocessing");
        progress.update({ documents: done, errors: 0, incidents: 0, claims: 0, responses: 0 });
      });
    } finally {
      progress?.stop();
    }
  });
  const c = result.counts;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.stdout.write(
    `reprocessed ${result.sources} sources in ${db}: ${c.incidents} incidents, ${c.claims} claims, ` +
      `${c.responses} responses; ${result.failures.length} failed in ${seconds} s\n`,
  );
  for (const f of result.failures) io.stderr.write(`failed: ${f.docId} (${f.sourceId}): ${f.reason}\n`);
}
