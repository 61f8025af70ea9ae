/**
 * Named-entity recognition: a two-stage averaged structured perceptron
 * (BILOU tags, Viterbi) trained on CoNLL-2003 by `scripts/train-ner.ts`, with
 * word-cluster, gazetteer and document-level features (see features.ts).
 *
 * CoNLL's labels are refined into sitrep's: PER and ORG stay; LOC becomes GPE
 * (countries, cities, states) or LOC (regions, rivers, seas, continents);
 * MISC becomes NORP (nationalities, religious and political groups) or stays
 * MISC. Hyphenated compounds of names ("Trump-Putin", "Israeli-Palestinian")
 * come out as one entity per name.
 *
 * The model is read once per process from `data/models/ner.bin.gz`
 * (override with the `SITREP_NER_MODEL` environment variable).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Doc, Entity, NerLabel, Token } from '../../doc.js';
import type { Component } from '../../pipeline.js';
import { readQuantizedModel, NerTagger, spansFromTags } from './model.js';

export const NER_RULE = 'ner:perceptron';

/** Default model location. */
export const DEFAULT_NER_MODEL = fileURLToPath(new URL('../../../data/models/ner.bin.gz', import.meta.url));

let tagger: NerTagger | null = null;
let taggerPath: string | null = null;

/** Load (once) and return the tagger. */
export function loadNerModel(path: string = process.env.SITREP_NER_MODEL ?? DEFAULT_NER_MODEL): NerTagger {
  if (tagger && taggerPath === path) return tagger;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Error(`ner: model file ${path} not found; run \`npm run train:ner\` (${(e as Error).message})`);
  }
  tagger = new NerTagger(readQuantizedModel(bytes));
  taggerPath = path;
  return tagger;
}

const HAS_UPPER = /^[\p{Lu}]/u;

/** Refine a CoNLL type into a sitrep label from the entity's tokens. */
export function refineLabel(type: string, lowers: readonly string[], lex: Map<string, Set<string>>): NerLabel {
  const key = lowers.join(' ');
  const has = (list: string, k: string) => lex.get(list)?.has(k) ?? false;
  switch (type) {
    case 'PER':
      return 'PER';
    case 'ORG':
      return has('norpOrg', key) ? 'NORP' : 'ORG';
    case 'LOC': {
      if (has('loc', key)) return 'LOC';
      if (has('gpe', key)) return 'GPE';
      const head = lowers[lowers.length - 1];
      if (lowers.length > 1 && has('locHead', head)) return 'LOC';
      if (lowers.length > 1 && (lowers[0] === 'lake' || lowers[0] === 'mount' || lowers[0] === 'gulf')) return 'LOC';
      return 'GPE';
    }
    case 'MISC': {
      if (has('norp', key)) return 'NORP';
      // "Bosnian Serbs", "Shi'ite Moslems": every word a group name
      const words = lowers.filter((w) => w !== '-');
      if (words.length > 1 && words.every((w) => has('norp', w) || has('gpe', w)) && has('norp', words[words.length - 1])) return 'NORP';
      return 'MISC';
    }
    default:
      return 'MISC';
  }
}

interface Span {
  start: number; // token index
  end: number; // token index, exclusive
  label: NerLabel;
}

/** Label of one part of a hyphenated compound, or null when the part is not a known name. */
function partLabel(lower: string, text: string, lex: Map<string, Set<string>>, docPer: Set<string>): NerLabel | null {
  if (!HAS_UPPER.test(text)) return null;
  if (lex.get('norp')?.has(lower)) return 'NORP';
  if (lex.get('country')?.has(lower) || lex.get('gpe')?.has(lower)) return 'GPE';
  if (docPer.has(lower) || lex.get('surname')?.has(lower)) return 'PER';
  return null;
}

/**
 * Split hyphenated compounds of names ("Trump-Putin", "U.S.-China",
 * "Israeli-Palestinian") into one entity per part, whether the tagger marked
 * the compound as one entity or left it out.
 */
