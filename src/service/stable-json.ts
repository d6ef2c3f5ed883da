/**
 * JSON with a fixed key order, so that the same record always serialises to the same bytes whatever order
 * the code that built it happened to assign its fields in. Known keys come in the order of the DESIGN.md
 * contract (readers scanning a record see `document` first and `evidence` last); unknown keys follow,
 * sorted alphabetically. `undefined` fields are dropped, as JSON.stringify drops them.
 */
const CONTRACT_ORDER = [
  // records and error records
  "document",
  "error",
  "code",
  // document
  "id",
  "title",
  "published",
  "url",
  "publisher",
  "sha256",
  "tlp",
  // facts
  "label",
  "stance",
  "kind",
  "claimant",
  "actor",
  "accused",
  "target",
  "date",
  "victims",
  "types",
  "systems",
  "campaign",
  // party fields (kind above)
  "country",
  "name",
  "via",
  "role",
  "aliases",
  "sponsor",
  // dates
  "value",
  "precision",
  "text",
  // the record's lists, and what facts refer to
  "incidents",
  "claims",
  "responses",
  "detail",
  "evidence",
  // evidence
  "start",
  "end",
  "quote",
];
const RANK = new Map(CONTRACT_ORDER.map((key, i) => [key, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? CONTRACT_ORDER.length;
  const rb = RANK.get(b) ?? CONTRACT_ORDER.length;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort(compareKeys)) {
    const v = source[key];
    if (v !== undefined) out[key] = canonical(v);
  }
  return out;
}

export function stableStringify(value: unknown, indent?: number): string {
  return JSON.stringify(canonical(value), null, indent);
}
