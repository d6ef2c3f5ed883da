/**
 * The queue under faults, with real worker processes on the machine's PostgreSQL: a worker killed with SIGKILL
 * in the middle of a job, the database server restarted during an ingest, and a poison document. Each case
 * checks that the knowledge base ends with exactly what an undisturbed, in-process ingest of the same documents
 * stores: nothing lost, no fact twice.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import pg from "pg";
import { INGEST_QUEUE, openEnqueuer, openQueue } from "../src/jobs/index.ts";
import { openKnowledge } from "../src/service/index.ts";
import { createTestDatabase, SKIP_MESSAGE, type TestDatabase } from "../src/store/postgres/test-database.ts";
import { outletLines } from "./helpers/outlets.ts";
import { runCli } from "./helpers/run-cli.ts";
import { spawnCli } from "./helpers/spawn-cli.ts";

// Short timings, so faults heal within seconds: a job silent for 5 s is taken back, retries wait 1 s, 2 s …
const QUEUE_ENV = { CASEBOOK_JOB_TIMEOUT: "5", CASEBOOK_JOB_RETRY_DELAY: "1", CASEBOOK_JOB_RETRIES: "4" };
Object.assign(process.env, QUEUE_ENV);

const probe = await createTestDatabase("faults");
if (!probe) console.log(`# ${SKIP_MESSAGE}`);
await probe?.drop();

const dir = mkdtempSync(join(tmpdir(), "casebook-faults-"));
const lines = outletLines(8, 2);
const docs = join(dir, "docs.jsonl");
writeFileSync(docs, `${lines.join("\n")}\n`);
const databases: TestDatabase[] = [];
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const d of databases) await d.drop().catch(() => {});
});

async function database(label: string): Promise<TestDatabase> {
  const d = await createTestDatabase(label);
  assert.ok(d);
  databases.push(d);
  return d;
}

/** Queues the documents of `path` in the knowledge base at `url`, in-process. */
async function enqueueAll(url: string, path = docs): Promise<number> {
  const kb = await openKnowledge(url, { create: true });
  const queue = await openEnqueuer(url);
  try {
    const summary = await kb.ingest([path], {
      enqueue: async (doc, where) => {
        await queue.enqueue(doc, where);
      },
    });
    return summary.documents.queued ?? 0;
  } finally {
    await queue.close();
    await kb.close();
  }
}

/** What an undisturbed in-process ingest of the documents stores. */
async function expectedCounts(db: TestDatabase, path = docs) {
  const kb = await openKnowledge(await db.freshSchema(), { create: true });
  try {
    await kb.ingest([path], { workers: 0 });
    return await kb.counts();
  } finally {
    await kb.close();
  }
}

async function countsOf(url: string) {
  const kb = await openKnowledge(url);
  try {
    return await kb.counts();
  } finally {
    await kb.close();
  }
}

async function jobStates(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      "SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state",
      [INGEST_QUEUE],
    );
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  } finally {
    await c.end();
  }
}

