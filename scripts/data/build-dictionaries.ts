/**
 * Convert the PETRARCH2 dictionaries (openeventdata/petrarch2, MIT) into sitrep's own
 * JSON data files:
 *
 * - `data/verbs.json`   from `cameo_resources/petrarch2_dictionaries/CAMEO.2.0.txt`
 * - `data/actors.json`  from `Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt`,
 *                       `Phoenix.MilNonState.actors.txt`
 * - `data/agents.json`  from `Phoenix.agents.txt` + the project supplement
 *                       `data/supplements/agents.extra.json`
 * - `data/petrarch2-validation/{verbs,actors,agents}.json` from
 *   `petrarch2_validation/PETR.Validate.{verbs,actors,agents}.txt` (same schemas; used to
 *   replay PETRARCH2's unit tests).
 *
 * Output is deterministic: no timestamps, sorted map keys, source order for arrays,
 * one entry per line (no indentation). Schemas and conversion conventions are documented in
 * `src/data/dictionaries.ts` (the loader) and summarised below.
 *
 * Run: `node --import tsx scripts/data/build-dictionaries.ts`
 * Env: `SITREP_SHARED` (default `../shared` relative to the project root).
 *
 * ## Conventions (PETRARCH2 syntax -> JSON)
 *
 * Verb dictionary (`--- NAME [code] ---` blocks):
 * - Every block becomes `blocks[key]` = `{code, passive?, patterns, name?}`: its default
 *   code (`---` -> null) and ALL its patterns, stored once. `key` is the block name; a
 *   name that occurs again (validation file: two `SHOT` blocks) gets `NAME#2`, `NAME#3`...
 *   and the block keeps its real `name`.
 * - Every verb line of a block becomes `verbs[lemma]` (lower-case) with `forms` (the lemma,
 *   the irregular forms given in `{...}`, or generated regular forms when there is no
 *   `{...}`), `code` (the verb's own `[code]`, else the block's code; `---` -> null) and
 *   `block` (PETRARCH2's "meaning": the key of its block in `blocks`). The verb carries no
 *   patterns on disk: PETRARCH2 applies a block's patterns to every verb of the block, and
 *   the loader (`loadVerbs()` in src/data/dictionaries.ts) expands `verbs[lemma].patterns`
 *   from `blocks` (block patterns, then the `alsoIn` blocks' patterns not already present).
 * - Multi-word verbs (`+CALL_OFF`, `RE_+ARREST`, `WIRE_+TAP {...}`, validation `LASH OUT`)
 *   are keyed by the whole phrase with spaces (`"call off"`) and carry `head` = the word
 *   marked with `+` (default: the first word). Their forms are whole phrases.
 * - A lemma listed in several blocks: PETRARCH2 keeps only the first (`setdefault`); we
 *   keep the first block's `block`/`code`, and `alsoIn` lists the later blocks (block
 *   keys) whose patterns the loader appends, because e.g. ABANDON's own block comes after
 *   EVACUATE. A later block with the SAME name only adds forms (and the code when the
 *   first gave none), not its patterns.
 * - Patterns: `- PRE * POST [code] # comment` -> `{code, passive?, pre, post, raw, line}`.
 *   `pre`/`post` are token lists: words lower-cased; `_` connectors split into words (the
 *   adjacency constraint is lost); `(`/`)` (prepositional phrase) and `{`/`}` (noun phrase,
 *   last word = head) kept as separate tokens; `$` source, `+` target, `^` skip, `%`
 *   compound kept as symbols; synset references keep their upper-case name with `&`
 *   (`&CURRENCY`), matching the `synsets` keys. `raw` = source line, whitespace collapsed;
 *   `line` = 1-based source line number.
 * - Codes `[A:B]`: `code` = A (active), `passive` = B (PETRARCH2 `convert_code`: "inherent
 *   passive meaning"). `[:B]` -> code `---`. `[---]` patterns keep code `---` (match, no event).
 * - Synsets: `&NAME` followed by `+PHRASE` lines -> `synsets["&NAME"]` (a trailing `_` of the
 *   label is dropped, as PETRARCH does). Phrases are lower-cased, `_` -> space; regular
 *   plurals are added (plural of the last word) except when the label or the phrase ends in
 *   `_`; nested synsets (`+&OTHER`, validation file only) are flattened.
 * - `~ a (...) VERB = ...` verb transformation lines are kept verbatim in `transformations`.
 *
 * Actor dictionaries: a primary line `NAME [CODE date]` with `+SYNONYM` lines and indented
 * `[CODE date]` lines -> `{names, codes: [{code, from, to}]}`. Dates `>D` (from), `<D` (to),
 * `D1-D2` (from-to), in YYYYMMDD or YYMMDD (YY <= 30 -> 20YY, else 19YY, as PETRARCH's
 * `dstr_to_ordate`); bounds inclusive. Undated codes have from = to = null (the default
 * when no dated code applies). Clean-ups (counts printed by the build): code-less primary
 * lines directly followed (no blank line) by another primary line are merged into the entry
 * whose codes follow (the source forgot the `+`); entries that still have no code, names
 * containing U+FFFD, codes with impossible dates and exact duplicate entries are dropped;
 * an unbalanced trailing "(ACTING" in a name is cut.
 *
 * Agent dictionary: `PHRASE {PLURAL} [~CODE]` -> `{phrase, code, position}`; `~CODE` means
 * the code is appended after the actor's code (position "suffix", e.g. RUS + ~MIL -> RUSMIL),
 * `CODE~` means it is put before (position "prefix", e.g. NGO~). `!MARKER!` substitution sets
 * are expanded (no plurals, as PETRARCH2); `{}` means no plural; `{X}` gives the plural;
 * otherwise a regular plural is generated (see `pluralize`, a corrected version of PETRARCH2's
 * S/ES/IES rule). A later entry for the same phrase replaces an earlier one (PETRARCH2 tree
 * semantics). TABARI stems left in the file (DEFENSE_MINIST, PORT_AUTHORIT, ...) are expanded
 * to full words. The project supplement only adds phrases that are missing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PROJECT_ROOT, findSharedData, stable } from './common.js';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT_DIR = join(PROJECT_ROOT, 'data');

/** The shared data directory (see findSharedData in ./common.ts). */
export function sharedDataDir(): string {
  return findSharedData('cameo_resources');
}

