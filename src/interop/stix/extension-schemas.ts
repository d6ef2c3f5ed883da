/**
 * The JSON schemas (draft 2020-12) of Casebook's STIX property extensions. Each extension-definition carries its
 * schema as text in its `schema` property, so a consumer can validate the properties without fetching anything.
 */
import { INCIDENT_TYPES, RESPONSE_KINDS, STANCES } from "../../model/index.ts";

const ref = (type: string) => ({ type: "string", pattern: `^${type}--[0-9a-f-]{36}$` });
const anyRef = { type: "string", pattern: "^[a-z0-9-]+--[0-9a-f-]{36}$" };
const fuzzyDate = {
  type: "object",
  description: "A date known to the day, the month or the year, as the source gave it",
  required: ["value", "precision"],
  additionalProperties: false,
  properties: {
    value: { type: "string", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" },
    precision: { enum: ["day", "month", "year"] },
    text: { type: "string", description: "the words the date was read from" },
  },
};
const evidence = {
  type: "array",
  minItems: 1,
  description: "The words of the sources that support the object",
  items: {
    type: "object",
    required: ["source_ref", "start", "end", "quote"],
    additionalProperties: false,
    properties: {
      source_ref: ref("report"),
      start: { type: "integer", minimum: 0, description: "offset of the quote in the source's text" },
      end: { type: "integer", minimum: 0 },
      quote: { type: "string" },
    },
  },
};
const base = (title: string, required: string[], properties: Record<string, unknown>) => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title,
  type: "object",
  required: ["extension_type", "casebook_id", ...required],
  additionalProperties: false,
  properties: {
    extension_type: { const: "property-extension" },
    casebook_id: { type: "string", description: "the fact's id in the Casebook knowledge base" },
    ...properties,
  },
});

export const INCIDENT_SCHEMA = base("Casebook incident", [], {
  date: fuzzyDate,
  victim_refs: {
    type: "array",
    minItems: 1,
    items: anyRef,
    description: "locations (states) and identities hit",
  },
  types: {
    type: "array",
    minItems: 1,
    items: {
      enum: [...INCIDENT_TYPES],
    },
  },
  systems: {
    type: "array",
    minItems: 1,
    items: { type: "string" },
    description: "affected systems, as written",
  },
  evidence,
});

export const CLAIM_SCHEMA = base("Casebook claim", ["stance", "accused_ref"], {
  stance: { enum: [...STANCES] },
  claimant_ref: { ...anyRef, description: "who makes the claim; absent when the source names nobody" },
  claimant_via: { type: "string", description: "the official or body who spoke for a state" },
  accused_ref: anyRef,
  date: fuzzyDate,
  evidence,
});

export const RESPONSE_SCHEMA = base("Casebook response", ["kind", "actor_ref", "incident_refs"], {
  kind: {
    enum: [...RESPONSE_KINDS],
  },
  actor_ref: anyRef,
  target_ref: anyRef,
  incident_refs: { type: "array", minItems: 1, items: ref("incident") },
  date: fuzzyDate,
  detail: { type: "string" },
  evidence,
});

export const SOURCE_SCHEMA = base("Casebook source", ["doc_id", "sha256", "tlp", "position"], {
  doc_id: { type: "string", description: "the id the document had when it was read" },
  sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
  tlp: { enum: ["clear", "green", "amber", "amber+strict", "red"] },
  publisher: { type: "string" },
  position: {
    type: "integer",
    minimum: 0,
    description: "order in which the knowledge base read its sources",
  },
  text: { type: "string", description: "the full plain text every evidence offset indexes" },
});
