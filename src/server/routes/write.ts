import { z } from "zod";
import { TLP_LEVELS, tlpVisible } from "../../model/index.ts";
import { checkEdit, type Knowledge } from "../../service/index.ts";
import { ArticleBody, ArticleResponse, DecisionBody, IdParams, MergeBody } from "../api-schemas.ts";
import { HttpError } from "../errors.ts";
import { type Access, type ApiRoute, route } from "../route.ts";

/** What analysts do: ingest articles, review facts, merge and split incidents. Each change is audited. */
export const writeRoutes = (): ApiRoute[] => [
  route({
    method: "POST",
    url: "/ingest",
    tag: "review",
    summary:
      "Read one article (text or HTML) with its date and TLP: the extracted record, then saved unless preview",
    role: "analyst",
    body: ArticleBody,
    response: ArticleResponse,
    rateLimited: true,
    handler: async ({ body, kb, access }) => {
      const tlp = body.tlp ?? "clear";
      if (!tlpVisible(tlp, access.clearance)) {
        throw new HttpError(
          403,
          "FORBIDDEN",
          `Your clearance is ${access.clearance}; you cannot store a source marked ${tlp} (the levels are ${TLP_LEVELS.join(", ")}).`,
        );
      }
      const { preview, ...article } = body;
      return kb.article({ ...article, tlp }, { preview: preview === true });
    },
  }),
  route({
    method: "POST",
    url: "/incidents/:id/decisions",
    tag: "review",
    summary: "Accept, reject or edit the incident or one of its claims or responses (audited)",
    role: "analyst",
    params: IdParams,
    body: DecisionBody,
    status: 201,
    response: z.object({ id: z.string(), at: z.string() }).passthrough(),
    handler: async ({ params, body, kb, access }) => {
      const incident = await visibleIncident(kb, params.id, access);
      const facts =
        body.factKind === "incident"
          ? [incident.id]
          : body.factKind === "claim"
            ? incident.claims.map((c) => c.id)
            : incident.responses.map((r) => r.id);
      if (!facts.includes(body.factId)) {
        throw new HttpError(
          404,
          "UNKNOWN_ID",
          `The incident has no ${body.factKind} with the id "${body.factId}".`,
        );
      }
      if (body.action === "edit") checkEdit(body.factKind, body.field, body.value);
      return kb.decide({
        factKind: body.factKind,
        factId: body.factId,
        action: body.action,
        ...(body.action === "edit" ? { field: body.field, value: body.value } : {}),
        by: access.name,
      });
    },
  }),
  route({
    method: "POST",
    url: "/incidents/:id/merge",
    tag: "review",
    summary:
      "Merge this incident into another: it leaves the list and is shown as part of the other (audited)",
    role: "analyst",
    params: IdParams,
    body: MergeBody,
    response: z.object({ merged: z.string(), into: z.string() }),
    handler: async ({ params, body, kb, access }) => {
      const from = await visibleIncident(kb, params.id, access);
      const into = await visibleIncident(kb, body.into, access);
      await kb.merge(from.id, into.id, access.name);
      return { merged: from.id, into: into.id };
    },
  }),
  route({
    method: "POST",
    url: "/incidents/:id/split",
    tag: "review",
    summary: "Undo the merge of this incident into another (audited)",
    role: "analyst",
    params: IdParams,
    response: z.object({ split: z.string() }),
    handler: async ({ params, kb, access }) => {
      const from = await visibleIncident(kb, params.id, access);
      await kb.split(from.id, access.name);
      return { split: from.id };
    },
  }),
];

/** The incident as the caller may see it; a 404 for one above the caller's clearance, as for one that is not. */
async function visibleIncident(kb: Knowledge, id: string, access: Access) {
  return kb.incident(id, { clearance: access.clearance });
}
