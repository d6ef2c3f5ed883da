import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Running, startServer, WEB_ROOT } from "../../src/server/index.ts";
import { type Knowledge, loadSampleIfEmpty, openKnowledge } from "../../src/service/index.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Newest modification time under `dir`, in ms. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the web app when it is missing or older than its sources. */
export function ensureWebBuilt(): void {
  const index = join(WEB_ROOT, "index.html");
  const sources = Math.max(newest(join(ROOT, "web/src")), statSync(join(ROOT, "web/index.html")).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "web", "--logLevel", "error"],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}

/** A server on an ephemeral loopback port over a temporary knowledge base loaded with the team's corpus. */
export async function corpusServer(): Promise<{ url: string; kb: Knowledge; stop(): Promise<void> }> {
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), "casebook-web-"));
  const kb = await openKnowledge(join(dir, "kb.db"), { create: true });
  await loadSampleIfEmpty(kb);
  let running: Running;
  try {
    running = await startServer({ kb, port: 0, host: "127.0.0.1" });
  } catch (err) {
    await kb.close();
    throw err;
  }
  return {
    url: running.url,
    kb,
    async stop() {
      await running.close();
      await kb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
