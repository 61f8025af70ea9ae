/**
 * Typed loaders for the PETRARCH2-derived dictionaries in `data/`:
 * `verbs.json` (CAMEO verb patterns), `actors.json` (named actors with dated CAMEO codes),
 * `agents.json` (generic agents such as "soldiers" -> MIL) and the PETRARCH2 validation
 * dictionaries in `data/petrarch2-validation/`.
 *
 * Source: openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf
 * (`petrarch2/data/dictionaries/CAMEO.2.0.txt`, `Phoenix.{Countries,International,MilNonState}.actors.txt`,
 * `Phoenix.agents.txt`, `PETR.Validate.{verbs,actors,agents}.txt`), converted by
 * `scripts/data/build-dictionaries.ts`, plus the small project supplement
 * `data/supplements/agents.extra.json` (entries flagged `supplement: true`).
 * License: MIT ("Copyright (c) 2014/2015 Open Event Data Alliance"; see NOTICE).
 *
 * Each file is read once per process (module-level cache). The verb files store each
 * block's patterns once ({@link VerbsFile}); the loader expands them per verb ({@link VerbsData}). Paths are resolved relative
 * to this module, so the working directory does not matter. A missing file throws
 * `SitrepError('data_missing', ...)`: run `npm run build:data`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SitrepError } from '../errors.js';

// ---------------------------------------------------------------------------------------
// Verbs

/**
 * One verb pattern of a PETRARCH2 verb block (`- PRE * POST [code] # comment`).
 *
 * `pre` / `post` are the tokens before / after the verb (`*`):
 * - words are lower-case; PETRARCH's `_` connectors ("consecutive words") are split into
 *   separate words (the adjacency constraint is not kept);
 * - `(` ... `)` enclose a prepositional phrase (first word = the preposition), `{` ... `}` a
 *   noun phrase (last word = head); both are kept as separate tokens;
 * - `$` source, `+` target, `^` skip a word, `%` compound actor are kept as symbols;
 * - `&NAME` is a synset reference (upper-case, with `&`): a key of {@link VerbsData.synsets}.
 *   Two synsets used in CAMEO.2.0.txt are never defined there (`&WEATHER`, `&DEMONSTRATION`).
 *
 * `code` is the CAMEO code as written (`"043"`, `"0356"`); `"---"` means "this pattern
 * matches but yields no event" (it overrides the verb's default code). For `[A:B]` codes,
 * `code` is A and `passive` is B (PETRARCH2: A = active, B = "inherent passive" reading);
 * `[:B]` gives `code: "---"`. `raw` is the source line (whitespace collapsed), `line`
 * its 1-based line number in the source file.
 */
export interface VerbPattern {
  code: string;
  passive?: string;
  pre: string[];
  post: string[];
  raw: string;
  line: number;
}

/**
 * A verb (or multi-word verb) of the dictionary.
 * - Keys of {@link VerbsData.verbs} are lower-case lemmas; multi-word verbs (`+CALL_OFF`,
 *   `RE_+ARREST`) are keyed by the whole phrase with spaces (`"call off"`) and carry `head`,
 *   the word PETRARCH2 expects the parser to tag as the verb (marked `+` in the source).
 * - `forms`: the lemma plus inflected forms: the irregular forms given in `{...}` in the
 *   source, otherwise generated regular forms (-s/-es/-ies, -ed/-d/-ied, -ing).
 * - `code`: the verb's own code, else its block's default code; null where the source has
 *   `---` (the bare verb yields no event, only its patterns do).
 * - `block`: PETRARCH2's block name ("meaning"), e.g. `MEET_PEOPLE` for "meet".
 * - `patterns`: all patterns of the block (PETRARCH2 applies a block's patterns to every
 *   verb in the block), in source order. When a lemma is listed in several blocks,
 *   PETRARCH2 uses only the first; here `block`/`code` are the first block's and the later
 *   blocks' patterns are appended (their names in `alsoIn`).
 */
export interface VerbEntry {
  forms: string[];
  code: string | null;
  passive?: string;
  block: string;
  alsoIn?: string[];
  head?: string;
  patterns: VerbPattern[];
}

/**
 * The verb dictionary as returned by {@link loadVerbs} (every verb with its expanded
 * `patterns`). On disk (`data/verbs.json`) it is stored as {@link VerbsFile}.
 */
export interface VerbsData {
  meta: { source: string; license: string; blocks: number; patterns: number; verbs: number; synsets: number };
  /** `&NAME` -> phrases (lower-case, with the regular plurals PETRARCH generates). */
  synsets: Record<string, string[]>;
  verbs: Record<string, VerbEntry>;
  /** PETRARCH2 verb transformation rules (`~ a (a b ATTACK) SAY = a b 015`), verbatim. */
  transformations: string[];
}

