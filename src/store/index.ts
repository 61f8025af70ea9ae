/**
 * The SQLite store (better-sqlite3): annotated documents in, events and
 * actors out.
 *
 * - One document = one transaction: a document is stored completely or not at all.
 * - Idempotent: a document id that is already stored is never touched again.
 * - Deterministic: every list is ordered by content (never by insertion time
 *   or rowid alone), and no wall-clock time is stored.
 * - Offsets in stored rows are UTF-16 code units into the stored text; dates are
 *   `YYYY-MM-DD` (DCT) or TIMEX3 values (events), without zone.
 *
 * What {@link Store.getDocument} returns: the stored document with
 * `sentences`, `entities`, `mentions`, `timexes`, `events`, `quotes` and `quantities`
 * as put; **`tokens` is always `[]`** (tokens are not stored; re-run the
 * `text` component on `document.text` to get them back — it is deterministic).
 * Optional fields that were absent stay absent.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  Attribution,
  Doc,
  DocEvent,
  Entity,
  Mention,
  Modality,
  Participant,
  Quantity,
  Quote,
  Sentence,
  TextSpan,
  Timex,
  TimexType,
} from '../doc.js';
import { SitrepError } from '../errors.js';
import { loadPloverEventTypes } from '../data/load.js';
import { DateTime } from 'luxon';
import { boundRange, timexRange } from './dates.js';
import { ACTOR_KEY_BLOCK, MIGRATIONS, actorKeys } from './migrations.js';
import { mergeDocumentEvents, rebuildSituations, recordNearDuplicate } from './situations.js';

export { MIGRATIONS } from './migrations.js';
export { timexRange, type DayRange } from './dates.js';

/** A stored event with where it came from. */
export interface EventRow extends DocEvent {
  /** Id of the document holding the event. */
  docId: string;
  /** Index of the event in that document's `events`. */
  idx: number;
  /** Publication date (DCT) of the document, `YYYY-MM-DD` or null. */
  published: string | null;
}

/**
 * Event query; all fields optional and combined with AND.
 * - `actor` / `recipient`: CAMEO actor code prefix, case-insensitive (`RUS` matches `RUS`, `RUSGOV`, `RUSMIL`);
 *   an event matches when any of its actors (recipients) has such a code.
 * - `code`: CAMEO event code prefix (`04` matches 040..046x; `0` matches roots 01-09); uncoded events never match.
 * - `from` / `to`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive; `from=2025-07` means from 2025-07-01,
 *   `to=2025-07` through 2025-07-31. An event matches when the calendar range of its TIMEX3 date
 *   overlaps [from, to] (see timexRange: `2025-07` covers the whole of July, so it matches
 *   `from=2025-07-15`). Events whose date does not start with a year (`XXXX-08-12`, `PAST_REF`)
 *   or have no date never match a date filter.
 * - `doc`: only events of this document id.
 * - `limit` (positive integer) / `offset` (non-negative integer): paging over the sorted result.
 */
export interface EventQuery {
  actor?: string;
  recipient?: string;
  code?: string;
  from?: string;
  to?: string;
  doc?: string;
  limit?: number;
  offset?: number;
}

/** One actor code with its number of events. */
export interface ActorSummary {
  code: string;
  /** The name most often given to the code by stored entities and mentions (ties: alphabetically first); null when none names it. */
  name: string | null;
  country: string | null;
  sector: string | null;
  /** Number of distinct events that have the code as actor or recipient. */
  events: number;
}

/** Row counts. */
export interface StoreStats {
  documents: number;
  events: number;
  entities: number;
}

/** Options of {@link Store.open}. */
export interface OpenOptions {
  /** Open an existing store for reading only (no migrations are applied; the file must exist). */
  readonly?: boolean;
}

type Row = Record<string, unknown>;

/** Wrap a SQLite/unknown error as `store_failed`, passing SitrepErrors through. */
function storeError(e: unknown, where: string): SitrepError {
  if (e instanceof SitrepError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new SitrepError('store_failed', `${where}: ${msg}`, where);
}

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));
const parseJson = <T>(v: unknown): T => JSON.parse(v as string) as T;
const bool = (v: boolean): number => (v ? 1 : 0);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The exclusive upper bound of a prefix range over ASCII strings (`RUS` -> `RUT`). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** One page of a list with the total number of matching rows. */
export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/**
 * Sort orders of {@link Store.searchEvents}: by event date, publication date, Goldstein or confidence; `-` gives the exact
 * reverse order (so events without a date, documents without a publication date come last ascending, first descending;
 * events without a Goldstein value first ascending, last descending).
 */
export type EventSort = 'date' | '-date' | 'published' | '-published' | 'goldstein' | '-goldstein' | 'confidence' | '-confidence';

/** {@link EventQuery} plus the HTTP API's filters and sorting. */
export interface EventSearch extends EventQuery {
  /** PLOVER event type, case-insensitive (`ACCUSE`, `CONSULT`, ...). */
  plover?: string;
  /** CAMEO QuadClass 1-4. */
  quadClass?: number;
  /** Only events merged into this situation event. */
  situation?: number;
  sort?: EventSort;
}

/** An event as the API lists it: an EventRow plus its document title and situation event id. */
export interface EventHit extends EventRow {
  title: string | null;
  situationId: number | null;
  /** Number of sources of that situation event (distinct reporting documents, near-duplicates not counted). */
  sources: number | null;
  /** The calendar range of `date` (`YYYY-MM-DD`, inclusive), null when it has none. */
  dateFrom: string | null;
  dateTo: string | null;
}

/** A stored document without its text. */
export interface DocumentSummary {
  id: string;
  title: string | null;
  published: string | null;
  url: string | null;
  source: string | null;
  /** Length of the text in UTF-16 code units. */
  chars: number;
  events: number;
  /** The original when this document is a near-duplicate (wire copy), else null. */
  duplicateOf: string | null;
  /** Jaccard similarity of word 5-gram shingles with the original, or null. */
  similarity: number | null;
  /** Near-duplicates of this document (only from {@link Store.documentSummary}). */
  duplicates?: string[];
}

/** Filters of {@link Store.searchSituations}. */
export interface SituationSearch {
  actor?: string;
  recipient?: string;
  code?: string;
  plover?: string;
  from?: string;
  to?: string;
  doc?: string;
  id?: number;
  minSources?: number;
  sort?: 'date' | '-date' | 'sources' | '-sources';
  limit?: number;
  offset?: number;
}

/** One report of a situation event: which document, which event, which span and sentence. */
export interface SituationMention {
  docId: string;
  idx: number;
  title: string | null;
  published: string | null;
  cameo: string | null;
  date: string | null;
  trigger: TextSpan;
  sentence: number;
  sentenceSpan: { start: number; end: number } | null;
  /** The text of that sentence (the evidence). */
  sentenceText: string | null;
  /** Set when the reporting document is a near-duplicate: its original (the report then adds no source). */
  duplicateOf: string | null;
}

/** An event merged across documents. */
export interface SituationEvent {
  id: number;
  /** Sorted actor codes shared by all reports. */
  actor: string[];
  recipient: string[];
  root: string;
  /** The most frequent CAMEO code among the reports (ties: the lowest). */
  cameo: string | null;
  quadClass: 1 | 2 | 3 | 4 | null;
  /** Mean Goldstein value of the reports. */
  goldstein: number | null;
  plover: string | null;
  /** The most precise date the reports give. */
  date: string | null;
  location: string | null;
  /** Distinct reporting documents, a near-duplicate counting as its original. */
  sources: number;
  mentionCount: number;
  firstReport: { docId: string | null; published: string | null };
  mentions: SituationMention[];
}

/** Events per ISO week between two actors. */
export interface DyadSeries {
  a: string;
  b: string;
  unit: 'events' | 'situations';
  weeks: Array<{
    /** ISO week `YYYY-Www`. */
    week: string;
    /** Monday of the week, `YYYY-MM-DD`. */
    start: string;
    events: number;
    /** a as actor, b as recipient / the reverse. */
    aToB: number;
    bToA: number;
    goldstein: number | null;
    quadClass: { 1: number; 2: number; 3: number; 4: number };
  }>;
  total: number;
  /** Events dated only to a month or coarser (not placed in a week). */
  imprecise: number;
  /** Events without a calendar date. */
  undated: number;
}

export interface Network {
  nodes: Array<{ code: string; name: string | null; events: number; goldstein: number | null }>;
  edges: Array<{ source: string; target: string; events: number; goldstein: number | null; quadClass: { 1: number; 2: number; 3: number; 4: number } }>;
}

