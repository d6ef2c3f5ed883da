#!/usr/bin/env node
import { CommanderError } from "commander";
import { isSentenceError } from "../model/store-errors.ts";
import { processIo } from "./io.ts";
import { buildProgram } from "./program.ts";

/**
 * Entry point. Errors reach the user as one sentence on stderr and exit code 1, never as a stack trace;
 * set CASEBOOK_DEBUG=1 to see the stack of an unexpected one.
 */
async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram(processIo).exitOverride();
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    // Commander has already printed its own message (or the help text) by the time it throws.
    if (err instanceof CommanderError) return err.exitCode;
    if (isSentenceError(err)) {
      process.stderr.write(`casebook: ${err.message}\n`);
      return 1;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`casebook: Something went wrong that Casebook did not expect: ${message}\n`);
    if (process.env.CASEBOOK_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

// A closed pipe (`casebook … | head`) is not an error worth a stack trace.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
});

process.exitCode = await main(process.argv);
