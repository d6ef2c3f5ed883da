import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CasebookError } from "../model/index.ts";
import { startServer, WEB_ROOT } from "../server/index.ts";
import { dbPath, loadSampleIfEmpty, openKnowledge } from "../service/index.ts";
import type { CliIo } from "./io.ts";

export interface ServeOptions {
  db?: string;
  port?: string;
  host?: string;
}

/** `casebook serve`: the API and the web app until interrupted. */
export async function runServe(opts: ServeOptions, io: CliIo): Promise<void> {
  const kb = await openKnowledge(dbPath(opts.db));
  await serveUntilStopped(kb, opts, io);
}

/**
 * `casebook start` (`npm start`): builds the web app if it is missing, loads the bundled sample stories into
 * the knowledge base when it is empty (creating it), and serves.
 */
export async function runAppStart(opts: ServeOptions, io: CliIo): Promise<void> {
  if (!existsSync(join(WEB_ROOT, "index.html"))) {
    io.stderr.write("casebook: building the web app (once) …\n");
    const root = fileURLToPath(new URL("../../", import.meta.url));
    execFileSync(
      process.execPath,
      [join(root, "node_modules/vite/bin/vite.js"), "build", "web", "--logLevel", "warn"],
      {
        cwd: root,
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
  }
  const path = dbPath(opts.db);
  const kb = await openKnowledge(path, { create: true });
  const loaded = await loadSampleIfEmpty(kb);
  if (loaded) {
    io.stderr.write(
      `casebook: ${path} was empty; loaded the ${loaded.documents.new} bundled sample stories ` +
        `(${loaded.incidents.new} incidents).\n`,
    );
  }
  await serveUntilStopped(kb, opts, io);
}

async function serveUntilStopped(
  kb: Awaited<ReturnType<typeof openKnowledge>>,
  opts: ServeOptions,
  io: CliIo,
): Promise<void> {
  const port = opts.port === undefined ? 8787 : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    await kb.close();
    throw new CasebookError("BAD_FIELD", `The port "${opts.port}" is not a number from 0 to 65535.`);
  }
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({ kb, port, ...(opts.host ? { host: opts.host } : {}), logger: false });
  } catch (err) {
    await kb.close();
    throw err;
  }
  io.stdout.write(
    `Casebook is serving ${running.url}  (API: ${running.url}api/docs)\n${
      running.open
        ? "No access tokens exist, so the server is open to anyone on this machine (it listens on loopback only).\n"
        : "Every request needs an access token (casebook token create).\n"
    }`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await running.close();
  await kb.close();
}
