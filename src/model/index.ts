export * from "./errors.ts";
export * from "./evidence.ts";
export * from "./fuzzy-date.ts";
export * from "./ids.ts";
export * from "./party.ts";
export * from "./record.ts";
export * from "./save-plan.ts";
export * from "./vocabulary.ts";
