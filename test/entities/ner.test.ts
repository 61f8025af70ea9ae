import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyDoc, type Doc } from '../../src/doc.js';
import { checkWiring } from '../../src/pipeline.js';
import { textComponent } from '../../src/components.js';
import { DEFAULT_NER_MODEL, nerComponent, recognize, refineLabel, loadNerModel } from '../../src/entities/ner/index.js';
import { parseConll, projectGold, tokenizeConllDoc } from '../../src/entities/ner/conll.js';
import { shape, staticFeatures } from '../../src/entities/ner/features.js';
import { Gazetteer } from '../../src/entities/ner/gazetteer.js';
import { deserializeModel, NerTagger, readQuantizedModel, serializeModel } from '../../src/entities/ner/model.js';
import { SpanScorer } from '../../src/entities/ner/score.js';
import { tokenize } from '../../src/text/tokenize.js';

function doc(text: string): Doc {
  const { tokens, sentences } = tokenize(text);
  return { ...emptyDoc({ id: 't', title: null, published: null, url: null, source: null, text }), tokens, sentences };
}

function ents(text: string): string[] {
  return recognize(doc(text)).map((e) => `${e.label}:${e.text}`);
}

describe('ner: recognize', () => {
  it('finds people, places and nationalities', () => {
    const got = ents('Russian President Vladimir Putin spoke with Emmanuel Macron in Paris on Monday.');
    expect(got).toEqual(expect.arrayContaining(['PER:Vladimir Putin', 'PER:Emmanuel Macron', 'GPE:Paris', 'NORP:Russian']));
    expect(got.some((e) => e.includes('Monday'))).toBe(false);
  });

  it('returns spans into the text with sentence, rule and label', () => {
    const d = doc('The talks in Geneva went on.\nLater, Angela Merkel flew to Berlin.');
    const es = recognize(d);
    expect(es.length).toBeGreaterThanOrEqual(3);
    for (const e of es) {
      expect(d.document.text.slice(e.start, e.end)).toBe(e.text);
      expect(e.rule).toBe('ner:perceptron');
      expect(d.sentences[e.sentence].start).toBeLessThanOrEqual(e.start);
      expect(d.sentences[e.sentence].end).toBeGreaterThanOrEqual(e.end);
    }
    expect(es.map((e) => `${e.label}:${e.text}`)).toEqual(expect.arrayContaining(['GPE:Geneva', 'PER:Angela Merkel', 'GPE:Berlin']));
  });

  it('splits hyphenated name compounds', () => {
    const got = ents('Officials prepared the Trump-Putin summit in Helsinki for weeks.');
    expect(got).toEqual(expect.arrayContaining(['PER:Trump', 'PER:Putin', 'GPE:Helsinki']));
    expect(got.some((e) => e.includes('Trump-Putin'))).toBe(false);
    const got2 = ents('Israeli-Palestinian negotiations stalled again on Tuesday.');
    expect(got2).toEqual(expect.arrayContaining(['NORP:Israeli', 'NORP:Palestinian']));
  });

  it('keeps hyphenated personal names whole', () => {
    const got = ents('The United Nations chief Boutros Boutros-Ghali arrived in Nairobi.');
    expect(got).toEqual(expect.arrayContaining(['PER:Boutros Boutros-Ghali', 'GPE:Nairobi']));
  });

  it('tags organisations and geographic locations', () => {
    const got = ents('Shares of General Motors fell after the European Commission opened an inquiry, officials in Brussels said.');
    expect(got).toEqual(expect.arrayContaining(['ORG:General Motors', 'ORG:European Commission', 'GPE:Brussels']));
    const got2 = ents('Fishing boats were seized in the Black Sea and on the Danube by Romanian police.');
    expect(got2).toEqual(expect.arrayContaining(['LOC:Black Sea', 'LOC:Danube', 'NORP:Romanian']));
  });

  it('reads all-capital headlines', () => {
    const got = ents('BRAZIL AND ARGENTINA SIGN TRADE PACT IN BUENOS AIRES');
    expect(got).toEqual(expect.arrayContaining(['GPE:BRAZIL', 'GPE:ARGENTINA', 'GPE:BUENOS AIRES']));
  });

  it('handles empty documents', () => {
    expect(recognize(doc(''))).toEqual([]);
  });

  it('is a pipeline component after the text stage', () => {
    expect(() => checkWiring([textComponent, nerComponent])).not.toThrow();
    expect(() => checkWiring([nerComponent])).toThrow();
    const d = doc('Prime Minister Narendra Modi visited Tokyo.');
    const out = nerComponent.run(d);
    expect(out.entities?.map((e) => e.text)).toEqual(expect.arrayContaining(['Narendra Modi', 'Tokyo']));
  });
});

