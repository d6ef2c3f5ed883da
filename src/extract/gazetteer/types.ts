/** One surface form the gazetteer recognises, and what it stands for. */
export type GazetteerEntry =
  | { kind: "country"; surface: string; country: string; form: CountryForm }
  | { kind: "body"; surface: string; country: string; name: string; role: string }
  | { kind: "intl"; surface: string; code: string; name: string }
  | { kind: "org"; surface: string; name: string; country?: string; sector?: string; cue?: boolean }
  | { kind: "group"; surface: string; name: string; aliases: string[]; sponsor?: string; cue?: boolean }
  | { kind: "place"; surface: string; country: string }
  /** a phrase that contains a country word but names none ("Central American", "New Jersey") */
  | { kind: "none"; surface: string };

/** name: "Iran"; adjective: "Iranian"; plural: "Iranians"; seat: "Tehran", "the Kremlin" (the government by metonymy). */
export type CountryForm = "name" | "adjective" | "plural" | "seat";

export interface StateBodyRow {
  name: string;
  aliases?: string[];
  country: string;
  role?: string;
}
export interface IntlBodyRow {
  code: string;
  name: string;
  aliases?: string[];
  /** the union an agency belongs to, which it acts for */
  parent?: string;
}
export interface OrganizationRow {
  name: string;
  aliases?: string[];
  /** surfaces that are also ordinary words ("Target", "Hive"): matched only beside a cue word */
  needs_context?: string[];
  country?: string;
  sector?: string;
}
export interface GroupRow {
  name: string;
  aliases?: string[];
  needs_context?: string[];
  sponsor?: string | null;
}
export interface CountryVariantsRow {
  names?: string[];
  adjectives?: string[];
  seats?: string[];
  plurals?: string[];
}
