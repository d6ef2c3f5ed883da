import { z } from "zod";
import { CasebookError, type Document, TlpSchema } from "../model/index.ts";
import { fromHtml } from "./from-html.ts";
import { fromText } from "./from-text.ts";
import type { IntakeOptions } from "./meta.ts";

/**
 * One line of the batch form: {"id","title","published","text"} or "html" in place of "text".
 * Unknown fields are ignored so that producers may carry their own bookkeeping along.
 */
export const DocLineSchema = z.object({
  id: z.string().trim().min(1),
  title: z.string().optional(),
  published: z.string().nullable().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().optional(),
  publisher: z.string().optional(),
  tlp: TlpSchema.optional(),
});
export type DocLine = z.infer<typeof DocLineSchema>;

/** Parses one batch line into a Document, or throws a CasebookError whose message names what is wrong. */
export function parseDocLine(line: string, options: IntakeOptions = {}): Document {
  const value = parseJson(line);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CasebookError(
      "BAD_JSON",
      `The line is JSON but not an object; expected {"id", "published", "text"}.`,
    );
  }
  const parsed = DocLineSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new CasebookError("BAD_FIELD", describeIssue(parsed.error.issues[0]));
  const doc = parsed.data;
  const meta = {
    id: doc.id,
    title: doc.title,
    published: doc.published,
    url: doc.url,
    publisher: doc.publisher,
    tlp: doc.tlp,
  };
  if (doc.text !== undefined && doc.html !== undefined) {
    throw new CasebookError("BAD_FIELD", `The line has both "text" and "html"; give only one of them.`);
  }
  if (doc.html !== undefined) return fromHtml(doc.html, meta, options);
  if (doc.text !== undefined) return fromText(doc.text, meta, options);
  throw new CasebookError("BAD_FIELD", `The line has neither a "text" nor an "html" field.`);
}

/** The id a line declares, if it can be read at all: error records carry it so they can be matched to input. */
export function docLineId(line: string): string | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === "object" && value !== null && "id" in value) {
      const id = (value as { id: unknown }).id;
      if (typeof id === "string" && id.trim() !== "") return id.trim();
    }
  } catch {
    // Unreadable lines have no id; the caller names them by line number.
  }
  return undefined;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (err) {
    const detail = err instanceof SyntaxError ? ` (${err.message.replace(/\.$/, "")})` : "";
    throw new CasebookError("BAD_JSON", `The line is not valid JSON${detail}.`);
  }
}

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue | undefined): string {
  if (issue === undefined) return "The line does not have the expected fields.";
  const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "line";
  if (issue.code === "invalid_type") {
    const got = describeInput(issue.input);
    if (got === "missing") return `The field "${field}" is missing; it must be ${article(issue.expected)}.`;
    return `The field "${field}" must be ${article(issue.expected)}, not ${got}.`;
  }
  if (issue.code === "too_small") return `The field "${field}" must not be empty.`;
  if (issue.code === "invalid_value") {
    return `The field "${field}" must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`;
  }
  return `The field "${field}" is not valid: ${issue.message}.`;
}

function describeInput(input: unknown): string {
  if (input === undefined) return "missing";
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  return typeof input === "object" ? "an object" : `a ${typeof input}`;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
