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
  /** Literals before the verb, in order; each literal is a set of accepted lower-case words/lemmas. */
  pre: Array<Set<string>>;
  post: Array<Set<string>>;
  /** The dictionary line, for provenance. */
  raw: string;
}

export interface VerbEntry {
  lemma: string;
  /** Default code of the verb's block (null where the block has `---`). */
  code: string | null;
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
  const synsets = new Map<string, Set<string>>();
  for (const [name, phrases] of Object.entries(vd.synsets)) {
    const set = new Set<string>();
    for (const p of phrases as string[]) for (const w of p.toLowerCase().split(/[\s_]+/)) if (w) set.add(w);
    synsets.set(name.replace(/^&/, '').toUpperCase(), set);
  }
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
  for (const [lemma, v] of Object.entries(vd.verbs)) {
    const patterns: VerbPattern[] = [];
    for (const p of v.patterns) {
      let c = converted.get(p);
      if (!c) {
        const pre = p.pre.map(literal).filter((x): x is Set<string> => x !== null);
        const post = p.post.map(literal).filter((x): x is Set<string> => x !== null);
        c = { code: parseCode(p.code), pre, post, raw: p.raw };
        converted.set(p, c);
      }
      patterns.push(c);
    }
    const key = lemma.toLowerCase();
    const override = raw.verbOverrides?.[key];
    verbs.set(key, { lemma: key, code: override !== undefined ? parseCode(override) : parseCode(v.code), patterns });
    for (const f of v.forms ?? []) if (!forms.has(f.toLowerCase())) forms.set(f.toLowerCase(), key);
  }
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
    cameo,
    dictionaryCodes,
  };
}

/** "072:086" -> "072"; ":020" -> "020"; "174L" -> "174L" (a lettered variant); "---" or empty -> null. */
export function parseCode(code: string | null | undefined): string | null {
  if (!code) return null;
  const parts = code.replace(/[\[\]\s]/g, '').split(':');
  for (const p of parts) if (p && p !== '---' && /^\d{2,4}[A-Z]?$/.test(p)) return p;
  return null;
}
