/** Actor resolution with dated dictionary codes and titled persons (a small dictionary written for these tests). */
import { describe, expect, it } from 'vitest';
import { buildActorLexicon } from '../../src/entities/lexicon.js';
import { makeActorsComponent } from '../../src/entities/actors.js';
import { textComponent } from '../../src/components.js';
import { nerComponent } from '../../src/entities/ner/index.js';
import { runPipeline } from '../../src/pipeline.js';
import { loadAgents } from '../../src/data/dictionaries.js';

const meta = { source: 'test', license: 'MIT', entries: 3 };
const lex = buildActorLexicon({
  countries: [],
  places: [],
  leaders: [],
  institutions: false,
  singleWordActors: true,
  agents: loadAgents(),
  actors: {
    meta,
    actors: [
      // undated default first, then a dated office: the dated code wins inside its dates
      { names: ['varnholt'], codes: [{ code: 'QQA', from: null, to: null }, { code: 'QQAGOV', from: '2010-01-01', to: '2014-12-31' }] },
      // only dated codes, all run out by 2020
      { names: ['orlenko vasquez'], codes: [{ code: 'QQBGOV', from: '2001-01-01', to: '2009-06-30' }] },
      { names: ['dunmark'], codes: [{ code: 'QQC', from: null, to: null }] },
      { names: ['elsbeth tarrow'], codes: [{ code: 'QQC', from: null, to: null }] },
      { names: ['the zarvian kingdom'], codes: [{ code: 'QQD', from: null, to: null }] },
    ],
  },
});
const pipeline = [textComponent, nerComponent, makeActorsComponent(() => lex)];
const mentions = (text: string, published: string) =>
  runPipeline({ id: 'x', title: null, published, url: null, source: null, text }, pipeline).mentions.filter((m) => m.code).map((m) => m.code);

describe('dated dictionary actors', () => {
  it('prefers a dated code valid on the DCT over the undated default', () => {
    expect(mentions('Varnholt spoke on Monday.', '2012-05-01')).toContain('QQAGOV');
    expect(mentions('Varnholt spoke on Monday.', '2018-05-01')).toContain('QQA');
    expect(mentions('Varnholt spoke on Monday.', '2018-05-01')).not.toContain('QQAGOV');
  });

  it('codes a person whose dated codes have all run out as the country elite (ELI)', () => {
    expect(mentions('Orlenko Vasquez spoke on Monday.', '2020-01-01')).toContain('QQBELI');
    expect(mentions('Orlenko Vasquez spoke on Monday.', '2005-01-01')).toContain('QQBGOV');
  });

  it("gives a titled person coded by a bare country the title's sector", () => {
    expect(mentions('Dunmark Prime Minister Elsbeth Tarrow spoke on Monday.', '2020-01-01')).toContain('QQCGOV');
  });

  it('indexes a dictionary name without its leading article', () => {
    expect(mentions('The Zarvian Kingdom spoke on Monday.', '2020-01-01')).toContain('QQD');
  });
});
