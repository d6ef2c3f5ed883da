import { Buffer } from "node:buffer";

// the bytes are written little-endian: on a big-endian machine each unit is read from the string instead
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A text's UTF-16 code units in a typed array, for scans that visit many characters: `charCodeAt` costs some
 * thirty to forty instructions in optimised code (V8 works out at each call how the string is stored, and
 * unwraps a slice of a document), an element of a Uint16Array a few. The copy is one native write.
 *
 * Each owner keeps one array and reuses it: what `of` returns is valid until its next call.
 */
export class CodeUnits {
  private bytes = Buffer.allocUnsafeSlow(2 * 1024);
  private units = view(this.bytes);

  /** The code units of `text` in the array's first `text.length` elements (it may be longer). */
  of(text: string): Uint16Array {
    const n = text.length;
    if (n > this.units.length) {
      this.bytes = Buffer.allocUnsafeSlow(2 * Math.max(n, 2 * this.units.length));
      this.units = view(this.bytes);
    }
    const units = this.units;
    if (LITTLE_ENDIAN) this.bytes.write(text, 0, "utf16le");
    else for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
    return units;
  }
}

function view(b: Buffer): Uint16Array {
  return new Uint16Array(b.buffer, b.byteOffset, b.length >> 1);
}
