import type { Role } from "../../src/model/access.ts";
import type { DocumentRecord } from "../../src/model/record.ts";
import type { Tlp } from "../../src/model/vocabulary.ts";

/** The HTTP API, the app's only way to the knowledge base. */

const TOKEN_KEY = "casebook.token";

export function token(): string {
  return localStorage.getItem(TOKEN_KEY) ?? "";
}

export function setToken(value: string): void {
  if (value.trim()) localStorage.setItem(TOKEN_KEY, value.trim());
  else localStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (token()) headers.authorization = `Bearer ${token()}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`/api${path}`, {
    method: init.method ?? "GET",
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const data = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new ApiError(res.status, data.error ?? `The server answered ${res.status}.`);
  return data as T;
}

/** A query string from the set values of `params`. */
export function qs(params: Record<string, string | number | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
}

export interface Me {
  name: string;
  role: Role;
  clearance: Tlp;
  open: boolean;
}

export interface SourceSpan {
  start: number;
  end: number;
  quote: string;
  factKind: "incident" | "claim" | "response";
  factId: string;
  incidentId: string;
  label: string;
}

export interface ArticleResult {
  text: string;
  record: DocumentRecord;
  saved?: { status: "new" | "duplicate"; sourceId: string; incidents: Array<{ id: string; label: string }> };
}