async function until(what: string, test: () => Promise<boolean>, seconds = 120): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("queue faults", { skip: probe ? false : SKIP_MESSAGE }, () => {
  it("retries the job of a worker killed mid-job on another worker, and stores no fact twice", async () => {
    const db = await database("kill");
    // more documents than a worker takes in one batch (32), so that it is seen holding jobs after completing
    // some: with fewer, it can take and finish them all between two looks
    const killLines = outletLines(32, 2);
    const killDocs = join(dir, "kill.jsonl");
    writeFileSync(killDocs, `${killLines.join("\n")}\n`);
    const expected = await expectedCounts(db, killDocs);
    assert.equal(await enqueueAll(db.url, killDocs), killLines.length);

    // kill a worker while it holds a job, once it has done a few; the jobs still active once it is dead are
    // the ones it died with (it may finish the job seen a moment before the kill: then try again)
    let held: string[] = [];
    for (let attempt = 1; held.length === 0 && attempt <= 5; attempt++) {
      const victim = spawnCli(["worker", "--db", db.url, "--quiet"], QUEUE_ENV);
      const before = (await jobStates(db.url)).completed ?? 0;
      await until("the worker is in the middle of a job", async () => {
        const s = await jobStates(db.url);
        return (s.completed ?? 0) >= before + 2 && (s.active ?? 0) > 0;
      });
      victim.child.kill("SIGKILL");
      assert.equal((await victim.done).signal, "SIGKILL");
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      held = (
        await c.query("SELECT id::text FROM pgboss.job WHERE name = $1 AND state = 'active'", [INGEST_QUEUE])
      ).rows.map((r) => r.id);
      await c.end();
    }
    assert.ok(held.length > 0, "a worker was killed in the middle of a job");

    const rescuer = await spawnCli(["worker", "--db", db.url, "--exit-when-idle", "--quiet"], QUEUE_ENV).done;
    assert.equal(rescuer.code, 0, rescuer.stderr);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query(
      "SELECT state::text, retry_count FROM pgboss.job WHERE id = ANY($1::uuid[])",
      [held],
    );
    await c.end();
    assert.ok(
      rows.length > 0 && rows.every((r) => r.state === "completed" && r.retry_count >= 1),
      JSON.stringify(rows),
    );
    assert.deepEqual(await countsOf(db.url), expected);
    assert.deepEqual(await jobStates(db.url), { completed: killLines.length });
  });

  it("finishes an ingest across a restart of the PostgreSQL server", async () => {
    const db = await database("restart");
    // enough documents that the workers, which take them in batches, are still at it when the server goes
    const many = join(dir, "many.jsonl");
    const manyLines = outletLines(32, 2);
    writeFileSync(many, `${manyLines.join("\n")}\n`);
    const expected = await expectedCounts(db, many);
    assert.equal(await enqueueAll(db.url, many), manyLines.length);
    const workers = [1, 2].map(() =>
      spawnCli(["worker", "--db", db.url, "--exit-when-idle", "--quiet"], QUEUE_ENV),
    );
    await until("some documents are stored", async () => ((await jobStates(db.url)).completed ?? 0) >= 5);
    const [version] = readdirSync("/etc/postgresql");
    execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", String(version), "main", "restart"], {
      stdio: "ignore",
    });
    const ends = await Promise.all(workers.map((w) => w.done));
    for (const e of ends) assert.equal(e.code, 0, e.stderr);
    assert.ok(
      ends.some((e) => /unavailable|terminat|failed/i.test(e.stderr)),
      "the workers noticed the restart",
    );
    assert.deepEqual(await countsOf(db.url), expected);
    assert.deepEqual(await jobStates(db.url), { completed: manyLines.length });
  });

  it("lists a poison document as failed, with its reason, while the rest is stored", async () => {
    const db = await database("poison");
    const good = join(dir, "good.jsonl");
    writeFileSync(good, `${lines.slice(0, 6).join("\n")}\n`);
    // the queue takes its retry policy when it is created: one retry here
    process.env.CASEBOOK_JOB_RETRIES = "1";
    assert.equal(await enqueueAll(db.url, good), 6);
    process.env.CASEBOOK_JOB_RETRIES = QUEUE_ENV.CASEBOOK_JOB_RETRIES;
    const boss = await openQueue(db.url);
    await boss.send(INGEST_QUEUE, {
      document: { id: "poison-1", sha256: "0".repeat(64), tlp: "clear", text: "Hackers hit the ministry." },
      where: "poison.jsonl:1 (poison-1)",
    });
    await boss.stop({ graceful: false, wait: true });

    const worker = await spawnCli(["worker", "--db", db.url, "--exit-when-idle"], QUEUE_ENV).done;
    assert.equal(worker.code, 0, worker.stderr);
    assert.match(worker.stderr, /failed: The job's document "poison-1" does not match its sha256/);
    // the server's own setting decides whether the worker must warn about it
    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    const autovacuum = (await check.query("SHOW autovacuum")).rows[0]?.autovacuum;
    await check.end();
    assert.equal(/autovacuum is off on this server/.test(worker.stderr), autovacuum === "off", worker.stderr);
    assert.equal((await countsOf(db.url)).sources, 6);
    const failed = await runCli(["jobs", "--failed", "--db", db.url]);
    assert.equal(failed.code, 0, failed.stderr);
    assert.match(
      failed.stdout,
      /poison-1 \(poison\.jsonl:1 \(poison-1\)\) {2}after 2 attempts: The job's document "poison-1" does not match its sha256/,
    );
    assert.equal(failed.stdout.trim().split("\n").length, 1);
    const progress = await runCli(["jobs", "--db", db.url]);
    assert.match(
      progress.stdout,
      /0 queued, 0 waiting to retry, 0 active, 6 completed, 1 failed \(100 % done\)/,
    );
  });
});
