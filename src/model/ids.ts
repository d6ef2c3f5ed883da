import { v5 as uuidv5 } from "uuid";

/** Namespace of every Casebook identifier; ids are UUIDv5 over canonical identity fields, so they are stable. */
export const CASEBOOK_NAMESPACE = "5b0f3c1e-9d1a-5e4c-8f0a-6c2b7d9e1a34";

export function stableId(...parts: readonly string[]): string {
  return uuidv5(parts.join("\u001f"), CASEBOOK_NAMESPACE);
}
