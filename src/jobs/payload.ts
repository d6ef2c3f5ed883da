import { createHash } from "node:crypto";
import { z } from "zod";
import { type Document, DocumentSchema } from "../model/index.ts";

/** What a job carries: one document after intake, exactly as in-process ingest would store it. */
export const IngestJobSchema = z.object({
  document: DocumentSchema,
  /** where it was read from ("docs.jsonl:12 (id)"), for the failed-jobs list */
  where: z.string().optional(),
});
export type IngestJob = z.infer<typeof IngestJobSchema>;

/** A sentence naming what is wrong with a job's data, or the document. */
export function documentOfJob(data: unknown): Document {
  const parsed = IngestJobSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "the job";
    throw new JobError(`The job's ${field} is not valid (${issue?.message ?? "unreadable"}).`);
  }
  const doc = parsed.data.document;
  if (doc.text.trim() === "") throw new JobError(`The job's document "${doc.id}" has no text.`);
  if (createHash("sha256").update(doc.text, "utf8").digest("hex") !== doc.sha256) {
    throw new JobError(`The job's document "${doc.id}" does not match its sha256: its text was altered.`);
  }
  return doc;
}

/** A job that cannot succeed however often it is tried. */
export class JobError extends Error {
  readonly code = "BAD_JOB";
}
