/** A STIX 2.1 object as JSON: every object has a type and an id; the rest depends on the type. */
export interface StixObject {
  type: string;
  id: string;
  [property: string]: unknown;
}

export interface StixBundle {
  type: "bundle";
  id: string;
  objects: StixObject[];
}
