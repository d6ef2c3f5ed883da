// The entry of an extraction worker thread. Worker threads do not inherit tsx's loader from the main thread,
// so this plain module registers it and then loads the TypeScript worker, as bin/casebook.js does for the CLI.
import { register } from "tsx/esm/api";

register();
await import("./extract-worker.ts");
