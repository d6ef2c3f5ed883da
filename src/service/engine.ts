/**
 * V8 flags every Casebook process is started with, on the command line: the npm scripts, bin/casebook.js and the
 * bench's child processes pass them to `node`. They are not set from inside a running process, where V8 does not
 * support changing them: a process that switched `--regexp-tier-up` off at run time, after Node and tsx had compiled
 * patterns of their own, crashed (SIGSEGV) in about one start of a hundred and twenty under load.
 *
 * - `--no-regexp-tier-up`: by default V8 first interprets a pattern's bytecode and compiles it to machine code only
 *   once it has run, and drops that code again when it goes unused across collections. Extraction runs a few
 *   hundred patterns over every text, each only where a cheaper test found something, so many of them bounce
 *   between interpreter and compiler; compiling each once, at first use, makes extraction a sixth to a fifth faster.
 * - `--heap-growing-percent=50`: on a machine with more than 16 GB, V8 allows a 4 GB heap and lets the old
 *   generation grow up to fourfold between collections: a stream of documents, whose garbage all dies young but is
 *   partly promoted, then peaks near 300 MB although what it holds stays under 60 MB. Capping the growth per
 *   collection keeps such a process near 200 MB at the same speed, without lowering the heap limit a large import
 *   may need.
 *
 * A process started without them reads the same records, only slower and with a higher peak.
 */
export const ENGINE_FLAGS: readonly string[] = ["--no-regexp-tier-up", "--heap-growing-percent=50"];
