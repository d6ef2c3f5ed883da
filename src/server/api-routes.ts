import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { roleAllows } from "../model/index.ts";
import type { Knowledge } from "../service/index.ts";
import { AnswerCache, type CachedAnswer, matchesEtag } from "./cache.ts";
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
  const inFlight = new Map<string, Promise<CachedAnswer>>();
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
        if (hit !== undefined) return sendAnswer(req, reply, hit, 200);
        const compute = async () => {
          const query = r.query ? r.query.parse(req.query ?? {}) : undefined;
          const params = r.params ? r.params.parse(req.params ?? {}) : undefined;
          const body = r.body ? r.body.parse(req.body ?? {}) : undefined;
          return r.handler({ query, params, body, access, kb: opts.kb });
        };
        if (key === undefined) {
          const result = await compute();
          reply.code(r.status ?? 200).header("cache-control", "no-store");
          return result;
        }
        // Requests for the same answer while it is being computed wait for that computation instead of
        // repeating it.
        const flightKey = `${version}|${key}`;
        let flight = inFlight.get(flightKey);
        if (!flight) {
          flight = compute()
            .then((result) => cache.set(key, version, JSON.stringify(result)))
            .finally(() => inFlight.delete(flightKey));
          inFlight.set(flightKey, flight);
        }
        return sendAnswer(req, reply, await flight, r.status ?? 200);
      },
    });
  }
  app.setErrorHandler((err, req, reply) => {
    const { status, code, error } = describeError(err);
    if (status >= 500) req.log.error({ err }, "request failed");
    reply.code(status).header("cache-control", "no-store").send({ error, code });
  });
}

/**
 * Sends a kept answer's bytes, tagged, so that a client holding the same answer (a script polling the API) is
 * told 304 instead of being sent it again. Browsers still may not store it: answers can quote RED sources.
 */
function sendAnswer(req: FastifyRequest, reply: FastifyReply, answer: CachedAnswer, status: number) {
  reply.header("cache-control", "no-store").header("etag", answer.etag);
  if (matchesEtag(req.headers["if-none-match"], answer.etag)) return reply.code(304).send();
  return reply.code(status).type("application/json; charset=utf-8").send(answer.body);
}
