import { type Party, partyKey, type Tlp } from "../../model/index.ts";
import { CASEBOOK_DEFINED } from "./extensions.ts";
import { stixId } from "./ids.ts";
import { loosest, TLP_MARKING_IDS } from "./tlp.ts";
import type { StixObject } from "./types.ts";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "Albania" for AL; the code itself when the runtime does not know it. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** How a party appears in a fact, which decides the STIX object that stands for it. */
export type PartyRole =
  /** someone who speaks or acts: a claimant, the author of a denial, the actor of a response */
  | "author"
  /** hit by an incident or targeted by a response: a state is its country (location) */
  | "victim"
  /** blamed: a state is a nation-state threat actor, a group an intrusion set */
  | "accused";

interface Entry {
  object: StixObject;
  tlp: Tlp;
}

/**
 * The parties of an export as STIX objects, shared by every fact that names them: each is made once and
 * emitted at the end, marked with the least restrictive marking of the facts that name it (a name known from a
 * TLP:CLEAR source is itself clear).
 *
 * - a state is the identity of its government (author), its country as a location (victim) and a
 *   nation-state threat actor (accused), the identity and the threat actor `located-at` the location;
 * - a group is an intrusion set (`attributed-to` its sponsor's threat actor), and an identity of class
 *   "group" when it speaks (claims responsibility);
 * - an international body or an organisation is an identity of class organization, a person one of class
 *   individual, `located-at` their country when known.
 */
export class PartyObjects {
  private readonly entries = new Map<string, Entry>();

  /** The STIX id standing for `party` in `role`, creating the objects it needs. */
  ref(party: Party, role: PartyRole, tlp: Tlp): string {
    if (party.kind === "state") {
      if (role === "victim") return this.location(party.country, tlp);
      if (role === "accused") return this.stateActor(party.country, tlp);
      return this.government(party.country, tlp);
    }
    if (party.kind === "group") {
      if (role === "accused" || role === "victim") return this.intrusionSet(party, tlp);
      return this.add(
        {
          type: "identity",
          id: stixId("identity", partyKey(party)),
          name: party.name,
          identity_class: "group",
        },
        tlp,
      );
    }
    const country = party.kind === "intl" ? undefined : party.country;
    const id = this.add(
      {
        type: "identity",
        id: stixId("identity", partyKey(party)),
        name: party.name,
        identity_class: party.kind === "person" ? "individual" : "organization",
        ...(party.kind === "person" && party.role ? { roles: [party.role] } : {}),
      },
      tlp,
    );
    if (country) this.relate("located-at", id, this.location(country, tlp), tlp);
    return id;
  }

  /** Every party object and the relationships among them, in a stable order (by id). */
  objects(): StixObject[] {
    return [...this.entries.values()]
      .map(({ object, tlp }) => ({ ...object, object_marking_refs: [TLP_MARKING_IDS[tlp]] }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The marking levels the party objects carry. */
  markings(): Tlp[] {
    return [...new Set([...this.entries.values()].map((e) => e.tlp))];
  }

  private location(country: string, tlp: Tlp): string {
    return this.add(
      { type: "location", id: stixId("location", "country", country), name: countryName(country), country },
      tlp,
    );
  }

  private government(country: string, tlp: Tlp): string {
    const id = this.add(
      {
        type: "identity",
        id: stixId("identity", `state:${country}`),
        name: `Government of ${countryName(country)}`,
        identity_class: "organization",
        sectors: ["government-national"],
      },
      tlp,
    );
    this.relate("located-at", id, this.location(country, tlp), tlp);
    return id;
  }

  private stateActor(country: string, tlp: Tlp): string {
    const id = this.add(
      {
        type: "threat-actor",
        id: stixId("threat-actor", `state:${country}`),
        name: `${countryName(country)} (state)`,
        threat_actor_types: ["nation-state"],
        sophistication: "strategic",
        resource_level: "government",
      },
      tlp,
    );
    this.relate("located-at", id, this.location(country, tlp), tlp);
    return id;
  }

  private intrusionSet(group: Extract<Party, { kind: "group" }>, tlp: Tlp): string {
    const aliases = [...new Set(group.aliases ?? [])].filter((a) => a !== group.name).sort();
    const id = this.add(
      {
        type: "intrusion-set",
        id: stixId("intrusion-set", partyKey(group)),
        name: group.name,
        ...(aliases.length ? { aliases } : {}),
      },
      tlp,
    );
    if (group.sponsor) this.relate("attributed-to", id, this.stateActor(group.sponsor, tlp), tlp);
    return id;
  }

  private relate(type: string, source: string, target: string, tlp: Tlp): void {
    this.add(
      {
        type: "relationship",
        id: stixId("relationship", type, source, target),
        relationship_type: type,
        source_ref: source,
        target_ref: target,
      },
      tlp,
    );
  }

  private add(body: StixObject, tlp: Tlp): string {
    const known = this.entries.get(body.id);
    if (known) {
      known.tlp = loosest(known.tlp, tlp);
      return body.id;
    }
    const { type, id, ...rest } = body;
    this.entries.set(id, {
      object: {
        type,
        spec_version: "2.1",
        id,
        created: CASEBOOK_DEFINED,
        modified: CASEBOOK_DEFINED,
        ...rest,
      },
      tlp,
    });
    return id;
  }
}
