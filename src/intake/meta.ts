import type { Tlp } from "../model/index.ts";

/** What the caller knows about a source besides its content. Every field is optional; intake fills the gaps it can. */
export interface IntakeMeta {
  /** Identifier of the document; derived from its sha256 when absent. */
  id?: string;
  title?: string;
  /** YYYY-MM-DD or a full ISO timestamp; required unless the HTML carries it. */
  published?: string | null;
  url?: string;
  publisher?: string;
  tlp?: Tlp;
}

/** Options that tests and long-running services may set. */
export interface IntakeOptions {
  /** The moment "today" is measured from when refusing future publication dates. */
  now?: Date;
}
