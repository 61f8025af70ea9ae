/**
 * Text decoding, normalisation and plain-text headline detection.
 */
import { SitrepError } from '../errors.js';

/**
 * Decode bytes as text.
 * @param bytes raw input bytes.
 * @param input the input named in errors.
 * @param charset an encoding label (from an HTTP content-type); unknown labels fall back to UTF-8.
 *   A byte order mark wins over the label: UTF-16 LE/BE (FF FE / FE FF) and UTF-8 (EF BB BF) files
 *   are decoded as such, without the mark.
 * @throws SitrepError `input_not_text` when the bytes hold a NUL byte (a NUL character, for
 *   UTF-16) or are not valid in the encoding.
 */
export function decodeText(bytes: Uint8Array, input: string, charset?: string | null): string {
  const bom = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (bom) {
    let text: string;
    try {
      text = new TextDecoder(bom, { fatal: true }).decode(bytes);
    } catch {
      throw new SitrepError('input_not_text', `${input}: not valid ${bom} text (it starts with a ${bom} byte order mark)`, input);
    }
    if (text.includes('\0')) throw new SitrepError('input_not_text', `${input}: binary content (NUL character), not text`, input);
    return text;
  }
  if (bytes.includes(0)) {
    throw new SitrepError('input_not_text', `${input}: binary content (NUL byte), not text`, input);
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ? charset.trim().toLowerCase() : 'utf-8', { fatal: true });
  } catch {
    decoder = new TextDecoder('utf-8', { fatal: true });
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new SitrepError('input_not_text', `${input}: not valid ${decoder.encoding} text`, input);
  }
}

/**
 * Decode an HTML page: like {@link decodeText}, but when no charset is given and the bytes are not
 * UTF-8, the charset declared by a `<meta charset>` / `<meta http-equiv=content-type>` tag in the
 * first 2048 bytes is used (e.g. windows-1252 pages).
 * @throws SitrepError `input_not_text` as {@link decodeText}.
 */
export function decodeHtml(bytes: Uint8Array, input: string, charset?: string | null): string {
  if (charset) return decodeText(bytes, input, charset);
  try {
    return decodeText(bytes, input);
  } catch (e) {
    if (bytes.includes(0)) throw e;
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
    const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
    if (!m || /^utf-?8$/i.test(m[1])) throw e;
    return decodeText(bytes, input, m[1]);
  }
}

/** True when the start of `text` (first 1024 characters) holds `<html` or `<!doctype html`. */
export function sniffHtml(text: string): boolean {
  return /<html[\s>]|<!doctype\s+html/i.test(text.slice(0, 1024));
}

/**
 * The only normalisation sitrep applies to text (all offsets point into the result):
 * strip a leading byte-order mark, turn CRLF (and a lone CR) into LF, and
 * apply Unicode NFC. Nothing is trimmed or collapsed.
 */
export function normalizeText(text: string): string {
  let t = text;
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  t = t.replace(/\r\n?/g, '\n');
  return t.normalize('NFC');
}

/** True when `text` has nothing but whitespace. */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Maximum length (UTF-16 code units) of a first line taken as a headline. */
export const HEADLINE_MAX_CHARS = 200;
/** Maximum number of words of a first line taken as a headline. */
export const HEADLINE_MAX_WORDS = 30;

/**
 * Detect a headline in plain text: the first line is a headline when it is
 * short (at most {@link HEADLINE_MAX_CHARS} characters and
 * {@link HEADLINE_MAX_WORDS} words), holds a letter, does not end like a
 * sentence or clause (`.`, `,`, `;`, `:`, also before a closing quote or
 * bracket; `?` and `!` are allowed), and more non-blank text follows it on a
 * later line (after a newline or a blank line).
 *
 * The headline stays in the document text (offsets are unchanged); only the
 * title is taken from it.
 * @param text normalised text (LF line breaks).
 * @returns the headline, trimmed, or null.
 */
export function detectHeadline(text: string): string | null {
  const nl = text.indexOf('\n');
  if (nl < 0) return null;
  const line = text.slice(0, nl).trim();
  if (line === '' || isBlank(text.slice(nl + 1))) return null;
  if (line.length > HEADLINE_MAX_CHARS) return null;
  if (line.split(/\s+/).length > HEADLINE_MAX_WORDS) return null;
  if (!/\p{L}/u.test(line)) return null;
  const core = line.replace(/["'”’»)\]]+$/u, '');
  if (/[.,;:…]$/u.test(core)) return null;
  return line;
}
