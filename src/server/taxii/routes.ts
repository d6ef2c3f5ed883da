import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { Tlp } from "../../model/index.ts";
import { type Knowledge, taxiiProtocol as taxii } from "../../service/index.ts";

export interface TaxiiRoutesOptions {
  knowledge: Knowledge;
  /**
   * The most restricted TLP the server hands out (default clear), or, behind access tokens, the clearance of
   * the request's token; a function that throws an error carrying a `status` (401, 403) answers with that status
   * in TAXII's error envelope.
   */
  clearance?: Tlp | ((req: FastifyRequest) => Promise<Tlp>);
}

/**
 * TAXII 2.1, read-only, as a Fastify plugin: register it with `{ prefix: "/taxii2" }`. Discovery, the API root,
 * its one collection (the knowledge base as STIX), the collection's objects, manifest, an object by id and its
 * versions; filters added_after, limit/next, match[id|type|version|spec_version]; the X-TAXII-Date-Added-First
 * and -Last headers; the spec's error envelopes for a wrong Accept header (406), an unknown collection or
 * object (404), a malformed filter (400), and writes (405: the collection is not writable).
 */
export const taxiiRoutes: FastifyPluginAsync<TaxiiRoutesOptions> = async (app, opts) => {
  const given = opts.clearance ?? "clear";
  const clearanceOf = typeof given === "function" ? given : async () => given;
  const collection = opts.knowledge.taxii();
  const entries = async (req: FastifyRequest) => collection.entries(await clearanceOf(req));

  const send = (reply: FastifyReply, status: number, body: unknown) =>
    // a Buffer, so that Fastify sends the media type exactly as TAXII writes it (no charset appended)
    reply
      .code(status)
      .header("content-type", taxii.TAXII_MEDIA_TYPE)
      .send(Buffer.from(JSON.stringify(body)));
  const error = (reply: FastifyReply, status: number, title: string, description?: string) =>
    send(reply, status, taxii.taxiiError(status, title, description));

  // a write is refused whatever its body says, so any body is taken as it comes
  app.addContentTypeParser("*", { parseAs: "string" }, (_req, body, done) => done(null, body));
  app.addHook("onRequest", async (req, reply) => {
    if (!taxii.acceptsTaxii(req.headers.accept))
      return error(
        reply,
        406,
        "Not Acceptable",
        `This server answers with ${taxii.TAXII_MEDIA_TYPE}; the request accepts only "${req.headers.accept}".`,
      );
    await clearanceOf(req); // behind tokens, every TAXII resource needs one (401 in TAXII's envelope)
  });
  app.setNotFoundHandler((req, reply) =>
    error(reply, 404, "Not Found", `There is no TAXII resource at ${req.url.split("?")[0]}.`),
  );
  app.setErrorHandler((err, _req, reply) => {
    const status = (err as { status?: unknown }).status;
    if (status === 401 || status === 403)
      return error(reply, status, status === 401 ? "Unauthorized" : "Forbidden", (err as Error).message);
    return error(reply, 500, "Internal Server Error", err instanceof Error ? err.message : String(err));
  });

  const base = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
  const root = `/${taxii.API_ROOT}`;
  const col = `${root}/collections/:id`;
  const knownCollection = (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    if (req.params.id === taxii.COLLECTION_ID) return true;
    void error(
      reply,
      404,
      "Collection Not Found",
      `There is no collection "${req.params.id}" in this API root.`,
    );
    return false;
  };
  const query = (req: FastifyRequest, reply: FastifyReply) => {
    const q = taxii.parseTaxiiQuery(req.query as Record<string, unknown>, taxii.MAX_PAGE, taxii.DEFAULT_PAGE);
    if ("problem" in q) {
      void error(reply, 400, "Bad Request", q.problem);
      return undefined;
    }
    return q;
  };
  const dated = (reply: FastifyReply, page: taxii.TaxiiPage) => {
    if (page.first) reply.header("X-TAXII-Date-Added-First", page.first);
    if (page.last) reply.header("X-TAXII-Date-Added-Last", page.last);
  };

  app.get("/", async (req, reply) => send(reply, 200, taxii.discovery(base(req))));
  app.get(`${root}/`, async (_req, reply) => send(reply, 200, taxii.apiRoot()));
  app.get(`${root}/collections/`, async (_req, reply) =>
    send(reply, 200, { collections: [taxii.collection()] }),
  );
  app.get<{ Params: { id: string } }>(`${col}/`, async (req, reply) => {
    if (knownCollection(req, reply)) return send(reply, 200, taxii.collection());
  });

  app.get<{ Params: { id: string } }>(`${col}/objects/`, async (req, reply) => {
    const q = knownCollection(req, reply) && query(req, reply);
    if (!q) return;
    const page = taxii.taxiiPage(await entries(req), q);
    dated(reply, page);
    return send(reply, 200, taxii.objectsEnvelope(page));
  });

  app.get<{ Params: { id: string } }>(`${col}/manifest/`, async (req, reply) => {
    const q = knownCollection(req, reply) && query(req, reply);
    if (!q) return;
    const page = taxii.taxiiPage(await entries(req), q);
    dated(reply, page);
    return send(reply, 200, taxii.manifestEnvelope(page, taxii.STIX_MEDIA_TYPE));
  });

  app.get<{ Params: { id: string; objectId: string } }>(`${col}/objects/:objectId/`, async (req, reply) => {
    const q = knownCollection(req, reply) && query(req, reply);
    if (!q) return;
    const page = taxii.taxiiPage(await entries(req), { ...q, ids: [req.params.objectId] });
    if (!page.entries.length && !q.next)
      return error(
        reply,
        404,
        "Object Not Found",
        `The collection holds no object "${req.params.objectId}".`,
      );
    dated(reply, page);
    return send(reply, 200, taxii.objectsEnvelope(page));
  });

  app.get<{ Params: { id: string; objectId: string } }>(
    `${col}/objects/:objectId/versions/`,
    async (req, reply) => {
      const q = knownCollection(req, reply) && query(req, reply);
      if (!q) return;
      const page = taxii.taxiiPage(await entries(req), { ...q, ids: [req.params.objectId] });
      if (!page.entries.length && !q.next)
        return error(
          reply,
          404,
          "Object Not Found",
          `The collection holds no object "${req.params.objectId}".`,
        );
      dated(reply, page);
      return send(reply, 200, taxii.versionsEnvelope(page));
    },
  );

  const readOnly = async (_req: FastifyRequest, reply: FastifyReply) =>
    error(
      reply,
      405,
      "Method Not Allowed",
      "This TAXII server is read-only: its collection cannot be written.",
    );
  app.post(`${col}/objects/`, readOnly);
  app.delete(`${col}/objects/:objectId/`, readOnly);
};
