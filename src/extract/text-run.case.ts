import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import type { DocumentRecord, Party } from "../model/index.ts";
import { extract } from "./index.ts";

/** Test support: the record of a text written for a test, published on `published`. */
export function run(text: string, published = "2023-03-10"): DocumentRecord {
  return extract({
    id: "t",
    text,
    published,
    tlp: "clear",
    sha256: createHash("sha256").update(text).digest("hex"),
  });
}

/** A party as the tests write it: a state's code, an international body's code, anyone else's name. */
export function who(p: Party | null): string | null {
  return p === null ? null : p.kind === "state" ? p.country : p.kind === "intl" ? p.code : p.name;
}

/** A record's claims as "claimant stance accused", for assertions. */
export const claims = (r: DocumentRecord): string[] =>
  r.claims.map((c) => `${who(c.claimant)} ${c.stance} ${who(c.accused)}`);

/** A record's responses as "actor kind target", for assertions. */
export const responses = (r: DocumentRecord): string[] =>
  r.responses.map((x) => `${who(x.actor)} ${x.kind} ${who(x.target)}`);

/** Each incident's victims, sorted and joined with commas. */
export const victims = (r: DocumentRecord): string[] =>
  r.incidents.map((i) => i.victims.map(who).sort().join(","));

/** Asserts that every item holds `test`, naming the items when one does not. */
export function assertEvery(items: readonly string[], test: (item: string) => boolean): void {
  assert.ok(items.every(test), items.join("; "));
}

/** Asserts that some item holds `test`, naming the items when none does. */
export function assertSome(items: readonly string[], test: (item: string) => boolean): void {
  assert.ok(items.some(test), items.join("; "));
}

/** Asserts that `items` holds `item`, naming the items when it does not. */
export function assertHas(items: readonly string[], item: string): void {
  assert.ok(items.includes(item), items.join("; "));
}
