import Fastify, { type FastifyInstance } from "fastify";
import type { Tlp } from "../../model/index.ts";
import type { Knowledge } from "../../service/index.ts";
import { taxiiRoutes } from "./routes.ts";

/** A Fastify server with only the TAXII routes under /taxii2/, for `casebook taxii`. */
export async function taxiiServer(knowledge: Knowledge, clearance?: Tlp): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(taxiiRoutes, { prefix: "/taxii2", knowledge, ...(clearance ? { clearance } : {}) });
  return app;
}