export interface PlaceCount {
  /** ISO 3166-1 alpha-3 (or a CAMEO region code for non-state actors). */
  country: string;
  events: number;
  /** How many of them state the location (the others are placed at the recipient's or actor's country). */
  stated: number;
  /** Events of QuadClass 3 or 4. */
  conflict: number;
  goldstein: number | null;
}

/** An actor merged across documents by its canonical code. */
export interface ActorEntry extends ActorSummary {
  documents: number;
  /** Distinct names given to the code (at most 20). */
  names: string[];
}

export const EVENT_SORTS: Record<EventSort, string> = {
  date: 'e.date_from IS NULL, e.date_from, e.date IS NULL, e.date, e.doc_id, e.idx',
  '-date': 'e.date_from IS NULL DESC, e.date_from DESC, e.date IS NULL DESC, e.date DESC, e.doc_id DESC, e.idx DESC',
  published: 'd.published IS NULL, d.published, d.id, e.idx',
  '-published': 'd.published IS NULL DESC, d.published DESC, d.id DESC, e.idx DESC',
  goldstein: 'e.goldstein, e.doc_id, e.idx',
  '-goldstein': 'e.goldstein DESC, e.doc_id DESC, e.idx DESC',
  confidence: 'e.confidence, e.doc_id, e.idx',
  '-confidence': 'e.confidence DESC, e.doc_id, e.idx',
};

/** The date orders of {@link EVENT_SORTS} over `event_keys k` (its primary key, see migration 4). */
const KEY_SORTS = {
  date: 'k.undated, k.date_from, k.no_date, k.date, k.doc_id, k.idx',
  '-date': 'k.undated DESC, k.date_from DESC, k.no_date DESC, k.date DESC, k.doc_id DESC, k.idx DESC',
} as const;

/**
 * The date orders when a date filter holds: all matches have a calendar range, so the first term of
 * {@link EVENT_SORTS} / {@link KEY_SORTS} (`date_from IS NULL`, `undated`) is 0 for all of them and is left out,
 * which lets SQLite read the matches in order from an index whose first columns are equalities of the query.
 */
const DATED_SORTS = {
  e: { date: EVENT_SORTS.date.replace('e.date_from IS NULL, ', ''), '-date': EVENT_SORTS['-date'].replace('e.date_from IS NULL DESC, ', '') },
  k: { date: KEY_SORTS.date.replace('k.undated, ', ''), '-date': KEY_SORTS['-date'].replace('k.undated DESC, ', '') },
} as const;

/** Validate an actor code prefix argument (letters and digits), upper-cased. */
function actorArg(v: string, name: string): string {
  const code = String(v).toUpperCase();
  if (!/^[A-Z0-9]{1,40}$/.test(code)) throw new SitrepError('invalid_argument', `${name}: expected a CAMEO actor code prefix such as RUS or RUSGOV, got ${JSON.stringify(v)}`, name);
  return code;
}

/** Validate a PLOVER event type argument (case-insensitive) against the types of data/cameo.json (CAMEO2PLOVER). */
function ploverArg(v: string): string {
  const p = String(v).toUpperCase();
  const types = loadPloverEventTypes();
  if (!types.includes(p)) {
    throw new SitrepError('invalid_argument', `plover: expected a PLOVER event type (${types.join(', ')}), got ${JSON.stringify(v)}`, 'plover');
  }
  return p;
}

/** True when an actor code prefix is a key of `event_keys` (a whole number of CAMEO's 3-character blocks). */
function isActorKey(code: string): boolean {
  return code.length % ACTOR_KEY_BLOCK === 0;
}

/**
 * WHERE clauses for an event query, over `events e` or, with `via`, over `event_keys k` (see migration 4),
 * the rows of the `via` role whose key is the query's code prefix for that role: then `k.event_id` is the
 * event id, and only the columns that event_keys copies are used (callers check {@link keyedFilterFits}).
 * @param maxSpanDays the longest calendar range of a stored date, in days: with `from`, adds a lower bound
 *   on `date_from` that the date indexes can seek to
 * @throws SitrepError invalid_argument / invalid_date
 */
function eventFilter(q: EventSearch, maxSpanDays?: number, via?: KeyRole): { where: string[]; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const t = via ? 'k' : 'e';
  const id = via ? 'k.event_id' : 'e.id';
  if (via === 'dyad') {
    where.push("k.role = 'dyad' AND k.key = ?");
    args.push(dyadKey(actorArg(String(q.actor), 'actor'), actorArg(String(q.recipient), 'recipient')));
  }
  for (const role of ['actor', 'recipient'] as const) {
    const v = q[role];
    if (v === undefined || via === 'dyad') continue;
    const code = actorArg(String(v), role);
    if (role === via) where.push(`k.role = '${role}' AND k.key = ?`);
    else if (isActorKey(code)) where.push(`${id} IN (SELECT event_id FROM event_keys WHERE role = '${role}' AND key = ?)`);
    else {
      where.push(`${id} IN (SELECT p.event_id FROM event_participants p WHERE p.role = '${role}' AND p.code >= ? AND p.code < ?)`);
      args.push(code, prefixEnd(code));
      continue;
    }
    args.push(code);
  }
  if (q.code !== undefined) {
    if (!/^\d{1,4}$/.test(String(q.code))) throw new SitrepError('invalid_argument', `code: expected a CAMEO event code prefix of 1-4 digits, got ${JSON.stringify(q.code)}`, 'code');
    const code = String(q.code);
    if (code.length === 2 && !via) {
      // a root: the same as the range below, as an equality on the root index (events_root_sort)
      where.push('substr(e.cameo, 1, 2) = ?');
      args.push(code);
    } else {
      where.push(`${t}.cameo >= ? AND ${t}.cameo < ?`);
      args.push(code, prefixEnd(code));
    }
  }
  if (q.plover !== undefined) {
    where.push(`${t}.plover_event = ?`);
    args.push(ploverArg(q.plover));
  }
  if (q.quadClass !== undefined) {
    if (![1, 2, 3, 4].includes(q.quadClass)) throw new SitrepError('invalid_argument', `quadClass: expected 1, 2, 3 or 4, got ${q.quadClass}`, 'quadClass');
    where.push(`${t}.quad_class = ?`);
    args.push(q.quadClass);
  }
  let from: string | null = null;
  let to: string | null = null;
  for (const k of ['from', 'to'] as const) {
    const v = q[k];
    if (v === undefined) continue;
    const r = typeof v === 'string' ? boundRange(v) : null;
    if (!r) throw new SitrepError('invalid_date', `${k}: expected YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(v)}`, k);
    if (k === 'from') from = r.from;
    else to = r.to;
  }
  if (from !== null && to !== null && from > to) throw new SitrepError('invalid_argument', `from (${q.from}) is after to (${q.to})`, 'from');
  if (from !== null || to !== null) {
    // only events with a calendar range match: as an equality on the first sort column of the date indexes,
    // the date bounds below become a seek, and the date order of the matches a scan (see DATED_SORTS)
    where.push(via ? 'k.undated = 0' : '(e.date_from IS NULL) = 0');
  }
  if (from !== null) {
    where.push(`${t}.date_to >= ?`);
    args.push(from);
    if (maxSpanDays !== undefined && Number.isFinite(maxSpanDays)) {
      // implied by date_to >= from when no stored range is longer than maxSpanDays: lets the date index seek
      where.push(`${t}.date_from >= ?`);
      const bound = new Date(Date.parse(`${from}T00:00:00Z`) - Math.ceil(maxSpanDays) * 86_400_000).toISOString();
      args.push(bound.startsWith('-') ? '0000-01-01' : bound.slice(0, 10)); // before year 1: no stored date is earlier
    }
  }
  if (to !== null) {
    where.push(`${t}.date_from <= ?`);
    args.push(to);
  }
  if (q.doc !== undefined) {
    where.push(`${t}.doc_id = ?`);
    args.push(q.doc);
  }
  if (q.situation !== undefined) {
    if (!Number.isSafeInteger(q.situation)) throw new SitrepError('invalid_argument', `situation: expected an integer id, got ${q.situation}`, 'situation');
    where.push(`${id} IN (SELECT event_id FROM situation_mentions WHERE situation_id = ?)`);
    args.push(q.situation);
  }
  return { where, args };
}

/** The `role` of `event_keys` rows: an actor key, a recipient key, or a dyad key (see {@link dyadKey}). */
type KeyRole = 'actor' | 'recipient' | 'dyad';

/** The `event_keys` key of a dyad: an actor key and a recipient key (`RUS>UKRGOV`). */
function dyadKey(actor: string, recipient: string): string {
  return `${actor}>${recipient}`;
}

/**
 * The `event_keys` rows that can drive a page query (read in the sort order, so the scan stops after the
 * page): an actor and a recipient filter that are both keys (a dyad), else one of them, with a date sort.
 * Null when none fits.
 */