/**
 * A verb block as stored on disk: its default code (`---` -> null; `passive` as for
 * patterns) and its patterns, stored once for all verbs of the block. Keys of
 * {@link VerbsFile.blocks} are block names; a name that occurs again in the source (the
 * validation file has two `SHOT` blocks) is keyed `NAME#2`, ... and keeps `name`.
 */
export interface VerbBlockFile {
  name?: string;
  code: string | null;
  passive?: string;
  patterns: VerbPattern[];
}

/** A verb as stored on disk: a {@link VerbEntry} without `patterns`; `block` / `alsoIn` are block keys. */
export type VerbEntryFile = Omit<VerbEntry, 'patterns'>;

/**
 * On-disk format of `data/verbs.json` (and `data/petrarch2-validation/verbs.json`): each
 * block's patterns are stored once in `blocks`, verbs point to their blocks.
 * {@link loadVerbs} expands it to {@link VerbsData}.
 */
export interface VerbsFile {
  meta: VerbsData['meta'];
  synsets: Record<string, string[]>;
  blocks: Record<string, VerbBlockFile>;
  verbs: Record<string, VerbEntryFile>;
  transformations: string[];
}

// ---------------------------------------------------------------------------------------
// Actors

/**
 * A dated actor code. `from` / `to` are `YYYY-MM-DD` bounds as written in the source
 * (`>D` gives `from`, `<D` gives `to`, `D1-D2` both; YYMMDD dates use YY <= 30 -> 20YY);
 * both null: the undated default, used when no dated code covers the date.
 */
export interface ActorCode {
  code: string;
  from: string | null;
  to: string | null;
}

/**
 * One actor: `names` (lower-case, `_` -> space; the first is the primary name) and its
 * CAMEO codes (e.g. `RUSGOV`, `IGOUNO`, `USA`), in source order. Code `---` marks a name
 * that should NOT be coded as an actor.
 */
export interface ActorEntry {
  names: string[];
  codes: ActorCode[];
}

export interface ActorsData {
  meta: { source: string | string[]; license: string; entries: number; note?: string };
  actors: ActorEntry[];
}

// ---------------------------------------------------------------------------------------
// Agents

/**
 * A generic agent phrase (lower-case, plurals expanded) and its CAMEO sector code without
 * the tilde. `position` keeps PETRARCH's tilde semantics: `"suffix"` for `~MIL` (the code
 * is appended after the actor code: RUS + MIL -> RUSMIL), `"prefix"` for `NGO~` (put
 * before it). `supplement: true` marks entries from `data/supplements/agents.extra.json`.
 */
export interface AgentEntry {
  phrase: string;
  code: string;
  position: 'suffix' | 'prefix';
  supplement?: true;
}

export interface AgentsData {
  meta: { source: string | string[]; license: string; entries: number };
  agents: AgentEntry[];
}

/** The PETRARCH2 validation (unit-test) dictionaries: same shapes as the operational ones. */
export interface ValidationDictionaries {
  verbs: VerbsData;
  actors: ActorsData;
  agents: AgentsData;
}

// ---------------------------------------------------------------------------------------
// Loading

const cache = new Map<string, unknown>();

/**
 * Read and cache `data/<rel>` (relative to the project root, resolved from this module);
 * `convert` turns the parsed file into the cached value (run once). With `keep` false
 * the file is read on every call and not cached.
 */
function loadJson<T>(rel: string, convert?: (raw: unknown, rel: string) => T, keep = true): T {
  const hit = cache.get(rel);
  if (hit !== undefined) return hit as T;
  const url = new URL(`../../data/${rel}`, import.meta.url);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SitrepError('data_missing', `data/${rel} is missing: run npm run build:data`, fileURLToPath(url));
    }
    throw new SitrepError('internal', `cannot read data/${rel}: ${(err as Error).message}`, fileURLToPath(url));
  }
  let data: T;
  try {
    const raw: unknown = JSON.parse(text);
    data = convert ? convert(raw, rel) : (raw as T);
  } catch (err) {
    if (err instanceof SitrepError) throw err;
    throw new SitrepError('data_missing', `data/${rel} is corrupt (${(err as Error).message}): run npm run build:data`, fileURLToPath(url));
  }
  if (keep) cache.set(rel, data);
  return data;
}

/**
 * Expand the on-disk verb file: `verbs[lemma].patterns` = its block's patterns, then the
 * patterns of its `alsoIn` blocks not already present (by source line), in that order;
 * `block` / `alsoIn` become block names. Pattern objects are shared between the verbs of a
 * block (each verb gets its own array). A file already in the expanded shape (no `blocks`)
 * is returned as is.
 */