// ---------------------------------------------------------------------------------------
// Output types (mirrored in src/data/dictionaries.ts)

export interface VerbPattern {
  code: string;
  passive?: string;
  pre: string[];
  post: string[];
  raw: string;
  line: number;
}
/** A verb block on disk: default code and the block's patterns (stored once per block). */
export interface VerbBlock {
  /** The block name, only when it differs from the key (a repeated name: `SHOT#2`). */
  name?: string;
  code: string | null;
  passive?: string;
  patterns: VerbPattern[];
}
/** A verb on disk: `block` / `alsoIn` are keys of {@link VerbsFile.blocks}; no patterns. */
export interface VerbFileEntry {
  forms: string[];
  code: string | null;
  passive?: string;
  block: string;
  alsoIn?: string[];
  head?: string;
}
export interface VerbsFile {
  meta: Record<string, unknown>;
  synsets: Record<string, string[]>;
  blocks: Record<string, VerbBlock>;
  verbs: Record<string, VerbFileEntry>;
  transformations: string[];
}
export interface ActorCode {
  code: string;
  from: string | null;
  to: string | null;
}
export interface ActorEntry {
  names: string[];
  codes: ActorCode[];
}
export interface AgentEntry {
  phrase: string;
  code: string;
  position: 'suffix' | 'prefix';
  supplement?: true;
}

// ---------------------------------------------------------------------------------------
// Shared text helpers

/** Read a dictionary file as lines, with `<!-- ... -->` comments (also multi-line) removed. */
function readLines(file: string): string[] {
  let text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  text = text.replace(/<!--[\s\S]*?-->/g, (m) => '\n'.repeat(m.split('\n').length - 1));
  return text.split('\n');
}

/** Strip a `#` comment (PETRARCH strips from the first `#`). */
function stripHash(line: string): string {
  const i = line.indexOf('#');
  return i >= 0 ? line.slice(0, i) : line;
}

const VOWELS = 'aeiou';

/**
 * Regular English noun plural of the last word (lower-case input), or null when none
 * should be generated. PETRARCH2 adds S / IES (Y) / ES (S); here the rules are fixed so they
 * do not produce junk: consonant+y -> ies, vowel+y -> ys, -ss/-sh/-ch/-x/-z -> es, a word
 * already ending in a single -s (usually already plural) gets no plural.
 */
export function pluralize(phrase: string): string | null {
  const m = /^(.*?)([^\s]+)$/.exec(phrase);
  if (!m) return null;
  const [, before, w] = m;
  if (!/[a-z]$/.test(w) || w.length < 2) return null;
  let p: string;
  if (/y$/.test(w)) p = VOWELS.includes(w[w.length - 2]) ? `${w}s` : `${w.slice(0, -1)}ies`;
  else if (/(ss|sh|ch|x|z)$/.test(w)) p = `${w}es`;
  else if (/s$/.test(w)) return null;
  else p = `${w}s`;
  return before + p;
}

