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
import { boundRange, timexRange } from './dates.js';
import { MIGRATIONS } from './migrations.js';

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

/** The SQLite store. Not safe to share one instance across threads; several processes may open one file (WAL). */
export class Store {
  /** The file the store was opened from. */
  readonly file: string;
  private readonly db: Database.Database;

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
    if (db.prepare('SELECT 1 FROM documents WHERE id = ?').get(d.id)) return { stored: false };
    db.prepare('INSERT INTO documents (id, title, published, url, source, text) VALUES (?, ?, ?, ?, ?, ?)').run(
      d.id, d.title ?? null, d.published ?? null, d.url ?? null, d.source ?? null, d.text,
    );
    const sent = db.prepare('INSERT INTO sentences (doc_id, idx, start, "end", token_start, token_end) VALUES (?, ?, ?, ?, ?, ?)');
    (doc.sentences ?? []).forEach((s, i) => sent.run(d.id, i, s.start, s.end, s.tokenStart, s.tokenEnd));

    const actor = db.prepare('INSERT OR IGNORE INTO actors (code, country, sector, name) VALUES (?, ?, ?, ?)');
    const ent = db.prepare(
      'INSERT INTO entities (doc_id, idx, text, start, "end", label, actor_code, country, sector, name, coref_of, sentence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    (doc.entities ?? []).forEach((e, i) => {
      const a = e.actor;
      if (a) actor.run(a.code, a.country ?? null, a.sector ?? null, a.name);
      ent.run(d.id, i, e.text, e.start, e.end, e.label, a?.code ?? null, a?.country ?? null, a?.sector ?? null, a?.name ?? null, e.corefOf ?? null, e.sentence, e.rule);
    });

    const men = db.prepare(
      'INSERT INTO mentions (doc_id, idx, text, start, "end", code, country, sector, name, entity, kind, token_start, token_end, sentence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    (doc.mentions ?? []).forEach((m, i) => {
      if (m.code && m.name) actor.run(m.code, m.country ?? null, m.sector ?? null, m.name);
      men.run(d.id, i, m.text, m.start, m.end, m.code ?? null, m.country ?? null, m.sector ?? null, m.name ?? null, m.entity ?? null, m.kind, m.tokenStart, m.tokenEnd, m.sentence, m.rule);
    });

    const tx = db.prepare('INSERT INTO timexes (doc_id, idx, text, start, "end", type, value, mod, anchor, sentence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    (doc.timexes ?? []).forEach((t, i) => tx.run(d.id, i, t.text, t.start, t.end, t.type, t.value, t.mod ?? null, t.anchor ?? null, t.sentence, t.rule));

    const ev = db.prepare(
      `INSERT INTO events (doc_id, idx, cameo, root, quad_class, goldstein, plover_event, plover_mode, plover_context,
        date, date_from, date_to, date_defaulted, location_text, location_start, location_end, location_country,
        trigger_text, trigger_start, trigger_end, sentence, attribution, modality, rule, confidence, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const part = db.prepare('INSERT INTO event_participants (event_id, role, idx, text, start, "end", code, country, sector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
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
      for (const role of ['actor', 'recipient'] as const) {
        (e[role] ?? []).forEach((p, j) => part.run(id, role, j, p.text, p.start, p.end, p.code ?? null, p.country ?? null, p.sector ?? null));
      }
    });

    const q = db.prepare('INSERT INTO quotes (doc_id, idx, text, start, "end", direct, speaker, cue, sentence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    (doc.quotes ?? []).forEach((x, i) => q.run(d.id, i, x.text, x.start, x.end, bool(x.direct), json(x.speaker), json(x.cue), x.sentence, x.rule));

    const qu = db.prepare(
      'INSERT INTO quantities (doc_id, idx, text, start, "end", value, min, max, unit, approximate, attribution, sentence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    (doc.quantities ?? []).forEach((x, i) =>
      qu.run(d.id, i, x.text, x.start, x.end, x.value ?? null, x.min ?? null, x.max ?? null, x.unit ?? null, bool(x.approximate), json(x.attribution), x.sentence, x.rule),
    );
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
      const x: Quantity = { text: String(r.text), start: Number(r.start), end: Number(r.end), unit: str(r.unit), approximate: r.approximate === 1, attribution: r.attribution === null ? null : parseJson<Attribution>(r.attribution), sentence: Number(r.sentence), rule: String(r.rule) };
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

  private eventFromRow(r: Row): DocEvent {
    const p = this.participants(r.id);
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
    const where: string[] = [];
    const args: unknown[] = [];
    for (const role of ['actor', 'recipient'] as const) {
      const v = q[role];
      if (v === undefined) continue;
      const code = String(v).toUpperCase();
      if (!/^[A-Z0-9]{1,40}$/.test(code)) throw new SitrepError('invalid_argument', `${role}: expected a CAMEO actor code prefix such as RUS or RUSGOV, got ${JSON.stringify(v)}`, role);
      where.push(`e.id IN (SELECT p.event_id FROM event_participants p WHERE p.role = '${role}' AND p.code >= ? AND p.code < ?)`);
      args.push(code, prefixEnd(code));
    }
    if (q.code !== undefined) {
      if (!/^\d{1,4}$/.test(String(q.code))) throw new SitrepError('invalid_argument', `code: expected a CAMEO event code prefix of 1-4 digits, got ${JSON.stringify(q.code)}`, 'code');
      where.push('e.cameo >= ? AND e.cameo < ?');
      args.push(String(q.code), prefixEnd(String(q.code)));
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
    if (from !== null) {
      where.push('e.date_to >= ?');
      args.push(from);
    }
    if (to !== null) {
      where.push('e.date_from <= ?');
      args.push(to);
    }
    if (q.doc !== undefined) {
      where.push('e.doc_id = ?');
      args.push(q.doc);
    }
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
    const sql = `SELECT e.*, d.published AS doc_published FROM events e JOIN documents d ON d.id = e.doc_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY e.date_from IS NULL, e.date_from, e.date IS NULL, e.date, e.doc_id, e.idx
      LIMIT ? OFFSET ?`;
    try {
      return this.db.transaction(() => {
        const rows = this.db.prepare(sql).all(...args, limit, offset) as Row[];
        return rows.map((r) => ({ docId: String(r.doc_id), idx: Number(r.idx), published: str(r.doc_published), ...this.eventFromRow(r) }));
      })();
    } catch (e) {
      throw storeError(e, this.file);
    }
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
