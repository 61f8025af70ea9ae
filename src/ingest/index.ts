/**
 * Ingest: turn paths, URLs and stdin into {@link Article}s.
 *
 * Input kinds (one `inputs` entry each, results yielded in input order):
 * - `-`: standard input. JSON Lines when the first non-blank character is `{`
 *   (origins `stdin:LINE`), else one article: HTML when the first 1024
 *   characters hold `<html` or `<!doctype html`, else plain text.
 * - `http://` / `https://` URL: fetched with a size limit and a timeout; HTML
 *   when the content-type says so (text/html, application/xhtml+xml) or, when
 *   none is sent, when sniffed; text/plain as text; other content types are
 *   rejected (`input_not_text`). Other schemes: `url_fetch_failed`.
 *   `url` is the canonical URL when the page states one, else the URL given;
 *   `source` falls back to the host name.
 * - `.jsonl` / `.ndjson` file: one object per line (see ArticleRecordSchema:
 *   `{"id"?, "text"|"html", "title"?, "published"?, "url"?, "source"?}`;
 *   `text` wins when both are given). Blank lines are skipped. Each line is
 *   one result, origin `file.jsonl:LINE` (1-based). The size limit applies per line.
 * - `.json` file: one article object or an array of them (origins `file.json[INDEX]`, 0-based).
 * - `.html` / `.htm` / `.xhtml` file, or any other file whose start sniffs as HTML: HTML.
 * - any other file (`.txt`, no extension, ...): plain text.
 * - a folder: its `.txt .html .htm .xhtml .jsonl .ndjson .json` files, recursively
 *   unless `recursive: false`, sorted by path (code-unit order of the path relative to the folder,
 *   `/`-separated); hidden entries (name starting with `.`) and other files are ignored;
 *   a folder with no such file yields one `input_empty` error.
 *
 * Plain text title: when no title is given, a first line that reads as a
 * headline (see detectHeadline) becomes the title. **The headline line stays
 * in `text`** so the text is the file exactly as written (after
 * normalisation) and offsets match the file. JSON records are not scanned
 * for a headline: their title is the `title` field only.
 *
 * Metadata file: `stem.json` beside `stem.txt` / `stem.html` / `stem.htm`
 * (`{"title"?, "published"?, "url"?, "source"?}`, other keys ignored) supplies
 * metadata that wins over anything found in the file. In a folder such a
 * `.json` is metadata, not an input.
 *
 * Dates: ISO dates or datetimes, normalised to the calendar date as written
 * (`2025-08-13T23:30:00-04:00` gives `2025-08-13`: the local date of the
 * stated offset, never converted to UTC). An invalid date in a JSON field or
 * metadata file fails that article with `invalid_date`. Dates in HTML meta
 * tags are best effort: unparseable ones are skipped. `opts.published` sets
 * the date of every article (given dates are then not checked).
 *
 * Text normalisation: BOM stripped, CRLF and lone CR to LF, Unicode NFC;
 * nothing else. HTML text is built from block elements (see extractHtml).
 */
import { promises as fsp, type Stats } from 'node:fs';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { SitrepError, asSitrepError } from '../errors.js';
import {
  type ArticleResult,
  type BuildContext,
  type GivenMeta,
  ArticleRecordSchema,
  SidecarSchema,
  buildArticle,
  zodMessage,
} from './article.js';
import { normalizeDate } from './dates.js';
import { splitLines } from './lines.js';
import { decodeHtml, decodeText, sniffHtml } from './text.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, fetchUrl, looksLikeUrl } from './url.js';

export type { Article, ArticleResult, ArticleRecord, GivenMeta } from './article.js';
export { documentId, toDocumentMeta, ArticleRecordSchema, SidecarSchema } from './article.js';
export { parseIsoDate, parseLooseDate, normalizeDate } from './dates.js';
export { extractHtml, blockText, type HtmlExtraction } from './html.js';
export { detectHeadline, normalizeText, decodeText, decodeHtml, sniffHtml } from './text.js';
export { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, fetchUrl, looksLikeUrl } from './url.js';

