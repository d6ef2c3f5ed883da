import { isIP } from "node:net";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { CasebookError } from "../model/index.ts";
import type { Knowledge } from "../service/index.ts";
import { buildApp } from "./app.ts";

/** Where `npm run build:web` writes the web app. */
export const WEB_ROOT = fileURLToPath(new URL("../../web/dist/", import.meta.url));

export interface ServeOptions {
  kb: Knowledge;
  port?: number;
  host?: string;
  webRoot?: string;
  logger?: boolean | Record<string, unknown>;
  ingestPerMinute?: number;
  bodyLimit?: number;
}

export interface Running {
  app: FastifyInstance;
  url: string;
  /** true when the server runs without tokens */
  open: boolean;
  close(): Promise<void>;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  if (h === "localhost") return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  return h === "::1";
}

/**
 * Starts the server. Without any token it runs open (everyone is the local admin) — and only on a loopback
 * address: bound anywhere else it refuses to start until a token exists.
 */
export async function startServer(options: ServeOptions): Promise<Running> {
  const host = options.host ?? "127.0.0.1";
  const tokens = (await options.kb.tokens()).filter((t) => t.revokedAt === undefined);
  const open = tokens.length === 0;
  if (open && !isLoopback(host)) {
    throw new CasebookError(
      "BAD_FIELD",
      `Casebook will not serve ${host} without access tokens, since anyone who can reach it could read and ` +
        `change everything; create one with "casebook token create --name NAME --role admin --tlp red", ` +
        "or serve on 127.0.0.1.",
    );
  }
  const app = await buildApp({
    kb: options.kb,
    open,
    webRoot: options.webRoot ?? WEB_ROOT,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.ingestPerMinute === undefined ? {} : { ingestPerMinute: options.ingestPerMinute }),
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    version: "0.1.0",
  });
  const address = await app.listen({ port: options.port ?? 8787, host });
  const url = address.replace("://[::1]", "://localhost").replace(/\/$/, "");
  return { app, url: `${url}/`, open, close: () => app.close() };
}
