/**
 * The HTTP API under load (issue 5, acceptance 4): a `casebook serve` process over a store of
 * CASEBOOK_BENCH_DOCS documents (default 100,000, built as the knowledge benchmark builds it; reused from
 * CASEBOOK_BENCH_DB when that file exists), and autocannon in this process with 50 connections for
 * CASEBOOK_BENCH_SECONDS (default 20) on `/api/incidents?victim=…`, cycling through the most frequent victim
 * countries: p50, p97.5 and p99 latency, requests/s, errors. Those answers come from the server's cache (kept
 * until the knowledge base changes), as they do for analysts sharing a view; a second run of CASEBOOK_BENCH_SECONDS
 * / 2 makes every request a distinct URL, so that every one is computed. Then a loop of single requests (one
 * connection) on the other read endpoints for their p50/p95. Target: p99 ≤ 50 ms with zero errors.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { build } from "./knowledge.bench.ts";
import { NODE_ARGS } from "./node-args.ts";
import type { Benchmark, BenchRow } from "./types.ts";

const MAIN = fileURLToPath(new URL("../src/cli/main.ts", import.meta.url));
const SECONDS = Number(process.env.CASEBOOK_BENCH_SECONDS ?? 20);
const CONNECTIONS = 50;

/** Starts `casebook serve` on a free port and resolves with its address once it listens. */
function serve(db: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, MAIN, "serve", "--db", db, "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, CASEBOOK_DB: "" },
    });
    let out = "";
    let err = "";
    child.stdout?.setEncoding("utf8").on("data", (s: string) => {
      out += s;
      const m = /serving (http:\/\/\S+?)\/?\s/.exec(out);
      if (m?.[1]) resolve({ url: m[1], child });
    });
    child.stderr?.setEncoding("utf8").on("data", (s: string) => {
      err += s;
    });
    child.on("error", reject);
    child.on("close", (code) => reject(new Error(`serve exited with ${code}: ${err.slice(-500)}`)));
  });
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return (await r.json()) as T;
}

/** p50 and p95 of `samples` sequential requests to each path. */
async function sequential(base: string, paths: readonly string[], samples: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const path = paths[i % paths.length] ?? "/api/health";
    const t = performance.now();
    const r = await fetch(base + path);
    await r.arrayBuffer();
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    ms.push(performance.now() - t);
  }
  return ms;
}

/** Milliseconds until a trivial request is answered within 20 ms (the server's queue is empty). */
async function settle(base: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const t = performance.now();
    await (await fetch(`${base}/api/me`)).arrayBuffer();
    if (performance.now() - t < 20 || performance.now() - started > 120_000)
      return performance.now() - started;
  }
}

