import { createHash } from "node:crypto";

/** Hex sha256 of the UTF-8 text: the identity of a document's content, used to spot the same text twice. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
