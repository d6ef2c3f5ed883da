import type { z } from "zod";
import type { Role, Tlp } from "../model/index.ts";
import type { Knowledge } from "../service/index.ts";

/** Who is asking: the token's name, role and clearance (in open mode: the local user, admin, RED). */
export interface Access {
  name: string;
  role: Role;
  clearance: Tlp;
}

export interface RouteContext<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  access: Access;
  kb: Knowledge;
}

/**
 * One endpoint of the API: its parsing, its documentation and the least role that may call it, in one place.
 * `src/server/api-routes.ts` registers them and `openapi.ts` describes them from the same definitions.
 */
export interface ApiRoute<Q = unknown, P = unknown, B = unknown> {
  method: "GET" | "POST" | "DELETE";
  /** Fastify path under /api, e.g. "/incidents/:id" */
  url: string;
  summary: string;
  tag: string;
  role: Role;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  body?: z.ZodType<B>;
  response: z.ZodType;
  /** HTTP status of a success (200 unless told) */
  status?: number;
  /** limits calls per token and minute (ingest) */
  rateLimited?: boolean;
  /** the answer depends only on the URL, the caller's clearance and the knowledge base: kept until it changes */
  cached?: boolean;
  handler(ctx: RouteContext<Q, P, B>): Promise<unknown>;
}

/** Declares a route with its types inferred from its schemas. */
export function route<Q = undefined, P = undefined, B = undefined>(r: ApiRoute<Q, P, B>): ApiRoute {
  return r as unknown as ApiRoute;
}