/** Options of {@link readInputs}. */
export interface ReadOptions {
  /** Publication date for every article (ISO date or datetime, normalised to `YYYY-MM-DD`); overrides dates found in inputs. */
  published?: string;
  /** Descend into sub-folders of folder inputs (default true). */
  recursive?: boolean;
  /** Size limit in bytes for one file, one URL body, stdin, or one JSON Lines line (default 5 MB = 5 242 880). */
  maxBytes?: number;
  /** Timeout in milliseconds for one URL, body included (default 15 000). */
  timeoutMs?: number;
  /** Stream read for the input `-` (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

interface Ctx extends BuildContext {
  recursive: boolean;
  maxBytes: number;
  timeoutMs: number;
  stdin?: NodeJS.ReadableStream;
}

const FOLDER_EXTS = new Set(['.txt', '.html', '.htm', '.xhtml', '.jsonl', '.ndjson', '.json']);
const HTML_EXTS = new Set(['.html', '.htm', '.xhtml']);
const SIDECAR_OWNERS = ['.txt', '.html', '.htm', '.xhtml'];

/**
 * Read articles from inputs, in input order (folders: sorted by path).
 * A bad input or article yields `{ok: false, origin, error}` and the batch
 * goes on; the generator itself does not throw for input problems.
 * Error codes: `input_not_found` (no such path), `input_unreadable`
 * (permissions, unreadable folder), `input_not_text` (NUL bytes, invalid
 * UTF-8, non-text content type), `input_too_large` (over `maxBytes`),
 * `input_empty` (no text after extraction), `invalid_json` (names
 * `file:LINE`), `invalid_article` (record without text/html or with wrong
 * types), `invalid_date`, `url_fetch_failed` (scheme, network, HTTP status, timeout).
 * @param inputs paths, folders, http(s) URLs, or `-` for stdin.
 * @throws SitrepError `invalid_date` / `invalid_argument` on the first `next()` when
 *   `opts.published`, `opts.maxBytes` or `opts.timeoutMs` is invalid (nothing is read).
 */
export async function* readInputs(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<ArticleResult> {
  const ctx: Ctx = {
    recursive: opts.recursive ?? true,
    maxBytes: positive(opts.maxBytes, DEFAULT_MAX_BYTES, 'maxBytes'),
    timeoutMs: positive(opts.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs'),
    stdin: opts.stdin,
  };
  if (opts.published !== undefined) {
    const p = normalizeDate(opts.published, '--published');
    if (p === null) throw new SitrepError('invalid_date', '--published: empty date', '--published');
    ctx.published = p;
  }
  for (const input of inputs) {
    try {
      yield* readOne(input, ctx);
    } catch (e) {
      yield fail(input, e);
    }
  }
}

function positive(v: number | undefined, dflt: number, name: string): number {
  if (v === undefined) return dflt;
  if (!Number.isFinite(v) || v <= 0) {
    throw new SitrepError('invalid_argument', `${name} must be a positive number, got ${v}`, name);
  }
  return v;
}

function fail(origin: string, e: unknown): ArticleResult {
  return { ok: false, origin, error: asSitrepError(e, origin) };
}

/** Map a Node fs error to a SitrepError. */
function fsError(e: unknown, p: string): SitrepError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new SitrepError('input_not_found', `${p}: no such file or folder`, p);
  if (code === 'EACCES' || code === 'EPERM') return new SitrepError('input_unreadable', `${p}: permission denied`, p);
  if (code === 'EISDIR') return new SitrepError('input_unreadable', `${p}: is a folder`, p);
  if (e instanceof SitrepError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new SitrepError('input_unreadable', `${p}: cannot read (${code ?? msg})`, p);
}

async function* readOne(input: string, ctx: Ctx): AsyncGenerator<ArticleResult> {
  if (input === '-') {
    yield* readStdin(ctx);
    return;
  }
  if (looksLikeUrl(input)) {
    yield await readUrl(input, ctx);
    return;
  }
  let st: Stats;
  try {
    st = await fsp.stat(input);
  } catch (e) {
    yield fail(input, fsError(e, input));
    return;
  }
  if (st.isDirectory()) {
    yield* readFolder(input, ctx);
    return;
  }
  if (!st.isFile()) {
    yield fail(input, new SitrepError('input_unreadable', `${input}: not a regular file`, input));
    return;
  }
  yield* readFile(input, ctx, st);
}

async function readBytes(file: string, ctx: Ctx, st?: Stats): Promise<Buffer> {
  try {
    const s = st ?? (await fsp.stat(file));
    if (s.size > ctx.maxBytes) {
      throw new SitrepError('input_too_large', `${file}: ${s.size} bytes, over the limit of ${ctx.maxBytes} bytes`, file);
    }
    return await fsp.readFile(file);
  } catch (e) {
    throw fsError(e, file);
  }
}

async function* readFile(file: string, ctx: Ctx, st?: Stats): AsyncGenerator<ArticleResult> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') {
    yield* readJsonl(file, ctx);
    return;
  }
  if (ext === '.json') {
    yield* readJsonFile(file, ctx, st);
    return;
  }
  try {
    const bytes = await readBytes(file, ctx, st);
    const looksHtml = HTML_EXTS.has(ext) || sniffHtml(new TextDecoder('latin1').decode(bytes.subarray(0, 1024)));
    const raw = looksHtml ? decodeHtml(bytes, file) : decodeText(bytes, file);
    const given = await readSidecar(file);
    const html = looksHtml;
    yield { ok: true, article: buildArticle(html ? { html: raw } : { text: raw }, given, file, ctx, { detectTitle: true }) };
  } catch (e) {
    yield fail(file, e);
  }
}

/** Metadata file `stem.json` beside `file`, or `{}` when there is none. */
async function readSidecar(file: string): Promise<GivenMeta> {
  const ext = path.extname(file);
  const side = file.slice(0, file.length - ext.length) + '.json';
  if (ext.toLowerCase() === '.json') return {};
  let raw: string;
  try {
    raw = decodeText(await fsp.readFile(side), side);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return {};
    throw e instanceof SitrepError ? e : fsError(e, side);
  }
  // an empty file (for example the output file of \`sitrep extract x.txt > x.json\`, which the shell creates first) holds no metadata
  if (!raw.replace(/^\uFEFF/, '').trim()) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new SitrepError('invalid_json', `${side}: invalid JSON in metadata file (${(e as Error).message})`, side);
  }
  const r = SidecarSchema.safeParse(data);
  if (!r.success) throw new SitrepError('invalid_article', `${side}: bad metadata file: ${zodMessage(r.error)}`, side);
  const { title, published, url, source } = r.data;
  // a bad date is the metadata file's fault: name it
  if (typeof published === 'string') normalizeDate(published, side);
  return dropUndefined({ title, published, url, source });
}

