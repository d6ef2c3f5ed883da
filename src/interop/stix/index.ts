export { bundleId, type ExportOptions, type ExportSource, reportObject, StixExport } from "./export.ts";
export { CASEBOOK_IDENTITY, EXTENSION_IDS, EXTENSION_NAMES, extensionDefinition } from "./extensions.ts";
export { stixId, typeOf } from "./ids.ts";
export {
  type BundleContents,
  type ImportedSource,
  MAX_BUNDLE_OBJECTS,
  readBundle,
  readBundleValue,
} from "./import.ts";
export { claimConfidence, reportId } from "./incident.ts";
export { InteropError, type InteropErrorCode, isRecord, parseJsonSafely } from "./parse.ts";
export { strictest, TLP_MARKING_IDS, TLP2_EXTENSION, tlpMarking, tlpRank, withinClearance } from "./tlp.ts";
export type { StixBundle, StixObject } from "./types.ts";
