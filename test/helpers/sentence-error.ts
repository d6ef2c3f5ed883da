import assert from "node:assert/strict";
import { CasebookError, type ErrorCode } from "../../src/model/index.ts";

/**
 * Asserts that `fn` throws a CasebookError with `code` whose message is a sentence a person can act on:
 * it starts with a capital, ends with a full stop, carries no stack or class name, and names the problem.
 */
export function assertSentenceError(fn: () => unknown, code: ErrorCode, names: RegExp): CasebookError {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown instanceof CasebookError, `expected a CasebookError, got ${String(thrown)}`);
  assert.equal(thrown.code, code, `wrong code for: ${thrown.message}`);
  assertSentence(thrown.message);
  assert.match(thrown.message, names);
  return thrown;
}

export function assertSentence(message: string): void {
  assert.match(message, /^[A-Z][^\n]*[.]$/, `not a one-line sentence: ${JSON.stringify(message)}`);
  assert.doesNotMatch(
    message,
    /\bat .*\.ts:\d+|CasebookError|undefined|\[object /,
    `leaks internals: ${message}`,
  );
}
