import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import type { Knowledge } from "../service/index.ts";
import { apiRoutes } from "./api-routes.ts";
import { HttpError } from "./errors.ts";
import { docsPage, openApiDocument } from "./openapi.ts";
import type { Access, ApiRoute } from "./route.ts";
import { adminRoutes } from "./routes/admin.ts";
import { readRoutes } from "./routes/read.ts";
import { writeRoutes } from "./routes/write.ts";
import { securityHeaders } from "./security-headers.ts";
import { taxiiRoutes } from "./taxii/index.ts";

export interface AppOptions {
  kb: Knowledge;
  /** no tokens: every request is the local user (admin, RED); only ever on loopback (see `startServer`) */
  open: boolean;
  /** the built web app (web/dist); absent: the API alone */
  webRoot?: string;
  /** largest request body, bytes (default 12 MB: an HTML page of 10 MB with its JSON quoting) */
  bodyLimit?: number;
  /** ingest calls per token (or address) and minute (default 60) */
  ingestPerMinute?: number;
  /** pino logger options, or false */
  logger?: boolean | Record<string, unknown>;
  version?: string;
}

/** The API routes, in the order they are registered and documented. */
export function allRoutes(open: boolean): ApiRoute[] {
  return [...readRoutes(open), ...writeRoutes(), ...adminRoutes()];
}

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Graph and map libraries set element styles; scripts stay strictly same-origin.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The Casebook server: security headers on every answer, the JSON API under /api (with its OpenAPI description
 * and a docs page), route plugins, and the web app's static files with the app's page for every other path.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 12 * 1024 * 1024,
    logger:
      options.logger === false || options.logger === undefined
        ? false
        : {
            ...(typeof options.logger === "object" ? options.logger : {}),
            // Tokens travel in this header; it never reaches the log.
            redact: ["req.headers.authorization", "headers.authorization"],
          },
    trustProxy: false,
  });
  const headers = securityHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "no-referrer" },
  });
  app.addHook("onRequest", (_req, reply, done) => {
    reply.headers(headers.set);
    for (const name of headers.removed) reply.removeHeader(name);
    done();
  });
  await app.register(rateLimit, { global: false });

  const access = (req: FastifyRequest) => resolveAccess(options.kb, options.open, req);
  const routes = allRoutes(options.open);

  // Route plugins, each under its prefix. TAXII hands each token what its clearance allows.
  await app.register(taxiiRoutes, {
    prefix: "/taxii2",
    knowledge: options.kb,
    clearance: async (req) => (await access(req)).clearance,
  });
  await app.register(apiRoutes, {
    prefix: "/api",
    kb: options.kb,
    routes,
    access,
    ingestPerMinute: options.ingestPerMinute ?? 60,
  });

  const spec = openApiDocument(routes, options.version ?? "0");
  const docs = docsPage(routes);
  app.get("/api/openapi.json", async () => spec);
  app.get("/api/docs", async (_req, reply) => reply.type("text/html; charset=utf-8").send(docs));

  await serveWeb(app, options.webRoot);
  return app;
}

/** Who a request is: the token in `Authorization: Bearer …`, or the local user on an open server. */
async function resolveAccess(kb: Knowledge, open: boolean, req: FastifyRequest): Promise<Access> {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === "") {
    if (open) return { name: "local", role: "admin", clearance: "red" };
    throw new HttpError(
      401,
      "UNAUTHORIZED",
      'This server needs a token: send it as "Authorization: Bearer <token>".',
    );
  }
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = m?.[1] ? await kb.authenticate(m[1]) : null;
  if (!token)
    throw new HttpError(401, "UNAUTHORIZED", "The token is not valid (unknown, revoked or malformed).");
  return { name: token.name, role: token.role, clearance: token.clearance };
}

async function serveWeb(app: FastifyInstance, root: string | undefined): Promise<void> {
  const index = root ? join(root, "index.html") : undefined;
  const hasWeb = index !== undefined && existsSync(index);
  if (hasWeb && root) {
    await app.register(fastifyStatic, { root, wildcard: false, index: false, maxAge: "1h" });
  }
  const page = hasWeb && index ? readFileSync(index, "utf8") : undefined;
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith("/api/") || req.url === "/api" || req.method !== "GET") {
      return reply
        .code(404)
        .send({ error: `There is no ${req.method} ${req.url.split("?")[0]} here.`, code: "NOT_FOUND" });
    }
    if (/\.\w+$/.test(req.url.split("?")[0] ?? "")) {
      return reply.code(404).type("text/plain; charset=utf-8").send("Not found.");
    }
    if (page === undefined) {
      return reply
        .code(404)
        .type("text/plain; charset=utf-8")
        .send(
          "The web app is not built: run `npm run build:web` (npm start does it for you). The API is at /api.",
        );
    }
    // The app routes on the client: every other page is the app's page.
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(page);
  });
}
