/**
 * The HTTP app of `sitrep serve` (Hono): a JSON API over a {@link Store}, its
 * OpenAPI 3 description at /openapi.json, and the web UI (src/ui) with the
 * library files it loads.
 *
 * - Errors: every failure goes through one handler (`onError` + `notFound`)
 *   and is JSON `{error: {code, message}}` with the stable codes of
 *   src/errors.ts: 400 invalid_argument / invalid_date / invalid_json /
 *   invalid_article / input_empty, 404 not_found, 413 input_too_large,
 *   500 internal / store_failed.
 * - Security: every response carries a Content-Security-Policy that allows
 *   scripts, styles and data only from the server itself (no inline script,
 *   no eval, no third-party hosts), plus nosniff and no framing.
 * - Tests call `createApp(store).request(...)` in-process; `sitrep serve`
 *   binds it to a socket (src/cli/serve.ts).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { stringify } from 'csv-stringify/sync';
import { analyze, docToJson } from '../analyze.js';
import { SitrepError } from '../errors.js';
import { loadCameo, loadPloverEventTypes } from '../data/load.js';
import { buildArticle, toDocumentMeta } from '../ingest/article.js';
import { decodeText } from '../ingest/text.js';
import type { EventHit, EventSearch, Store } from '../store/index.js';
import { toErrorResponse } from './errors.js';
import {
  ActorSchema,
  DocSchema,
  DocumentPageSchema,
  DocumentSummarySchema,
  DocumentsQuerySchema,
  ErrorSchema,
  EventPageSchema,
  EventQuerySchema,
  ExtractBodySchema,
  NetworkQuerySchema,
  NetworkSchema,
  PlacesSchema,
  SeriesQuerySchema,
  SeriesSchema,
  SituationPageSchema,
  SituationQuerySchema,
  SituationSchema,
  EventFilters,
} from './schemas.js';
import { StaticFiles } from './static.js';
import { ResponseCache, cacheKey } from './cache.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Largest POST /api/extract body in bytes (default 1 MiB = 1,048,576). */
  maxExtractBytes?: number;
  /** Re-read UI files on every request (for UI development). */
  devUi?: boolean;
  /** Where internal errors are logged (default: standard error). */
  log?: (msg: string) => void;
  /** Keep GET /api/* answers until the store's data changes (default true; see cache.ts). */
  cache?: boolean;
}

export const DEFAULT_MAX_EXTRACT_BYTES = 1024 * 1024;
/** Most rows of one CSV export. */
export const CSV_MAX_ROWS = 100_000;

/** The Content-Security-Policy of every response. */
export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const errorResponses = {
  400: { description: 'invalid argument or date', content: { 'application/json': { schema: ErrorSchema } } },
  500: { description: 'internal or store error', content: { 'application/json': { schema: ErrorSchema } } },
} as const;
const notFound = { 404: { description: 'not found', content: { 'application/json': { schema: ErrorSchema } } } } as const;
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ 200: { description, content: { 'application/json': { schema } } } });

/** Query values to store filters (the store validates codes and dates itself). */
function filters(q: z.infer<typeof EventFilters>): EventSearch {
  return {
    actor: q.actor, recipient: q.recipient, code: q.code, plover: q.plover, quadClass: q.quadClass,
    from: q.from, to: q.to, doc: q.doc, situation: q.situation,
  };
}

/**
 * The methods of the routes (not middleware) whose pattern matches `path`
 * (`:name` = one segment, `*` = the rest), sorted; HEAD comes with GET.
 */
