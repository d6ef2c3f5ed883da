/** Errors of reading a bundle, a catalogue or an interchange request: a sentence for people, a code for programs. */
export type InteropErrorCode =
  | "BAD_JSON"
  | "NOT_FOUND"
  | "NOT_A_BUNDLE"
  | "WRONG_SPEC_VERSION"
  | "TOO_MANY_OBJECTS"
  | "TOO_LARGE"
  | "CANNOT_WRITE";

export class InteropError extends Error {
  readonly code: InteropErrorCode;
  constructor(code: InteropErrorCode, message: string) {
    super(message);
    this.name = "InteropError";
    this.code = code;
  }
}
