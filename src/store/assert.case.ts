import assert from "node:assert/strict";
import { StoreError, type StoreErrorCode } from "../model/store-errors.ts";
import type { Store } from "./store.ts";

/** What a backend may add to the suite: persistence across reopening, where it means something. */
export interface ConformanceOptions {
  /** Closes `store` and opens the same database again. */
  reopen?: (store: Store) => Promise<Store>;
}

/** Asserts that `fn` rejects with a StoreError of `code` whose message is a sentence matching `names`. */
export async function rejects(
  fn: () => Promise<unknown>,
  code: StoreErrorCode,
  names: RegExp,
): Promise<void> {
  await assert.rejects(fn, (err: unknown) => {
    assert.ok(err instanceof StoreError, `expected a StoreError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    assert.match(err.message, /^[A-Z][^\n]*\.$/);
    assert.match(err.message, names);
    return true;
  });
}
