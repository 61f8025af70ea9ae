/**
 * zod schemas of the HTTP API: they validate requests and generate the
 * OpenAPI 3 description served at /openapi.json. Response schemas describe
 * the main fields; objects may carry more (see src/doc.ts and src/store).
 */
import { z } from '@hono/zod-openapi';

const int = (name: string, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).optional().openapi({ param: { name, in: 'query' }, type: 'integer' });

const code = (name: string, description: string) =>
  z.string().regex(/^[A-Za-z0-9]{1,40}$/).optional().openapi({ param: { name, in: 'query' }, description, example: 'RUS' });

const dateBound = (name: string) =>
  z.string().optional().openapi({
    param: { name, in: 'query' },
    description: 'YYYY, YYYY-MM or YYYY-MM-DD (inclusive); an event matches when the calendar range of its TIMEX3 date overlaps the bounds',
    example: '2025-06',
  });

export const Paging = {
  limit: int('limit', 1, 1000).openapi({ description: 'page size (default 50, at most 1000)' }),
  offset: int('offset', 0, 10_000_000).openapi({ description: 'rows to skip (default 0)' }),
};

export const EventFilters = z.object({
  actor: code('actor', 'actor CAMEO code prefix, case-insensitive (RUS matches RUSGOV)'),
  recipient: code('recipient', 'recipient CAMEO code prefix'),
  code: z.string().optional().openapi({ param: { name: 'code', in: 'query' }, description: 'CAMEO event code prefix of 1-4 digits (04 matches 040-046)', example: '04' }),
  plover: z.string().optional().openapi({ param: { name: 'plover', in: 'query' }, description: 'PLOVER event type (ACCUSE, CONSULT, ASSAULT, ...)', example: 'ACCUSE' }),
  quadClass: z.coerce.number().int().min(1).max(4).optional().openapi({ param: { name: 'quadClass', in: 'query' }, description: '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict' }),
  from: dateBound('from'),
  to: dateBound('to'),
  doc: z.string().optional().openapi({ param: { name: 'doc', in: 'query' }, description: 'only events of this document id' }),
  situation: z.coerce.number().int().optional().openapi({ param: { name: 'situation', in: 'query' }, description: 'only the reports merged into this situation event' }),
});

export const EventQuerySchema = EventFilters.extend({
  ...Paging,
  sort: z
    .enum(['date', '-date', 'published', '-published', 'goldstein', '-goldstein', 'confidence', '-confidence'])
    .optional()
    .openapi({ param: { name: 'sort', in: 'query' }, description: 'sort key; a leading - sorts descending (default date)' }),
  format: z.enum(['json', 'csv']).optional().openapi({ param: { name: 'format', in: 'query' }, description: 'csv: every matching event (up to 100,000) as CSV; paging applies only when limit is given' }),
});

export const SituationQuerySchema = z.object({
  actor: code('actor', 'actor code prefix of any report'),
  recipient: code('recipient', 'recipient code prefix of any report'),
  code: z.string().optional().openapi({ param: { name: 'code', in: 'query' }, description: 'CAMEO code prefix of the merged event' }),
  plover: z.string().optional().openapi({ param: { name: 'plover', in: 'query' } }),
  from: dateBound('from'),
  to: dateBound('to'),
  doc: z.string().optional().openapi({ param: { name: 'doc', in: 'query' }, description: 'situation events reported by this document' }),
  minSources: z.coerce.number().int().min(1).optional().openapi({ param: { name: 'minSources', in: 'query' } }),
  sort: z.enum(['date', '-date', 'sources', '-sources']).optional().openapi({ param: { name: 'sort', in: 'query' } }),
  ...Paging,
});

export const DocumentsQuerySchema = z.object({
  ...Paging,
  duplicates: z.enum(['true', 'false']).optional().openapi({ param: { name: 'duplicates', in: 'query' }, description: 'false hides near-duplicates (wire copies)' }),
});

export const SeriesQuerySchema = z.object({
  from: dateBound('from'),
  to: dateBound('to'),
  unit: z.enum(['events', 'situations']).optional().openapi({ param: { name: 'unit', in: 'query' }, description: 'count reports (events, default) or merged situation events' }),
});

export const NetworkQuerySchema = EventFilters.extend({ limit: int('limit', 1, 1000).openapi({ description: 'at most this many nodes and edges (default 150)' }) });

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string().openapi({ example: 'invalid_argument' }), message: z.string(), input: z.string().optional() }) })
  .openapi('Error');

const Span = z.object({ text: z.string(), start: z.number().int(), end: z.number().int() });
const Participant = Span.extend({ code: z.string().nullable(), country: z.string().nullable(), sector: z.string().nullable() });

