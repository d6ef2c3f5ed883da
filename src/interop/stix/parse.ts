import { InteropError } from "../../model/interop-errors.ts";

export { InteropError, type InteropErrorCode } from "../../model/interop-errors.ts";

/** Keys that could reach an object's prototype if a consumer copied them: dropped as the JSON is read. */
const HOSTILE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Parses JSON text, dropping every `__proto__`, `constructor` or `prototype` key (and counting them), and
 * failing with a sentence that says where the JSON breaks.
 */
export function parseJsonSafely(text: string, what: string): { value: unknown; droppedKeys: number } {
  let droppedKeys = 0;
  try {
    const value = JSON.parse(text, (key, v) => {
      if (HOSTILE_KEYS.has(key)) {
        droppedKeys++;
        return undefined;
      }
      return v;
    });
    return { value, droppedKeys };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new InteropError("BAD_JSON", `The ${what} is not valid JSON (${reason}).`);
  }
}

/** A plain JSON object (not an array, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
