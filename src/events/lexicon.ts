/**
 * Event-coding resources, loaded once: the CAMEO codebook with Goldstein
 * values and the CAMEO-to-PLOVER table (`data/cameo.json`, built from
 * GDELT's CAMEO tables and PLOVER's CAMEO2PLOVER-2021), PETRARCH2's CAMEO
 * verb dictionary (`data/verbs.json`, MIT) and the project's own event
 * lexicon (`data/lexicon/events.json`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCameo } from '../data/load.js';
import { loadVerbs } from '../data/dictionaries.js';
import { phraseKey } from '../text/phrases.js';

/** A verb pattern ready for matching: literal token sets before and after the verb. */
export interface VerbPattern {
  /** CAMEO code, or null for PETRARCH2's `---` ("not an event"). */
  code: string | null;
  /**
   * The code of the paired event the other way, recipient to actor (PETRARCH2's `[A:B]`: "met" `[031:032]`
   * gives X>Y 031 and Y>X 032; `[:B]` gives only the reverse event). Absent for a single code.
   */
  reverse?: string;
  /** Literals before the verb, in order; each literal is a set of accepted lower-case words/lemmas. */
  pre: Array<Set<string>>;
  post: Array<Set<string>>;
  /**
   * PETRARCH2's `_` connector: `preAdj[i]` — literal `pre[i]` must directly precede the next
   * matched word (or the verb); `postAdj[j]` — `post[j]` must directly follow the previous
   * matched word (or the verb). Absent when the line could not be re-read.
   */
  preAdj?: boolean[];
  postAdj?: boolean[];
  /** Several-word members of a synset literal (`&HYPERCURR`: "austrian gold florin"), longest first, by literal index. */
  prePhrases?: Array<string[][] | undefined>;
  postPhrases?: Array<string[][] | undefined>;
  /**
   * Noun-phrase slots: `+` target, `$` source, `%` compound actor; `skip` counts the `^` (skip
   * one noun phrase) between a post-verb slot and the literal before it ("- * AT ^ + [162]"). A pre-verb slot lies before
   * the pre literal that has `before` pre literals from it to the verb (0: right before the verb);
   * a post-verb slot follows `after` post literals (0: right after the verb).
   */
  slots?: Array<{ kind: '+' | '$' | '%'; side: 'pre'; before: number } | { kind: '+' | '$' | '%'; side: 'post'; after: number; skip?: number }>;
  /** The dictionary line, for provenance. */
  raw: string;
}

export interface VerbEntry {
  lemma: string;
  /** Default code of the verb's block (null where the block has `---`). */
  code: string | null;
  /** Code of the block's paired reverse event (see {@link VerbPattern.reverse}). */
  reverse?: string;
  patterns: VerbPattern[];
}

export interface NounEntry {
  code?: string;
  verb?: string;
  /** The noun only triggers when one of these words is near it (before or right after). */
  needs?: string[];
}

export interface EventLexicon {
  verbs: Map<string, VerbEntry>;
  /** Inflected form -> verb lemma (from the dictionary's irregular forms). */
  forms: Map<string, string>;
  /**
   * Multi-word verbs ("call off", "wire tap", "blow up") by the inflected form of their head word
   * (the word the dictionary marks as the verb): each inflected phrase as lower-case words, the
   * head's index in it, and the phrase's lemma (a key of `verbs`). Longest phrases first.
   */
  phrasalVerbs: Map<string, Array<{ words: string[]; head: number; lemma: string }>>;
  nouns: Map<string, NounEntry>;
  recipientPreps: Set<string>;
  lightVerbs: Set<string>;
  controlVerbs: Set<string>;
  cueVerbs: Set<string>;
  futureMarkers: Set<string>;
  negationMarkers: Set<string>;
  hypotheticalMarkers: Set<string>;
  historicalMarkers: Set<string>;
  /** Words tagged VERB that act as prepositions or adverbs ("following", "according"). */
  notVerbs: Set<string>;
  /** Verbs whose default code stands without a recipient ("Zelensky rejected ..."). */
  soloVerbs: Set<string>;
  /** Cooperative code prefix -> CAMEO 03x intent code, for actions stated as future or hypothetical. */
  intentCodes: Map<string, string>;
  /** Cooperative code prefix -> CAMEO 12x rejection code, for negated cooperative actions. */
  negatedCodes: Map<string, string>;
  /** Uncoded transfer verbs announced with will/would ("would send engineers") -> intent code (033). */
  intentVerbs: Map<string, string>;
  /** Uncoded verbs coded by their object's head noun ("accepted demands": 080): lemma -> noun lemma -> code. */
  verbObjects: Map<string, Map<string, string>>;
  cameo: ReturnType<typeof loadCameo>;
  /**
   * Codes the verb dictionary assigns that the CAMEO codebook lacks (PETRARCH2's validation
   * dictionary has 345, 802, 901-915): kept as codes with no QuadClass, Goldstein or PLOVER
   * type. Empty unless built with `opts.dictionaryCodes` (the project's own coding uses CAMEO only).
   */
  dictionaryCodes: Set<string>;
}

