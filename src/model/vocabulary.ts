import { z } from "zod";

/** The closed vocabularies of DESIGN.md. Everything that names a type, stance or kind imports them from here. */
export const INCIDENT_TYPES = [
  "disruption",
  "wiper",
  "ransomware",
  "ddos",
  "espionage",
  "data-breach",
  "hack-and-leak",
  "defacement",
  "financial-theft",
  "sabotage",
  "influence",
] as const;
export const IncidentTypeSchema = z.enum(INCIDENT_TYPES);
export type IncidentType = z.infer<typeof IncidentTypeSchema>;

export const STANCES = ["accuses", "denies", "claims-responsibility"] as const;
export const StanceSchema = z.enum(STANCES);
export type Stance = z.infer<typeof StanceSchema>;

export const RESPONSE_KINDS = [
  "diplomatic-severance",
  "expulsion",
  "ambassador-summoned",
  "ambassador-recalled",
  "sanctions",
  "indictment",
  "condemnation",
  "containment",
  "recovery",
  "advisory",
  "reward",
  "takedown",
  "retaliation",
] as const;
export const ResponseKindSchema = z.enum(RESPONSE_KINDS);
export type ResponseKind = z.infer<typeof ResponseKindSchema>;

export const TLP_LEVELS = ["clear", "green", "amber", "amber+strict", "red"] as const;
export const TlpSchema = z.enum(TLP_LEVELS);
export type Tlp = z.infer<typeof TlpSchema>;
