import { TLP_LEVELS, type Tlp } from "../../model/index.ts";
import type { StixObject } from "./types.ts";

/** The TLP 2.0 extension of FIRST, as published for STIX 2.1, and its fixed marking-definition ids. */
export const TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

export const TLP_MARKING_IDS: Record<Tlp, string> = {
  clear: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
  green: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
  amber: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
  "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
  red: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
};

/** The TLP 2.0 marking-definition object of a level, exactly as the published definitions read. */
export function tlpMarking(tlp: Tlp): StixObject {
  return {
    type: "marking-definition",
    spec_version: "2.1",
    id: TLP_MARKING_IDS[tlp],
    created: "2022-10-01T00:00:00.000Z",
    name: `TLP:${tlp.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION]: { extension_type: "property-extension", tlp_2_0: tlp } },
  };
}

/** The level a marking-definition id stands for (TLP 2.0 ids, and the TLP 1.0 ids of STIX 2.1 itself). */
export function tlpOfMarking(id: string): Tlp | undefined {
  for (const level of TLP_LEVELS) if (TLP_MARKING_IDS[level] === id) return level;
  return TLP1_IDS[id];
}

const TLP1_IDS: Record<string, Tlp> = {
  "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": "clear",
  "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": "green",
  "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": "amber",
  "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": "red",
};

/** Order of restriction: clear < green < amber < amber+strict < red. */
export function tlpRank(tlp: Tlp): number {
  return TLP_LEVELS.indexOf(tlp);
}

/** True when something marked `tlp` may be shared with someone cleared for `clearance`. */
export function withinClearance(tlp: Tlp, clearance: Tlp): boolean {
  return tlpRank(tlp) <= tlpRank(clearance);
}

/** The most restrictive of some levels (clear when there are none). */
export function strictest(levels: Iterable<Tlp>): Tlp {
  let out: Tlp = "clear";
  for (const l of levels) if (tlpRank(l) > tlpRank(out)) out = l;
  return out;
}

/** The least restrictive of some levels. */
export function loosest(a: Tlp, b: Tlp): Tlp {
  return tlpRank(a) <= tlpRank(b) ? a : b;
}
