import { v5 as uuidv5 } from "uuid";
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from "./media.ts";

/** The one API root Casebook serves, and the one collection in it: the whole knowledge base as STIX. */
export const API_ROOT = "casebook";
export const COLLECTION_ID = uuidv5("casebook knowledge base", "6ba7b811-9dad-11d1-80b4-00c04fd430c8");
/** The most objects one page carries, whatever `limit` asks. */
export const MAX_PAGE = 1000;
export const DEFAULT_PAGE = 100;

export function discovery(baseUrl: string) {
  return {
    title: "Casebook",
    description: "Attributed cyber incidents, claims, denials and state responses, each with its evidence.",
    default: `${baseUrl}/taxii2/${API_ROOT}/`,
    api_roots: [`${baseUrl}/taxii2/${API_ROOT}/`],
  };
}

export function apiRoot() {
  return {
    title: "Casebook knowledge base",
    description: "Read-only: every incident, claim, denial and response of the knowledge base as STIX 2.1.",
    versions: [TAXII_MEDIA_TYPE],
    max_content_length: 0,
  };
}

export function collection() {
  return {
    id: COLLECTION_ID,
    title: "Casebook knowledge base",
    description: "The knowledge base as STIX 2.1 objects, as `casebook export --format stix` writes them.",
    can_read: true,
    can_write: false,
    media_types: [STIX_MEDIA_TYPE],
  };
}
