import { setFlagsFromString } from "node:v8";

/**
 * Sets the V8 flags every Casebook process runs with. It must run before the first regular expression does: a
 * pattern compiled while a flag still had its default keeps what that default made of it.
 *
 * - `--heap-growing-percent=50`: on a machine with more than 16 GB, V8 allows a 4 GB heap and lets the old
 *   generation grow up to fourfold between collections: a stream of documents, whose garbage all dies young but is
 *   partly promoted, then peaks near 300 MB although what it holds stays under 60 MB. Capping the growth per
 *   collection keeps such a process near 200 MB at the same speed, without lowering the heap limit a large import
 *   may need.
 * - `--no-regexp-tier-up`: by default V8 first interprets a pattern's bytecode and compiles it to machine code only
 *   once it has run, and drops that code again when it goes unused across collections. Extraction runs a few
 *   hundred patterns over every text, each only where a cheaper test found something, so many of them bounce
 *   between interpreter and compiler; compiling each once, at first use, makes extraction a sixth to a fifth
 *   faster.
 */
export function tuneEngine(): void {
  setFlagsFromString("--heap-growing-percent=50");
  setFlagsFromString("--no-regexp-tier-up");
}
