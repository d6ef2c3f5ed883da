import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Reads one of the project's data tables (data/…) once, at start-up. */
export function loadData<T>(relative: string): T {
  const url = new URL(`../../../data/${relative}`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), "utf8")) as T;
}
