import { z } from "zod";
import { ErrorResponse } from "./api-schemas.ts";
import type { ApiRoute } from "./route.ts";

type Json = Record<string, unknown>;

const schema = (s: z.ZodType): Json => {
  const out = z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as Json;
  delete out.$schema;
  return out;
};

/** The OpenAPI 3.1 description of the API, generated from the routes' own zod schemas. */
export function openApiDocument(routes: readonly ApiRoute[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const path = `/api${r.url.replace(/:(\w+)/g, "{$1}")}`;
    const parameters: Json[] = [];
    for (const [where, s] of [
      ["path", r.params],
      ["query", r.query],
    ] as const) {
      if (!s) continue;
      const js = schema(s) as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, p] of Object.entries(js.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === "path" || (js.required ?? []).includes(name),
          schema: p,
          ...(typeof p.description === "string" ? { description: p.description } : {}),
        });
      }
    }
    const error = { content: { "application/json": { schema: schema(ErrorResponse) } } };
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      "x-role": r.role,
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? { requestBody: { required: true, content: { "application/json": { schema: schema(r.body) } } } }
        : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: "success",
          content: { "application/json": { schema: schema(r.response) } },
        },
        "400": { description: "the request is not valid (the answer says why)", ...error },
        "401": { description: "no valid token (servers with tokens)", ...error },
        "403": { description: `the token's role is below ${r.role}`, ...error },
        ...(r.rateLimited ? { "429": { description: "too many calls this minute", ...error } } : {}),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Casebook API",
      version,
      description:
        "Incidents, claims and responses with their evidence. Send `Authorization: Bearer <token>`; a token " +
        "sees only what sources within its TLP clearance support.",
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    security: [{ bearer: [] }],
    paths,
  };
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** A readable page of the API (server-rendered, no scripts, no CDN), linking to the OpenAPI JSON. */
export function docsPage(routes: readonly ApiRoute[]): string {
  const rows = routes
    .map((r) => {
      const params = [r.params, r.query]
        .filter((s): s is z.ZodType => s !== undefined)
        .flatMap((s) => Object.keys((schema(s) as { properties?: Json }).properties ?? {}));
      return `<tr><td class="m">${r.method}</td><td><code>/api${escapeHtml(r.url)}</code></td><td>${escapeHtml(r.summary)}</td>
<td>${params.map((p) => `<code>${escapeHtml(p)}</code>`).join(" ")}${r.body ? " <em>JSON body</em>" : ""}</td><td>${r.role}</td></tr>`;
    })
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Casebook API</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d2530}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #dde2e8;padding:.35rem .5rem;text-align:left;vertical-align:top}.m{font-weight:600}
code{font-size:13px}</style></head><body><h1>Casebook API</h1>
<p>JSON over HTTP under <code>/api</code>. The full description is <a href="/api/openapi.json">OpenAPI 3.1</a>.
Send <code>Authorization: Bearer &lt;token&gt;</code>; answers hold only what sources within the token's TLP
clearance support.</p><table><thead><tr><th>method</th><th>path</th><th>what</th><th>parameters</th><th>least role</th></tr></thead>
<tbody>${rows}</tbody></table></body></html>`;
}