function splitCompounds(tokens: readonly Token[], spans: Span[], lex: Map<string, Set<string>>, docPer: Set<string>): Span[] {
  const covered = new Int32Array(tokens.length).fill(-1);
  spans.forEach((s, i) => {
    for (let k = s.start; k < s.end; k++) covered[k] = i;
  });
  const replace = new Map<number, Span[]>(); // span index -> replacement
  const added: Span[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    // a run X - Y (- Z ...) with no spaces
    if (tokens[i + 1].text !== '-' || tokens[i + 1].start !== tokens[i].end || tokens[i + 2].start !== tokens[i + 1].end) continue;
    if (i > 0 && tokens[i - 1].end === tokens[i].start && tokens[i - 1].text === '-') continue; // not the run start
    const parts = [i];
    let j = i;
    while (j + 2 < tokens.length && tokens[j + 1].text === '-' && tokens[j + 1].start === tokens[j].end && tokens[j + 2].start === tokens[j + 1].end) {
      j += 2;
      parts.push(j);
    }
    i = j;
    if (tokens[parts[0]].sentence !== tokens[j].sentence) continue;
    // the whole run must be inside one entity, or outside all entities
    const owner = covered[parts[0]];
    let same = true;
    for (let k = parts[0]; k <= j; k++) if (covered[k] !== owner) same = false;
    if (!same) continue;
    if (owner >= 0 && (spans[owner].start !== parts[0] || spans[owner].end !== j + 1)) continue;
    if (owner >= 0 && spans[owner].label === 'PER') continue; // "Boutros-Ghali", "Jean-Luc": one person
    const labels = parts.map((p) => partLabel(tokens[p].lower, tokens[p].text, lex, docPer));
    if (labels.some((l) => l === null)) continue;
    // names (PER) must pair with names: "Trump-Putin"; demonyms and places may mix: "U.S.-Russian"
    if (labels.includes('PER') && !labels.every((l) => l === 'PER')) continue;
    const pieces = parts.map((p, k) => ({ start: p, end: p + 1, label: labels[k]! }));
    if (owner >= 0) replace.set(owner, pieces);
    else added.push(...pieces);
  }
  const out: Span[] = [];
  spans.forEach((s, i) => out.push(...(replace.get(i) ?? [s])));
  out.push(...added);
  return out.sort((a, b) => a.start - b.start);
}

/** Recognize named entities in a tokenized document. */
export function recognize(doc: Readonly<Doc>, model: NerTagger = loadNerModel()): Entity[] {
  const { tokens, sentences } = doc;
  if (!tokens.length || !sentences.length) return [];
  const tags = model.tag(tokens, sentences);
  const text = doc.document.text;
  let spans: Span[] = [];
  for (const s of sentences) {
    for (const e of spansFromTags(tags, model.names, s.tokenStart, s.tokenEnd)) {
      const lowers = tokens.slice(e.start, e.end).map((t) => t.lower);
      spans.push({ start: e.start, end: e.end, label: refineLabel(e.type, lowers, model.lexicon) });
    }
  }
  const docPer = new Set<string>();
  for (const s of spans) {
    if (s.label !== 'PER' || tokens.slice(s.start, s.end).some((t) => t.text === '-')) continue;
    for (let k = s.start; k < s.end; k++) docPer.add(tokens[k].lower);
  }
  spans = splitCompounds(tokens, spans, model.lexicon, docPer);
  return spans.map((s) => {
    const start = tokens[s.start].start;
    const end = tokens[s.end - 1].end;
    return { text: text.slice(start, end), start, end, label: s.label, sentence: tokens[s.start].sentence, rule: NER_RULE };
  });
}

/** Pipeline component: assigns `entities`. */
export const nerComponent: Component = {
  name: 'ner',
  requires: ['tokens', 'sentences'],
  assigns: ['entities'],
  run: (doc) => ({ entities: recognize(doc) }),
};
