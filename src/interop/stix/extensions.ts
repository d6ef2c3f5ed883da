import { CLAIM_SCHEMA, INCIDENT_SCHEMA, RESPONSE_SCHEMA, SOURCE_SCHEMA } from "./extension-schemas.ts";
import { stixId } from "./ids.ts";
import type { StixObject } from "./types.ts";

/** When Casebook's own STIX objects (its identity, its extension definitions) were first defined. */
export const CASEBOOK_DEFINED = "2026-01-01T00:00:00.000Z";

/** Casebook as the author of its extension definitions and of facts nobody in particular claimed. */
export const CASEBOOK_IDENTITY: StixObject = {
  type: "identity",
  spec_version: "2.1",
  id: stixId("identity", "casebook"),
  created: CASEBOOK_DEFINED,
  modified: CASEBOOK_DEFINED,
  name: "Casebook",
  identity_class: "system",
  description: "Reads published reporting on cyberattacks and keeps an evidence-backed record of it.",
};

export type ExtensionName = "incident" | "claim" | "response" | "source";

const SCHEMAS: Record<ExtensionName, { schema: object; description: string; on: string }> = {
  incident: {
    schema: INCIDENT_SCHEMA,
    on: "incident",
    description:
      "When the incident happened, whom it hit, what kind of attack it was and which systems it touched.",
  },
  claim: {
    schema: CLAIM_SCHEMA,
    on: "relationship, opinion",
    description:
      "An attribution claim (or a denial, or a claim of responsibility) with its claimant and quotes.",
  },
  response: {
    schema: RESPONSE_SCHEMA,
    on: "note",
    description:
      "What a state or body did about an incident: sanctions, expulsions, indictments, advisories …",
  },
  source: {
    schema: SOURCE_SCHEMA,
    on: "report",
    description: "The source a report stands for: its text, fingerprint, marking and reading order.",
  },
};

export const EXTENSION_IDS: Record<ExtensionName, string> = {
  incident: stixId("extension-definition", "casebook", "incident"),
  claim: stixId("extension-definition", "casebook", "claim"),
  response: stixId("extension-definition", "casebook", "response"),
  source: stixId("extension-definition", "casebook", "source"),
};

/** The extension-definition object of one of Casebook's property extensions, its JSON schema inline. */
export function extensionDefinition(name: ExtensionName): StixObject {
  const { schema, description, on } = SCHEMAS[name];
  return {
    type: "extension-definition",
    spec_version: "2.1",
    id: EXTENSION_IDS[name],
    created_by_ref: CASEBOOK_IDENTITY.id,
    created: CASEBOOK_DEFINED,
    modified: CASEBOOK_DEFINED,
    name: `casebook-${name}`,
    description: `${description} Extends: ${on}.`,
    schema: JSON.stringify(schema),
    version: "1.0.0",
    extension_types: ["property-extension"],
  };
}

export const EXTENSION_NAMES: readonly ExtensionName[] = ["incident", "claim", "response", "source"];
