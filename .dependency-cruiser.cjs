/**
 * The import rules of DESIGN.md ("Layout"), enforced by `npm run depcheck`:
 *
 *   folder                              may import (besides itself)
 *   model                               nothing of ours
 *   intake, extract, resolve, interop   model — never each other
 *   store                               model
 *   service                             model, intake, extract, resolve, store, interop
 *   jobs, server                        service, model
 *   cli                                 service, model, jobs (worker, jobs, feeds), server (commands that start a server)
 *   web (the UI, bundled by Vite)        model, type-only (test/web-imports.test.ts checks the "type-only")
 *
 * and no cycles anywhere. Type-only imports count: a type dependency is still a dependency.
 * TypeScript is parsed with swc because dependency-cruiser cannot drive TypeScript 7's native compiler.
 */
const OURS = "^src/";

/** A rule forbidding `from` to import anything of ours outside `allowed` (and its own folder). */
function onlyMay(name, from, allowed, comment) {
  return {
    name,
    comment,
    severity: "error",
    from: { path: `^src/(${from})/` },
    to: { path: OURS, pathNot: [`^src/(${allowed.join("|")})/`, "^src/$1/"] },
  };
}

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Cycles make stages impossible to test, reuse or reason about alone.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "model-imports-nothing-of-ours",
      comment: "The vocabulary is the bottom layer: everything depends on it, it depends on nothing of ours.",
      severity: "error",
      from: { path: "^src/model/" },
      to: { path: OURS, pathNot: "^src/model/" },
    },
    onlyMay(
      "stages-import-only-model",
      "intake|extract|resolve|interop",
      ["model"],
      "intake, extract, resolve and interop are pure stages: they know the model, never each other.",
    ),
    onlyMay("store-imports-only-model", "store", ["model"], "The store knows the model, not the stages or HTTP."),
    onlyMay(
      "service-imports-stages",
      "service",
      ["model", "intake", "extract", "resolve", "store", "interop"],
      "Use cases chain the stages; they never reach up into jobs, server or cli.",
    ),
    onlyMay(
      "entry-points-import-service",
      "jobs|server",
      ["service", "model"],
      "Entry points go through the use cases, so every entry point behaves alike.",
    ),
    onlyMay(
      "cli-imports-service",
      "cli",
      ["service", "model", "jobs", "server"],
      "Commands go through the use cases; commands that run workers and feeds start jobs, a command that serves HTTP starts the server's app.",
    ),
    {
      name: "web-imports-only-model-types",
      comment: "The web app talks to the HTTP API only; from our code it may take the model's types, nothing else.",
      severity: "error",
      from: { path: "^web/" },
      to: { path: OURS, pathNot: "^src/model/" },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that does not resolve is a typo or a missing dependency.",
      severity: "error",
      from: {},
      // virtual: modules are made by the web app's build (web/vite.config.ts)
      to: { couldNotResolve: true, pathNot: "^virtual:" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    parser: "swc",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
  },
};
