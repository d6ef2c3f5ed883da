import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** The shared reference data (official STIX 2.1 schemas, ATT&CK, the MISP galaxy), when the machine has it. */
export const SHARED_DATA =
  process.env.CASEBOOK_SHARED_DATA ?? join(import.meta.dirname, "../../../shared/data");
export const SCHEMAS_DIR = join(SHARED_DATA, "stix2.1-schemas");
export const haveSharedData = existsSync(SCHEMAS_DIR);
export const SKIP_NO_SHARED = haveSharedData
  ? false
  : `the shared reference data (${SHARED_DATA}) is absent: set CASEBOOK_SHARED_DATA to run this`;

const BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

/** The official STIX 2.1 JSON schemas compiled with Ajv (draft 2020-12); validate(object) → error messages. */
export function stixValidator(): { validate(o: { type: string }): string[]; bundle(b: unknown): string[] } {
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".json")) files.push(p);
    }
  };
  walk(SCHEMAS_DIR);
  for (const f of files) ajv.addSchema(JSON.parse(readFileSync(f, "utf8")));
  const byType = new Map<string, string>();
  for (const dir of ["sdos", "sros", "observables"])
    for (const f of readdirSync(join(SCHEMAS_DIR, dir)))
      byType.set(f.replace(/\.json$/, ""), `${BASE}${dir}/${f}`);
  for (const t of ["marking-definition", "extension-definition", "language-content"])
    byType.set(t, `${BASE}common/${t}.json`);
  const run = (id: string, o: unknown) => {
    const v = ajv.getSchema(id);
    if (!v) return [`no schema ${id}`];
    return v(o) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
  return {
    validate: (o) => {
      const id = byType.get(o.type);
      return id ? run(id, o) : [`no schema for type ${o.type}`];
    },
    bundle: (b) => run(`${BASE}common/bundle.json`, b),
  };
}
