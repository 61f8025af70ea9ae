import type { ActorRef, Doc, Entity, NerLabel, Timex } from '../../src/doc.js';
import { sentenceAt } from '../../src/doc.js';
import { tokenize } from '../../src/text/tokenize.js';

export interface EntSpec {
  /** surface text; the nth occurrence (default first) is used */
  text: string;
  label: NerLabel;
  actor?: ActorRef;
  nth?: number;
}

export function actor(code: string, country: string | null, sector: string | null, name: string): ActorRef {
  return { code, country, sector, name };
}

function occurrence(text: string, needle: string, nth = 0): number {
  let pos = -1;
  for (let k = 0; k <= nth; k++) {
    pos = text.indexOf(needle, pos + 1);
    if (pos < 0) throw new Error(`"${needle}" (occurrence ${nth}) not in text`);
  }
  return pos;
}

/** A Doc from text via the real tokenizer, with hand-made entities (and optional timexes). */
export function makeDoc(text: string, ents: EntSpec[] = [], timexes: Array<{ text: string; value: string }> = []): Doc {
  const { tokens, sentences } = tokenize(text);
  const base = { tokens, sentences };
  const entities: Entity[] = ents
    .map((e) => {
      const start = occurrence(text, e.text, e.nth ?? 0);
      const ent: Entity = { text: e.text, start, end: start + e.text.length, label: e.label, sentence: sentenceAt(base, start), rule: 'test' };
      if (e.actor) ent.actor = e.actor;
      return ent;
    })
    .sort((a, b) => a.start - b.start);
  const tx: Timex[] = timexes.map((t) => {
    const start = occurrence(text, t.text);
    return { text: t.text, start, end: start + t.text.length, type: 'DATE', value: t.value, sentence: sentenceAt(base, start), rule: 'test' };
  });
  return {
    document: { id: 'test', title: null, published: '2025-03-12', url: null, source: null, text },
    tokens,
    sentences,
    entities,
    mentions: [],
    timexes: tx,
    events: [],
    quotes: [],
    quantities: [],
  };
}
