/** Intake: sources → Document. Imports nothing of ours but the model. */
export { decodeInput } from "./decode.ts";
export { detectFormat, type InputFormat } from "./detect-format.ts";
export { type DocLine, DocLineSchema, docLineId, parseDocLine } from "./doc-line.ts";
export { type Feed, type FeedEntry, feedDate, feedEntryDocument, parseFeed } from "./from-feed.ts";
export { fromHtml } from "./from-html.ts";
export { fromText } from "./from-text.ts";
export * from "./limits.ts";
export type { IntakeMeta, IntakeOptions } from "./meta.ts";
export { normalizePublished } from "./published.ts";
export { sha256Hex } from "./sha256.ts";