describe('ner: labels, features, model file', () => {
  it('refines CoNLL types with the lexicon', () => {
    const lex = loadNerModel().lexicon;
    expect(refineLabel('LOC', ['france'], lex)).toBe('GPE');
    expect(refineLabel('LOC', ['middle', 'east'], lex)).toBe('LOC');
    expect(refineLabel('LOC', ['yellow', 'river'], lex)).toBe('LOC');
    expect(refineLabel('MISC', ['ukrainian'], lex)).toBe('NORP');
    expect(refineLabel('MISC', ['world', 'cup'], lex)).toBe('MISC');
    expect(refineLabel('ORG', ['republicans'], lex)).toBe('NORP');
    expect(refineLabel('PER', ['ann', 'smith'], lex)).toBe('PER');
  });

  it('computes word shapes', () => {
    expect(shape('McDonald')).toBe('XxXx');
    expect(shape('1996-08-22')).toBe('d-d-d');
    expect(shape('U.S.')).toBe('X.X.');
  });

  it('describes table rows and other mentions of a word', () => {
    const { tokens, sentences } = tokenize('Leeds beat Chelsea on Sunday.\nLeeds 2 Chelsea 1');
    const f = staticFeatures(tokens, sentences, { clusters: new Map(), gazetteer: new Gazetteer() });
    const row = tokens.findIndex((t, i) => t.text === 'Chelsea' && t.sentence === 1 && i > 0);
    // the row "Leeds 2 Chelsea 1": template CdCd, second capitalised run, single token
    expect(f[row]).toContain('lt=CdCd#1U');
    // the prose mention of Chelsea learns that the word also sits in a table row, after "beat" elsewhere
    const prose = tokens.findIndex((t) => t.text === 'Chelsea');
    expect(f[prose]).toEqual(expect.arrayContaining(['ag=N', 'ag=<2']));
    expect(f[row]).toEqual(expect.arrayContaining(['ag=<beat', 'ag=>on']));
  });

  it('round-trips a model through the binary format, byte for byte', () => {
    const names = ['O', 'B-PER', 'I-PER', 'L-PER', 'U-PER'];
    const K = names.length;
    const m = {
      header: {
        version: 1 as const,
        types: ['PER'],
        names,
        features: ['b=', 'w=Anna', 'l=anna'],
        s2features: ['s1=U-PER'],
        scales: { W1: 1, T1: 1, W2: 1, T2: 1 },
        clusters: [['Anna', '0101']] as [string, string][],
        gazetteer: { first: ['anna'] },
        lexicon: { gpe: ['oslo'] },
        meta: {},
      },
      W1: Float32Array.from({ length: 3 * K }, (_, i) => (i % 7) - 3),
      T1: Float32Array.from({ length: (K + 1) * K }, (_, i) => (i % 5) - 2),
      W2: Float32Array.from({ length: 4 * K }, (_, i) => (i % 3) - 1),
      T2: Float32Array.from({ length: (K + 1) * K }, (_, i) => (i % 4) - 2),
    };
    const bytes = serializeModel(m);
    const back = deserializeModel(bytes);
    expect(back.header.features).toEqual(m.header.features);
    expect(back.header.gazetteer).toEqual(m.header.gazetteer);
    expect(Array.from(back.W1).map((x) => Math.round(x))).toEqual(Array.from(m.W1));
    expect(Array.from(back.T2).map((x) => Math.round(x))).toEqual(Array.from(m.T2));
    expect(serializeModel(back).equals(bytes)).toBe(true);
  });

  it('loads the trained model quickly', () => {
    const t0 = performance.now();
    const t = new NerTagger(readQuantizedModel(readFileSync(DEFAULT_NER_MODEL)));
    const ms = performance.now() - t0;
    expect(t.nFeatures).toBeGreaterThan(10000);
    expect(ms).toBeLessThan(5000); // about 0.4 s on an idle machine; generous for busy CI
  });

  it('reads CoNLL columns into raw text and gold spans', () => {
    const src = ['-DOCSTART- -X- -X- O', '', 'Anna NNP B-NP B-PER', 'Berg NNP I-NP I-PER', 'visited VBD B-VP O', 'Oslo NNP B-NP B-LOC', '. . O O', ''].join('\n');
    const [d] = parseConll(src);
    expect(d.text).toBe('Anna Berg visited Oslo .');
    expect(d.gold).toEqual([
      { start: 0, end: 9, type: 'PER' },
      { start: 18, end: 22, type: 'LOC' },
    ]);
    const t = tokenizeConllDoc(d);
    const { type, begin } = projectGold(t);
    expect([...type]).toEqual([0, 0, -1, 2, -1]);
    expect([...begin]).toEqual([1, 0, 0, 1, 0]);
  });

  it('scores exact spans conlleval-style', () => {
    const s = new SpanScorer();
    s.add(
      [
        { start: 0, end: 4, type: 'PER' },
        { start: 10, end: 14, type: 'LOC' },
      ],
      [
        { start: 0, end: 4, type: 'PER' },
        { start: 10, end: 14, type: 'ORG' },
      ],
    );
    const r = s.result();
    expect(r.micro.tp).toBe(1);
    expect(r.micro.fp).toBe(1);
    expect(r.micro.fn).toBe(1);
    expect(r.labels.PER.f1).toBe(1);
  });
});
