import { z } from "zod";

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, "a country must be an ISO 3166-1 alpha-2 code");

export const StatePartySchema = z.object({
  kind: z.literal("state"),
  country: CountryCodeSchema,
  /** the official or body quoted for the state ("interior ministry", "Prime Minister Edi Rama") */
  via: z.string().optional(),
});
export const IntlPartySchema = z.object({ kind: z.literal("intl"), code: z.string(), name: z.string() });
export const OrganizationPartySchema = z.object({
  kind: z.literal("organization"),
  name: z.string(),
  country: CountryCodeSchema.optional(),
});
export const GroupPartySchema = z.object({
  kind: z.literal("group"),
  name: z.string(),
  aliases: z.array(z.string()).optional(),
  /** ISO code of the state the text ties the group to */
  sponsor: CountryCodeSchema.optional(),
});
export const PersonPartySchema = z.object({
  kind: z.literal("person"),
  name: z.string(),
  role: z.string().optional(),
  country: CountryCodeSchema.optional(),
});

export const PartySchema = z.discriminatedUnion("kind", [
  StatePartySchema,
  IntlPartySchema,
  OrganizationPartySchema,
  GroupPartySchema,
  PersonPartySchema,
]);
export type Party = z.infer<typeof PartySchema>;
export type StateParty = z.infer<typeof StatePartySchema>;
export type GroupParty = z.infer<typeof GroupPartySchema>;

/** A stable key naming who a party is, ignoring how it was quoted: equal keys mean the same actor. */
export function partyKey(p: Party): string {
  switch (p.kind) {
    case "state":
      return `state:${p.country}`;
    case "intl":
      return `intl:${p.code}`;
    case "organization":
      return `org:${p.name.toLowerCase()}`;
    case "group":
      return `group:${p.name.toLowerCase()}`;
    case "person":
      return `person:${p.name.toLowerCase()}`;
  }
}
