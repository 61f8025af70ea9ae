import type { Doc, DocEvent, Participant } from '../../src/doc.js';

/** A participant whose text is found in `text`. */
export function part(text: string, mention: string, code: string | null, country: string | null, sector: string | null): Participant {
  const start = text.indexOf(mention);
  if (start < 0) throw new Error(`fixture: "${mention}" not in text`);
  return { text: mention, start, end: start + mention.length, code, country, sector };
}

/** A coded event with sensible defaults; `trigger` must occur in `text`. */
export function event(text: string, trigger: string, over: Partial<DocEvent> = {}): DocEvent {
  const start = text.indexOf(trigger);
  if (start < 0) throw new Error(`fixture: "${trigger}" not in text`);
  return {
    cameo: '040',
    root: '04',
    quadClass: 1,
    goldstein: 1,
    plover: { event: 'CONSULT', mode: null },
    status: 'coded',
    actor: [],
    recipient: [],
    date: null,
    dateDefaulted: false,
    location: null,
    trigger: { text: trigger, start, end: start + trigger.length },
    attribution: null,
    modality: [],
    confidence: 0.8,
    sentence: 0,
    rule: 'test:fixture',
    ...over,
  };
}

/** A Doc with only document metadata and sentences filled in. */
export function baseDoc(id: string, text: string, published: string | null, title: string | null = null): Doc {
  return {
    document: { id, title, published, url: null, source: null, text },
    tokens: [],
    sentences: [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: 0 }],
    entities: [],
    mentions: [],
    timexes: [],
    events: [],
    quotes: [],
    quantities: [],
  };
}

// Invented texts, written for these tests.
export const TEXT_A = 'Ruritania and Borduria held talks in Strelsau on 3 March. The Ruritanian army later shelled a border post.';
export const TEXT_B = 'Borduria promised aid to Syldavia in July. Syldavian rebels rejected the offer.';
export const TEXT_C = 'The Ruritanian foreign minister visited Syldavia last week.';

/** Document A: a full Doc using every layer. */
export function docA(): Doc {
  const t = TEXT_A;
  const d = baseDoc('sha256:aaaaaaaaaaaaaaaa', t, '2025-03-04', 'Talks then shelling');
  const rur = t.indexOf('Ruritania');
  const bor = t.indexOf('Borduria');
  d.sentences = [
    { start: 0, end: 57, tokenStart: 0, tokenEnd: 11 },
    { start: 58, end: t.length, tokenStart: 11, tokenEnd: 20 },
  ];
  d.entities = [
    { text: 'Ruritania', start: rur, end: rur + 9, label: 'GPE', actor: { code: 'RUR', country: 'RUR', sector: null, name: 'Ruritania' }, sentence: 0, rule: 'ner:gazetteer' },
    { text: 'Borduria', start: bor, end: bor + 8, label: 'GPE', actor: { code: 'BOR', country: 'BOR', sector: null, name: 'Borduria' }, sentence: 0, rule: 'ner:gazetteer' },
    { text: 'Strelsau', start: t.indexOf('Strelsau'), end: t.indexOf('Strelsau') + 8, label: 'GPE', sentence: 0, rule: 'ner:gazetteer' },
    { text: 'Ruritanian', start: t.indexOf('Ruritanian'), end: t.indexOf('Ruritanian') + 10, label: 'NORP', corefOf: 0, sentence: 1, rule: 'ner:demonym' },
  ];
  const army = t.indexOf('The Ruritanian army');
  d.mentions = [
    { text: 'The Ruritanian army', start: army, end: army + 19, code: 'RURMIL', country: 'RUR', sector: 'MIL', name: 'Ruritanian army', entity: 3, kind: 'nominal', tokenStart: 11, tokenEnd: 14, sentence: 1, rule: 'mentions:agent' },
  ];
  d.timexes = [
    { text: '3 March', start: t.indexOf('3 March'), end: t.indexOf('3 March') + 7, type: 'DATE', value: '2025-03-03', anchor: 'DCT', sentence: 0, rule: 'time:dmy' },
  ];
  d.events = [
    event(t, 'held talks', {
      actor: [part(t, 'Ruritania', 'RUR', 'RUR', null)],
      recipient: [part(t, 'Borduria', 'BOR', 'BOR', null)],
      date: '2025-03-03',
      location: { text: 'Strelsau', start: t.indexOf('Strelsau'), end: t.indexOf('Strelsau') + 8, country: 'RUR' },
      plover: { event: 'CONSULT', mode: 'visit', context: ['diplomatic'] },
    }),
    event(t, 'shelled', {
      cameo: '195', root: '19', quadClass: 4, goldstein: -10, plover: { event: 'ASSAULT', mode: 'aerial' },
      actor: [part(t, 'The Ruritanian army', 'RURMIL', 'RUR', 'MIL')],
      recipient: [part(t, 'border post', null, null, null)],
      date: '2025-03-04', dateDefaulted: true, sentence: 1, confidence: 0.55,
      attribution: { source: null, cue: { text: 'later', start: t.indexOf('later'), end: t.indexOf('later') + 5 } },
      modality: ['historical'],
    }),
  ];
  d.quotes = [
    { text: 'held talks', start: t.indexOf('held talks'), end: t.indexOf('held talks') + 10, direct: false, speaker: null, cue: null, sentence: 0, rule: 'quotes:test' },
  ];
  d.quantities = [
    { text: '3', start: t.indexOf('3 March'), end: t.indexOf('3 March') + 1, value: 3, unit: null, approximate: false, attribution: null, event: null, eventRule: null, sentence: 0, rule: 'qty:test' },
    { text: 'talks', start: t.indexOf('talks'), end: t.indexOf('talks') + 5, min: 1.5, max: 2, unit: 'talks', approximate: true, attribution: null, event: 0, eventRule: 'measures:object', sentence: 0, rule: 'qty:test' },
  ];
  return d;
}

/** Document B: a month-precision event and an uncoded one. */
export function docB(): Doc {
  const t = TEXT_B;
  const d = baseDoc('sha256:bbbbbbbbbbbbbbbb', t, '2025-08-01');
  d.entities = [
    { text: 'Borduria', start: 0, end: 8, label: 'GPE', actor: { code: 'BOR', country: 'BOR', sector: null, name: 'Borduria' }, sentence: 0, rule: 'ner:gazetteer' },
  ];
  d.events = [
    event(t, 'promised aid', {
      cameo: '051', root: '05', quadClass: 1, goldstein: 3.4, plover: { event: 'COOPERATE', mode: null },
      actor: [part(t, 'Borduria', 'BOR', 'BOR', null)],
      recipient: [part(t, 'Syldavia', 'SYL', 'SYL', null)],
      date: '2025-07',
    }),
    event(t, 'rejected', {
      cameo: null, root: null, quadClass: null, goldstein: null, plover: null, status: 'uncoded',
      actor: [part(t, 'Syldavian rebels', 'SYLREB', 'SYL', 'REB')],
      recipient: [],
      date: 'PAST_REF',
      sentence: 0,
    }),
  ];
  return d;
}

/** Document C: an ISO-week event, actor RURGOV. */
export function docC(): Doc {
  const t = TEXT_C;
  const d = baseDoc('sha256:cccccccccccccccc', t, '2025-03-12');
  d.events = [
    event(t, 'visited', {
      cameo: '042', root: '04', goldstein: 1.9,
      actor: [part(t, 'The Ruritanian foreign minister', 'RURGOV', 'RUR', 'GOV')],
      recipient: [part(t, 'Syldavia', 'SYL', 'SYL', null)],
      date: '2025-W10',
    }),
  ];
  return d;
}
