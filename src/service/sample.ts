import { fileURLToPath } from "node:url";
import type { IngestSummary } from "./ingest.ts";
import type { Knowledge } from "./knowledge.ts";

/** The team-written sample stories bundled with Casebook. */
export const SAMPLE_CORPUS = fileURLToPath(new URL("../../data/corpus/", import.meta.url));

/** Loads the sample stories into an empty knowledge base; a knowledge base with sources is left alone. */
export async function loadSampleIfEmpty(kb: Knowledge, dir = SAMPLE_CORPUS): Promise<IngestSummary | null> {
  if ((await kb.counts()).sources > 0) return null;
  return kb.ingest([dir], { tlp: "clear" });
}
