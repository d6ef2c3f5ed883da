/**
 * Imported first by the CLI's entry point, so that the engine's flags are set before any other module is evaluated
 * and compiles a pattern.
 */
import { tuneEngine } from "../service/engine.ts";

tuneEngine();
