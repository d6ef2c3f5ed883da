/**
 * Splits a byte stream into lines of bytes, without decoding. The batch decodes each line itself, strictly,
 * so that a line of invalid UTF-8 becomes an error record for that line alone, where a decoding stream
 * reader would silently turn it into U+FFFD and extract a damaged text.
 * Lines end at "\n"; a "\r" before it is dropped (CRLF files); a leading UTF-8 byte-order mark is dropped.
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array, void, undefined> {
  let pending: Buffer[] = [];
  let first = true;
  for await (const piece of chunks) {
    let chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    if (first && chunk.length > 0) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      pending.push(chunk.subarray(start, nl));
      yield withoutCr(pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending));
      pending = [];
      start = nl + 1;
    }
    // Copy the tail: keeping a slice would pin the whole chunk in memory while a long line accumulates.
    if (start < chunk.length) pending.push(Buffer.from(chunk.subarray(start)));
  }
  if (pending.length > 0) yield withoutCr(Buffer.concat(pending));
}

function withoutCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line;
}
