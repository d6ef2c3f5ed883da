import { ENGINE_FLAGS } from "../src/service/engine.ts";

/** What a bench child process is started with before its script: the engine's flags, and tsx to run TypeScript. */
export const NODE_ARGS: readonly string[] = [...ENGINE_FLAGS, "--import", "tsx"];
