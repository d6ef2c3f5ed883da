import { z } from "zod";
import { sourceView } from "../../service/index.ts";
import {
  ClaimListResponse,
  IdParams,
  IncidentDetailQuery,
  IncidentDetailResponse,
  IncidentListResponse,
  IncidentQuery,
  MeResponse,
  PageQuery,
  PartiesResponse,
  ResponseListResponse,
  SearchQuery,
  SearchResponse,
  SourceResponse,
  StatsResponse,
} from "../api-schemas.ts";
import { HttpError } from "../errors.ts";
import { type ApiRoute, route } from "../route.ts";

/** Reading the knowledge base: everything a reader may call, each answer limited to the reader's clearance. */
export const readRoutes = (open: boolean): ApiRoute[] => [
  route({
    method: "GET",
    url: "/me",
    tag: "access",
    summary: "Who the token is: name, role, TLP clearance, and whether the server runs open",
    role: "reader",
    response: MeResponse,
    handler: async ({ access }) => ({ ...access, open }),
  }),
  route({
    method: "GET",
    url: "/incidents",
    cached: true,
    tag: "knowledge",
    summary: "Incidents matching the filters, sorted and paged, with the number that match",
    role: "reader",
    query: IncidentQuery,
    response: IncidentListResponse,
    handler: ({ query, kb, access }) => kb.incidents(query, { clearance: access.clearance }),
  }),
  route({
    method: "GET",
    url: "/incidents/:id",
    cached: true,
    tag: "knowledge",
    summary:
      "An incident (id or its first characters) with its claims, responses and quotes (the first `quotes` of each fact, default 10, or all), decisions applied",
    role: "reader",
    params: IdParams,
    query: IncidentDetailQuery,
    response: IncidentDetailResponse,
    handler: ({ params, query, kb, access }) =>
      kb.incident(
        params.id,
        { clearance: access.clearance },
        query.quotes === "all" ? {} : { quotes: query.quotes },
      ),
  }),
  route({
    method: "GET",
    url: "/claims",
    cached: true,
    tag: "knowledge",
    summary: "Claims across incidents, newest first",
    role: "reader",
    query: PageQuery,
    response: ClaimListResponse,
    handler: ({ query, kb, access }) => kb.claims(query, { clearance: access.clearance }),
  }),
  route({
    method: "GET",
    url: "/responses",
    cached: true,
    tag: "knowledge",
    summary: "Responses across incidents, newest first",
    role: "reader",
    query: PageQuery,
    response: ResponseListResponse,
    handler: ({ query, kb, access }) => kb.responses(query, { clearance: access.clearance }),
  }),
  route({
    method: "GET",
    url: "/parties",
    cached: true,
    tag: "knowledge",
    summary: "Canonical parties with how often each appears as victim, claimant, accused, actor and target",
    role: "reader",
    response: PartiesResponse,
    handler: ({ kb, access }) => kb.parties({ clearance: access.clearance }),
  }),
  route({
    method: "GET",
    url: "/sources/:id",
    cached: true,
    tag: "knowledge",
    summary: "A source with its text, its incidents and every quoted span (the evidence) in it",
    role: "reader",
    params: IdParams,
    response: SourceResponse,
    handler: async ({ params, kb, access }) => {
      const found = await sourceView(kb, params.id, { clearance: access.clearance });
      if (!found) throw new HttpError(404, "UNKNOWN_ID", `No source has the id "${params.id}".`);
      return found;
    },
  }),
  route({
    method: "GET",
    url: "/search",
    cached: true,
    tag: "knowledge",
    summary: "Full-text search over the sources, best first, with the matching passage",
    role: "reader",
    query: SearchQuery,
    response: SearchResponse,
    handler: ({ query, kb, access }) => kb.search(query.q, query.limit, { clearance: access.clearance }),
  }),
  route({
    method: "GET",
    url: "/stats",
    cached: true,
    tag: "knowledge",
    summary: "Totals, incidents per year and per type, claimant × accused and victim × accused dyads",
    role: "reader",
    response: StatsResponse,
    handler: ({ kb, access }) => kb.stats({ clearance: access.clearance }),
  }),
  route({
    method: "GET",
    url: "/health",
    tag: "access",
    summary: "The server is up",
    role: "reader",
    response: z.object({ ok: z.boolean() }),
    handler: async () => ({ ok: true }),
  }),
];
