/**
 * HTML to article text and metadata, with @mozilla/readability on a linkedom
 * document.
 *
 * Text: built from the DOM that Readability keeps (never from innerHTML):
 * each block element (p, h1-h6, li, blockquote, pre, table row, ...) becomes
 * one paragraph, paragraphs are separated by a blank line, whitespace inside a
 * paragraph is collapsed to single spaces (as a browser renders it; `<pre>`
 * keeps its line breaks), `<br>` becomes a newline. script, style, noscript,
 * template, iframe, svg, canvas and form controls never contribute text.
 * When Readability finds nothing, the body minus nav/header/footer/aside is used.
 *
 * Metadata, first match wins:
 * - title: `og:title`, `twitter:title`, JSON-LD `headline`/`name`, Readability's title, `<title>`;
 * - published: `article:published_time`, JSON-LD `datePublished`, `og:published_time`,
 *   `<meta itemprop=datePublished>`, `<meta name=date|pubdate|publishdate|dc.date|dcterms.date|parsely-pub-date>`,
 *   `<time datetime>` inside the article; ISO or RFC 2822 dates (see {@link parseLooseDate}),
 *   unparseable values are skipped;
 * - url: `<link rel=canonical>`, `og:url`, JSON-LD `url` (resolved against the page URL when known);
 * - source: `og:site_name`, JSON-LD `publisher.name`.
 */
import { DOMParser } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { parseLooseDate } from './dates.js';

/** Result of {@link extractHtml}: text is not yet normalised (see normalizeText). */
export interface HtmlExtraction {
  text: string;
  title: string | null;
  /** `YYYY-MM-DD` or null. */
  published: string | null;
  url: string | null;
  source: string | null;
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'object', 'embed', 'head', 'title', 'meta', 'link',
  'button', 'select', 'input', 'textarea', 'option',
]);
const BOILERPLATE = ['nav', 'header', 'footer', 'aside', 'form', '[role=navigation]', '[role=banner]', '[role=contentinfo]'];

/** Minimal DOM node shape used by the walker (linkedom nodes). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * Plain text of a DOM subtree: one paragraph per block element, blank lines
 * between paragraphs, inline whitespace collapsed, `<br>` as newline.
 */
export function blockText(root: DomNode): string {
  const paras: string[] = [];
  let cur = '';
  const flush = (): void => {
    const p = cur
      .split('\n')
      .map((l) => l.replace(/ {2,}/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\n+$/g, '');
    if (p.trim() !== '') paras.push(p);
    cur = '';
  };
  // iterative walk (an explicit stack, so that deeply nested markup cannot overflow the call stack)
  const stack: Array<{ n: DomNode; pre: boolean; exit?: boolean }> = [{ n: root, pre: false }];
  while (stack.length) {
    const { n, pre, exit } = stack.pop()!;
    if (exit) {
      flush();
      continue;
    }
    if (n.nodeType === 3) {
      const t = n.textContent ?? '';
      cur += pre ? t : t.replace(/\s+/g, ' ');
      continue;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
    const name = n.nodeName.toLowerCase();
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      cur += '\n';
      continue;
    }
    const block = BLOCK.has(name);
    const isPre = pre || name === 'pre';
    if (block) {
      flush();
      stack.push({ n, pre, exit: true });
    }
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ n: kids[i], pre: isPre });
  }
  flush();
  return paras.join('\n\n');
}

interface JsonLdInfo {
  headline?: string;
  datePublished?: string;
  url?: string;
  publisher?: string;
}

const ARTICLE_TYPES = /Article|NewsArticle|ReportageNews|BlogPosting|AnalysisNewsArticle|WebPage|LiveBlogPosting|Report/;

