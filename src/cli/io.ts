import { once } from "node:events";
import type { Readable, Writable } from "node:stream";

/** The streams a command talks to; tests hand in their own. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
}

export const processIo: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

/** Writes with backpressure: a slow consumer pauses the batch instead of letting output pile up in memory. */
export async function writeOut(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}

/** Ends a stream and waits until everything written has been flushed. */
export async function finish(stream: Writable): Promise<void> {
  if (stream === process.stdout || stream === process.stderr) return;
  stream.end();
  if (!stream.writableFinished) await once(stream, "finish");
}