function keyedFilterFits(q: EventSearch, sort: EventSort): KeyRole | null {
  if (sort !== 'date' && sort !== '-date') return null;
  const fits = (v: string | undefined) => v !== undefined && /^[A-Za-z0-9]{1,40}$/.test(String(v)) && isActorKey(String(v));
  if (fits(q.actor) && fits(q.recipient)) return 'dyad';
  if (fits(q.actor)) return 'actor';
  if (fits(q.recipient)) return 'recipient';
  return null;
}

/** Validated limit (-1 = none) and offset. */
function paging(q: { limit?: number; offset?: number }): { limit: number; offset: number } {
  let limit = -1;
  let offset = 0;
  if (q.limit !== undefined) {
    if (!Number.isSafeInteger(q.limit) || q.limit < 1) throw new SitrepError('invalid_argument', `limit: expected a positive integer, got ${q.limit}`, 'limit');
    limit = q.limit;
  }
  if (q.offset !== undefined) {
    if (!Number.isSafeInteger(q.offset) || q.offset < 0) throw new SitrepError('invalid_argument', `offset: expected a non-negative integer, got ${q.offset}`, 'offset');
    offset = q.offset;
  }
  return { limit, offset };
}

const round2 = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

function docSummary(r: Row): DocumentSummary {
  return {
    id: String(r.id), title: str(r.title), published: str(r.published), url: str(r.url), source: str(r.source),
    chars: Number(r.chars), events: Number(r.events), duplicateOf: str(r.original_id), similarity: num(r.similarity),
  };
}

/** The JSON of an EventHit without its last four fields (situationId, sources, dateFrom, dateTo): `events.api_json`. */
function staticHitJson(h: EventHit): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { situationId, sources, dateFrom, dateTo, ...rest } = h;
  return JSON.stringify(rest);
}

/** `events.api_json` completed with the fields a page appends: the JSON of the EventHit. */
function completeHitJson(json: string, situationId: number | null, sources: number | null, dateFrom: string | null, dateTo: string | null): string {
  return `${json.slice(0, -1)},"situationId":${JSON.stringify(situationId)},"sources":${JSON.stringify(sources)},"dateFrom":${JSON.stringify(dateFrom)},"dateTo":${JSON.stringify(dateTo)}}`;
}

/** Bucket dated rows into ISO weeks (see {@link Store.dyadSeries}). */
function weekSeries(a: string, b: string, unit: 'events' | 'situations', rows: Row[]): DyadSeries {
  const weeks = new Map<string, DyadSeries['weeks'][number] & { gsum: number; gn: number }>();
  let imprecise = 0;
  let undated = 0;
  for (const r of rows) {
    if (r.date_from === null) {
      undated++;
      continue;
    }
    const from = DateTime.fromISO(String(r.date_from), { zone: 'utc' });
    const to = DateTime.fromISO(String(r.date_to), { zone: 'utc' });
    if (to.diff(from, 'days').days > 6 || from.weekNumber !== to.weekNumber || from.weekYear !== to.weekYear) {
      imprecise++;
      continue;
    }
    const week = `${from.weekYear}-W${String(from.weekNumber).padStart(2, '0')}`;
    let w = weeks.get(week);
    if (!w) {
      w = { week, start: from.startOf('week').toISODate() as string, events: 0, aToB: 0, bToA: 0, goldstein: null, quadClass: { 1: 0, 2: 0, 3: 0, 4: 0 }, gsum: 0, gn: 0 };
      weeks.set(week, w);
    }
    w.events++;
    if (Number(r.ab) === 1) w.aToB++;
    else w.bToA++;
    const q = num(r.quad_class);
    if (q === 1 || q === 2 || q === 3 || q === 4) w.quadClass[q]++;
    if (r.goldstein !== null) {
      w.gsum += Number(r.goldstein);
      w.gn++;
    }
  }
  const list = [...weeks.values()]
    .sort((x, y) => (x.start < y.start ? -1 : 1))
    .map(({ gsum, gn, ...w }) => ({ ...w, goldstein: gn ? Math.round((gsum / gn) * 100) / 100 : null }));
  return { a, b, unit, weeks: list, total: list.reduce((n, w) => n + w.events, 0), imprecise, undated };
}

/** The SQLite store. Not safe to share one instance across threads; several processes may open one file (WAL). */
export class Store {
  /** The file the store was opened from. */
  readonly file: string;
  private readonly db: Database.Database;
  private readonly stmts = new Map<string, Database.Statement>();
  /** Writes committed through this instance (with PRAGMA data_version: the cache key of counts). */
  private writes = 0;
  private counts = new Map<string, number>();
  private countVersion = '';

  private constructor(file: string, db: Database.Database) {
    this.file = file;
    this.db = db;
  }

