/**
 * The {@link Article} type, article construction from raw fields, and the
 * document id.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { DocumentMeta } from '../doc.js';
import { SitrepError } from '../errors.js';
import { normalizeDate } from './dates.js';
import { extractHtml } from './html.js';
import { detectHeadline, isBlank, normalizeText } from './text.js';

/**
 * One input article, ready for the pipeline.
 * `text` is normalised (see normalizeText: BOM stripped, LF line breaks, NFC)
 * and is the string every later offset (UTF-16 code units) points into.
 */
export interface Article {
  /** Caller-supplied id (JSON Lines `id`), if any. Not the document id: see {@link documentId}. */
  id?: string;
  title: string | null;
  /** Publication date (DCT) as a calendar date `YYYY-MM-DD`, no zone; null when unknown. */
  published: string | null;
  url: string | null;
  source: string | null;
  text: string;
  /** Where the article came from, for messages: a path, a URL, `stdin`, `file.jsonl:LINE` or `file.json[INDEX]`. */
  origin: string;
}

/** Result of reading one article: the article, or the error for that one input. */
export type ArticleResult = { ok: true; article: Article } | { ok: false; origin: string; error: SitrepError };

/**
 * Stable document id derived from content:
 * `'sha256:' + first 16 hex chars of SHA-256(UTF-8 of (title ?? '') + '\n' + text)`.
 * @param text the normalised article text.
 * @param title the title, or null (hashed as the empty string).
 */
export function documentId(text: string, title: string | null): string {
  return 'sha256:' + createHash('sha256').update(`${title ?? ''}\n${text}`, 'utf8').digest('hex').slice(0, 16);
}

/**
 * Document metadata for the pipeline ({@link DocumentMeta} of src/doc.ts).
 * The id is always {@link documentId} of the article's text and title; a
 * caller-supplied `article.id` is not used (it stays on the Article).
 */
export function toDocumentMeta(a: Article): DocumentMeta {
  return {
    id: documentId(a.text, a.title),
    title: a.title,
    published: a.published,
    url: a.url,
    source: a.source,
    ...(a.id !== undefined ? { inputId: a.id } : {}),
    text: a.text,
  };
}

const optStr = z.string().nullable().optional();

/** Schema of one JSON Lines / JSON article object (unknown keys are allowed and ignored). */
export const ArticleRecordSchema = z
  .looseObject({
    id: z.union([z.string(), z.number()]).nullable().optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    title: optStr,
    published: optStr,
    url: optStr,
    source: optStr,
  })
  .refine((o) => o.text !== undefined || o.html !== undefined, { message: 'needs a "text" or an "html" string' });

/** A parsed article record. */
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

/** Schema of a metadata file beside a text/HTML file (`stem.json`); unknown keys are ignored. */
export const SidecarSchema = z.looseObject({ title: optStr, published: optStr, url: optStr, source: optStr });

/** Metadata from a side file or a JSON record; undefined = not given. */
export interface GivenMeta {
  title?: string | null;
  published?: string | null;
  url?: string | null;
  source?: string | null;
}

/** Options shared by all inputs of one batch. */
export interface BuildContext {
  /** Already normalised DCT override (`YYYY-MM-DD`), or undefined. */
  published?: string;
}

/** Turn zod issues into one readable line. */
export function zodMessage(err: z.ZodError): string {
  return err.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message)
    .join('; ');
}

function clean(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = normalizeText(s).replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/**
 * Build an Article from raw content.
 * @param content `{text}` (plain text) or `{html}`; for HTML the main text and metadata are extracted.
 * @param given metadata stated by the input (JSON fields, side file); wins over extracted metadata.
 * @param origin the input, for messages.
 * @param opts `detectTitle`: take a plain-text headline as title when no title is given;
 *   `baseUrl`: the page URL (URL inputs), used for relative canonical links and as url/source fallback.
 * @throws SitrepError `invalid_date` (a given date is not ISO), `input_empty` (no text).
 */
export function buildArticle(
  content: { text: string } | { html: string },
  given: GivenMeta,
  origin: string,
  ctx: BuildContext,
  opts: { detectTitle?: boolean; baseUrl?: string | null; id?: string } = {},
): Article {
  const givenPublished = ctx.published !== undefined ? ctx.published : normalizeDate(given.published, origin);
  let text: string;
  let title: string | null = null;
  let published: string | null = null;
  let url: string | null = null;
  let source: string | null = null;
  if ('html' in content) {
    const ex = extractHtml(normalizeText(content.html), opts.baseUrl ?? null);
    text = normalizeText(ex.text);
    title = ex.title;
    published = ex.published;
    url = ex.url;
    source = ex.source;
  } else {
    text = normalizeText(content.text);
  }
  if (isBlank(text)) throw new SitrepError('input_empty', `${origin}: no text`, origin);
  if (given.title !== undefined) title = clean(given.title);
  else if (title === null && opts.detectTitle && !('html' in content)) title = detectHeadline(text);
  title = clean(title);
  if (givenPublished !== null) published = givenPublished;
  if (given.url !== undefined) url = clean(given.url);
  url ??= opts.baseUrl ?? null;
  if (given.source !== undefined) source = clean(given.source);
  if (source === null && opts.baseUrl) {
    try {
      source = new URL(opts.baseUrl).hostname.replace(/^www\./, '') || null;
    } catch {
      /* keep null */
    }
  }
  const article: Article = { title, published, url, source, text, origin };
  return opts.id !== undefined ? { id: opts.id, ...article } : article;
}
