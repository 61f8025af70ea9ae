/**
 * Versioned schema migrations for the SQLite store.
 *
 * `MIGRATIONS[i]` is migration version `i + 1`. Each is applied once, in
 * order, inside a transaction together with its row in `schema_migrations`.
 * Append new migrations; never edit or reorder applied ones.
 *
 * Conventions: offsets (`start`, `end`, `*_start`, `*_end`) are UTF-16 code
 * units into `documents.text`; dates are TIMEX3 value strings (`date`) with
 * their calendar range `date_from`/`date_to` (`YYYY-MM-DD`, inclusive) when
 * the value starts with a year; JSON columns hold the JSON of the matching
 * src/doc.ts field. No wall-clock time is stored in any row.
 */

/** The migrations, oldest first. */
export const MIGRATIONS: readonly string[] = [
  // 1: initial schema
  `
  CREATE TABLE documents (
    id        TEXT PRIMARY KEY,
    title     TEXT,
    published TEXT,
    url       TEXT,
    source    TEXT,
    text      TEXT NOT NULL
  );
  CREATE INDEX documents_published ON documents(published);

  CREATE TABLE sentences (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    token_start INTEGER NOT NULL,
    token_end   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
  ) WITHOUT ROWID;

  CREATE TABLE actors (
    code    TEXT PRIMARY KEY,
    country TEXT,
    sector  TEXT,
    name    TEXT NOT NULL
  );

  CREATE TABLE entities (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    label      TEXT NOT NULL,
    actor_code TEXT REFERENCES actors(code),
    country    TEXT,
    sector     TEXT,
    name       TEXT,
    coref_of   INTEGER,
    sentence   INTEGER NOT NULL,
    rule       TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
  ) WITHOUT ROWID;
  CREATE INDEX entities_actor ON entities(actor_code);

  CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    doc_id           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    cameo            TEXT,
    root             TEXT,
    quad_class       INTEGER CHECK (quad_class IN (1, 2, 3, 4)),
    goldstein        REAL CHECK (goldstein BETWEEN -10 AND 10),
    plover_event     TEXT,
    plover_mode      TEXT,
    plover_context   TEXT,
    date             TEXT,
    date_from        TEXT,
    date_to          TEXT,
    date_defaulted   INTEGER NOT NULL CHECK (date_defaulted IN (0, 1)),
    location_text    TEXT,
    location_start   INTEGER,
    location_end     INTEGER,
    location_country TEXT,
    trigger_text     TEXT NOT NULL,
    trigger_start    INTEGER NOT NULL,
    trigger_end      INTEGER NOT NULL,
    sentence         INTEGER NOT NULL,
    attribution      TEXT,
    modality         TEXT NOT NULL,
    rule             TEXT NOT NULL,
    confidence       REAL NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('coded', 'uncoded')),
    UNIQUE (doc_id, idx)
  );
  CREATE INDEX events_cameo ON events(cameo);
  CREATE INDEX events_date ON events(date_from, date_to);

  CREATE TABLE event_participants (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    idx      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    code     TEXT,
    country  TEXT,
    sector   TEXT,
    PRIMARY KEY (event_id, role, idx)
  ) WITHOUT ROWID;
  CREATE INDEX event_participants_role_code ON event_participants(role, code, event_id);
  CREATE INDEX event_participants_code ON event_participants(code, event_id);

  CREATE TABLE timexes (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    type     TEXT NOT NULL CHECK (type IN ('DATE', 'TIME', 'DURATION', 'SET')),
    value    TEXT NOT NULL,
    mod      TEXT,
    anchor   TEXT,
    sentence INTEGER NOT NULL,
    rule     TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
  ) WITHOUT ROWID;

  CREATE TABLE quotes (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    direct   INTEGER NOT NULL CHECK (direct IN (0, 1)),
    speaker  TEXT,
    cue      TEXT,
    sentence INTEGER NOT NULL,
    rule     TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
  ) WITHOUT ROWID;

  CREATE TABLE quantities (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    value       REAL,
    min         REAL,
    max         REAL,
    unit        TEXT,
    approximate INTEGER NOT NULL CHECK (approximate IN (0, 1)),
    attribution TEXT,
    sentence    INTEGER NOT NULL,
    rule        TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
  ) WITHOUT ROWID;
  `,
  // 2: actor mentions (Doc.mentions)
  `
  CREATE TABLE mentions (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    code        TEXT,
    country     TEXT,
    sector      TEXT,
    name        TEXT,
    entity      INTEGER,
    kind        TEXT NOT NULL,
    token_start INTEGER NOT NULL,
    token_end   INTEGER NOT NULL,
    sentence    INTEGER NOT NULL,
    rule        TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
  ) WITHOUT ROWID;
  CREATE INDEX mentions_code ON mentions(code);
  `,
  // 3: cross-document merging (near-duplicates, situation events) and query indexes (see situations.ts)
  `
  CREATE TABLE doc_duplicates (
    doc_id      TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    original_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    similarity  REAL NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX doc_duplicates_original ON doc_duplicates(original_id);

  CREATE TABLE doc_lsh (
    band   INTEGER NOT NULL,
    hash   INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, doc_id)
  ) WITHOUT ROWID;
  CREATE INDEX doc_lsh_doc ON doc_lsh(doc_id);

  CREATE TABLE situation_events (
    id               INTEGER PRIMARY KEY,
    actor_key        TEXT NOT NULL,
    recipient_key    TEXT NOT NULL,
    root             TEXT NOT NULL,
    match_from       TEXT,
    match_to         TEXT,
    location_country TEXT,
    cameo            TEXT,
    quad_class       INTEGER,
    plover_event     TEXT,
    goldstein        REAL,
    date             TEXT,
    date_from        TEXT,
    date_to          TEXT,
    sources          INTEGER NOT NULL,
    mentions         INTEGER NOT NULL,
    first_doc_id     TEXT,
    first_published  TEXT
  );
  CREATE INDEX situation_events_match ON situation_events(actor_key, recipient_key, root, match_from);
  CREATE INDEX situation_events_date ON situation_events(date_from, id);
  CREATE INDEX situation_events_sources ON situation_events(sources, id);

  CREATE TABLE situation_mentions (
    event_id     INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    situation_id INTEGER NOT NULL REFERENCES situation_events(id),
    doc_id       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source_doc   TEXT NOT NULL
  );
  CREATE INDEX situation_mentions_situation ON situation_mentions(situation_id, event_id);
  CREATE INDEX situation_mentions_doc ON situation_mentions(doc_id);

  -- the API's sort orders, each index also covering the date filter (date_to), so pages come from index scans
  CREATE INDEX events_sort ON events(date_from IS NULL, date_from, date IS NULL, date, doc_id, idx, date_to);
  CREATE INDEX events_plover ON events(plover_event, date_from IS NULL, date_from, date IS NULL, date, doc_id, idx, date_to);
  CREATE INDEX events_cameo_sort ON events(cameo, date_from, date_to, date, doc_id, idx);
  CREATE INDEX events_goldstein ON events(goldstein, doc_id, idx, quad_class, cameo, plover_event, date_from, date_to);
  CREATE INDEX documents_sort ON documents(published IS NULL, published, id);
  -- sort keys and filter columns by event id: pages of participant-filtered queries (actor, dyad) are sorted from it
  CREATE INDEX events_id_sort ON events(id, date_from, date, doc_id, idx, date_to, goldstein, cameo, plover_event, quad_class);
  `,
  // 4: query indexes for the API's event pages (see Store.searchEvents), each serving one filter with the date order,
  // so a page is read in order from the index and the scan stops after offset + limit rows.
  //
  // event_keys: one row per event, role and actor-code key, the keys of a participant code being its prefixes at
  // CAMEO's 3-character block boundaries (`USAGOV` -> `USA`, `USAGOV`), so a filter `actor=USA` (a prefix of 3, 6, ...
  // characters) is an equality on the key. Role `dyad` has a row per pair of an actor key and a recipient key of
  // the event, keyed `actor>recipient` (`USA>RUSGOV`): the filter `actor=USA&recipient=RUSGOV`.
  // The primary key is the date order of the API (EVENT_SORTS.date: `undated` = date_from IS NULL,
  // `no_date` = date IS NULL) and ends with (doc_id, idx), which identify the event:
  // the rows of a key are stored in that order, and an event has one row per (role, key) whatever the number of
  // its participants. The other columns copy the event's filter columns (events are never updated once stored).
  // Key columns cannot be NULL: `date_from` and `date` are '' when the event has none (undated = 1, no_date = 1).
  `
  CREATE TABLE event_keys (
    role         TEXT NOT NULL CHECK (role IN ('actor', 'recipient', 'dyad')),
    key          TEXT NOT NULL,
    undated      INTEGER NOT NULL CHECK (undated IN (0, 1)),
    date_from    TEXT,
    no_date      INTEGER NOT NULL CHECK (no_date IN (0, 1)),
    date         TEXT,
    doc_id       TEXT NOT NULL,
    idx          INTEGER NOT NULL,
    event_id     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    date_to      TEXT,
    cameo        TEXT,
    quad_class   INTEGER,
    plover_event TEXT,
    PRIMARY KEY (role, key, undated, date_from, no_date, date, doc_id, idx)
  ) WITHOUT ROWID;
  WITH RECURSIVE n(len) AS (SELECT 3 UNION ALL SELECT len + 3 FROM n WHERE len < 60)
  INSERT OR IGNORE INTO event_keys
    SELECT p.role, substr(p.code, 1, n.len), e.date_from IS NULL, COALESCE(e.date_from, ''), e.date IS NULL, COALESCE(e.date, ''), e.doc_id, e.idx,
           e.id, e.date_to, e.cameo, e.quad_class, e.plover_event
    FROM event_participants p JOIN events e ON e.id = p.event_id JOIN n ON n.len <= length(p.code)
    WHERE p.code IS NOT NULL;
  WITH RECURSIVE n(len) AS (SELECT 3 UNION ALL SELECT len + 3 FROM n WHERE len < 60)
  INSERT OR IGNORE INTO event_keys
    SELECT 'dyad', substr(a.code, 1, na.len) || '>' || substr(r.code, 1, nr.len), e.date_from IS NULL, COALESCE(e.date_from, ''),
           e.date IS NULL, COALESCE(e.date, ''), e.doc_id, e.idx, e.id, e.date_to, e.cameo, e.quad_class, e.plover_event
    FROM event_participants a
    JOIN event_participants r ON r.event_id = a.event_id AND r.role = 'recipient' AND r.code IS NOT NULL
    JOIN events e ON e.id = a.event_id JOIN n na ON na.len <= length(a.code) JOIN n nr ON nr.len <= length(r.code)
    WHERE a.role = 'actor' AND a.code IS NOT NULL;

  -- the event as GET /api/events lists it, rendered once at ingest (Store.renderEventJson; for the events stored
  -- before this migration right after it): the JSON of its EventHit up to \`title\`, without situationId, sources,
  -- dateFrom and dateTo, which a page appends (situations change as documents arrive). Derived data: a change of
  -- EventHit's JSON needs a migration that renders it again.
  ALTER TABLE events ADD COLUMN api_json TEXT;

  -- CAMEO root (2-digit prefix: code=04) and QuadClass, each with the date order
  CREATE INDEX events_root_sort ON events(substr(cameo, 1, 2), date_from IS NULL, date_from, date IS NULL, date, doc_id, idx, date_to);
  CREATE INDEX events_quad_sort ON events(quad_class, date_from IS NULL, date_from, date IS NULL, date, doc_id, idx, date_to);
  CREATE INDEX events_quad_goldstein ON events(quad_class, goldstein, doc_id, idx);
  `,
  // 5: the event a numeric claim measures (Doc.quantities[].event / eventRule; event_idx is the event's idx in the same document)
  `
  ALTER TABLE quantities ADD COLUMN event_idx INTEGER;
  ALTER TABLE quantities ADD COLUMN event_rule TEXT;
  `,
];

/** Length of the blocks of a CAMEO actor code (`USA` + `GOV`): the prefixes kept as keys in `event_keys`. */
export const ACTOR_KEY_BLOCK = 3;

/** The keys of an actor code in `event_keys`: its prefixes of 3, 6, ... characters (`USAGOV` -> `USA`, `USAGOV`). */
export function actorKeys(code: string): string[] {
  const out: string[] = [];
  for (let n = ACTOR_KEY_BLOCK; n <= code.length; n += ACTOR_KEY_BLOCK) out.push(code.slice(0, n));
  return out;
}