/** Regular verb forms (3sg, past, gerund) for a lower-case single word. */
export function regularVerbForms(v: string): string[] {
  const consY = /[^aeiou]y$/.test(v);
  const s = /(s|x|z|sh|ch)$/.test(v) ? `${v}es` : consY ? `${v.slice(0, -1)}ies` : `${v}s`;
  const ed = v.endsWith('e') ? `${v}d` : consY ? `${v.slice(0, -1)}ied` : `${v}ed`;
  let ing: string;
  if (v.endsWith('ie')) ing = `${v.slice(0, -2)}ying`;
  else if (v.endsWith('e') && v.length > 2 && !VOWELS.includes(v[v.length - 2])) ing = `${v.slice(0, -1)}ing`;
  else ing = `${v}ing`;
  return [s, ed, ing];
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Collapse whitespace runs to one space and trim. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------
// Verb dictionary

interface RawVerbLine {
  token: string; // e.g. "MEET", "+MEET_WITH", "RE_+ARREST"
  braced: string[] | null; // forms inside {...}; [] for "{}", null when no braces
  code: string | null; // raw bracket content or null
  line: string;
}
interface RawBlock {
  name: string;
  code: string;
  verbs: RawVerbLine[];
  patterns: { body: string; code: string; raw: string; line: number }[];
}

export interface VerbStats {
  blocks: number;
  blocksWithoutVerbs: string[];
  verbLines: number;
  patterns: number;
  patternsSkipped: string[];
  duplicateLemmas: string[];
  undefinedSynsets: string[];
}

/** Parse `[A]` / `[A:B]` contents into active / passive parts. */
function splitCode(raw: string): { code: string; passive?: string } {
  const c = raw.replace(/\s+/g, '');
  const i = c.indexOf(':');
  if (i < 0) return { code: c || '---' };
  const a = c.slice(0, i) || '---';
  const b = c.slice(i + 1);
  return b ? { code: a, passive: b } : { code: a };
}

export function parseVerbDictionary(file: string, sourceLabel: string): { data: VerbsFile; stats: VerbStats } {
  const lines = readLines(file);
  const synsetRaw = new Map<string, { noPlural: boolean; members: string[] }>();
  const blocks: RawBlock[] = [];
  const transformations: string[] = [];
  let block: RawBlock | null = null;
  let synset: { noPlural: boolean; members: string[] } | null = null;
  const patternsSkipped: string[] = [];

  for (let ln = 0; ln < lines.length; ln++) {
    const rawLine = lines[ln];
    if (/^\s*#/.test(rawLine)) continue;
    const line = stripHash(rawLine).replace(/;.*$/, '');
    const t = line.trim();
    if (!t) continue;
    if (t.startsWith('---')) {
      // --- NAME [code] ---
      const m = /^---+\s*(\S+)\s*(?:\[([^\]]*)\])?/.exec(t);
      const name = m ? m[1] : t;
      block = { name, code: m && m[2] !== undefined ? m[2].trim() : '---', verbs: [], patterns: [] };
      blocks.push(block);
      synset = null;
      continue;
    }
    if (t.startsWith('-')) {
      synset = null;
      const m = /^-(.*?)\[([^\]]*)\]\s*$/.exec(t);
      if (!block || !m || !m[1].includes('*')) {
        patternsSkipped.push(squash(rawLine));
        continue;
      }
      block.patterns.push({ body: m[1], code: m[2], raw: squash(rawLine), line: ln + 1 });
      continue;
    }
    if (t.startsWith('~')) {
      transformations.push(squash(rawLine));
      continue;
    }
    if (t.startsWith('&')) {
      let label = t.split(/\s+/)[0];
      const noPlural = label.endsWith('_');
      if (noPlural) label = label.replace(/_+$/, '');
      synset = synsetRaw.get(label) ?? { noPlural, members: [] };
      synsetRaw.set(label, synset);
      continue;
    }
    if (t.startsWith('+') && synset) {
      synset.members.push(t.slice(1).trim());
      continue;
    }
    synset = null;
    if (!block) continue; // verb line outside any block: ignore
    const m = /^([^{[]+?)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?\s*$/.exec(t);
    if (!m) {
      patternsSkipped.push(`verb line: ${squash(rawLine)}`);
      continue;
    }
    const braced = m[2] !== undefined ? m[2].slice(1, -1).split(/[\s,]+/).filter(Boolean) : null;
    const code = m[3] !== undefined ? m[3].slice(1, -1) : null;
    // "LASH OUT" (validation file) is a multi-word verb written with a space
    block.verbs.push({ token: m[1].trim().replace(/\s+/g, '_'), braced, code, line: squash(rawLine) });
  }

  // ---- synsets: lower-case phrases, plurals, nested synsets flattened
  const synsets: Record<string, string[]> = {};
  const synsetNames = [...synsetRaw.keys()].sort((a, b) => b.length - a.length);
  const undefinedSynsets = new Set<string>();
  const expandSynset = (label: string, seen: Set<string>): string[] => {
    const s = synsetRaw.get(label);
    if (!s) {
      undefinedSynsets.add(label);
      return [];
    }
    const out: string[] = [];
    for (const member of s.members) {
      if (member.startsWith('&')) {
        const ref = member.split(/\s+/)[0].replace(/_+$/, '');
        if (!seen.has(ref)) out.push(...expandSynset(ref, new Set([...seen, ref])));
        continue;
      }
      const noPlural = s.noPlural || /_\s*$/.test(member);
      const phrase = squash(member.replace(/_/g, ' ').toLowerCase());
      if (!phrase) continue;
      out.push(phrase);
      if (!noPlural) {
        const p = pluralize(phrase);
        if (p) out.push(p);
      }
    }
    return uniq(out);
  };
  for (const label of [...synsetRaw.keys()].sort()) synsets[label] = expandSynset(label, new Set([label]));

  // ---- pattern tokenisation
  /** Split a synset reference token like `&TIETYPES_RELATIONS` into [`&TIETYPES`, `relations`]. */
  const splitSynsetToken = (tok: string): string[] => {
    const body = tok.replace(/_+$/, '');
    for (const name of synsetNames) {
      if (body === name || body.startsWith(`${name}_`)) {
        const rest = body.slice(name.length);
        return [name, ...splitWords(rest)];
      }
    }
    undefinedSynsets.add(body.split('_')[0]);
    return [body.split('_')[0], ...splitWords(body.split('_').slice(1).join('_'))];
  };
  const splitWords = (s: string): string[] => {
    const out: string[] = [];
    for (const w of s.split('_')) {
      if (!w) continue;
      if (w.startsWith('&')) out.push(...splitSynsetToken(w));
      else out.push(['$', '+', '^', '%'].includes(w) ? w : w.toLowerCase());
    }
    return out;
  };
  const tokenize = (s: string): string[] => {
    const out: string[] = [];
    for (const tok of s.replace(/([(){}])/g, ' $1 ').split(/\s+/)) {
      if (!tok) continue;
      if ('(){}'.includes(tok)) out.push(tok);
      else out.push(...splitWords(tok));
    }
    return out;
  };

  // ---- verbs
  const verbBlocks: Record<string, VerbBlock> = {};
  const blockNameCount = new Map<string, number>();
  const verbs: Record<string, VerbFileEntry> = {};
  const firstBlockName = new Map<string, string>(); // verb key -> name of its first block
  const duplicateLemmas: string[] = [];
  let verbLines = 0;
  let patternCount = 0;
  const blocksWithoutVerbs: string[] = [];
  for (const b of blocks) {
    const patterns: VerbPattern[] = b.patterns.map((p) => {
      const star = p.body.indexOf('*');
      const c = splitCode(p.code);
      const out: VerbPattern = { code: c.code, pre: tokenize(p.body.slice(0, star)), post: tokenize(p.body.slice(star + 1)), raw: p.raw, line: p.line };
      if (c.passive) out.passive = c.passive;
      return out;
    });
    patternCount += patterns.length;
    if (b.verbs.length === 0) blocksWithoutVerbs.push(b.name);
    const blockCode = splitCode(b.code);
    const nth = (blockNameCount.get(b.name) ?? 0) + 1;
    blockNameCount.set(b.name, nth);
    const blockKey = nth === 1 ? b.name : `${b.name}#${nth}`;
    const vb: VerbBlock = { code: blockCode.code === '---' ? null : blockCode.code, patterns };
    if (blockCode.passive) vb.passive = blockCode.passive;
    if (blockKey !== b.name) vb.name = b.name;
    verbBlocks[blockKey] = vb;
    for (const v of b.verbs) {
      verbLines++;
      const own = v.code !== null ? splitCode(v.code) : blockCode;
      const code = own.code === '---' ? null : own.code;
      const passive = own.passive;
      let key: string;
      let head: string | undefined;
      let forms: string[];
      if (v.token.includes('_')) {
        // multi-word verb: `+` marks the verb word (default: the first word)
        const words = v.token.split('_').filter(Boolean);
        let hi = words.findIndex((w) => w.startsWith('+'));
        if (hi < 0) hi = 0;
        const clean = words.map((w) => w.replace(/^\+/, '').toLowerCase());
        key = clean.join(' ');
        head = clean[hi];
        if (v.braced !== null) {
          forms = [key, ...v.braced.map((f) => squash(f.replace(/\+/g, '').replace(/_/g, ' ').toLowerCase()))];
        } else {
          forms = [key, ...regularVerbForms(head).map((f) => clean.map((w, i) => (i === hi ? f : w)).join(' '))];
        }
      } else {
        key = v.token.replace(/^\+/, '').toLowerCase();
        forms = v.braced !== null ? [key, ...v.braced.map((f) => f.toLowerCase())] : [key, ...regularVerbForms(key)];
      }
      forms = uniq(forms.filter(Boolean));
      const prev = verbs[key];
      if (prev) {
        if (firstBlockName.get(key) === b.name) {
          prev.forms = uniq([...prev.forms, ...forms]);
          if (prev.code === null && code !== null) prev.code = code;
        } else {
          // PETRARCH2 keeps only the first block; we keep its code but the loader adds the
          // later block's patterns (e.g. ABANDON's own block after EVACUATE), after the first ones.
          duplicateLemmas.push(`${key} (${firstBlockName.get(key)}; also in ${b.name})`);
          prev.alsoIn = [...(prev.alsoIn ?? []), blockKey];
          prev.forms = uniq([...prev.forms, ...forms]);
        }
        continue;
      }
      const entry: VerbFileEntry = { forms, code, block: blockKey };
      if (passive) entry.passive = passive;
      if (head !== undefined) entry.head = head;
      verbs[key] = entry;
      firstBlockName.set(key, b.name);
    }
  }

  const data: VerbsFile = {
    meta: {
      source: sourceLabel,
      license: 'MIT (Copyright (c) 2015 Open Event Data Alliance; openeventdata/petrarch2)',
      blocks: blocks.length,
      patterns: patternCount,
      verbs: Object.keys(verbs).length,
      synsets: Object.keys(synsets).length,
    },
    synsets,
    blocks: verbBlocks,
    verbs,
    transformations,
  };
  return {
    data,
    stats: {
      blocks: blocks.length,
      blocksWithoutVerbs,
      verbLines,
      patterns: patternCount,
      patternsSkipped,
      duplicateLemmas,
      undefinedSynsets: [...undefinedSynsets].sort(),
    },
  };
}

// ---------------------------------------------------------------------------------------
// Actor dictionaries

/** `YYYYMMDD` or `YYMMDD` -> `YYYY-MM-DD` (YY <= 30 -> 20YY else 19YY), or null if invalid. */
export function petrDate(s: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  if (/^\d{8}$/.test(s)) {
    y = +s.slice(0, 4);
    m = +s.slice(4, 6);
    d = +s.slice(6, 8);
  } else if (/^\d{6}$/.test(s)) {
    const yy = +s.slice(0, 2);
    y = yy <= 30 ? 2000 + yy : 1900 + yy;
    m = +s.slice(2, 4);
    d = +s.slice(4, 6);
  } else return null;
  if (m < 1 || m > 12 || d < 1) return null;
  const dim = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (d > dim) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface ActorStats {
  entries: number;
  names: number;
  codes: number;
  droppedNoCode: number;
  droppedNoCodeNames: string[];
  droppedDuplicates: number;
  mergedCodeless: number;
  droppedNames: string[];
  badDates: string[];
}

/** Parse the contents of one `[...]` actor code bracket. */
function parseActorCode(inner: string, badDates: string[]): ActorCode | null {
  const t = inner.trim();
  if (!t) return null;
  const sp = t.search(/\s/);
  const code = (sp < 0 ? t : t.slice(0, sp)).toUpperCase();
  const spec = sp < 0 ? '' : t.slice(sp).replace(/\s+/g, '');
  if (!spec) return { code, from: null, to: null };
  let from: string | null = null;
  let to: string | null = null;
  let ok = true;
  if (spec.startsWith('>')) ok = (from = petrDate(spec.slice(1))) !== null;
  else if (spec.startsWith('<')) ok = (to = petrDate(spec.slice(1))) !== null;
  else if (spec.includes('-')) {
    const [a, b] = spec.split('-');
    from = petrDate(a);
    to = petrDate(b);
    ok = from !== null && to !== null;
  } else ok = (from = petrDate(spec)) !== null; // bare date: treated as a start date
  if (!ok) {
    badDates.push(inner.trim());
    return null;
  }
  return { code, from, to };
}

function cleanActorName(s: string): string | null {
  let n = s.replace(/_/g, ' ');
  // drop an unbalanced trailing parenthetical such as "NAME (ACTING"
  const open = n.lastIndexOf('(');
  if (open >= 0 && n.indexOf(')', open) < 0) n = n.slice(0, open);
  n = squash(n).toLowerCase();
  if (!n || n.includes('\uFFFD')) return null;
  return n;
}

export function parseActorDictionaries(files: string[]): { actors: ActorEntry[]; stats: ActorStats } {
  const actors: ActorEntry[] = [];
  const stats: ActorStats = { entries: 0, names: 0, codes: 0, droppedNoCode: 0, droppedNoCodeNames: [], droppedDuplicates: 0, mergedCodeless: 0, droppedNames: [], badDates: [] };
  let cur: { names: string[]; codes: ActorCode[]; blankAfter: boolean } | null = null;
  const seen = new Set<string>(); // exact duplicate entries (same names and codes) are dropped
  const flush = () => {
    if (!cur) return;
    const names = uniq(cur.names);
    if (names.length && cur.codes.length) {
      const key = JSON.stringify([names, cur.codes]);
      if (seen.has(key)) stats.droppedDuplicates++;
      else {
        seen.add(key);
        actors.push({ names, codes: cur.codes });
      }
    } else if (names.length) {
      stats.droppedNoCode++;
      stats.droppedNoCodeNames.push(names[0]);
    }
    cur = null;
  };
  const addName = (raw: string) => {
    const n = cleanActorName(raw);
    if (n) cur!.names.push(n);
    else if (raw.trim()) stats.droppedNames.push(raw.trim());
  };
  for (const file of files) {
    for (const rawLine of readLines(file)) {
      if (/^\s*#/.test(rawLine)) continue;
      const line = stripHash(rawLine);
      const t = line.trim();
      if (!t) {
        if (cur) cur.blankAfter = true;
        continue;
      }
      if (/^source:/i.test(t)) continue; // stray provenance line in Phoenix.International
      const brackets = [...t.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
      const bi = t.indexOf('[');
      const text = (bi >= 0 ? t.slice(0, bi) : t).trim();
      if (t.startsWith('[')) {
        if (!cur) continue;
      } else if (t.startsWith('+')) {
        if (!cur) continue;
        addName(text.slice(1));
      } else if (cur && cur.codes.length === 0 && !cur.blankAfter) {
        // A primary line right after a primary line that has no code yet: the source
        // forgot the '+' (e.g. LEONID_BREZHNEV_ / LEONID_ILYICH_BREZHNEV / ... [codes]).
        // PETRARCH2 would store the earlier lines with no code at all; we treat them
        // as synonyms of the entry whose codes follow.
        stats.mergedCodeless++;
        addName(text);
      } else {
        flush();
        cur = { names: [], codes: [], blankAfter: false };
        addName(text);
      }
      for (const b of brackets) {
        const c = parseActorCode(b, stats.badDates);
        if (c) cur!.codes.push(c);
      }
    }
    flush();
  }
  stats.entries = actors.length;
  stats.names = actors.reduce((n, a) => n + a.names.length, 0);
  stats.codes = actors.reduce((n, a) => n + a.codes.length, 0);
  return { actors, stats };
}

// ---------------------------------------------------------------------------------------
// Agent dictionary

export interface AgentStats {
  lines: number;
  entries: number;
  stemsExpanded: number;
  skipped: string[];
  supplementAdded: string[];
  supplementAlreadyPresent: string[];
}

function agentPhrase(s: string): string {
  return squash(s.replace(/_/g, ' ').toLowerCase());
}

/**
 * TABARI-style stems left in Phoenix.agents.txt ("a few stems remain", file header): a
 * word such as MINIST matched any word starting with it. PETRARCH2 matches whole words
 * only, so these entries never matched there; we expand them to the full words instead.
 */
const AGENT_STEMS: Record<string, string[]> = {
  minist: ['minister', 'ministers', 'ministry', 'ministries'],
  ministr: ['minister', 'ministers', 'ministry', 'ministries'],
  authorit: ['authority', 'authorities'],
  industr: ['industry', 'industries'],
  compan: ['company', 'companies'],
};

/** Expand stem words (see AGENT_STEMS); returns null when the phrase has none. */
function expandStems(phrase: string): string[] | null {
  const words = phrase.split(' ');
  if (!words.some((w) => w in AGENT_STEMS)) return null;
  let out: string[] = [''];
  for (const w of words) {
    const alts = AGENT_STEMS[w] ?? [w];
    out = out.flatMap((prefix) => alts.map((a) => (prefix ? `${prefix} ${a}` : a)));
  }
  return out;
}

function parseAgentCode(raw: string): { code: string; position: 'suffix' | 'prefix' } | null {
  const c = raw.replace(/\s+/g, '');
  if (c.startsWith('~')) return { code: c.slice(1), position: 'suffix' };
  if (c.endsWith('~')) return { code: c.slice(0, -1), position: 'prefix' };
  return null;
}

export function parseAgentDictionary(file: string): { agents: AgentEntry[]; stats: AgentStats } {
  const subst = new Map<string, string[]>();
  const byPhrase = new Map<string, AgentEntry>();
  const stats: AgentStats = { lines: 0, entries: 0, stemsExpanded: 0, skipped: [], supplementAdded: [], supplementAlreadyPresent: [] };
  // PETRARCH2 stores agents in a tree: a later entry for the same phrase overwrites.
  const put = (phrase: string, code: { code: string; position: 'suffix' | 'prefix' }) => {
    if (!phrase) return;
    byPhrase.delete(phrase);
    byPhrase.set(phrase, { phrase, code: code.code, position: code.position });
  };
  for (const rawLine of readLines(file)) {
    if (/^\s*#/.test(rawLine)) continue;
    const t = stripHash(rawLine).trim();
    if (!t) continue;
    if (t.includes('!') && t.includes('=')) {
      const m = /!([^!]+)!\s*=\s*(.*)$/.exec(t);
      if (m) subst.set(m[1], m[2].split(',').map((x) => x.trim()).filter(Boolean));
      continue;
    }
    stats.lines++;
    const m = /^(.*?)\[([^\]}]*)[\]}]/.exec(t); // lenient: one source line closes with '}'
    const code = m ? parseAgentCode(m[2]) : null;
    if (!m || !code) {
      stats.skipped.push(t);
      continue;
    }
    const head = m[1];
    if (head.includes('!')) {
      const mm = /^(.*?)!([^!]+)!(.*)$/.exec(head.trim());
      const list = mm ? subst.get(mm[2]) : undefined;
      if (!mm || !list) {
        stats.skipped.push(t);
        continue;
      }
      for (const s of list) put(agentPhrase(mm[1] + s + mm[3].replace(/\{[^}]*\}/, '')), code);
      continue;
    }
    const bm = /^(.*?)\{([^}]*)\}/.exec(head);
    const stemmed = expandStems(agentPhrase(bm ? bm[1] : head));
    if (stemmed) {
      stats.stemsExpanded++;
      for (const f of stemmed) put(f, code);
    } else if (bm) {
      put(agentPhrase(bm[1]), code);
      const pl = agentPhrase(bm[2]);
      if (pl) put(pl, code);
    } else {
      const phrase = agentPhrase(head);
      put(phrase, code);
      const pl = pluralize(phrase);
      if (pl) put(pl, code);
    }
  }
  const agents = [...byPhrase.values()];
  stats.entries = agents.length;
  return { agents, stats };
}

interface SupplementItem {
  phrase: string;
  code: string;
  plural?: string | null;
  note?: string;
}

/** Merge the project supplement: adds phrases the dictionary lacks (never overrides). */
export function mergeAgentSupplement(agents: AgentEntry[], supplementFile: string, stats: AgentStats): AgentEntry[] {
  if (!existsSync(supplementFile)) return agents;
  const sup = JSON.parse(readFileSync(supplementFile, 'utf8')) as { agents: SupplementItem[] };
  const have = new Set(agents.map((a) => a.phrase));
  const out = [...agents];
  for (const item of sup.agents) {
    const code = parseAgentCode(item.code);
    if (!code) throw new Error(`agents supplement: bad code ${item.code} for ${item.phrase}`);
    const phrase = agentPhrase(item.phrase);
    const forms = [phrase];
    if (item.plural === undefined) {
      const p = pluralize(phrase);
      if (p) forms.push(p);
    } else if (item.plural) forms.push(agentPhrase(item.plural));
    for (const f of forms) {
      if (have.has(f)) {
        stats.supplementAlreadyPresent.push(f);
        continue;
      }
      have.add(f);
      out.push({ phrase: f, code: code.code, position: code.position, supplement: true });
      stats.supplementAdded.push(f);
    }
  }
  stats.entries = out.length;
  return out;
}

// ---------------------------------------------------------------------------------------
// Deterministic writers


/**
 * Write an object whose values are maps (one entry per line) or arrays (one item per
 * line) or scalars; keys sorted. Entry objects keep their own key order sorted too.
 */
function writeJson(file: string, top: Record<string, unknown>): number {
  const parts: string[] = [];
  for (const k of Object.keys(top).sort()) {
    const v = top[k];
    if (Array.isArray(v)) {
      parts.push(`${JSON.stringify(k)}:[${v.length ? '\n' : ''}${v.map(stable).join(',\n')}${v.length ? '\n' : ''}]`);
    } else if (v && typeof v === 'object' && k !== 'meta') {
      const m = v as Record<string, unknown>;
      const lines = Object.keys(m)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${stable(m[key])}`);
      parts.push(`${JSON.stringify(k)}:{${lines.length ? '\n' : ''}${lines.join(',\n')}${lines.length ? '\n' : ''}}`);
    } else parts.push(`${JSON.stringify(k)}:${stable(v)}`);
  }
  const text = `{\n${parts.join(',\n')}\n}\n`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

// ---------------------------------------------------------------------------------------

const COMMIT = '676801cd9cb2924bbbad09f86d15c9323e7097bf';
const LICENSE = 'MIT (openeventdata/petrarch2 LICENSE, "Copyright (c) 2014 Open Event Data"; file headers: Open Event Data Alliance)';

function fmtBytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

export function main(): void {
  const shared = sharedDataDir();
  const dictDir = join(shared, 'cameo_resources', 'petrarch2_dictionaries');
  const valDir = join(shared, 'petrarch2_validation');
  const src = (dir: string, f: string) => {
    const p = join(dir, f);
    if (!existsSync(p)) throw new Error(`missing source file ${p}`);
    return p;
  };
  const label = (f: string) => `openeventdata/petrarch2 @ ${COMMIT} : ${f}`;
  const report: string[] = [];
  const log = (s: string) => {
    report.push(s);
    console.log(s);
  };
  const rel = (p: string) => relative(PROJECT_ROOT, p);

  // verbs
  const verbs = parseVerbDictionary(src(dictDir, 'CAMEO.2.0.txt'), label('petrarch2/data/dictionaries/CAMEO.2.0.txt'));
  const vOut = join(OUT_DIR, 'verbs.json');
  const vSize = writeJson(vOut, verbs.data as unknown as Record<string, unknown>);
  log(
    `${rel(vOut)}: ${verbs.stats.blocks} blocks, ${verbs.stats.verbLines} verb lines -> ${Object.keys(verbs.data.verbs).length} verb entries, ` +
      `${verbs.stats.patterns} patterns, ${Object.keys(verbs.data.synsets).length} synsets, ${verbs.data.transformations.length} transformations, ${fmtBytes(vSize)}`,
  );
  if (verbs.stats.patternsSkipped.length) log(`  skipped lines: ${verbs.stats.patternsSkipped.length}: ${verbs.stats.patternsSkipped.slice(0, 5).join(' | ')}`);
  if (verbs.stats.blocksWithoutVerbs.length) log(`  blocks without verbs (patterns unreachable): ${verbs.stats.blocksWithoutVerbs.join(', ')}`);
  if (verbs.stats.duplicateLemmas.length) log(`  lemmas in more than one block (first block code kept, later patterns appended): ${verbs.stats.duplicateLemmas.length}`);
  if (verbs.stats.undefinedSynsets.length) log(`  undefined synsets referenced: ${verbs.stats.undefinedSynsets.join(', ')}`);

  // actors
  const actorFiles = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'];
  const actors = parseActorDictionaries(actorFiles.map((f) => src(dictDir, f)));
  const aOut = join(OUT_DIR, 'actors.json');
  const aSize = writeJson(aOut, {
    meta: { source: actorFiles.map((f) => label(`petrarch2/data/dictionaries/${f}`)), license: LICENSE, entries: actors.stats.entries },
    actors: actors.actors,
  });
  log(
    `${rel(aOut)}: ${actors.stats.entries} actors, ${actors.stats.names} names, ${actors.stats.codes} codes, ${fmtBytes(aSize)}; ` +
      `${actors.stats.mergedCodeless} code-less primary lines merged into the next entry; ` +
      `dropped: ${actors.stats.droppedDuplicates} exact duplicate entries, ${actors.stats.droppedNoCode} entries without a code, ${actors.stats.droppedNames.length} unusable names, ${actors.stats.badDates.length} codes with invalid dates`,
  );
  if (actors.stats.droppedNoCodeNames.length) log(`  entries without a code: ${actors.stats.droppedNoCodeNames.join(' | ')}`);
  if (actors.stats.badDates.length) log(`  invalid dates: ${actors.stats.badDates.slice(0, 10).join(' | ')}`);
  if (actors.stats.droppedNames.length) log(`  unusable names: ${actors.stats.droppedNames.slice(0, 10).join(' | ')}`);

  // agents
  const agents = parseAgentDictionary(src(dictDir, 'Phoenix.agents.txt'));
  const merged = mergeAgentSupplement(agents.agents, join(OUT_DIR, 'supplements', 'agents.extra.json'), agents.stats);
  const gOut = join(OUT_DIR, 'agents.json');
  const gSize = writeJson(gOut, {
    meta: {
      source: [label('petrarch2/data/dictionaries/Phoenix.agents.txt'), 'sitrep data/supplements/agents.extra.json (entries marked supplement: true)'],
      license: LICENSE,
      entries: merged.length,
    },
    agents: merged,
  });
  log(
    `${rel(gOut)}: ${agents.stats.lines} agent lines -> ${merged.length} phrases (${agents.stats.stemsExpanded} stem entries expanded, ` +
      `${agents.stats.supplementAdded.length} phrases from the supplement), ${fmtBytes(gSize)}`,
  );
  if (agents.stats.skipped.length) log(`  skipped agent lines: ${agents.stats.skipped.join(' | ')}`);
  if (agents.stats.supplementAlreadyPresent.length) log(`  supplement phrases already in the dictionary (dictionary kept): ${agents.stats.supplementAlreadyPresent.join(', ')}`);

  // validation dictionaries
  const valOutDir = join(OUT_DIR, 'petrarch2-validation');
  const vv = parseVerbDictionary(src(valDir, 'PETR.Validate.verbs.txt'), label('petrarch2/data/dictionaries/PETR.Validate.verbs.txt'));
  const vvSize = writeJson(join(valOutDir, 'verbs.json'), vv.data as unknown as Record<string, unknown>);
  const va = parseActorDictionaries([src(valDir, 'PETR.Validate.actors.txt')]);
  const vaSize = writeJson(join(valOutDir, 'actors.json'), {
    meta: { source: label('petrarch2/data/dictionaries/PETR.Validate.actors.txt'), license: LICENSE, entries: va.stats.entries, note: 'validation/unit-test dictionary: many fictional actors; not for operational coding' },
    actors: va.actors,
  });
  const vg = parseAgentDictionary(src(valDir, 'PETR.Validate.agents.txt'));
  const vgSize = writeJson(join(valOutDir, 'agents.json'), {
    meta: { source: label('petrarch2/data/dictionaries/PETR.Validate.agents.txt'), license: LICENSE, entries: vg.agents.length },
    agents: vg.agents,
  });
  log(
    `${rel(valOutDir)}: verbs ${vv.stats.blocks} blocks / ${vv.stats.patterns} patterns / ${Object.keys(vv.data.verbs).length} verbs (${fmtBytes(vvSize)}); ` +
      `actors ${va.stats.entries} (${fmtBytes(vaSize)}); agents ${vg.agents.length} (${fmtBytes(vgSize)})`,
  );
  if (vv.stats.patternsSkipped.length) log(`  validation verbs skipped lines: ${vv.stats.patternsSkipped.join(' | ')}`);
  if (vv.stats.undefinedSynsets.length) log(`  validation verbs undefined synsets: ${vv.stats.undefinedSynsets.join(', ')}`);
  if (va.stats.badDates.length) log(`  validation actors invalid dates: ${va.stats.badDates.join(' | ')}`);
  if (vg.stats.skipped.length) log(`  validation agents skipped: ${vg.stats.skipped.join(' | ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
