export { acceptsTaxii, STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE, type TaxiiError, taxiiError } from "./media.ts";
export {
  type CollectionEntry,
  manifestEnvelope,
  objectsEnvelope,
  parseTaxiiQuery,
  type QueryProblem,
  type TaxiiPage,
  type TaxiiQuery,
  taxiiPage,
  versionsEnvelope,
} from "./paging.ts";
export {
  API_ROOT,
  apiRoot,
  COLLECTION_ID,
  collection,
  DEFAULT_PAGE,
  discovery,
  MAX_PAGE,
} from "./resources.ts";
