import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { runCli } from "./helpers/run-cli.ts";
import { ensureWebBuilt } from "./helpers/web-server.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "casebook-start-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** `npm start` runs `casebook start`: what a first-time user gets from the README's two commands. */
describe("casebook start (npm start)", () => {
  it("loads the sample stories into an empty knowledge base, serves the app and prints its address", {
    timeout: 120_000,
  }, async () => {
    ensureWebBuilt();
    const db = join(dir, "casebook.db");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "start", "--db", db, "--port", "0"],
      {
        cwd: ROOT,
        env: { ...process.env, CASEBOOK_DB: "" },
      },
    );
    try {
      let out = "";
      let err = "";
      child.stderr.setEncoding("utf8").on("data", (s: string) => {
        err += s;
      });
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding("utf8").on("data", (s: string) => {
          out += s;
          const m = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.on("close", (code) => reject(new Error(`start exited with ${code}: ${err}`)));
      });
      assert.match(err, /was empty; loaded the 63 bundled sample stories/);
      assert.match(out, /open to anyone on this machine/);
      const page = await fetch(`${url}incidents`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<main id="main"/);
      const list = (await fetch(`${url}api/incidents`).then((r) => r.json())) as { total: number };
      assert.ok(list.total > 50, `incidents: ${list.total}`);
    } finally {
      child.kill("SIGTERM");
    }
    // A second start finds the knowledge base filled and leaves it as it is.
    const again = await runCli(["incidents", "--db", db, "--json"]);
    assert.equal(again.code, 0, again.stderr);
  });

  it("refuses to serve beyond loopback without tokens, with a sentence", async () => {
    const r = await runCli(["serve", "--db", join(dir, "casebook.db"), "--host", "0.0.0.0", "--port", "0"]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^casebook: Casebook will not serve 0\.0\.0\.0 without access tokens, .*\.\n$/);
  });

  it("creates a token, prints it once and keeps only its hash", async () => {
    const db = join(dir, "casebook.db");
    const r = await runCli([
      "token",
      "create",
      "--name",
      "desk",
      "--role",
      "reader",
      "--tlp",
      "amber",
      "--db",
      db,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const secret = r.stdout.trim();
    assert.match(secret, /^cb_[\w-]{40,}$/);
    assert.match(r.stderr, /only time its secret is shown/);
    const listed = await runCli(["token", "list", "--db", db]);
    assert.match(listed.stdout, /reader\s+amber\s+desk/);
    assert.ok(!listed.stdout.includes(secret));
  });
});