export const EventSchema = z
  .looseObject({
    docId: z.string(),
    idx: z.number().int(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    situationId: z.number().int().nullable(),
    sources: z.number().int().nullable().openapi({ description: 'sources of the merged (situation) event' }),
    dateFrom: z.string().nullable().openapi({ description: 'start of the calendar range of date' }),
    dateTo: z.string().nullable(),
    cameo: z.string().nullable(),
    root: z.string().nullable(),
    quadClass: z.number().int().nullable(),
    goldstein: z.number().nullable(),
    plover: z.looseObject({ event: z.string(), mode: z.string().nullable() }).nullable(),
    status: z.enum(['coded', 'uncoded']),
    actor: z.array(Participant),
    recipient: z.array(Participant),
    date: z.string().nullable(),
    trigger: Span,
    sentence: z.number().int(),
  })
  .openapi('Event');

const page = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(item) }).openapi(name);

export const EventPageSchema = page(EventSchema, 'EventPage');

export const DocumentSummarySchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    url: z.string().nullable(),
    source: z.string().nullable(),
    chars: z.number().int(),
    events: z.number().int(),
    duplicateOf: z.string().nullable().openapi({ description: 'the original when this document is a near-duplicate' }),
    similarity: z.number().nullable(),
  })
  .openapi('DocumentSummary');
export const DocumentPageSchema = page(DocumentSummarySchema, 'DocumentPage');

export const DocSchema = z
  .looseObject({
    document: z.looseObject({ id: z.string(), title: z.string().nullable(), published: z.string().nullable(), text: z.string() }),
    sentences: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
    entities: z.array(z.any()),
    mentions: z.array(z.any()),
    timexes: z.array(z.any()),
    events: z.array(z.any()),
    quotes: z.array(z.any()),
    quantities: z.array(z.any()),
  })
  .openapi('Doc', { description: 'The document JSON contract of `sitrep extract` (src/doc.ts); offsets are UTF-16 code units into document.text' });

export const SituationSchema = z
  .looseObject({
    id: z.number().int(),
    actor: z.array(z.string()),
    recipient: z.array(z.string()),
    root: z.string(),
    cameo: z.string().nullable(),
    quadClass: z.number().int().nullable(),
    goldstein: z.number().nullable(),
    plover: z.string().nullable(),
    date: z.string().nullable(),
    location: z.string().nullable(),
    sources: z.number().int(),
    mentionCount: z.number().int(),
    firstReport: z.object({ docId: z.string().nullable(), published: z.string().nullable() }),
    mentions: z.array(
      z.object({
        docId: z.string(),
        idx: z.number().int(),
        title: z.string().nullable(),
        published: z.string().nullable(),
        cameo: z.string().nullable(),
        date: z.string().nullable(),
        trigger: Span,
        sentence: z.number().int(),
        sentenceSpan: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
        sentenceText: z.string().nullable(),
        duplicateOf: z.string().nullable(),
      }),
    ),
  })
  .openapi('SituationEvent');
export const SituationPageSchema = page(SituationSchema, 'SituationPage');

export const ActorSchema = z
  .object({
    code: z.string(),
    name: z.string().nullable(),
    country: z.string().nullable(),
    sector: z.string().nullable(),
    events: z.number().int(),
    documents: z.number().int(),
    names: z.array(z.string()),
  })
  .openapi('Actor');

const Quad = z.object({ 1: z.number().int(), 2: z.number().int(), 3: z.number().int(), 4: z.number().int() });

export const SeriesSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    unit: z.enum(['events', 'situations']),
    weeks: z.array(
      z.object({ week: z.string(), start: z.string(), events: z.number().int(), aToB: z.number().int(), bToA: z.number().int(), goldstein: z.number().nullable(), quadClass: Quad }),
    ),
    total: z.number().int(),
    imprecise: z.number().int(),
    undated: z.number().int(),
  })
  .openapi('DyadSeries');

export const NetworkSchema = z
  .object({
    nodes: z.array(z.object({ code: z.string(), name: z.string().nullable(), events: z.number().int(), goldstein: z.number().nullable() })),
    edges: z.array(z.object({ source: z.string(), target: z.string(), events: z.number().int(), goldstein: z.number().nullable(), quadClass: Quad })),
  })
  .openapi('Network');

export const PlacesSchema = z
  .object({
    items: z.array(z.object({ country: z.string(), events: z.number().int(), stated: z.number().int(), conflict: z.number().int(), goldstein: z.number().nullable() })),
  })
  .openapi('Places');

export const ExtractBodySchema = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    title: z.string().nullable().optional(),
    published: z.string().nullable().optional().openapi({ description: 'publication date YYYY-MM-DD, the reference for relative dates' }),
    url: z.string().nullable().optional(),
    source: z.string().nullable().optional(),
  })
  .openapi('ExtractRequest');