function dropUndefined(m: GivenMeta): GivenMeta {
  const out: GivenMeta = {};
  for (const k of ['title', 'published', 'url', 'source'] as const) if (m[k] !== undefined) out[k] = m[k];
  return out;
}

/** Build a result from one parsed JSON value (a JSON Lines line or a `.json` element). */
function fromRecord(value: unknown, origin: string, ctx: Ctx): ArticleResult {
  try {
    const r = ArticleRecordSchema.safeParse(value);
    if (!r.success) {
      const what = value === null || typeof value !== 'object' || Array.isArray(value) ? 'not a JSON object' : zodMessage(r.error);
      throw new SitrepError('invalid_article', `${origin}: invalid article: ${what}`, origin);
    }
    const rec = r.data;
    const content = rec.text !== undefined ? { text: rec.text } : { html: rec.html as string };
    const given = dropUndefined({ title: rec.title, published: rec.published, url: rec.url, source: rec.source });
    const id = rec.id === null || rec.id === undefined ? undefined : String(rec.id);
    return { ok: true, article: buildArticle(content, given, origin, ctx, { id }) };
  } catch (e) {
    return fail(origin, e);
  }
}

async function* recordsFromLines(
  lines: AsyncIterable<{ line: number; bytes: Buffer | null }>,
  name: string,
  ctx: Ctx,
): AsyncGenerator<ArticleResult> {
  for await (const { line, bytes } of lines) {
    const origin = `${name}:${line}`;
    if (bytes === null) {
      yield fail(origin, new SitrepError('input_too_large', `${origin}: line is over the limit of ${ctx.maxBytes} bytes`, origin));
      continue;
    }
    let text: string;
    try {
      text = decodeText(bytes, origin);
    } catch (e) {
      yield fail(origin, e);
      continue;
    }
    if (line === 1) text = text.replace(/^\uFEFF/, '');
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      yield fail(origin, new SitrepError('invalid_json', `${origin}: invalid JSON (${(e as Error).message})`, origin));
      continue;
    }
    yield fromRecord(value, origin, ctx);
  }
}

async function* readJsonl(file: string, ctx: Ctx): AsyncGenerator<ArticleResult> {
  try {
    await fsp.access(file);
  } catch (e) {
    yield fail(file, fsError(e, file));
    return;
  }
  const stream = createReadStream(file);
  try {
    yield* recordsFromLines(splitLines(stream, ctx.maxBytes), file, ctx);
  } catch (e) {
    yield fail(file, fsError(e, file));
  } finally {
    stream.destroy();
  }
}

async function* readJsonFile(file: string, ctx: Ctx, st?: Stats): AsyncGenerator<ArticleResult> {
  let value: unknown;
  try {
    const raw = decodeText(await readBytes(file, ctx, st), file).replace(/^\uFEFF/, '');
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw new SitrepError('invalid_json', `${file}: invalid JSON (${(e as Error).message})`, file);
    }
  } catch (e) {
    yield fail(file, e);
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield fromRecord(value[i], `${file}[${i}]`, ctx);
  } else {
    yield fromRecord(value, file, ctx);
  }
}

interface FolderEntry {
  rel: string;
  full: string;
  error?: SitrepError;
}

