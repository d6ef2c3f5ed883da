#!/usr/bin/env -S node --no-regexp-tier-up --heap-growing-percent=50
// Runs the TypeScript CLI from a checkout (`npm link`, or `npx casebook` inside the project) without a build
// step: tsx compiles src/ on the fly, exactly as `npm run casebook` does, with the same engine flags
// (src/service/engine.ts).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
