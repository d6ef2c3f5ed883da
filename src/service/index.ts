/** Use cases that chain the stages. The CLI, the server and the workers call these, never the stages directly. */

export { isPostgresUrl, redactUrl } from "../store/index.ts";
export { authenticate, createToken, hashToken } from "./access.ts";
export { catalogueGroups } from "./catalogue.ts";
export { type CorpusResult, type CorpusStory, extractCorpus, listCorpus, readStoryMeta } from "./corpus.ts";
export { EXTRACT_FAILED, errorRecord } from "./error-record.ts";
export { EXPORT_FORMATS, type ExportFormat, type ExportSummary, type Sink, stixObjects } from "./export.ts";
export { BATCH_SIZE, extractLine, extractLines } from "./extract-batch.ts";
export { extractFile, extractOne, type OneInputMeta, readInputFile } from "./extract-one.ts";
export { type Feed, type FeedEntry, feedItemDocument, feedItemKey, readFeed } from "./feed-intake.ts";
export { type ImportSummary, importFile, MAX_IMPORT_BYTES } from "./import.ts";
export type { IngestFailure, IngestOptions, IngestProgress, IngestSummary } from "./ingest.ts";
export { ingestPaths } from "./ingest.ts";
export type { ArticleInput, ArticleResult } from "./ingest-article.ts";
export { type BatchOutcome, ingestBatch, ingestDocument, saveExtracted } from "./ingest-document.ts";
export { DEFAULT_DB, dbPath, Knowledge, MIN_ID_PREFIX, openKnowledge, withKnowledge } from "./knowledge.ts";
export { checkEdit, EDITABLE } from "./review.ts";
export { loadSampleIfEmpty, SAMPLE_CORPUS } from "./sample.ts";
export { type SourceSpan, type SourceView, sourceView } from "./source-view.ts";
export { splitLines } from "./split-lines.ts";
export { stableStringify } from "./stable-json.ts";
export { type BatchSummary, describeSummary, emptySummary } from "./summary.ts";
export { TaxiiCollection } from "./taxii.ts";
export * as taxiiProtocol from "./taxii-protocol.ts";
