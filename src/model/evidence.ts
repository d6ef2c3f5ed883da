import { z } from "zod";

/** Offsets are JavaScript string indices into the document's plain text: text.slice(start, end) === quote. */
export const EvidenceSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    quote: z.string(),
  })
  .refine((e) => e.end >= e.start, { message: "evidence must not end before it starts" });
export type Evidence = z.infer<typeof EvidenceSchema>;

export function evidenceOf(text: string, start: number, end: number): Evidence {
  return { start, end, quote: text.slice(start, end) };
}
