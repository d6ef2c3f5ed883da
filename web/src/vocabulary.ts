import type { IncidentType, Tlp } from "../../src/model/vocabulary.ts";

/**
 * The vocabulary lists the filters offer. The app imports only types from the model (its values would bring zod
 * into the bundle); the checks below fail to compile if these lists and the model's types ever differ.
 */
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
] as const satisfies readonly IncidentType[];

export const TLP_LEVELS = [
  "clear",
  "green",
  "amber",
  "amber+strict",
  "red",
] as const satisfies readonly Tlp[];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesComplete: Same<(typeof INCIDENT_TYPES)[number], IncidentType> = true;
const tlpComplete: Same<(typeof TLP_LEVELS)[number], Tlp> = true;
export const VOCABULARY_CHECKED = typesComplete && tlpComplete;