function expandVerbs(raw: unknown, rel: string): VerbsData {
  const file = raw as VerbsFile | VerbsData;
  if (!('blocks' in file)) return file;
  const block = (key: string): VerbBlockFile => {
    const b = file.blocks[key];
    if (!b) throw new SitrepError('data_missing', `data/${rel} is corrupt (unknown verb block ${key}): run npm run build:data`);
    return b;
  };
  const verbs: Record<string, VerbEntry> = {};
  for (const [lemma, v] of Object.entries(file.verbs)) {
    const first = block(v.block);
    const patterns = first.patterns.slice();
    // same key order as the entries of the pre-`blocks` files (sorted)
    const e = {} as VerbEntry;
    if (v.alsoIn) {
      const seen = new Set(patterns.map((p) => p.line));
      for (const key of v.alsoIn) {
        for (const p of block(key).patterns) {
          if (seen.has(p.line)) continue;
          seen.add(p.line);
          patterns.push(p);
        }
      }
      e.alsoIn = v.alsoIn.map((key) => file.blocks[key].name ?? key);
    }
    e.block = first.name ?? v.block;
    e.code = v.code;
    e.forms = v.forms;
    if (v.head !== undefined) e.head = v.head;
    if (v.passive !== undefined) e.passive = v.passive;
    e.patterns = patterns;
    verbs[lemma] = e;
  }
  return { meta: file.meta, synsets: file.synsets, transformations: file.transformations, verbs };
}

/**
 * The CAMEO verb dictionary (`data/verbs.json`, from PETRARCH2 CAMEO.2.0.txt), with every
 * verb's `patterns` expanded from the file's per-block patterns (once, then cached).
 */
export function loadVerbs(): VerbsData {
  return loadJson('verbs.json', expandVerbs);
}

/**
 * The actor dictionary (`data/actors.json`, from the three Phoenix actor files).
 * Read afresh on every call and not cached: it is used once, to build the actor
 * lexicon, and keeping the parsed file would hold about 14 MB for nothing.
 */
export function loadActors(): ActorsData {
  return loadJson<ActorsData>('actors.json', undefined, false);
}

/** The agent dictionary (`data/agents.json`, Phoenix.agents.txt + project supplement). */
export function loadAgents(): AgentsData {
  return loadJson<AgentsData>('agents.json');
}

/** The PETRARCH2 validation dictionaries (`data/petrarch2-validation/*.json`), for unit-test replays only. */
export function loadValidationDictionaries(): ValidationDictionaries {
  return {
    verbs: loadJson('petrarch2-validation/verbs.json', expandVerbs),
    actors: loadJson<ActorsData>('petrarch2-validation/actors.json'),
    agents: loadJson<AgentsData>('petrarch2-validation/agents.json'),
  };
}

// ---------------------------------------------------------------------------------------
// Small helpers over the loaded data

/** Pattern tokens that carry structure, not words: brackets and the `$ + ^ %` placeholders. */
export const PATTERN_SYMBOLS: ReadonlySet<string> = new Set(['(', ')', '{', '}', '$', '+', '^', '%']);

/** Lookup from any inflected form (e.g. "met") to the lemma keys it belongs to (e.g. ["meet"]). */
export function verbFormIndex(verbs: VerbsData = loadVerbs()): Map<string, string[]> {
  const cached = formIndexCache.get(verbs);
  if (cached) return cached;
  const idx = new Map<string, string[]>();
  for (const [lemma, v] of Object.entries(verbs.verbs)) {
    for (const f of v.forms) {
      const list = idx.get(f);
      if (list) {
        if (!list.includes(lemma)) list.push(lemma);
      } else idx.set(f, [lemma]);
    }
  }
  formIndexCache.set(verbs, idx);
  return idx;
}
const formIndexCache = new WeakMap<VerbsData, Map<string, string[]>>();

/** Multi-word verb keys by their head word, e.g. "call" -> ["call for", "call off", ...]. */
export function phrasalVerbsByHead(verbs: VerbsData = loadVerbs()): Map<string, string[]> {
  const cached = phrasalCache.get(verbs);
  if (cached) return cached;
  const idx = new Map<string, string[]>();
  for (const [key, v] of Object.entries(verbs.verbs)) {
    if (!v.head) continue;
    const list = idx.get(v.head) ?? [];
    list.push(key);
    idx.set(v.head, list);
  }
  phrasalCache.set(verbs, idx);
  return idx;
}
const phrasalCache = new WeakMap<VerbsData, Map<string, string[]>>();

/**
 * The code of an actor entry on a date (`YYYY-MM-DD`), PETRARCH-style: the first dated code
 * whose range contains the date, else the first undated code, else null. Without a date,
 * the undated default (or the first code).
 */
export function actorCodeOn(actor: ActorEntry, date: string | null): string | null {
  if (date) {
    for (const c of actor.codes) {
      if (c.from === null && c.to === null) continue;
      if ((c.from === null || date >= c.from) && (c.to === null || date <= c.to)) return c.code;
    }
  }
  const undated = actor.codes.find((c) => c.from === null && c.to === null);
  return undated?.code ?? (date ? null : actor.codes[0]?.code ?? null);
}
