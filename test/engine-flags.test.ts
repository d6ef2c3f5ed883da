import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { ENGINE_FLAGS } from "../src/service/engine.ts";

const root = new URL("../", import.meta.url);
const scripts = (
  JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { scripts: Record<string, string> }
).scripts;

// The engine flags are given on node's command line (src/service/engine.ts says why): every way in must carry them.
describe("engine flags", () => {
  it("are options this node accepts", () => {
    const r = spawnSync(process.execPath, [...ENGINE_FLAGS, "-e", "0"], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
  });

  for (const name of ["casebook", "start", "bench"])
    it(`start \`npm run ${name}\``, () => {
      const script = scripts[name] ?? "";
      for (const flag of ENGINE_FLAGS) assert.ok(script.includes(` ${flag} `), `${name}: ${script}`);
    });

  it("start bin/casebook.js", () => {
    const shebang = readFileSync(new URL("bin/casebook.js", root), "utf8").split("\n")[0] ?? "";
    assert.match(shebang, /^#!\/usr\/bin\/env -S node /);
    for (const flag of ENGINE_FLAGS) assert.ok(shebang.includes(flag), shebang);
  });
});