let cached: EventLexicon | null = null;
const EVENTS_JSON = fileURLToPath(new URL('../../data/lexicon/events.json', import.meta.url));

/** Load (once) the event lexicon. @throws SitrepError `data_missing` when a data file is absent. */
export function eventLexicon(): EventLexicon {
  if (!cached) cached = buildEventLexicon(loadVerbs());
  return cached;
}

/**
 * Build an event lexicon from a verb dictionary in the shape of `data/verbs.json`
 * (e.g. PETRARCH2's validation dictionary) plus the project's event lexicon.
 * `opts.projectVerbs: false` leaves out the project's verb overrides (for running
 * another coder's test suite with its own dictionary); `opts.dictionaryCodes: true` keeps
 * the dictionary's non-CAMEO codes (see {@link EventLexicon.dictionaryCodes}).
 */
export function buildEventLexicon(vd: ReturnType<typeof loadVerbs>, opts: { projectVerbs?: boolean; dictionaryCodes?: boolean } = {}): EventLexicon {
  const raw = JSON.parse(readFileSync(EVENTS_JSON, 'utf8'));
  if (opts.projectVerbs === false) raw.verbOverrides = {};
  // a synset's one-word members match one token; its several-word members match as consecutive words
  const synsets = new Map<string, Set<string>>();
  const synPhrases = new Map<string, string[][]>();
  for (const [name, phrases] of Object.entries(vd.synsets)) {
    const set = new Set<string>();
    const multi: string[][] = [];
    for (const p of phrases as string[]) {
      const words = p.toLowerCase().split(/[\s_]+/).filter(Boolean);
      if (words.length === 1) set.add(words[0]);
      else if (words.length > 1) multi.push(words);
    }
    const key = name.replace(/^&/, '').toUpperCase();
    synsets.set(key, set);
    if (multi.length) synPhrases.set(key, multi.sort((a, b) => b.length - a.length));
  }
  const phrasesOf = (tok: string) => (tok.startsWith('&') ? synPhrases.get(tok.slice(1).toUpperCase()) : undefined);
  const literals = new Map<string, Set<string> | null>();
  const literal = (tok: string): Set<string> | null => {
    let v = literals.get(tok);
    if (v !== undefined) return v;
    if (!tok || /^[$+^%*(){}\[\]|]+$/.test(tok)) v = null;
    else if (tok.startsWith('&')) v = synsets.get(tok.slice(1).toUpperCase()) ?? null;
    else {
      const w = tok.replace(/[{}()]/g, '').toLowerCase();
      v = w && /[a-z0-9]/.test(w) ? new Set(w.split(/[\s_]+/)) : null;
    }
    literals.set(tok, v);
    return v;
  };
  // verbs of one PETRARCH2 block share their pattern objects: convert each once
  const converted = new Map<object, VerbPattern>();
  const verbs = new Map<string, VerbEntry>();
  const forms = new Map<string, string>();
  const phrasalVerbs: EventLexicon['phrasalVerbs'] = new Map();
  for (const [lemma, v] of Object.entries(vd.verbs)) {
    const patterns: VerbPattern[] = [];
    for (const p of v.patterns) {
      let c = converted.get(p);
      if (!c) {
        const pre = p.pre.map(literal).filter((x): x is Set<string> => x !== null);
        const post = p.post.map(literal).filter((x): x is Set<string> => x !== null);
        const isLit = (t: string) => literal(t) !== null;
        const prePh = p.pre.filter(isLit).map(phrasesOf);
        const postPh = p.post.filter(isLit).map(phrasesOf);
        c = {
          code: parseCode(p.code),
          ...(parseCode(p.passive) ? { reverse: parseCode(p.passive)! } : {}),
          pre,
          post,
          raw: p.raw,
          ...(prePh.some(Boolean) ? { prePhrases: prePh } : {}),
          ...(postPh.some(Boolean) ? { postPhrases: postPh } : {}),
          ...patternShape(p.raw, p.pre, p.post, isLit),
        };
        converted.set(p, c);
      }
      patterns.push(c);
    }
    const key = lemma.toLowerCase();
    const override = raw.verbOverrides?.[key];
    const reverse = override === undefined ? parseCode(v.passive) : null;
    verbs.set(key, { lemma: key, code: override !== undefined ? parseCode(override) : parseCode(v.code), ...(reverse ? { reverse } : {}), patterns });
    if (key.includes(' ')) {
      const lw = key.split(' ');
      const h = v.head ? lw.indexOf(v.head.toLowerCase()) : 0;
      for (const f of new Set([key, ...(v.forms ?? []).map((x) => x.toLowerCase())])) {
        const words = f.split(' ');
        if (words.length !== lw.length || h < 0) continue;
        const list = phrasalVerbs.get(words[h]) ?? [];
        list.push({ words, head: h, lemma: key });
        phrasalVerbs.set(words[h], list);
      }
      continue;
    }
    for (const f of v.forms ?? []) if (!forms.has(f.toLowerCase())) forms.set(f.toLowerCase(), key);
  }
  for (const list of phrasalVerbs.values()) list.sort((a, b) => b.words.length - a.words.length);
  for (const [k, code] of Object.entries(raw.verbOverrides ?? {})) {
    if (k.startsWith('_') || verbs.has(k)) continue;
    verbs.set(k, { lemma: k, code: parseCode(code as string | null), patterns: [] });
  }
  const cameo = loadCameo();
  const dictionaryCodes = new Set<string>();
  if (opts.dictionaryCodes) {
    const known = (c: string | null) => !c || !!cameo.codes[c] || !!cameo.codes[c.slice(0, 3)];
    for (const v of verbs.values()) {
      if (!known(v.code)) dictionaryCodes.add(v.code!);
      for (const p of v.patterns) if (!known(p.code)) dictionaryCodes.add(p.code!);
    }
  }
  const nouns = new Map<string, NounEntry>();
  for (const [k, v] of Object.entries(raw.nouns as Record<string, NounEntry>)) nouns.set(phraseKey(k), v);
  return {
    verbs,
    forms,
    phrasalVerbs,
    nouns,
    recipientPreps: new Set(raw.recipientPreps),
    lightVerbs: new Set(raw.lightVerbs),
    controlVerbs: new Set(raw.controlVerbs),
    cueVerbs: new Set(raw.cueVerbs),
    futureMarkers: new Set(raw.futureMarkers),
    negationMarkers: new Set(raw.negationMarkers),
    hypotheticalMarkers: new Set(raw.hypotheticalMarkers),
    historicalMarkers: new Set(raw.historicalMarkers),
    notVerbs: new Set(raw.notVerbs),
    soloVerbs: new Set(raw.soloVerbs.lemmas),
    intentCodes: new Map(Object.entries(raw.intentCodes as Record<string, string>).filter(([k]) => !k.startsWith('_'))),
    negatedCodes: new Map(Object.entries(raw.negatedCodes as Record<string, string>).filter(([k]) => !k.startsWith('_'))),
    verbObjects: new Map(Object.entries((raw.verbObjects ?? {}) as Record<string, Record<string, string>>).filter(([k]) => !k.startsWith('_')).map(([k, v]) => [k, new Map(Object.entries(v))])),
    intentVerbs: new Map(Object.entries((raw.intentVerbs ?? {}) as Record<string, string>).filter(([k]) => !k.startsWith('_'))),
    cameo,
    dictionaryCodes,
  };
}

