export { claimKey, responseKey, sameResponseDate } from "./facts.ts";
export {
  type IncidentResolution,
  type KnownIncident,
  mergeDates,
  namedOperation,
  resolveIncident,
} from "./incidents.ts";
export {
  emptyKnowledge,
  type Knowledge,
  type KnowledgeClaim,
  type KnowledgeIncident,
  type KnowledgeResponse,
  type MergeReport,
  mergeRecord,
  type SourcedEvidence,
} from "./knowledge.ts";
export { canonicalKey, partyKeys, sameParty } from "./parties.ts";
export { candidateQuery, planSave, resolverFor } from "./plan.ts";
