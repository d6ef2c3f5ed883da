/** The media types of TAXII 2.1 and of the STIX content it carries. */
export const TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";
export const STIX_MEDIA_TYPE = "application/stix+json;version=2.1";

/**
 * True when an Accept header admits TAXII 2.1 responses: `application/taxii+json` with version 2.1 or no
 * version (the newest, which is 2.1), or a wildcard. No header at all is taken as a wildcard.
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === "") return true;
  return accept.split(",").some((part) => {
    const [type = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    if (type === "*/*" || type === "application/*") return true;
    if (type !== "application/taxii+json") return false;
    const version = params.find((p) => p.startsWith("version="));
    return version === undefined || version === "version=2.1";
  });
}

/** A TAXII error message (the spec's error envelope). */
export interface TaxiiError {
  title: string;
  description?: string;
  http_status: string;
  error_code?: string;
}

export function taxiiError(status: number, title: string, description?: string): TaxiiError {
  return { title, ...(description ? { description } : {}), http_status: String(status) };
}