function collectJsonLd(doc: Document): JsonLdInfo {
  const out: JsonLdInfo = {};
  const objs: Record<string, unknown>[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      objs.push(o);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script'))) {
    const type = (s.getAttribute('type') ?? '').toLowerCase().trim();
    if (type !== 'application/ld+json') continue;
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      /* malformed JSON-LD is ignored */
    }
  }
  const typeOf = (o: Record<string, unknown>): string => {
    const t = o['@type'];
    return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
  };
  // Article-typed objects first, then any object carrying the fields.
  const ordered = [...objs.filter((o) => ARTICLE_TYPES.test(typeOf(o)) && !/WebPage/.test(typeOf(o))), ...objs];
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  for (const o of ordered) {
    out.headline ??= str(o.headline);
    out.datePublished ??= str(o.datePublished);
    if (ARTICLE_TYPES.test(typeOf(o))) out.url ??= str(o.url);
    const pub = o.publisher;
    if (pub && typeof pub === 'object' && !Array.isArray(pub)) out.publisher ??= str((pub as Record<string, unknown>).name);
  }
  return out;
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      for (const el of Array.from(doc.querySelectorAll(`meta[${attr}]`))) {
        if ((el.getAttribute(attr) ?? '').toLowerCase() === key) {
          const c = el.getAttribute('content');
          if (c && c.trim() !== '') return c.trim();
        }
      }
    }
  }
  return null;
}

function resolveUrl(u: string | null | undefined, base: string | null): string | null {
  if (!u) return null;
  try {
    return new URL(u, base ?? undefined).href;
  } catch {
    return base ? null : u;
  }
}

function firstDate(candidates: Array<string | null | undefined>): string | null {
  for (const c of candidates) {
    if (!c) continue;
    const d = parseLooseDate(c);
    if (d) return d;
  }
  return null;
}

/** Deepest element nesting under which Readability is tried (real pages stay far below it). */
export const MAX_READABILITY_DEPTH = 120;

/** Element nesting depth of a subtree, computed iteratively (no recursion on deep input). */
function maxDepth(root: DomNode | null): number {
  if (!root) return 0;
  let max = 0;
  const stack: Array<[DomNode, number]> = [[root, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    const kids = (n as unknown as { children?: ArrayLike<DomNode> }).children;
    if (kids) for (let i = 0; i < kids.length; i++) stack.push([kids[i], d + 1]);
  }
  return max;
}

function parseDocument(html: string): Document {
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return new DOMParser().parseFromString(wrapped, 'text/html') as unknown as Document;
}

/**
 * Extract the main text and metadata of an HTML page.
 * @param html the page source.
 * @param baseUrl the page's own URL, used to resolve a relative canonical URL; null for files.
 * @returns text (empty when the page holds no text) and metadata (null where absent).
 */
export function extractHtml(html: string, baseUrl: string | null = null): HtmlExtraction {
  const doc = parseDocument(html);
  const ld = collectJsonLd(doc);
  const docTitle = doc.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const canonical = Array.from(doc.querySelectorAll('link[rel]')).find((l) =>
    (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const articleTime = doc.querySelector('article time[datetime]')?.getAttribute('datetime') ?? null;
  const published = firstDate([
    meta(doc, 'article:published_time'),
    ld.datePublished,
    meta(doc, 'og:published_time', 'datepublished'),
    meta(doc, 'date', 'pubdate', 'publishdate', 'publish-date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.created', 'parsely-pub-date', 'sailthru.date'),
    articleTime,
  ]);
  const url =
    resolveUrl(canonical?.getAttribute('href')?.trim(), baseUrl) ??
    resolveUrl(meta(doc, 'og:url'), baseUrl) ??
    resolveUrl(ld.url, baseUrl);
  const source = meta(doc, 'og:site_name') ?? ld.publisher ?? null;
  const metaTitle = meta(doc, 'og:title', 'twitter:title') ?? ld.headline ?? null;

  // Readability mutates the document: metadata is read above, first.
  let text = '';
  let rTitle: string | null = null;
  try {
    // Readability's scoring walks ancestors and is slow on pathologically deep markup:
    // such pages go straight to the body fallback below
    if (maxDepth(doc.body as unknown as DomNode | null) > MAX_READABILITY_DEPTH) throw new Error('too deep for Readability');
    const r = new Readability<DomNode>(doc, { serializer: (n) => n as unknown as DomNode, charThreshold: 100 }).parse();
    if (r) {
      rTitle = r.title?.trim() || null;
      if (r.content) text = blockText(r.content);
    }
  } catch {
    /* fall back to the body below */
  }
  if (text.trim() === '') {
    const fresh = parseDocument(html);
    for (const sel of BOILERPLATE) for (const el of Array.from(fresh.querySelectorAll(sel))) el.remove();
    if (fresh.body) text = blockText(fresh.body as unknown as DomNode);
  }
  const title = metaTitle ?? rTitle ?? docTitle;
  return { text, title: title ? title.replace(/\s+/g, ' ').trim() : null, published, url, source };
}
