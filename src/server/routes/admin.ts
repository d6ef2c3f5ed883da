import { z } from "zod";
import { IdParams, TokenBody, TokenEntryResponse } from "../api-schemas.ts";
import { type ApiRoute, route } from "../route.ts";

/** Managing tokens (admins) and reading the audit log (analysts). */
export const adminRoutes = (): ApiRoute[] => [
  route({
    method: "GET",
    url: "/audit",
    tag: "review",
    summary: "The audit log, newest first: decisions, merges, splits, tokens created and revoked",
    role: "analyst",
    query: z.object({ limit: z.coerce.number().int().min(1).max(10_000).optional() }),
    response: z.array(
      z.object({ seq: z.number(), at: z.string(), actor: z.string(), action: z.string() }).passthrough(),
    ),
    handler: ({ query, kb }) => kb.auditLog(query.limit),
  }),
  route({
    method: "GET",
    url: "/tokens",
    tag: "access",
    summary: "Every token (never its secret), revoked ones included",
    role: "admin",
    response: z.array(TokenEntryResponse),
    handler: ({ kb }) => kb.tokens(),
  }),
  route({
    method: "POST",
    url: "/tokens",
    tag: "access",
    summary: "Create a token: its secret is in this answer and nowhere else",
    role: "admin",
    body: TokenBody,
    status: 201,
    response: z.object({ secret: z.string(), token: TokenEntryResponse }),
    handler: ({ body, kb, access }) => kb.createToken({ ...body, by: access.name }),
  }),
  route({
    method: "DELETE",
    url: "/tokens/:id",
    tag: "access",
    summary: "Revoke a token",
    role: "admin",
    params: IdParams,
    response: TokenEntryResponse,
    handler: ({ params, kb, access }) => kb.revokeToken(params.id, access.name),
  }),
];