export const benchmark: Benchmark = {
  title: `HTTP API under load (autocannon, ${CONNECTIONS} connections, ${SECONDS} s)`,
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), "casebook-bench-server-"));
    let child: ChildProcess | undefined;
    try {
      const rows: BenchRow[] = [];
      const db = process.env.CASEBOOK_BENCH_DB ?? join(dir, "large.db");
      if (existsSync(db)) log(`  reusing the store in ${db}`);
      else rows.push(await build(dir, db, log));
      const started = await serve(db);
      child = started.child;
      const base = started.url;
      const stats = await getJson<{
        totals: { sources: number; incidents: number };
        victimAccused: Array<{ victim: string }>;
      }>(`${base}/api/stats`);
      const victims = [...new Set(stats.victimAccused.map((v) => v.victim))].slice(0, 5);
      if (victims.length === 0) victims.push("US");
      log(
        `  serving ${stats.totals.sources.toLocaleString("en-US")} documents (${stats.totals.incidents.toLocaleString("en-US")} incidents) at ${base}; victims ${victims.join(", ")}`,
      );
      const paths = victims.map((v) => `/api/incidents?victim=${v}`);
      let n = 0;
      const result = await autocannon({
        url: base,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          { method: "GET", setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length] ?? "/" }) },
        ],
      });
      const errors = result.errors + result.timeouts + result.non2xx;
      log(
        `  /api/incidents?victim=…: ${result.requests.total} requests, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.average} req/s, ${errors} errors`,
      );
      const note = `${CONNECTIONS} connections, ${SECONDS} s, ${stats.totals.sources.toLocaleString("en-US")} documents`;
      rows.push(
        { name: "/api/incidents?victim=X latency p50", value: result.latency.p50, unit: "ms", note },
        { name: "/api/incidents?victim=X latency p97.5", value: result.latency.p97_5, unit: "ms", note },
        {
          name: "/api/incidents?victim=X latency p99",
          value: result.latency.p99,
          unit: "ms",
          note: "target ≤ 50",
        },
        { name: "/api/incidents?victim=X throughput", value: result.requests.average, unit: "req/s", note },
        {
          name: "/api/incidents?victim=X errors",
          value: errors,
          unit: "requests",
          note: "errors + timeouts + non-2xx; target 0",
        },
      );
      let m = 0;
      const uncached = await autocannon({
        url: base,
        connections: CONNECTIONS,
        duration: Math.max(1, Math.round(SECONDS / 2)),
        requests: [
          { method: "GET", setupRequest: (req) => ({ ...req, path: `${paths[m % paths.length]}&_=${m++}` }) },
        ],
      });
      const uncachedErrors = uncached.errors + uncached.timeouts + uncached.non2xx;
      log(
        `  the same, every URL distinct (no cache): p50 ${uncached.latency.p50} ms, p99 ${uncached.latency.p99} ms, ${uncached.requests.average} req/s, ${uncachedErrors} errors`,
      );
      const note2 = `every request computed (distinct URLs), ${CONNECTIONS} connections`;
      rows.push(
        {
          name: "/api/incidents?victim=X uncached p50",
          value: uncached.latency.p50,
          unit: "ms",
          note: note2,
        },
        {
          name: "/api/incidents?victim=X uncached p99",
          value: uncached.latency.p99,
          unit: "ms",
          note: note2,
        },
        {
          name: "/api/incidents?victim=X uncached throughput",
          value: uncached.requests.average,
          unit: "req/s",
          note: note2,
        },
        {
          name: "/api/incidents?victim=X uncached errors",
          value: uncachedErrors,
          unit: "requests",
          note: note2,
        },
      );
      // Requests the load left queued in the server are still being computed: let them finish, so the single
      // requests below measure an idle server rather than the queue in front of them.
      const drained = await settle(base);
      log(`  the server finished the queued requests in ${(drained / 1000).toFixed(1)} s`);
      const list = await getJson<{ incidents: Array<{ id: string; source: { id: string } }> }>(
        `${base}/api/incidents?victim=${victims[0]}&limit=50`,
      );
      const singles: Array<[string, string[]]> = [
        ["/api/incidents/:id", list.incidents.map((i) => `/api/incidents/${i.id}`)],
        ["/api/sources/:id", list.incidents.map((i) => `/api/sources/${i.source.id}`)],
        [
          "/api/search?q=…",
          ["ransomware", "sanctions", "ministry", "wiper", "denied"].map((q) => `/api/search?q=${q}`),
        ],
        [
          "/api/incidents?accused=…&type=…",
          ["RU", "CN", "IR", "KP"].map((a) => `/api/incidents?accused=${a}&type=ransomware`),
        ],
      ];
      for (const [name, urls] of singles) {
        if (urls.length === 0) continue;
        const ms = await sequential(base, urls, 100);
        log(`  ${name}: p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms`);
        rows.push(
          {
            name: `${name} p50`,
            value: percentile(ms, 50),
            unit: "ms",
            note: "one connection, 100 requests",
          },
          {
            name: `${name} p95`,
            value: percentile(ms, 95),
            unit: "ms",
            note: "one connection, 100 requests",
          },
        );
      }
      const statsMs = await sequential(base, ["/api/stats"], 10);
      rows.push({
        name: "/api/stats p50",
        value: percentile(statsMs, 50),
        unit: "ms",
        note: "10 requests (whole-store aggregates)",
      });
      return rows;
    } finally {
      child?.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
