import {
  closeSync,
  createReadStream,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
} from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { detectFormat } from "../intake/index.ts";
import { CasebookError, type Tlp, TlpSchema } from "../model/index.ts";
import { IngestError } from "../model/ingest-errors.ts";

/** What ingest reads, by what a file is. */
export type InputKind = "text" | "html" | "jsonl" | "feed";

export interface Input {
  path: string;
  kind: InputKind;
}

const BY_EXTENSION: Record<string, InputKind> = {
  ".txt": "text",
  ".text": "text",
  ".md": "text",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".xml": "feed",
  ".rss": "feed",
  ".atom": "feed",
};

/** A folder's own documentation, not a source: README.md, LICENSE, CHANGELOG.md … */
const PAPERWORK = /^(?:readme|license|licence|changelog|contributing)(?:\.[\w.]+)?$/i;

/**
 * The files under `paths`, in a stable order: folders are walked recursively (hidden entries skipped), and only
 * files of a kind Casebook reads are taken from them; a file named explicitly is read whatever its name, its
 * kind sniffed from its first bytes when the extension does not say. A folder's README, LICENSE and
 * CHANGELOG are passed over. Paths that cannot be read are reported.
 */
export function collectInputs(paths: readonly string[]): {
  inputs: Input[];
  skipped: number;
  failures: Array<{ where: string; error: Error }>;
} {
  const inputs: Input[] = [];
  const failures: Array<{ where: string; error: Error }> = [];
  let skipped = 0;
  const seenDirs = new Set<string>();

  const walk = (dir: string) => {
    const real = realpathSync(dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    const names = readdirSync(dir).sort();
    // X.json beside X.txt or X.html is that file's metadata, not a file left out
    const documents = new Set(
      names.filter((n) => /^(?:text|html)$/.test(BY_EXTENSION[extname(n).toLowerCase()] ?? "")).map(stem),
    );
    for (const name of names) {
      if (name.startsWith(".") || PAPERWORK.test(name)) continue;
      if (extname(name).toLowerCase() === ".json" && documents.has(stem(name))) continue;
      const path = join(dir, name);
      let isDir: boolean;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        failures.push({ where: path, error: unreadable(path) });
        continue;
      }
      if (isDir) walk(path);
      else {
        const kind = BY_EXTENSION[extname(name).toLowerCase()];
        if (kind === undefined) skipped++;
        else inputs.push({ path, kind });
      }
    }
  };

  for (const path of paths) {
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else inputs.push({ path, kind: BY_EXTENSION[extname(path).toLowerCase()] ?? sniff(path) });
    } catch (err) {
      failures.push({
        where: path,
        error: err instanceof CasebookError || err instanceof IngestError ? err : unreadable(path, err),
      });
    }
  }
  return { inputs, skipped, failures };
}

const stem = (name: string) => basename(name, extname(name));

function unreadable(path: string, err?: unknown): CasebookError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return new CasebookError("NOT_FOUND", `The path "${path}" does not exist.`);
  if (code === "EACCES")
    return new CasebookError("NOT_FOUND", `The path "${path}" cannot be read: permission denied.`);
  return new CasebookError("NOT_FOUND", `The path "${path}" cannot be read (${code ?? "unknown error"}).`);
}

/** The kind of a file whose extension does not say, from its opening bytes. */
function sniff(path: string): InputKind {
  const head = readHead(path);
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]/.test(head)) return "feed";
  if (/^\s*\{/.test(head)) return "jsonl";
  return detectFormat(undefined, head);
}

function readHead(path: string): string {
  const buf = Buffer.alloc(4096);
  const fd = openSync(path, "r");
  try {
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf
      .subarray(0, n)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
  } finally {
    closeSync(fd);
  }
}

/**
 * Metadata kept beside a text or HTML file as X.json ({"title", "published", "url", "publisher", "tlp"}), as the
 * team-written corpus keeps it. Unknown fields are ignored; a sidecar that is not JSON is ignored too.
 */
export interface Sidecar {
  title?: string;
  published?: string;
  url?: string;
  publisher?: string;
  tlp?: Tlp;
}

export function readSidecar(path: string): Sidecar {
  const side = join(dirname(path), `${basename(path, extname(path))}.json`);
  if (!existsSync(side)) return {};
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(side, "utf8"));
  } catch {
    return {};
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const v = value as Record<string, unknown>;
  const str = (k: string) =>
    typeof v[k] === "string" && (v[k] as string).trim() !== "" ? (v[k] as string) : undefined;
  const tlp = TlpSchema.safeParse(v.tlp);
  const out: Sidecar = {};
  for (const k of ["title", "published", "url", "publisher"] as const) {
    const s = str(k);
    if (s !== undefined) out[k] = s;
  }
  if (tlp.success) out.tlp = tlp.data;
  return out;
}

/** Non-empty lines of a file, counted without loading it: the progress bar's share of a JSONL file. */
export async function countDocumentLines(path: string): Promise<number> {
  let lines = 0;
  let blank = true;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (byte === 0x0a) {
        if (!blank) lines++;
        blank = true;
      } else if (byte !== 0x0d && byte !== 0x20 && byte !== 0x09) blank = false;
    }
  }
  return blank ? lines : lines + 1;
}
