/** Actor rules for roles: former office holders, possessor + title + name, titles over a domain (a small dictionary written for these tests). */
import { describe, expect, it } from 'vitest';
import { buildActorLexicon } from '../../src/entities/lexicon.js';
import { makeActorsComponent } from '../../src/entities/actors.js';
import { textComponent } from '../../src/components.js';
import { nerComponent } from '../../src/entities/ner/index.js';
import { runPipeline } from '../../src/pipeline.js';
import { loadAgents } from '../../src/data/dictionaries.js';

const lex = buildActorLexicon({
  countries: [],
  places: [],
  leaders: [],
  institutions: false,
  singleWordActors: true,
  // an office whose name ends in a word the tagger reads as a verb ("Works")
  agents: { ...loadAgents(), agents: [...loadAgents().agents, { code: 'GOV', phrase: 'board of public works', position: 'suffix' }] },
  actors: {
    meta: { source: 'test', license: 'MIT', entries: 5 },
    actors: [
      { names: ['dunmark'], codes: [{ code: 'QQC', from: null, to: null }] },
      { names: ['velmora'], codes: [{ code: 'QQV', from: null, to: null }] },
      // a person the dictionary files under another country than the one whose title they hold
      { names: ['osric', 'osric talmadge'], codes: [{ code: 'QQV', from: null, to: null }] },
      { names: ['duke of harrowgate'], codes: [{ code: 'QQH', from: null, to: null }] },
      { names: ['brannoch'], codes: [{ code: 'QQB', from: null, to: null }] },
    ],
  },
});
const pipeline = [textComponent, nerComponent, makeActorsComponent(() => lex)];
const mentions = (text: string) =>
  runPipeline({ id: 'x', title: null, published: '2020-01-01', url: null, source: null, text }, pipeline).mentions.filter((m) => m.code).map((m) => m.code);

describe('actor roles', () => {
  it('codes a former office holder as the country elite (ELI), not its government', () => {
    expect(mentions('Former Dunmark officials met on Monday.')).toContain('QQCELI');
    expect(mentions('Dunmark former prosecutors met on Monday.')).toContain('QQCELI');
    expect(mentions('Dunmark prosecutors met on Monday.')).toContain('QQCJUD');
    expect(mentions('Dunmark prosecutors met on Monday.')).not.toContain('QQCELI');
  });

  it("gives a titled name the possessor's country ('X's (new) minister Name')", () => {
    expect(mentions("Dunmark's minister Osric Talmadge spoke on Monday.")).toContain('QQCGOV');
    expect(mentions("Dunmark's new and popular minister Osric Talmadge spoke on Monday.")).toContain('QQCGOV');
    // without the possessor the person's own entry decides
    expect(mentions('Minister Osric Talmadge spoke on Monday.')).not.toContain('QQCGOV');
  });

  it("indexes a dictionary name that is a title over a domain ('duke of X')", () => {
    expect(mentions('The Duke of Harrowgate spoke on Monday.')).toContain('QQH');
  });

  it('drops a sentence-initial modifier the recognizer took into a dictionary name', () => {
    const ms = runPipeline({ id: 'x', title: null, published: '2020-01-01', url: null, source: null, text: 'Tiny Brannoch, the wealthy Dunmark and Velmora met on Monday.' }, pipeline).mentions;
    expect(ms.filter((m) => m.code).map((m) => m.code)).toContain('QQB');
  });

  it('reads a capitalised name word as part of an agent phrase whatever its tag', () => {
    expect(mentions('The Dunmark Board of Public Works spoke on Monday.')).toContain('QQCGOV');
  });
});