  /**
   * Open (and create, unless `readonly`) a store; applies pending migrations.
   * WAL journal mode (synchronous NORMAL), foreign keys on, 5 s busy timeout.
   * @param file a path, or `:memory:`. The folder must exist (it is not created).
   * @throws SitrepError `store_failed` naming the file when its folder is missing, the file is not a
   *   sitrep SQLite store, was written by a newer sitrep (unknown migration versions), is read-only
   *   and needs migrations, or SQLite fails.
   */
  static open(file: string, opts: OpenOptions = {}): Store {
    if (file !== ':memory:' && !file.startsWith('file:')) {
      const dir = path.dirname(path.resolve(file));
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new SitrepError('store_failed', `${file}: folder ${dir} does not exist`, file);
      }
      if (existsSync(file) && statSync(file).isDirectory()) {
        throw new SitrepError('store_failed', `${file}: is a folder, not a database file`, file);
      }
      if (opts.readonly && !existsSync(file)) {
        throw new SitrepError('store_failed', `${file}: no such store`, file);
      }
    }
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly });
    } catch (e) {
      throw storeError(e, file);
    }
    try {
      if (!opts.readonly) db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL'); // with WAL: still atomic and consistent; a power loss may drop the last commits
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // a larger page cache and memory-mapped reads: queries over 100,000s of events stay in memory
      db.pragma('cache_size = -65536');
      db.pragma('mmap_size = 268435456');
      db.pragma('temp_store = MEMORY');
      // checkpoint the WAL every ~16 MB rather than ~4 MB: each checkpoint syncs, which dominates bulk ingest
      db.pragma('wal_autocheckpoint = 4000');
      const store = new Store(file, db);
      store.migrate(!!opts.readonly);
      return store;
    } catch (e) {
      db.close();
      throw storeError(e, file);
    }
  }

  private migrate(readonly: boolean): void {
    const db = this.db;
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!hasTable) {
      if (readonly) throw new SitrepError('store_failed', `${this.file}: not a sitrep store (no schema_migrations table)`, this.file);
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)');
    }
    const applied = this.appliedMigrations();
    const known = MIGRATIONS.length;
    const unknown = applied.filter((v) => v < 1 || v > known);
    if (unknown.length) {
      throw new SitrepError(
        'store_failed',
        `${this.file}: store has schema version ${Math.max(...unknown)}, this sitrep knows up to ${known}: upgrade sitrep`,
        this.file,
      );
    }
    const done = new Set(applied);
    for (let v = 1; v <= known; v++) {
      if (done.has(v)) continue;
      if (readonly) throw new SitrepError('store_failed', `${this.file}: store needs migration ${v}; open it writable once`, this.file);
      db.transaction(() => {
        db.exec(MIGRATIONS[v - 1]);
        db.prepare('INSERT INTO schema_migrations (version) VALUES (?)').run(v);
        // 3 adds cross-document merging: compute it for the documents already stored
        if (v === 3 && db.prepare('SELECT 1 FROM documents LIMIT 1').get()) rebuildSituations(db);
        // 4 adds events.api_json: render it for the events already stored
        if (v === 4) this.renderEventJson(db.prepare('SELECT id FROM events ORDER BY id').pluck().all() as number[]);
      }).immediate();
    }
  }

  /** Versions of the applied migrations, ascending (1-based, see MIGRATIONS). */
  appliedMigrations(): number[] {
    try {
      return (this.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Row[]).map((r) => Number(r.version));
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /** True when a document with this id is stored. @throws SitrepError `store_failed`. */
  hasDocument(id: string): boolean {
    try {
      return this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /**
   * Store an annotated document, idempotently and atomically.
   * When `doc.document.id` is already stored nothing changes (even if the content differs) and
   * `{stored: false}` is returned. Otherwise the document and all its layers (except tokens) are
   * written in one transaction; on any error nothing of this document is stored.
   * Actors of resolved entities and named mentions are added to the `actors` table (the first name seen for a
   * code is kept there).
   * @throws SitrepError `invalid_argument` when the document has no id or text; `store_failed` on SQLite errors
   *   (e.g. a constraint violated by a malformed annotation).
   */
  putDocument(doc: Doc): { stored: boolean } {
    const meta = doc?.document;
    if (!meta || typeof meta.id !== 'string' || meta.id === '' || typeof meta.text !== 'string') {
      throw new SitrepError('invalid_argument', 'putDocument: the document needs a non-empty id and a text', 'doc');
    }
    try {
      return this.db.transaction(() => this.insertDoc(doc)).immediate();
    } catch (e) {
      throw storeError(e, `${this.file}: document ${meta.id}`);
    }
  }

  private insertDoc(doc: Doc): { stored: boolean } {
    const db = this.db;
    const d = doc.document;
    if (this.prep('SELECT 1 FROM documents WHERE id = ?').get(d.id)) return { stored: false };
    this.prep('INSERT INTO documents (id, title, published, url, source, text) VALUES (?, ?, ?, ?, ?, ?)').run(
      d.id, d.title ?? null, d.published ?? null, d.url ?? null, d.source ?? null, d.text,
    );
    const sent = this.prep('INSERT INTO sentences (doc_id, idx, start, "end", token_start, token_end) VALUES (?, ?, ?, ?, ?, ?)');
    (doc.sentences ?? []).forEach((s, i) => sent.run(d.id, i, s.start, s.end, s.tokenStart, s.tokenEnd));

    const actor = this.prep('INSERT OR IGNORE INTO actors (code, country, sector, name) VALUES (?, ?, ?, ?)');
    const ent = this.prep(
      'INSERT INTO entities (doc_id, idx, text, start, "end", label, actor_code, country, sector, name, coref_of, sentence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    (doc.entities ?? []).forEach((e, i) => {
      const a = e.actor;
      if (a) actor.run(a.code, a.country ?? null, a.sector ?? null, a.name);
      ent.run(d.id, i, e.text, e.start, e.end, e.label, a?.code ?? null, a?.country ?? null, a?.sector ?? null, a?.name ?? null, e.corefOf ?? null, e.sentence, e.rule);
    });

    const men = this.prep(
      'INSERT INTO mentions (doc_id, idx, text, start, "end", code, country, sector, name, entity, kind, token_start, token_end, sentence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    (doc.mentions ?? []).forEach((m, i) => {
      if (m.code && m.name) actor.run(m.code, m.country ?? null, m.sector ?? null, m.name);
      men.run(d.id, i, m.text, m.start, m.end, m.code ?? null, m.country ?? null, m.sector ?? null, m.name ?? null, m.entity ?? null, m.kind, m.tokenStart, m.tokenEnd, m.sentence, m.rule);
    });

    const tx = this.prep('INSERT INTO timexes (doc_id, idx, text, start, "end", type, value, mod, anchor, sentence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    (doc.timexes ?? []).forEach((t, i) => tx.run(d.id, i, t.text, t.start, t.end, t.type, t.value, t.mod ?? null, t.anchor ?? null, t.sentence, t.rule));

    const ev = this.prep(
      `INSERT INTO events (doc_id, idx, cameo, root, quad_class, goldstein, plover_event, plover_mode, plover_context,
        date, date_from, date_to, date_defaulted, location_text, location_start, location_end, location_country,
        trigger_text, trigger_start, trigger_end, sentence, attribution, modality, rule, confidence, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const part = this.prep('INSERT INTO event_participants (event_id, role, idx, text, start, "end", code, country, sector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const key = this.prep(
      `INSERT INTO event_keys (role, key, undated, date_from, no_date, date, doc_id, idx, event_id, date_to, cameo, quad_class, plover_event)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const eventIds: number[] = [];
    (doc.events ?? []).forEach((e, i) => {
      const range = timexRange(e.date);
      const info = ev.run(
        d.id, i, e.cameo ?? null, e.root ?? null, e.quadClass ?? null, e.goldstein ?? null,
        e.plover?.event ?? null, e.plover?.mode ?? null, json(e.plover?.context),
        e.date ?? null, range?.from ?? null, range?.to ?? null, bool(e.dateDefaulted),
        e.location?.text ?? null, e.location?.start ?? null, e.location?.end ?? null, e.location?.country ?? null,
        e.trigger.text, e.trigger.start, e.trigger.end, e.sentence, json(e.attribution), JSON.stringify(e.modality ?? []),
        e.rule, e.confidence, e.status,
      );
      const id = info.lastInsertRowid;
      eventIds.push(Number(id));
      const keys = { actor: new Set<string>(), recipient: new Set<string>() };
      for (const role of ['actor', 'recipient'] as const) {
        (e[role] ?? []).forEach((p, j) => {
          part.run(id, role, j, p.text, p.start, p.end, p.code ?? null, p.country ?? null, p.sector ?? null);
          if (p.code) for (const k of actorKeys(p.code)) keys[role].add(k);
        });
      }
      const addKey = (role: string, k: string) =>
        key.run(role, k, bool(!range), range?.from ?? '', bool(e.date == null), e.date ?? '', d.id, i, id, range?.to ?? null,
          e.cameo ?? null, e.quadClass ?? null, e.plover?.event ?? null);
      for (const role of ['actor', 'recipient'] as const) for (const k of keys[role]) addKey(role, k);
      const dyads = new Set<string>();
      for (const a of keys.actor) for (const r of keys.recipient) dyads.add(dyadKey(a, r));
      for (const k of dyads) addKey('dyad', k);
    });

    const q = this.prep('INSERT INTO quotes (doc_id, idx, text, start, "end", direct, speaker, cue, sentence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    (doc.quotes ?? []).forEach((x, i) => q.run(d.id, i, x.text, x.start, x.end, bool(x.direct), json(x.speaker), json(x.cue), x.sentence, x.rule));

    const qu = this.prep(
      'INSERT INTO quantities (doc_id, idx, text, start, "end", value, min, max, unit, approximate, attribution, event_idx, event_rule, sentence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    (doc.quantities ?? []).forEach((x, i) =>
      qu.run(d.id, i, x.text, x.start, x.end, x.value ?? null, x.min ?? null, x.max ?? null, x.unit ?? null, bool(x.approximate), json(x.attribution), x.event ?? null, x.eventRule ?? null, x.sentence, x.rule),
    );
    this.renderEventJson(eventIds);
    // cross-document merging, in the same transaction (see situations.ts)
    recordNearDuplicate(db, d.id, d.text);
    mergeDocumentEvents(db, d.id);
    this.writes++;
    return { stored: true };
  }

  /**
   * Rebuild a stored document as a Doc (`tokens` is `[]`, see the module comment).
   * @returns the Doc, or null when no document has this id.
   * @throws SitrepError `store_failed`.
   */
  getDocument(id: string): Doc | null {
    try {
      return this.db.transaction(() => this.readDoc(id))();
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  private readDoc(id: string): Doc | null {
    const db = this.db;
    const d = db.prepare('SELECT id, title, published, url, source, text FROM documents WHERE id = ?').get(id) as Row | undefined;
    if (!d) return null;
    const rows = (table: string): Row[] => db.prepare(`SELECT * FROM ${table} WHERE doc_id = ? ORDER BY idx`).all(id) as Row[];
    const sentences: Sentence[] = rows('sentences').map((r) => ({
      start: Number(r.start), end: Number(r.end), tokenStart: Number(r.token_start), tokenEnd: Number(r.token_end),
    }));
    const entities: Entity[] = rows('entities').map((r) => {
      const e: Entity = { text: String(r.text), start: Number(r.start), end: Number(r.end), label: r.label as Entity['label'], sentence: Number(r.sentence), rule: String(r.rule) };
      if (r.actor_code !== null) e.actor = { code: String(r.actor_code), country: str(r.country), sector: str(r.sector), name: String(r.name ?? r.actor_code) };
      if (r.coref_of !== null) e.corefOf = Number(r.coref_of);
      return e;
    });
    const mentions: Mention[] = rows('mentions').map((r) => ({
      text: String(r.text), start: Number(r.start), end: Number(r.end),
      code: str(r.code), country: str(r.country), sector: str(r.sector), name: str(r.name),
      entity: num(r.entity), kind: r.kind as Mention['kind'], tokenStart: Number(r.token_start), tokenEnd: Number(r.token_end),
      sentence: Number(r.sentence), rule: String(r.rule),
    }));
    const timexes: Timex[] = rows('timexes').map((r) => {
      const t: Timex = { text: String(r.text), start: Number(r.start), end: Number(r.end), type: r.type as TimexType, value: String(r.value), sentence: Number(r.sentence), rule: String(r.rule) };
      if (r.mod !== null) t.mod = String(r.mod);
      if (r.anchor !== null) t.anchor = String(r.anchor);
      return t;
    });
    const evRows = db.prepare('SELECT * FROM events WHERE doc_id = ? ORDER BY idx').all(id) as Row[];
    const events: DocEvent[] = evRows.map((r) => this.eventFromRow(r));
    const quotes: Quote[] = rows('quotes').map((r) => ({
      text: String(r.text), start: Number(r.start), end: Number(r.end), direct: r.direct === 1,
      speaker: r.speaker === null ? null : parseJson<Quote['speaker']>(r.speaker),
      cue: r.cue === null ? null : parseJson<TextSpan>(r.cue),
      sentence: Number(r.sentence), rule: String(r.rule),
    }));
    const quantities: Quantity[] = rows('quantities').map((r) => {
      const x: Quantity = { text: String(r.text), start: Number(r.start), end: Number(r.end), unit: str(r.unit), approximate: r.approximate === 1, attribution: r.attribution === null ? null : parseJson<Attribution>(r.attribution), event: r.event_idx === null || r.event_idx === undefined ? null : Number(r.event_idx), eventRule: str(r.event_rule), sentence: Number(r.sentence), rule: String(r.rule) };
      if (r.value !== null) x.value = Number(r.value);
      if (r.min !== null) x.min = Number(r.min);
      if (r.max !== null) x.max = Number(r.max);
      return x;
    });
    return {
      document: { id: String(d.id), title: str(d.title), published: str(d.published), url: str(d.url), source: str(d.source), text: String(d.text) },
      tokens: [],
      sentences,
      entities,
      mentions,
      timexes,
      events,
      quotes,
      quantities,
    };
  }

  private participants(eventId: unknown): { actor: Participant[]; recipient: Participant[] } {
    const rows = this.db
      .prepare('SELECT role, text, start, "end", code, country, sector FROM event_participants WHERE event_id = ? ORDER BY role, idx')
      .all(eventId) as Row[];
    const out = { actor: [] as Participant[], recipient: [] as Participant[] };
    for (const r of rows) {
      out[r.role as 'actor' | 'recipient'].push({ text: String(r.text), start: Number(r.start), end: Number(r.end), code: str(r.code), country: str(r.country), sector: str(r.sector) });
    }
    return out;
  }

  /** Participants of several events in one query. */
  private participantsOf(ids: number[]): Map<number, { actor: Participant[]; recipient: Participant[] }> {
    const out = new Map<number, { actor: Participant[]; recipient: Participant[] }>();
    if (!ids.length) return out;
    const rows = this.prep(
      'SELECT event_id, role, text, start, "end", code, country, sector FROM event_participants WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY event_id, role, idx',
    ).raw(false).all(JSON.stringify(ids)) as Row[];
    for (const r of rows) {
      const id = Number(r.event_id);
      let p = out.get(id);
      if (!p) out.set(id, (p = { actor: [], recipient: [] }));
      p[r.role as 'actor' | 'recipient'].push({ text: String(r.text), start: Number(r.start), end: Number(r.end), code: str(r.code), country: str(r.country), sector: str(r.sector) });
    }
    return out;
  }

  private eventFromRow(r: Row, given?: { actor: Participant[]; recipient: Participant[] }): DocEvent {
    const p = given ?? this.participants(r.id);
    let plover: DocEvent['plover'] = null;
    if (r.plover_event !== null) {
      plover = { event: String(r.plover_event), mode: str(r.plover_mode) };
      if (r.plover_context !== null) plover.context = parseJson<string[]>(r.plover_context);
    }
    return {
      cameo: str(r.cameo),
      root: str(r.root),
      quadClass: num(r.quad_class) as DocEvent['quadClass'],
      goldstein: num(r.goldstein),
      plover,
      status: r.status as DocEvent['status'],
      actor: p.actor,
      recipient: p.recipient,
      date: str(r.date),
      dateDefaulted: r.date_defaulted === 1,
      location: r.location_text === null ? null : { text: String(r.location_text), start: Number(r.location_start), end: Number(r.location_end), country: str(r.location_country) },
      trigger: { text: String(r.trigger_text), start: Number(r.trigger_start), end: Number(r.trigger_end) },
      attribution: r.attribution === null ? null : parseJson<Attribution>(r.attribution),
      modality: parseJson<Modality[]>(r.modality),
      confidence: Number(r.confidence),
      sentence: Number(r.sentence),
      rule: String(r.rule),
    };
  }

  /**
   * Query stored events (see {@link EventQuery} for the matching rules).
   * Sorted by date (start of the date's calendar range; events without a range after those with one,
   * by their raw value, then events without a date), then document id, then event index: the same
   * store and query always give the same list.
   * @throws SitrepError `invalid_date` for a malformed `from`/`to`; `invalid_argument` for a malformed
   *   actor/recipient code (letters and digits only), event code (1-4 digits), `limit`, `offset`,
   *   or `from` after `to`; `store_failed` on SQLite errors.
   */
  queryEvents(q: EventQuery = {}): EventRow[] {
    const { where, args } = eventFilter(q);
    const { limit, offset } = paging(q);
    const sql = `SELECT e.*, d.published AS doc_published FROM events e JOIN documents d ON d.id = e.doc_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY ${EVENT_SORTS.date}
      LIMIT ? OFFSET ?`;
    try {
      return this.db.transaction(() => {
        const rows = this.prep(sql).all(...args, limit, offset) as Row[];
        return this.eventRows(rows);
      })();
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /** Rows of `events` (joined with `doc_published`) to EventRows, participants read in one query. */
  private eventRows(rows: Row[]): EventRow[] {
    const parts = this.participantsOf(rows.map((r) => Number(r.id)));
    return rows.map((r) => ({ docId: String(r.doc_id), idx: Number(r.idx), published: str(r.doc_published), ...this.eventFromRow(r, parts.get(Number(r.id))) }));
  }

  /**
   * The EventHits of event ids, in the order of the ids (ids that are not stored are skipped). Two statements
   * for the whole page (events with their document and situation; participants), rows read as arrays.
   */
  private eventHits(ids: number[]): EventHit[] {
    return [...this.eventHitsById(ids).values()];
  }

  /** {@link eventHits} by event id (in the order of the ids): {@link eventRows} with the page's own fields. */
  private eventHitsById(ids: number[]): Map<number, EventHit> {
    const out = new Map<number, EventHit>();
    if (!ids.length) return out;
    const rows = this.prep(
      `SELECT e.*, d.published AS doc_published, d.title AS doc_title, sm.situation_id, se.sources
       FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN situation_mentions sm ON sm.event_id = e.id
       LEFT JOIN situation_events se ON se.id = sm.situation_id
       WHERE e.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as Row[];
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const ordered = ids.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
    const events = this.eventRows(ordered);
    ordered.forEach((r, i) =>
      out.set(Number(r.id), { ...events[i], title: str(r.doc_title), situationId: num(r.situation_id), sources: num(r.sources), dateFrom: str(r.date_from), dateTo: str(r.date_to) }),
    );
    return out;
  }

  /**
   * Store `events.api_json` of stored events (see migration 4): the JSON of their EventHit (as {@link eventHits}
   * builds it) up to `title`, without the fields that {@link searchEventsJson} appends.
   */
  private renderEventJson(ids: number[]): void {
    const upd = this.prep('UPDATE events SET api_json = ? WHERE id = ?');
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500);
      for (const [id, h] of this.eventHitsById(batch)) upd.run(staticHitJson(h), id);
    }
  }

  /** A cached prepared statement. */
  private prep(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** A value that changes whenever this or another connection commits a write (a cache key for query results). */
  dataVersion(): string {
    return `${this.writes}:${this.prep('PRAGMA data_version').pluck().get()}`;
  }

  /** The longest calendar range of a stored event date, in days (cached until the data changes). */
  private maxDateSpan(): number {
    return this.cachedCount(
      'SELECT COALESCE(MAX(julianday(date_to) - julianday(date_from)), 0) FROM events WHERE date_from IS NOT NULL',
      [],
    );
  }

  /** COUNT(*) (or another single number) of a query, cached until the data changes. */
  private cachedCount(sql: string, args: unknown[]): number {
    const key = sql + '\u0000' + JSON.stringify(args);
    const v = this.dataVersion();
    if (this.countVersion !== v) {
      this.counts.clear();
      this.countVersion = v;
    }
    let n = this.counts.get(key);
    if (n === undefined) {
      n = Number(this.prep(sql).pluck().get(...args));
      if (this.counts.size > 500) this.counts.clear();
      this.counts.set(key, n);
    }
    return n;
  }

  /**
   * Events matching a query, one page of them, with the total count and sorting (the HTTP API's events).
   * Filters as {@link queryEvents} plus `plover`, `quadClass` and `situation`; `limit` defaults to 50.
   * @throws SitrepError as {@link queryEvents}; `invalid_argument` for an unknown sort.
   */
  searchEvents(q: EventSearch = {}): Page<EventHit> {
    return this.eventPage(q, (ids) => this.eventHits(ids));
  }

  /**
   * {@link searchEvents} as the text of its JSON (`JSON.stringify` of its result, byte for byte), built from
   * the rendered `events.api_json` of each event (see migration 4) without reading the events' columns.
   * @throws SitrepError as {@link searchEvents}.
   */
  searchEventsJson(q: EventSearch = {}): string {
    const page = this.eventPage(q, (ids): string => {
      const byId = new Map<number, unknown[]>();
      for (const r of this.prep(
        `SELECT e.id, e.api_json, sm.situation_id, se.sources, e.date_from, e.date_to
         FROM events e LEFT JOIN situation_mentions sm ON sm.event_id = e.id LEFT JOIN situation_events se ON se.id = sm.situation_id
         WHERE e.id IN (SELECT value FROM json_each(?))`,
      ).raw(true).all(JSON.stringify(ids)) as unknown[][]) byId.set(r[0] as number, r);
      const missing = ids.filter((id) => byId.has(id) && byId.get(id)![1] === null);
      const rendered = missing.length ? this.eventHitsById(missing) : null;
      const items: string[] = [];
      for (const id of ids) {
        const r = byId.get(id);
        if (!r) continue;
        const h = rendered?.get(id);
        items.push(h ? JSON.stringify(h) : completeHitJson(r[1] as string, r[2] as number | null, r[3] as number | null, r[4] as string | null, r[5] as string | null));
      }
      return items.join(',');
    });
    return `{"total":${page.total},"limit":${page.limit},"offset":${page.offset},"items":[${page.items}]}`;
  }

  /**
   * The total and the page of an {@link EventSearch}: `items` is what `build` makes of the ids of the page's
   * events (in page order), in the same read transaction.
   */
  private eventPage<T>(q: EventSearch, build: (ids: number[]) => T): { total: number; limit: number; offset: number; items: T } {
    const { limit, offset } = paging({ limit: q.limit ?? 50, offset: q.offset });
    const sort = q.sort ?? 'date';
    if (!(sort in EVENT_SORTS)) throw new SitrepError('invalid_argument', `sort: expected one of ${Object.keys(EVENT_SORTS).join(', ')}, got ${JSON.stringify(sort)}`, 'sort');
    // an actor/recipient key with a date sort: the page is read in order from event_keys (see migration 4)
    const via = keyedFilterFits(q, sort);
    const { where, args } = eventFilter(q, q.from !== undefined ? this.maxDateSpan() : undefined, via ?? undefined);
    const w = where.length ? 'WHERE ' + where.join(' AND ') : '';
    const dated = q.from !== undefined || q.to !== undefined;
    try {
      return this.db.transaction(() => {
        let total: number;
        let ids: number[];
        if (via) {
          total = this.cachedCount(`SELECT COUNT(*) FROM event_keys k ${w}`, args);
          ids = this.prep(`SELECT k.event_id FROM event_keys k ${w} ORDER BY ${(dated ? DATED_SORTS.k : KEY_SORTS)[sort as 'date' | '-date']} LIMIT ? OFFSET ?`)
            .pluck().all(...args, limit, offset) as number[];
        } else {
          total = this.cachedCount(`SELECT COUNT(*) FROM events e ${w}`, args);
          // first the ids of the page (narrow rows: only what filters and sorting need), then their details
          const needsDoc = sort.endsWith('published');
          // by publication date: the QuadClass term (a quarter of the events) must not drive the query through a
          // QuadClass index with a sort of all its events; `+` keeps the scan of documents in published order
          const wd = needsDoc ? w.replace('e.quad_class = ?', '+e.quad_class = ?') : w;
          const order = dated && (sort === 'date' || sort === '-date') ? DATED_SORTS.e[sort] : EVENT_SORTS[sort];
          ids = this.prep(
            `SELECT e.id FROM ${needsDoc ? 'documents d JOIN events e ON e.doc_id = d.id' : 'events e'} ${wd} ORDER BY ${order} LIMIT ? OFFSET ?`,
          ).pluck().all(...args, limit, offset) as number[];
        }
        return { total, limit, offset, items: build(ids) };
      })();
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /**
   * Stored documents, newest publication first (undated last), then id; one page with the total.
   * @throws SitrepError `invalid_argument` for bad paging; `store_failed`.
   */
  listDocuments(q: { limit?: number; offset?: number; duplicates?: boolean } = {}): Page<DocumentSummary> {
    const { limit, offset } = paging({ limit: q.limit ?? 50, offset: q.offset });
    const w = q.duplicates === false ? 'WHERE dd.doc_id IS NULL' : '';
    try {
      return this.db.transaction(() => {
        const total = this.cachedCount(`SELECT COUNT(*) FROM documents d LEFT JOIN doc_duplicates dd ON dd.doc_id = d.id ${w}`, []);
        const rows = this.prep(
          `SELECT d.id, d.title, d.published, d.url, d.source, length(d.text) AS chars,
                  (SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id) AS events,
                  dd.original_id, dd.similarity
           FROM documents d LEFT JOIN doc_duplicates dd ON dd.doc_id = d.id ${w}
           ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ? OFFSET ?`,
        ).all(limit, offset) as Row[];
        return { total, limit, offset, items: rows.map(docSummary) };
      })();
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /** Summary of one document (as in {@link listDocuments}), or null. @throws SitrepError `store_failed`. */
  documentSummary(id: string): DocumentSummary | null {
    try {
      const r = this.prep(
        `SELECT d.id, d.title, d.published, d.url, d.source, length(d.text) AS chars,
                (SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id) AS events, dd.original_id, dd.similarity
         FROM documents d LEFT JOIN doc_duplicates dd ON dd.doc_id = d.id WHERE d.id = ?`,
      ).get(id) as Row | undefined;
      if (!r) return null;
      const s = docSummary(r);
      s.duplicates = (this.prep('SELECT doc_id FROM doc_duplicates WHERE original_id = ? ORDER BY doc_id').pluck().all(id) as string[]);
      return s;
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /**
   * Situation events (events merged across documents, see situations.ts), one page with the total.
   * Filters: `actor` / `recipient` (code prefix of any merged report's participants), `code` (prefix of the
   * situation's CAMEO code), `plover`, `from` / `to` (overlap with the situation's date range), `doc` (reported
   * by this document), `minSources`. Sort: `date` (default), `-date`, `-sources`, `sources`.
   * Each item lists its mentions (every report: document, event index, trigger, sentence span), earliest report first.
   */
  searchSituations(q: SituationSearch = {}): Page<SituationEvent> {
    const f = eventFilter({ from: q.from, to: q.to });
    const where: string[] = [];
    const args: unknown[] = [];
    for (const role of ['actor', 'recipient'] as const) {
      if (q[role] === undefined) continue;
      const code = actorArg(String(q[role]), role);
      where.push(`s.id IN (SELECT sm.situation_id FROM event_participants p JOIN situation_mentions sm ON sm.event_id = p.event_id
                   WHERE p.role = '${role}' AND p.code >= ? AND p.code < ?)`);
      args.push(code, prefixEnd(code));
    }
    if (q.code !== undefined) {
      if (!/^\d{1,4}$/.test(String(q.code))) throw new SitrepError('invalid_argument', `code: expected a CAMEO event code prefix of 1-4 digits, got ${JSON.stringify(q.code)}`, 'code');
      where.push('s.cameo >= ? AND s.cameo < ?');
      args.push(String(q.code), prefixEnd(String(q.code)));
    }
    if (q.plover !== undefined) {
      where.push('s.plover_event = ?');
      args.push(ploverArg(q.plover));
    }
    f.where.forEach((x) => where.push(x.replace('e.', 's.')));
    args.push(...f.args);
    if (q.doc !== undefined) {
      where.push('s.id IN (SELECT situation_id FROM situation_mentions WHERE doc_id = ?)');
      args.push(q.doc);
    }
    if (q.id !== undefined) {
      where.push('s.id = ?');
      args.push(q.id);
    }
    if (q.minSources !== undefined) {
      if (!Number.isSafeInteger(q.minSources) || q.minSources < 1) throw new SitrepError('invalid_argument', `minSources: expected a positive integer, got ${q.minSources}`, 'minSources');
      where.push('s.sources >= ?');
      args.push(q.minSources);
    }
    const sorts: Record<string, string> = {
      date: 's.date_from IS NULL, s.date_from, s.id',
      '-date': 's.date_from IS NULL, s.date_from DESC, s.id DESC',
      '-sources': 's.sources DESC, s.mentions DESC, s.id',
      sources: 's.sources, s.id',
    };
    const sort = q.sort ?? 'date';
    if (!(sort in sorts)) throw new SitrepError('invalid_argument', `sort: expected one of ${Object.keys(sorts).join(', ')}, got ${JSON.stringify(sort)}`, 'sort');
    const { limit, offset } = paging({ limit: q.limit ?? 50, offset: q.offset });
    const w = where.length ? 'WHERE ' + where.join(' AND ') : '';
    try {
      return this.db.transaction(() => {
        const total = this.cachedCount(`SELECT COUNT(*) FROM situation_events s ${w}`, args);
        const rows = this.prep(`SELECT s.* FROM situation_events s ${w} ORDER BY ${sorts[sort]} LIMIT ? OFFSET ?`).all(...args, limit, offset) as Row[];
        const ids = rows.map((r) => Number(r.id));
        const ments = this.prep(
          `SELECT sm.situation_id, sm.source_doc, e.doc_id, e.idx, e.trigger_text, e.trigger_start, e.trigger_end, e.cameo, e.date,
                  e.sentence, se.start AS s_start, se."end" AS s_end, d.title, d.published, dd.original_id
           FROM situation_mentions sm JOIN events e ON e.id = sm.event_id JOIN documents d ON d.id = e.doc_id
           LEFT JOIN sentences se ON se.doc_id = e.doc_id AND se.idx = e.sentence
           LEFT JOIN doc_duplicates dd ON dd.doc_id = e.doc_id
           WHERE sm.situation_id IN (SELECT value FROM json_each(?))
           ORDER BY d.published IS NULL, d.published, e.doc_id, e.idx`,
        ).all(JSON.stringify(ids)) as Row[];
        const bySit = new Map<number, SituationMention[]>();
        const texts = new Map<string, string>();
        const textOf = (id: string): string => {
          let t = texts.get(id);
          if (t === undefined) texts.set(id, (t = String(this.prep('SELECT text FROM documents WHERE id = ?').pluck().get(id) ?? '')));
          return t;
        };
        for (const m of ments) {
          const list = bySit.get(Number(m.situation_id)) ?? [];
          list.push({
            docId: String(m.doc_id), idx: Number(m.idx), title: str(m.title), published: str(m.published),
            cameo: str(m.cameo), date: str(m.date),
            trigger: { text: String(m.trigger_text), start: Number(m.trigger_start), end: Number(m.trigger_end) },
            sentence: Number(m.sentence),
            sentenceSpan: m.s_start === null ? null : { start: Number(m.s_start), end: Number(m.s_end) },
            sentenceText: m.s_start === null ? null : textOf(String(m.doc_id)).slice(Number(m.s_start), Number(m.s_end)),
            duplicateOf: str(m.original_id),
          });
          bySit.set(Number(m.situation_id), list);
        }
        const items: SituationEvent[] = rows.map((r) => ({
          id: Number(r.id),
          actor: r.actor_key ? String(r.actor_key).split('+') : [],
          recipient: r.recipient_key ? String(r.recipient_key).split('+') : [],
          root: String(r.root),
          cameo: str(r.cameo),
          quadClass: num(r.quad_class) as SituationEvent['quadClass'],
          goldstein: num(r.goldstein),
          plover: str(r.plover_event),
          date: str(r.date),
          location: str(r.location_country),
          sources: Number(r.sources),
          mentionCount: Number(r.mentions),
          firstReport: { docId: str(r.first_doc_id), published: str(r.first_published) },
          mentions: bySit.get(Number(r.id)) ?? [],
        }));
        return { total, limit, offset, items };
      })();
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /**
   * Events between two actors in both directions (code prefixes: `a` as actor and `b` as recipient, or the
   * reverse), per ISO week of the event date. Only events dated to a day or a week count (a month or a year
   * cannot be placed in a week): the others are counted in `imprecise`, events without a calendar date in `undated`.
   * `unit: 'situations'` counts merged situation events (each once, at its own date) instead of reports.
   * @throws SitrepError `invalid_argument` / `invalid_date` for bad codes or dates; `store_failed`.
   */
  dyadSeries(a: string, b: string, q: { from?: string; to?: string; unit?: 'events' | 'situations' } = {}): DyadSeries {
    const A = actorArg(a, 'a');
    const B = actorArg(b, 'b');
    const f = eventFilter({ from: q.from, to: q.to });
    const unit = q.unit ?? 'events';
    if (unit !== 'events' && unit !== 'situations') throw new SitrepError('invalid_argument', `unit: expected events or situations, got ${JSON.stringify(unit)}`, 'unit');
    const dir = (x: string, y: string): string =>
      `(e.id IN (SELECT event_id FROM event_participants WHERE role = 'actor' AND code >= '${x}' AND code < '${prefixEnd(x)}')
        AND e.id IN (SELECT event_id FROM event_participants WHERE role = 'recipient' AND code >= '${y}' AND code < '${prefixEnd(y)}'))`;
    const where = [`(${dir(A, B)} OR ${dir(B, A)})`, "e.status = 'coded'", ...f.where];
    try {
      return this.db.transaction(() => {
        let rows: Row[];
        if (unit === 'events') {
          rows = this.prep(
            `SELECT e.date_from, e.date_to, e.goldstein, e.quad_class,
                    (e.id IN (SELECT event_id FROM event_participants WHERE role = 'actor' AND code >= '${A}' AND code < '${prefixEnd(A)}')) AS ab
             FROM events e WHERE ${where.join(' AND ')}`,
          ).all(...f.args) as Row[];
        } else {
          rows = this.prep(
            `SELECT s.date_from, s.date_to, s.goldstein, s.quad_class, MAX(e.id IN (SELECT event_id FROM event_participants WHERE role = 'actor' AND code >= '${A}' AND code < '${prefixEnd(A)}')) AS ab
             FROM events e JOIN situation_mentions sm ON sm.event_id = e.id JOIN situation_events s ON s.id = sm.situation_id
             WHERE ${where.join(' AND ')} GROUP BY s.id`,
          ).all(...f.args) as Row[];
        }
        return weekSeries(A, B, unit, rows);
      })();
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /**
   * Actor network: one edge per (actor code, recipient code) pair of the matching events, with counts by
   * QuadClass and mean Goldstein; nodes are the codes with their number of events (as actor or recipient).
   * Events with several actors or recipients give one edge per pair. At most `limit` (default 150) edges,
   * the busiest first.
   */
  network(q: EventSearch & { limit?: number } = {}): Network {
    const { where, args } = eventFilter(q);
    const { limit } = paging({ limit: q.limit ?? 150 });
    const w = where.length ? 'AND ' + where.join(' AND ') : '';
    try {
      return this.db.transaction(() => {
        const edges = this.prep(
          `SELECT a.code AS source, r.code AS target, COUNT(*) AS events, AVG(e.goldstein) AS goldstein,
                  SUM(e.quad_class = 1) AS q1, SUM(e.quad_class = 2) AS q2, SUM(e.quad_class = 3) AS q3, SUM(e.quad_class = 4) AS q4
           FROM events e JOIN event_participants a ON a.event_id = e.id AND a.role = 'actor' AND a.code IS NOT NULL
                         JOIN event_participants r ON r.event_id = e.id AND r.role = 'recipient' AND r.code IS NOT NULL
           WHERE e.status = 'coded' AND a.code <> r.code ${w}
           GROUP BY a.code, r.code ORDER BY events DESC, source, target LIMIT ?`,
        ).all(...args, limit) as Row[];
        const nodes = this.prep(
          `SELECT p.code AS code, COUNT(DISTINCT e.id) AS events, AVG(e.goldstein) AS goldstein
           FROM events e JOIN event_participants p ON p.event_id = e.id AND p.code IS NOT NULL
           WHERE e.status = 'coded' ${w} GROUP BY p.code ORDER BY events DESC, code LIMIT ?`,
        ).all(...args, limit) as Row[];
        const names = this.actorNames();
        const keep = new Set(nodes.map((n) => String(n.code)));
        const es = edges.filter((e) => keep.has(String(e.source)) && keep.has(String(e.target)));
        return {
          nodes: nodes.map((n) => ({ code: String(n.code), name: names.get(String(n.code)) ?? null, events: Number(n.events), goldstein: round2(num(n.goldstein)) })),
          edges: es.map((e) => ({
            source: String(e.source), target: String(e.target), events: Number(e.events), goldstein: round2(num(e.goldstein)),
            quadClass: { 1: Number(e.q1), 2: Number(e.q2), 3: Number(e.q3), 4: Number(e.q4) },
          })),
        };
      })();
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /**
   * Where events happen, per country (ISO alpha-3): the stated location's country, else the first recipient's
   * country, else the first actor's (`basis` tells which). Same filters as {@link searchEvents}.
   */
  places(q: EventSearch = {}): PlaceCount[] {
    const { where, args } = eventFilter(q);
    const w = where.length ? 'AND ' + where.join(' AND ') : '';
    try {
      const rows = this.prep(
        `WITH placed AS (
           SELECT e.goldstein, e.quad_class,
             CASE WHEN e.location_country IS NOT NULL THEN e.location_country
                  ELSE COALESCE((SELECT country FROM event_participants WHERE event_id = e.id AND role = 'recipient' AND country IS NOT NULL ORDER BY idx LIMIT 1),
                                (SELECT country FROM event_participants WHERE event_id = e.id AND role = 'actor' AND country IS NOT NULL ORDER BY idx LIMIT 1)) END AS country,
             e.location_country IS NOT NULL AS stated
           FROM events e WHERE e.status = 'coded' ${w})
         SELECT country, COUNT(*) AS events, SUM(stated) AS stated, AVG(goldstein) AS goldstein,
                SUM(quad_class >= 3) AS conflict
         FROM placed WHERE country IS NOT NULL GROUP BY country ORDER BY events DESC, country`,
      ).all(...args) as Row[];
      return rows.map((r) => ({ country: String(r.country), events: Number(r.events), stated: Number(r.stated), conflict: Number(r.conflict), goldstein: round2(num(r.goldstein)) }));
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /** Code -> most frequent name (see {@link listActors}). */
  private actorNames(): Map<string, string> {
    const names = new Map<string, { name: string; n: number }>();
    for (const r of this.prep(
      `SELECT code, name, COUNT(*) AS n FROM (
         SELECT actor_code AS code, name FROM entities WHERE actor_code IS NOT NULL AND name IS NOT NULL
         UNION ALL SELECT code, name FROM mentions WHERE code IS NOT NULL AND name IS NOT NULL
       ) GROUP BY code, name`,
    ).all() as Row[]) {
      const code = String(r.code);
      const cur = names.get(code);
      const cand = { name: String(r.name), n: Number(r.n) };
      if (!cur || cand.n > cur.n || (cand.n === cur.n && cand.name < cur.name)) names.set(code, cand);
    }
    return new Map([...names].map(([k, v]) => [k, v.name]));
  }

  /**
   * Actors merged across documents by canonical code: {@link listActors} plus the number of documents that
   * mention each code (entities, mentions or event participants) and the distinct names it was given.
   */
  actorDirectory(): ActorEntry[] {
    try {
      return this.db.transaction(() => {
        const base = this.listActors();
        const docs = new Map<string, number>();
        for (const r of this.prep(
          `SELECT code, COUNT(DISTINCT doc_id) AS n FROM (
             SELECT actor_code AS code, doc_id FROM entities WHERE actor_code IS NOT NULL
             UNION ALL SELECT code, doc_id FROM mentions WHERE code IS NOT NULL
             UNION ALL SELECT p.code, e.doc_id FROM event_participants p JOIN events e ON e.id = p.event_id WHERE p.code IS NOT NULL
           ) GROUP BY code`,
        ).all() as Row[]) docs.set(String(r.code), Number(r.n));
        const aliases = new Map<string, string[]>();
        for (const r of this.prep(
          `SELECT DISTINCT code, name FROM (
             SELECT actor_code AS code, name FROM entities WHERE actor_code IS NOT NULL AND name IS NOT NULL
             UNION SELECT code, name FROM mentions WHERE code IS NOT NULL AND name IS NOT NULL
           ) ORDER BY code, name`,
        ).all() as Row[]) {
          const l = aliases.get(String(r.code)) ?? [];
          if (l.length < 20) l.push(String(r.name));
          aliases.set(String(r.code), l);
        }
        return base.map((a) => ({ ...a, documents: docs.get(a.code) ?? 0, names: aliases.get(a.code) ?? [] }));
      })();
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /** Update the query planner's statistics (run after large loads). */
  optimize(): void {
    try {
      this.db.exec('ANALYZE');
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /** Recompute near-duplicates and situation events for the whole store (see situations.ts). */
  rebuildMerges(): void {
    try {
      this.db.transaction(() => rebuildSituations(this.db)).immediate();
      this.writes++;
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /**
   * Store many documents: each is stored completely or not at all (a savepoint per document), and up to
   * `batch` documents share one commit (fewer syncs; a crash loses at most the uncommitted batch, whose
   * documents are then all absent, so resuming stores them). A failing document is skipped and reported.
   * @returns how many were newly stored, and the errors by document id.
   * @throws SitrepError `store_failed` when a commit fails.
   */
  putDocuments(docs: Iterable<Doc>, opts: { batch?: number } = {}): { stored: number; errors: Array<{ id: string; error: SitrepError }> } {
    const batch = Math.max(1, opts.batch ?? 100);
    const errors: Array<{ id: string; error: SitrepError }> = [];
    let stored = 0;
    let pending: Doc[] = [];
    const flush = () => {
      if (!pending.length) return;
      const list = pending;
      pending = [];
      try {
        this.db.transaction(() => {
          for (const doc of list) {
            const id = doc?.document?.id;
            if (!doc?.document || typeof id !== 'string' || id === '' || typeof doc.document.text !== 'string') {
              errors.push({ id: String(id), error: new SitrepError('invalid_argument', 'putDocuments: a document needs a non-empty id and a text', 'doc') });
              continue;
            }
            try {
              // a nested better-sqlite3 transaction is a savepoint: this document alone rolls back on error
              if (this.db.transaction(() => this.insertDoc(doc))().stored) stored++;
            } catch (e) {
              errors.push({ id, error: storeError(e, `${this.file}: document ${id}`) });
            }
          }
        }).immediate();
      } catch (e) {
        throw storeError(e, this.file);
      }
    };
    for (const d of docs) {
      pending.push(d);
      if (pending.length >= batch) flush();
    }
    flush();
    return { stored, errors };
  }

  /**
   * Every actor code known to the store (from resolved entities, mentions and event participants), with the
   * number of distinct events it takes part in as actor or recipient; sorted by that count descending,
   * then code ascending. Country/sector come from the actors table, else from a participant.
   * @throws SitrepError `store_failed`.
   */
  listActors(): ActorSummary[] {
    try {
      return this.db.transaction(() => {
        const rows = this.db
          .prepare(
            `WITH codes AS (
               SELECT code FROM actors
               UNION SELECT code FROM event_participants WHERE code IS NOT NULL
               UNION SELECT code FROM mentions WHERE code IS NOT NULL
             )
             SELECT c.code AS code,
                    COALESCE(a.country, (SELECT MIN(p.country) FROM event_participants p WHERE p.code = c.code),
                             (SELECT MIN(m.country) FROM mentions m WHERE m.code = c.code)) AS country,
                    COALESCE(a.sector, (SELECT MIN(p.sector) FROM event_participants p WHERE p.code = c.code),
                             (SELECT MIN(m.sector) FROM mentions m WHERE m.code = c.code)) AS sector,
                    (SELECT COUNT(DISTINCT p.event_id) FROM event_participants p WHERE p.code = c.code) AS n
             FROM codes c LEFT JOIN actors a ON a.code = c.code`,
          )
          .all() as Row[];
        const names = new Map<string, { name: string; n: number }>();
        for (const r of this.db
          .prepare(
            `SELECT code, name, COUNT(*) AS n FROM (
               SELECT actor_code AS code, name FROM entities WHERE actor_code IS NOT NULL AND name IS NOT NULL
               UNION ALL SELECT code, name FROM mentions WHERE code IS NOT NULL AND name IS NOT NULL
             ) GROUP BY code, name`,
          )
          .all() as Row[]) {
          const code = String(r.code);
          const cur = names.get(code);
          const cand = { name: String(r.name), n: Number(r.n) };
          if (!cur || cand.n > cur.n || (cand.n === cur.n && cand.name < cur.name)) names.set(code, cand);
        }
        const out: ActorSummary[] = rows.map((r) => ({
          code: String(r.code),
          name: names.get(String(r.code))?.name ?? null,
          country: str(r.country),
          sector: str(r.sector),
          events: Number(r.n),
        }));
        out.sort((a, b) => b.events - a.events || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
        return out;
      })();
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /** Row counts of documents, events and entities. @throws SitrepError `store_failed`. */
  stats(): StoreStats {
    try {
      const c = (t: string): number => Number((this.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as Row).n);
      return { documents: c('documents'), events: c('events'), entities: c('entities') };
    } catch (e) {
      throw storeError(e, this.file);
    }
  }

  /** Close the database (idempotent). */
  close(): void {
    if (this.db.open) this.db.close();
  }
}
