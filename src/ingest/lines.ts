/**
 * Byte-level line splitting for JSON Lines, with a per-line size limit, so a
 * large batch file is streamed rather than read whole.
 */

/** One line: its 1-based number and bytes (without the LF or a CR before it), or `null` when over the limit. */
export interface RawLine {
  line: number;
  bytes: Buffer | null;
}

/**
 * Split a byte stream into lines on LF.
 * @param chunks the stream (Buffers, Uint8Arrays or strings, strings are taken as UTF-8).
 * @param maxBytes a longer line is reported with `bytes: null` (and not buffered).
 */
export async function* splitLines(chunks: AsyncIterable<unknown>, maxBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let len = 0;
  let over = false;
  let lineNo = 0;
  const emit = (): RawLine => {
    lineNo++;
    let bytes: Buffer | null = null;
    if (!over) {
      bytes = Buffer.concat(parts, len);
      if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      if (bytes.length > maxBytes) bytes = null;
    }
    parts = [];
    len = 0;
    over = false;
    return { line: lineNo, bytes };
  };
  const add = (seg: Buffer): void => {
    if (over || seg.length === 0) return;
    if (len + seg.length > maxBytes + 1) {
      // +1 leaves room for a CR before the LF
      over = true;
      parts = [];
      len = 0;
      return;
    }
    parts.push(seg);
    len += seg.length;
  };
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
    let pos = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, pos);
      if (nl < 0) {
        add(buf.subarray(pos));
        break;
      }
      add(buf.subarray(pos, nl));
      yield emit();
      pos = nl + 1;
    }
  }
  if (len > 0 || over) yield emit();
}