async function listFolder(root: string, recursive: boolean): Promise<FolderEntry[]> {
  const out: FolderEntry[] = [];
  const seen = new Set<string>();
  const visit = async (dir: string, rel: string): Promise<void> => {
    let real: string;
    let names: string[];
    try {
      real = await fsp.realpath(dir);
      if (seen.has(real)) return; // symlink loop
      seen.add(real);
      names = await fsp.readdir(dir);
    } catch (e) {
      const err = fsError(e, dir);
      out.push({ rel, full: dir, error: err.code === 'input_not_found' ? err : new SitrepError('input_unreadable', err.message, dir) });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      let st: Stats;
      try {
        st = await fsp.stat(full);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException)?.code;
        if (code === 'ENOENT') {
          // a dangling symbolic link: an input that cannot be read, reported when it names an input kind
          if (FOLDER_EXTS.has(path.extname(name).toLowerCase())) out.push({ rel: r, full, error: new SitrepError('input_not_found', `${full}: broken symbolic link (its target does not exist)`, full) });
          continue;
        }
        out.push({ rel: r, full, error: fsError(e, full) });
        continue;
      }
      if (st.isDirectory()) {
        if (recursive) await visit(full, r);
        continue;
      }
      if (!st.isFile()) continue;
      const ext = path.extname(name).toLowerCase();
      if (!FOLDER_EXTS.has(ext)) continue;
      if (ext === '.json') {
        const stem = name.slice(0, name.length - ext.length);
        if (names.some((n) => n !== name && n.slice(0, stem.length + 1) === stem + '.' && SIDECAR_OWNERS.includes(n.slice(stem.length).toLowerCase()))) continue;
      }
      out.push({ rel: r, full });
    }
  };
  await visit(root, '');
  out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return out;
}

async function* readFolder(dir: string, ctx: Ctx): AsyncGenerator<ArticleResult> {
  const entries = await listFolder(dir, ctx.recursive);
  if (entries.length === 0) {
    yield fail(dir, new SitrepError('input_empty', `${dir}: folder holds no .txt, .html, .htm, .jsonl, .ndjson or .json file`, dir));
    return;
  }
  for (const e of entries) {
    if (e.error) yield fail(e.full, e.error);
    else yield* readFile(e.full, ctx);
  }
}

async function readUrl(url: string, ctx: Ctx): Promise<ArticleResult> {
  try {
    const f = await fetchUrl(url, ctx.maxBytes, ctx.timeoutMs);
    const mt = f.mediaType;
    const isHtmlType = mt === 'text/html' || mt === 'application/xhtml+xml';
    const isText = mt === null || mt.startsWith('text/') || isHtmlType;
    if (!isText) throw new SitrepError('input_not_text', `${url}: content-type ${mt} is not text or HTML`, url);
    const html = isHtmlType || (mt !== 'text/plain' && sniffHtml(new TextDecoder('latin1').decode(f.bytes.subarray(0, 1024))));
    const raw = html ? decodeHtml(f.bytes, url, f.charset) : decodeText(f.bytes, url, f.charset);
    const content = html ? { html: raw } : { text: raw };
    return { ok: true, article: buildArticle(content, {}, url, ctx, { detectTitle: true, baseUrl: f.finalUrl }) };
  } catch (e) {
    return fail(url, e);
  }
}

async function* readStdin(ctx: Ctx): AsyncGenerator<ArticleResult> {
  const stream = ctx.stdin ?? process.stdin;
  const origin = 'stdin';
  const it = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headLen = 0;
  let first: number | undefined;
  let done = false;
  // Peek until the first non-whitespace byte decides between JSON Lines and a single article.
  try {
    while (first === undefined) {
      const r = await it.next();
      if (r.done) {
        done = true;
        break;
      }
      const b = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : Buffer.from(r.value as Uint8Array);
      head.push(b);
      headLen += b.length;
      for (let i = 0; i < b.length; i++) {
        const c = b[i];
        if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
        if (c === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf) {
          i += 2;
          continue;
        }
        first = c;
        break;
      }
      if (headLen > ctx.maxBytes) break;
    }
  } catch (e) {
    yield fail(origin, new SitrepError('input_unreadable', `stdin: ${(e as Error).message}`, origin));
    return;
  }
  async function* rest(): AsyncGenerator<unknown> {
    for (const b of head) yield b;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  if (first === 0x7b /* { */) {
    yield* recordsFromLines(splitLines(rest(), ctx.maxBytes), origin, ctx);
    return;
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const c of rest()) {
      const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c as Uint8Array);
      total += b.length;
      if (total > ctx.maxBytes) {
        throw new SitrepError('input_too_large', `stdin: over the limit of ${ctx.maxBytes} bytes`, origin);
      }
      chunks.push(b);
    }
    const bytes = Buffer.concat(chunks, total);
    const html = sniffHtml(bytes.subarray(0, 1024).toString('latin1'));
    const raw = html ? decodeHtml(bytes, origin) : decodeText(bytes, origin);
    yield { ok: true, article: buildArticle(html ? { html: raw } : { text: raw }, {}, origin, ctx, { detectTitle: true }) };
  } catch (e) {
    yield fail(origin, e);
  }
}