function allowedMethods(routes: readonly { method: string; path: string }[], path: string): string[] {
  const out = new Set<string>();
  for (const r of routes) {
    if (r.method === 'ALL') continue;
    const re = new RegExp('^' + r.path.split('/').map((seg) => (seg === '*' ? '.*' : seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/') + '/?$');
    if (re.test(path)) {
      out.add(r.method);
      if (r.method === 'GET') out.add('HEAD');
    }
  }
  return [...out].sort();
}

let codebookCache: { roots: Array<{ code: string; name: string }>; codes: Record<string, string>; plover: string[] } | null = null;
/** CAMEO code names, roots and PLOVER types from data/cameo.json. */
function codebook(): NonNullable<typeof codebookCache> {
  if (codebookCache) return codebookCache;
  const cameo = loadCameo();
  const codes: Record<string, string> = {};
  const roots = new Map<string, string>();
  for (const [code, c] of Object.entries(cameo.codes)) {
    codes[code] = c.name;
    if (c.level === 1 || code === c.root) roots.set(c.root, c.name);
  }
  codebookCache = {
    roots: [...roots].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([code, name]) => ({ code, name })),
    codes,
    plover: [...loadPloverEventTypes()],
  };
  return codebookCache;
}

/** Neutralise spreadsheet formulas in CSV cells (OWASP CSV injection). */
function cell(v: unknown): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export const CSV_COLUMNS = [
  'date', 'actor', 'recipient', 'cameo', 'quadClass', 'goldstein', 'plover', 'ploverMode', 'trigger', 'modality',
  'attribution', 'confidence', 'situation', 'docId', 'title', 'published', 'sentence', 'rule',
] as const;

/** One CSV row of an event. */
function csvRow(e: EventHit): Array<string | number> {
  return [
    e.date, e.actor.map((p) => p.code ?? p.text).join('+'), e.recipient.map((p) => p.code ?? p.text).join('+'),
    e.cameo ?? 'uncoded', e.quadClass, e.goldstein, e.plover?.event, e.plover?.mode, e.trigger.text, e.modality.join(' '),
    e.attribution?.source?.text, e.confidence, e.situationId, e.docId, e.title, e.published, e.sentence, e.rule,
  ].map(cell);
}

/**
 * Build the app over an open store (the caller owns the store and closes it).
 * @param store an open {@link Store}
 */
export function createApp(store: Store, opts: AppOptions = {}): OpenAPIHono {
  const log = opts.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const files = new StaticFiles(!!opts.devUi);
  const maxBytes = opts.maxExtractBytes ?? DEFAULT_MAX_EXTRACT_BYTES;

  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path?.length ? issue.path.join('.') : result.target;
        throw new SitrepError('invalid_argument', `${where}: ${issue?.message ?? 'invalid value'}`, where);
      }
    },
  });

  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, crossOriginEmbedderPolicy: false, referrerPolicy: 'no-referrer' }));
  app.onError((err, c) => {
    const { status, body } = toErrorResponse(err, log);
    return c.json(body, status);
  });
  app.notFound((c) => {
    const allowed = allowedMethods(app.routes, c.req.path);
    if (allowed.length) {
      c.header('Allow', allowed.join(', '));
      return c.json({ error: { code: 'method_not_allowed', message: `${c.req.method} is not allowed on ${c.req.path} (allowed: ${allowed.join(', ')})` } }, 405);
    }
    return c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } }, 404);
  });

  const cache = opts.cache === false ? null : new ResponseCache();
  app.use('/api/*', async (c, next) => {
    if (!cache || c.req.method !== 'GET') return next();
    const key = cacheKey(new URL(c.req.url));
    const version = store.dataVersion();
    let hit = cache.get(key, version);
    if (!hit) {
      await next();
      const type = c.res.headers.get('content-type') ?? '';
      if (c.res.status !== 200 || !/^(application\/json|text\/csv)/.test(type)) return;
      const body = new Uint8Array(await c.res.arrayBuffer());
      hit = cache.set(key, version, body, type);
      const headers = new Headers(c.res.headers);
      headers.set('ETag', hit.etag);
      c.res = new Response(body, { status: 200, headers });
      return;
    }
    if (c.req.header('if-none-match') === hit.etag) return c.body(null, 304, { ETag: hit.etag });
    const headers: Record<string, string> = { 'Content-Type': hit.type, ETag: hit.etag, 'X-Cache': 'hit' };
    if (hit.type.startsWith('text/csv')) headers['Content-Disposition'] = 'attachment; filename="sitrep-events.csv"';
    return c.body(hit.body as Uint8Array<ArrayBuffer>, 200, headers);
  });

  // ---- API ----
  app.openapi(
    createRoute({
      method: 'get', path: '/api/documents', tags: ['documents'], summary: 'Stored documents, newest first (paged)',
      request: { query: DocumentsQuerySchema },
      responses: { ...json(DocumentPageSchema, 'a page of documents'), ...errorResponses },
    }),
    (c) => {
      const q = c.req.valid('query');
      return c.json(store.listDocuments({ limit: q.limit, offset: q.offset, duplicates: q.duplicates === undefined ? undefined : q.duplicates === 'true' }), 200);
    },
  );

  const IdParam = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'sha256:0123456789abcdef' }) });

  app.openapi(
    createRoute({
      method: 'get', path: '/api/documents/{id}', tags: ['documents'], summary: 'One document as the Doc JSON of `sitrep extract` (tokens omitted)',
      request: { params: IdParam },
      responses: { ...json(DocSchema, 'the document'), ...notFound, ...errorResponses },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const doc = store.getDocument(id);
      if (!doc) throw new SitrepError('not_found', `no document ${id}`, 'id');
      return c.json(docToJson(doc) as z.infer<typeof DocSchema>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/documents/{id}/summary', tags: ['documents'], summary: 'Summary of one document, with its near-duplicates',
      request: { params: IdParam },
      responses: { ...json(DocumentSummarySchema.extend({ duplicates: z.array(z.string()) }), 'the summary'), ...notFound, ...errorResponses },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const s = store.documentSummary(id);
      if (!s) throw new SitrepError('not_found', `no document ${id}`, 'id');
      return c.json({ ...s, duplicates: s.duplicates ?? [] }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/events', tags: ['events'], summary: 'Events with filters, sorting and paging (JSON page with total, or CSV)',
      request: { query: EventQuerySchema },
      responses: {
        200: { description: 'a page of events', content: { 'application/json': { schema: EventPageSchema }, 'text/csv': { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    (c) => {
      const q = c.req.valid('query');
      const f = { ...filters(q), sort: q.sort };
      if (q.format === 'csv') {
        const page = store.searchEvents({ ...f, limit: q.limit ?? CSV_MAX_ROWS, offset: q.offset });
        const body = stringify([CSV_COLUMNS as unknown as string[], ...page.items.map(csvRow)]);
        return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="sitrep-events.csv"' }) as never;
      }
      // the page's JSON text as the store renders it (the same bytes as c.json of store.searchEvents)
      return c.body(store.searchEventsJson({ ...f, limit: q.limit, offset: q.offset }), 200, { 'Content-Type': 'application/json' }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/situation-events', tags: ['events'], summary: 'Events merged across documents, each with all its reports (paged)',
      request: { query: SituationQuerySchema },
      responses: { ...json(SituationPageSchema, 'a page of situation events'), ...errorResponses },
    }),
    (c) => c.json(store.searchSituations(c.req.valid('query')) as z.infer<typeof SituationPageSchema>, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/situation-events/{id}', tags: ['events'], summary: 'One situation event with all its reports',
      request: { params: z.object({ id: z.coerce.number().int().openapi({ param: { name: 'id', in: 'path' }, type: 'integer' }) }) },
      responses: { ...json(SituationSchema, 'the situation event'), ...notFound, ...errorResponses },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const s = store.searchSituations({ id, limit: 1 }).items[0];
      if (!s) throw new SitrepError('not_found', `no situation event ${id}`, 'id');
      return c.json(s as z.infer<typeof SituationSchema>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/actors', tags: ['actors'], summary: 'Actors merged across documents by canonical CAMEO code, busiest first',
      responses: { ...json(z.object({ items: z.array(ActorSchema) }), 'the actors'), ...errorResponses },
    }),
    (c) => c.json({ items: store.actorDirectory() }, 200),
  );

  const DyadParams = z.object({
    a: z.string().openapi({ param: { name: 'a', in: 'path' }, example: 'MLI' }),
    b: z.string().openapi({ param: { name: 'b', in: 'path' }, example: 'DZA' }),
  });
  app.openapi(
    createRoute({
      method: 'get', path: '/api/dyads/{a}/{b}/series', tags: ['actors'],
      summary: 'Events per ISO week between two actors (code prefixes), both directions, with mean Goldstein and counts by QuadClass',
      request: { params: DyadParams, query: SeriesQuerySchema },
      responses: { ...json(SeriesSchema, 'the weekly series'), ...errorResponses },
    }),
    (c) => {
      const { a, b } = c.req.valid('param');
      const q = c.req.valid('query');
      return c.json(store.dyadSeries(a, b, q), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/network', tags: ['actors'], summary: 'Actor network of the matching events: nodes by activity, edges by dyad with QuadClass counts',
      request: { query: NetworkQuerySchema },
      responses: { ...json(NetworkSchema, 'nodes and edges'), ...errorResponses },
    }),
    (c) => {
      const q = c.req.valid('query');
      return c.json(store.network({ ...filters(q), limit: q.limit }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/places', tags: ['events'], summary: 'Event counts per country (stated location, else recipient or actor country)',
      request: { query: EventFilters },
      responses: { ...json(PlacesSchema, 'counts by ISO alpha-3 code'), ...errorResponses },
    }),
    (c) => c.json({ items: store.places(filters(c.req.valid('query'))) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/stats', tags: ['documents'], summary: 'Row counts',
      responses: { ...json(z.object({ documents: z.number().int(), events: z.number().int(), entities: z.number().int() }), 'counts'), ...errorResponses },
    }),
    (c) => c.json(store.stats(), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/api/codebook', tags: ['events'], summary: 'CAMEO event codes with names, the CAMEO roots, and the PLOVER event types',
      responses: {
        ...json(z.object({
          roots: z.array(z.object({ code: z.string(), name: z.string() })),
          codes: z.record(z.string(), z.string()),
          plover: z.array(z.string()),
        }), 'the codebook'),
        ...errorResponses,
      },
    }),
    (c) => c.json(codebook(), 200),
  );

  app.use('/api/extract', bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new SitrepError('input_too_large', `request body over ${maxBytes} bytes`, 'body');
    },
  }));
  app.openapi(
    createRoute({
      method: 'post', path: '/api/extract', tags: ['extract'],
      summary: 'Analyse an ad-hoc text (JSON {text|html, title?, published?} or a text/plain body) and return its Doc JSON; nothing is stored',
      request: {
        body: {
          required: true,
          content: {
            'application/json': { schema: ExtractBodySchema },
            'text/plain': { schema: z.string() },
          },
        },
        query: z.object({ published: z.string().optional().openapi({ param: { name: 'published', in: 'query' }, description: 'publication date for a text/plain body' }) }),
      },
      responses: {
        ...json(DocSchema, 'the analysed document'),
        413: { description: 'body too large', content: { 'application/json': { schema: ErrorSchema } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      // media types are case-insensitive (RFC 9110); the validator only recognises lower-case ones
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      let record: z.infer<typeof ExtractBodySchema>;
      if (type.startsWith('application/json')) {
        if (/^application\/json/.test(c.req.header('content-type') ?? '')) record = c.req.valid('json') as z.infer<typeof ExtractBodySchema>;
        else {
          const parsed = ExtractBodySchema.safeParse(JSON.parse(await c.req.text()));
          if (!parsed.success) throw new SitrepError('invalid_argument', `invalid body: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`, 'body');
          record = parsed.data;
        }
      } else {
        // the same decoding as files: NUL bytes and invalid bytes for the charset are input_not_text
        const charset = /;\s*charset=("?)([^";]+)\1/.exec(type)?.[2] ?? null;
        record = { text: decodeText(new Uint8Array(await c.req.arrayBuffer()), 'body', charset), published: c.req.query('published') ?? null };
      }
      if (record.text === undefined && record.html === undefined) throw new SitrepError('invalid_article', 'the body needs a "text" or an "html" string', 'body');
      const article = buildArticle(
        record.text !== undefined ? { text: record.text } : { html: record.html! },
        { title: record.title, published: record.published, url: record.url, source: record.source },
        'request',
        {},
        { detectTitle: record.title === undefined || record.title === null },
      );
      return c.json(docToJson(analyze(toDocumentMeta(article))) as z.infer<typeof DocSchema>, 200);
    },
  );

  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'sitrep API',
      version: '0.1.0',
      description:
        'Documents, events (CAMEO/PLOVER), situation events merged across reports, actors and dyad series from a sitrep store. ' +
        'Errors are JSON {error: {code, message}} with stable codes (src/errors.ts). Offsets are UTF-16 code units into document.text.',
    },
  });

  // ---- UI ----
  const send = (c: Context, f: { body: Buffer; type: string } | null, cache: string) => {
    if (!f) throw new SitrepError('not_found', `no file ${c.req.path}`, c.req.path);
    return c.body(new Uint8Array(f.body), 200, { 'Content-Type': f.type, 'Cache-Control': cache });
  };
  app.get('/', (c) => send(c, files.uiFile('index.html'), 'no-cache'));
  app.get('/ui/*', (c) => send(c, files.uiFile(c.req.path.slice('/ui/'.length)), 'no-cache'));
  app.get('/vendor/iso-numeric.json', (c) => send(c, files.isoNumeric(), 'max-age=86400'));
  app.get('/vendor/:name', (c) => send(c, files.vendorFile(c.req.param('name')), 'max-age=86400'));
  app.get('/favicon.ico', (c) => c.body(null, 204));

  return app;
}
