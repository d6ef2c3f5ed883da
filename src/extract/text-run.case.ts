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
