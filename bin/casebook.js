#!/usr/bin/env node
// Runs the TypeScript CLI from a checkout (`npm link`, or `npx casebook` inside the project) without a build
// step: tsx compiles src/ on the fly, exactly as `npm run casebook` does.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