/**
 * Re-read a PETRARCH2 pattern line (`- PRE * POST [code] # comment`) for what the token lists
 * lose: which words the `_` connector joins (adjacent words) and where the noun-phrase slots
 * (`+`, `$`, `%`) stand relative to the literals. `isLiteral` tells which tokens of `pre`/`post`
 * are matched words. Returns nothing when the re-read tokens do not line up with `pre`/`post`.
 */
export function patternShape(raw: string, pre: string[], post: string[], isLiteral: (tok: string) => boolean): Pick<VerbPattern, 'preAdj' | 'postAdj' | 'slots'> {
  const body = raw.replace(/^-\s*/, '').replace(/\[.*$/, '');
  const seq: Array<{ tok: string; joined: boolean }> = [];
  for (const ws of body.replace(/([(){}])/g, ' $1 ').split(/\s+/)) {
    if (!ws) continue;
    let first = true;
    for (const part of ws.split(/(\*)|_/)) {
      if (!part) continue;
      seq.push({ tok: part.startsWith('&') || ['$', '+', '^', '%', '*'].includes(part) ? part : part.toLowerCase(), joined: !first });
      first = false;
    }
  }
  const star = seq.findIndex((x) => x.tok === '*');
  const flat = seq.filter((x) => x.tok !== '*').map((x) => x.tok.toLowerCase());
  const expected = [...pre, ...post].map((t) => t.toLowerCase());
  if (star < 0 || flat.length !== expected.length || flat.some((t, i) => t !== expected[i])) return {};
  const kindOf = (t: string) => (t === '+' || t === '$' || t === '%' ? t : null);
  const preSeq = seq.slice(0, star);
  const postSeq = seq.slice(star + 1);
  const preAdj: boolean[] = [];
  const postAdj: boolean[] = [];
  const slots: NonNullable<VerbPattern['slots']> = [];
  const preLits = preSeq.filter((x) => isLiteral(x.tok)).length;
  let seen = 0;
  for (let i = 0; i < preSeq.length; i++) {
    const x = preSeq[i];
    const k = kindOf(x.tok);
    if (k) slots.push({ kind: k, side: 'pre', before: preLits - seen });
    if (!isLiteral(x.tok)) continue;
    seen++;
    const next = i + 1 < preSeq.length ? preSeq[i + 1] : seq[star];
    preAdj.push(next.joined && (i + 1 >= preSeq.length || isLiteral(next.tok)));
  }
  let after = 0;
  let skip = 0;
  for (let j = 0; j < postSeq.length; j++) {
    const x = postSeq[j];
    const k = kindOf(x.tok);
    if (x.tok === '^') skip++;
    if (k) slots.push({ kind: k, side: 'post', after, ...(skip ? { skip } : {}) });
    if (!isLiteral(x.tok)) continue;
    skip = 0;
    const prev = j > 0 ? postSeq[j - 1] : seq[star];
    postAdj.push(x.joined && (j === 0 || isLiteral(prev.tok)));
    after++;
  }
  return { preAdj, postAdj, ...(slots.length ? { slots } : {}) };
}

/** "072:086" -> "072"; ":020" -> "020"; "174L" -> "174L" (a lettered variant); "---" or empty -> null. */
export function parseCode(code: string | null | undefined): string | null {
  if (!code) return null;
  const parts = code.replace(/[\[\]\s]/g, '').split(':');
  for (const p of parts) if (p && p !== '---' && /^\d{2,4}[A-Z]?$/.test(p)) return p;
  return null;
}
