import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

/**
 * The web app talks to the HTTP API only: of our code it may import the model's types, never its values (which
 * would also bring zod into the bundle). dependency-cruiser checks that it imports nothing but the model; its
 * parser cannot tell type-only imports, so this checks them.
 */
const WEB = fileURLToPath(new URL("../web/src/", import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("the web app's imports", () => {
  it("take only types from src/model, and nothing else of ours", () => {
    const found: string[] = [];
    for (const file of files(WEB)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms)) {
        const [, typeOnly, from = ""] = m;
        if (!/\/src\//.test(from)) continue;
        found.push(from);
        assert.ok(/\/src\/model\//.test(from), `${file} imports ${from}, outside the model`);
        assert.ok(typeOnly, `${file} imports values from ${from}; only "import type" is allowed`);
      }
    }
    assert.ok(found.length > 5, "the check saw the web app's model imports");
  });
});
