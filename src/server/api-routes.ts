import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { roleAllows } from "../model/index.ts";
import type { Knowledge } from "../service/index.ts";
import { AnswerCache } from "./cache.ts";
import { describeError, HttpError } from "./errors.ts";
import type { Access, ApiRoute } from "./route.ts";

export interface ApiOptions {
  kb: Knowledge;
  routes: ApiRoute[];
  /** who a request is, or an HttpError (401) */
  access(req: FastifyRequest): Promise<Access>;
  /** ingest calls per caller and minute */
  ingestPerMinute: number;
}

/** Registers the API routes: who may call each, its input parsed with its zod schemas, errors as sentences. */
export async function apiRoutes(app: FastifyInstance, opts: ApiOptions): Promise<void> {
  const cache = new AnswerCache();
  for (const r of opts.routes) {
    app.route({
      method: r.method,
      url: r.url,
      ...(r.rateLimited
        ? {
            config: {
              rateLimit: {
                max: opts.ingestPerMinute,
                timeWindow: "1 minute",
                keyGenerator: (req: FastifyRequest) => req.headers.authorization ?? req.ip,
              },
            },
          }
        : {}),
      handler: async (req: FastifyRequest, reply: FastifyReply) => {
        const access = await opts.access(req);
        if (!roleAllows(access.role, r.role)) {
          throw new HttpError(
            403,
            "FORBIDDEN",
            `A ${access.role} token cannot do this; it needs the ${r.role} role or higher.`,
          );
        }
        const key = r.cached ? `${access.clearance}|${req.url}` : undefined;
        const version = key === undefined ? null : await opts.kb.dataVersion();
        const hit = key === undefined ? undefined : cache.get(key, version);
        if (hit !== undefined) {
          reply.code(200).header("cache-control", "no-store").type("application/json; charset=utf-8");
          return reply.send(hit);
        }
        const query = r.query ? r.query.parse(req.query ?? {}) : undefined;
        const params = r.params ? r.params.parse(req.params ?? {}) : undefined;
        const body = r.body ? r.body.parse(req.body ?? {}) : undefined;
        const result = await r.handler({ query, params, body, access, kb: opts.kb });
        reply.code(r.status ?? 200).header("cache-control", "no-store");
        if (key === undefined) return result;
        const text = JSON.stringify(result);
        cache.set(key, version, text);
        return reply.type("application/json; charset=utf-8").send(text);
      },
    });
  }
  app.setErrorHandler((err, req, reply) => {
    const { status, code, error } = describeError(err);
    if (status >= 500) req.log.error({ err }, "request failed");
    reply.code(status).header("cache-control", "no-store").send({ error, code });
  });
}
