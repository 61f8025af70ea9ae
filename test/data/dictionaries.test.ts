import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  actorCodeOn,
  loadActors,
  loadAgents,
  loadValidationDictionaries,
  loadVerbs,
  phrasalVerbsByHead,
  verbFormIndex,
  type VerbPattern,
  type VerbsData,
  type VerbsFile,
} from '../../src/data/dictionaries.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = resolve(ROOT, process.env.SITREP_SHARED ?? '../shared');
const SHARED_DATA = existsSync(join(SHARED, 'data', 'cameo_resources')) ? join(SHARED, 'data') : SHARED;
const CAMEO_SRC = join(SHARED_DATA, 'cameo_resources', 'petrarch2_dictionaries', 'CAMEO.2.0.txt');
const VALIDATE_VERBS_SRC = join(SHARED_DATA, 'petrarch2_validation', 'PETR.Validate.verbs.txt');

/** Pattern lines counted straight from a source file: lines `- ... * ... [code]` (not `---` headers). */
function grepPatternCount(file: string): number {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => /^-(?!--)/.test(l) && l.includes('*') && /\[[^\]]*\]/.test(l.split('#')[0])).length;
}

/** Distinct source patterns held by the verbs map (patterns are shared by all verbs of a block). */
function distinctPatterns(v: VerbsData): Map<number, VerbPattern> {
  const m = new Map<number, VerbPattern>();
  for (const e of Object.values(v.verbs)) for (const p of e.patterns) m.set(p.line, p);
  return m;
}

describe('verbs.json', () => {
  const v = loadVerbs();

  it('is cached (same object on each call)', () => {
    expect(loadVerbs()).toBe(v);
  });

  it('has the CAMEO.2.0 blocks, verbs and synsets', () => {
    expect(v.meta.blocks).toBe(397);
    expect(Object.keys(v.verbs).length).toBeGreaterThan(1500);
    expect(v.synsets['&MILITARY']).toEqual(expect.arrayContaining(['troops', 'soldiers', 'armed forces']));
    // label ending in '_' -> no plurals generated
    expect(v.synsets['&AUXVERB1']).toEqual(['was', 'were', 'been']);
    expect(v.synsets['&CURRENCY']).toEqual(expect.arrayContaining(['dollar', 'dollars', 'cash']));
    expect(v.synsets['&CURRENCY']).not.toContain('cashs');
    expect(v.transformations.length).toBe(8);
  });

  it('pattern count is within 10% of the count grepped from the source (4,668 in CAMEO.2.0.txt)', () => {
    const held = distinctPatterns(v).size;
    expect(v.meta.patterns).toBe(held);
    expect(Math.abs(held - 4668) / 4668).toBeLessThan(0.1);
    if (existsSync(CAMEO_SRC)) {
      const grepped = grepPatternCount(CAMEO_SRC);
      expect(Math.abs(held - grepped) / grepped).toBeLessThan(0.1);
    }
  });

  it('"meet" has irregular forms and 04x patterns', () => {
    const meet = v.verbs.meet;
    expect(meet).toBeDefined();
    expect(meet.forms).toEqual(expect.arrayContaining(['meet', 'met', 'meets', 'meeting']));
    expect(meet.block).toBe('MEET_PEOPLE');
    expect(meet.code).toBe('040');
    expect(meet.patterns.some((p) => p.code.startsWith('04'))).toBe(true);
    const tel = meet.patterns.find((p) => p.raw.startsWith('- * (BY TELEPHONE)'));
    expect(tel).toMatchObject({ code: '041', passive: '041', pre: [], post: ['(', 'by', 'telephone', ')'] });
    expect(verbFormIndex(v).get('met')).toContain('meet');
  });

  it('"deploy" and "send" share the SEND block patterns (troops -> 0332 / 062 / 072)', () => {
    for (const lemma of ['deploy', 'send']) {
      const e = v.verbs[lemma];
      expect(e.block).toBe('SEND');
      expect(e.code).toBeNull();
      expect(e.patterns.length).toBeGreaterThan(20);
      expect(e.patterns.some((p) => p.post.includes('&MILITARY') && p.code === '062')).toBe(true);
    }
    expect(v.verbs.send.forms).toContain('sent');
    expect(v.verbs.deploy.forms).toEqual(['deploy', 'deploys', 'deployed', 'deploying']);
  });

  it('"vow" and "pledge" carry the 03x / 05x codes of the file', () => {
    const vow = v.verbs.vow.patterns.map((p) => p.code);
    expect(vow).toEqual(expect.arrayContaining(['034', '051', '138']));
    expect(v.verbs.vow.code).toBeNull();
    const pledge = v.verbs.pledge;
    expect(pledge.code).toBe('030');
    expect(pledge.patterns.filter((p) => p.code.startsWith('03')).length).toBeGreaterThan(5);
    expect(pledge.patterns.find((p) => p.raw.startsWith('- * &CURRENCY'))?.code).toBe('0331');
  });

  it('keeps pattern symbols: $ source, + target, ^ skip, % compound, synsets, phrases', () => {
    const all = [...distinctPatterns(v).values()];
    const tokens = new Set(all.flatMap((p) => [...p.pre, ...p.post]));
    for (const sym of ['$', '+', '^', '%', '(', ')', '{', '}', '&MILITARY', '&CURRENCY']) expect(tokens.has(sym)).toBe(true);
    // every token is either a symbol, a synset reference or a lower-case word
    for (const t of tokens) expect(t === t.toLowerCase() || t.startsWith('&')).toBe(true);
    // passive-only codes [:173]
    expect(all.some((p) => p.code === '---' && p.passive === '173')).toBe(true);
  });

  it('stores each block\'s patterns once on disk and expands them per verb (block, then alsoIn blocks)', () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'data', 'verbs.json'), 'utf8')) as VerbsFile;
    expect(Object.keys(file.blocks).length).toBe(v.meta.blocks);
    expect(Object.values(file.blocks).reduce((n, b) => n + b.patterns.length, 0)).toBe(v.meta.patterns);
    expect(Object.values(file.verbs).every((e) => !('patterns' in e))).toBe(true);
    expect(file.blocks.MEET_PEOPLE.code).toBe('040');
    // "abandon" is listed under EVACUATE first, then in its own block
    const ab = v.verbs.abandon;
    expect(ab).toMatchObject({ block: 'EVACUATE', alsoIn: ['ABANDON'] });
    expect(ab.patterns.map((p) => p.line)).toEqual([...file.blocks.EVACUATE.patterns, ...file.blocks.ABANDON.patterns].map((p) => p.line));
    // verbs of a block share the pattern objects, not the arrays
    expect(v.verbs.send.patterns[0]).toBe(v.verbs.deploy.patterns[0]);
    expect(v.verbs.send.patterns).not.toBe(v.verbs.deploy.patterns);
  });

  it('multi-word verbs are keyed by phrase with their head word', () => {
    expect(v.verbs['call off']).toMatchObject({ head: 'call', code: '160', block: 'CANCEL' });
    expect(v.verbs['call off'].forms).toEqual(expect.arrayContaining(['called off', 'calling off']));
    expect(v.verbs['meet with'].forms).toContain('met with');
    expect(phrasalVerbsByHead(v).get('call')).toContain('call off');
  });
});

describe('agents.json', () => {
  const { agents } = loadAgents();
  const byPhrase = new Map(agents.map((a) => [a.phrase, a]));

  it('has the core agents with tilde semantics', () => {
    expect(byPhrase.get('soldiers')).toMatchObject({ code: 'MIL', position: 'suffix' });
    expect(byPhrase.get('soldier')?.code).toBe('MIL');
    expect(byPhrase.get('troops')?.code).toBe('MIL');
    expect(byPhrase.get('president')?.code).toBe('GOV');
    expect(byPhrase.get('dictator')?.code).toBe('GOV');
    // the 2015 dictionary codes "state media" as government media
    expect(byPhrase.get('state media')?.code).toBe('GOVMED');
    expect(byPhrase.get('state media')?.code).toContain('MED');
  });

  it('expands !PERSON! / !MINIST! substitution sets, plurals and stems', () => {
    expect(byPhrase.get('congressmen')?.code).toBe('LEG');
    expect(byPhrase.get('policemen')?.code).toBe('COP');
    expect(byPhrase.get('minister of foreign affairs')?.code).toBe('GOV');
    expect(byPhrase.get('defense ministry')?.code).toBe('GOVMIL'); // from the stem DEFENSE_MINIST
    expect(byPhrase.has('deparment of environment')).toBe(true); // source line closes with '}'
    for (const a of agents) expect(a.phrase).toBe(a.phrase.toLowerCase());
  });

  it('knows prefix agents (NGO~ style) and merges the supplement', () => {
    expect(agents.some((a) => a.position === 'prefix')).toBe(true);
    expect(byPhrase.get('officials')).toMatchObject({ code: 'GOV', supplement: true });
    expect(byPhrase.get('state television')).toMatchObject({ code: 'GOVMED', supplement: true });
    expect(agents.filter((a) => a.supplement).length).toBeLessThan(30);
  });
});

describe('actors.json', () => {
  const { actors } = loadActors();

  it('is large and lower-cased', () => {
    expect(actors.length).toBeGreaterThan(20000);
    expect(actors.every((a) => a.names.length > 0 && a.codes.length > 0)).toBe(true);
  });

  it('has Vladimir Putin with dated RUSGOV codes', () => {
    const putin = actors.find((a) => a.names.includes('vladimir putin'));
    expect(putin).toBeDefined();
    const rusgov = putin!.codes.filter((c) => c.code === 'RUSGOV');
    expect(rusgov.length).toBeGreaterThan(0);
    expect(rusgov.some((c) => c.from !== null && /^\d{4}-\d{2}-\d{2}$/.test(c.from))).toBe(true);
    expect(putin!.codes).toContainEqual({ code: 'RUSGOV', from: '2008-05-08', to: null });
    expect(actorCodeOn(putin!, '2015-06-01')).toBe('RUSGOV');
    expect(actorCodeOn(putin!, '1990-01-01')).toBe('RUSELI');
  });

  it('parses YYMMDD and YYYYMMDD dates, and country entries', () => {
    const all = actors.flatMap((a) => a.codes);
    const bad = all.filter((c) => [c.from, c.to].some((d) => d !== null && !/^\d{4}-\d{2}-\d{2}$/.test(d)));
    expect(bad).toEqual([]);
    expect(all.some((c) => c.from !== null && c.from < '2000-01-01')).toBe(true);
    const brezhnev = actors.find((a) => a.names.includes('leonid brezhnev'));
    expect(brezhnev?.names).toContain('leonid ilyich brezhnev'); // code-less primary lines merged
    expect(brezhnev?.codes[0]).toEqual({ code: 'RUSELI', from: '1924-01-01', to: '1964-10-14' });
    const afg = actors.find((a) => a.names[0] === 'afghanistan');
    expect(afg?.codes).toEqual([{ code: 'AFG', from: null, to: null }]);
    expect(afg?.names).toContain('kabul');
  });
});

describe('PETRARCH2 validation dictionaries', () => {
  const val = loadValidationDictionaries();

  it('reads the validation verbs (TABARI-style `_` connectors, nested synsets, odd codes)', () => {
    expect(val.verbs.verbs.abandon.code).toBe('345');
    expect(val.verbs.synsets['&ACCORDSYN']).toEqual(expect.arrayContaining(['military', 'closer', 'dollars']));
    const clash = val.verbs.verbs.clash.patterns.find((p) => p.code === '906');
    expect(clash?.pre).toEqual(['unexpectedly', '&NEGATVAUXVRB']);
    const abandon = val.verbs.verbs.abandon.patterns.find((p) => p.code === '903');
    expect(abandon?.post).toEqual(['new', '&TIETYPES', 'relations']);
    expect(val.verbs.verbs['break down']).toMatchObject({ head: 'break', code: '1717' });
    // two blocks named SHOT: the second is keyed SHOT#2 on disk; "shot" keeps the first block's patterns
    expect(val.verbs.verbs.shot).toMatchObject({ block: 'SHOT', code: '223' });
    expect(val.verbs.verbs.shot.patterns.map((p) => p.code)).toEqual(['223']);
    expect(val.verbs.verbs['rst']).toBeUndefined();
    expect(val.verbs.verbs['klm nop rst']).toMatchObject({ head: 'rst', code: '002' });
    if (existsSync(VALIDATE_VERBS_SRC)) {
      const grepped = grepPatternCount(VALIDATE_VERBS_SRC);
      expect(Math.abs(val.verbs.meta.patterns - grepped) / grepped).toBeLessThan(0.1);
    }
  });

  it('reads the validation actors and agents', () => {
    const gollum = val.actors.actors.find((a) => a.names.includes('gollum'));
    expect(gollum?.names).toEqual(['gollum', 'smeagol', 'slinker', 'stinker']);
    expect(gollum?.codes).toEqual([
      { code: 'HOB', from: null, to: '1995-06-01' },
      { code: 'HOBGOV', from: '1995-06-01', to: '1999-08-15' },
      { code: 'HOBREB', from: '1999-08-16', to: null },
    ]);
    const ag = new Map(val.agents.agents.map((a) => [a.phrase, a]));
    expect(ag.get('congresswomen')?.code).toBe('LEG');
    expect(ag.get('minstries of silly walks')).toBeUndefined();
    expect(ag.get('ministries of silly walks')?.code).toBe('GOV');
    expect(ag.get('golden geese')?.code).toBe('GGS');
    expect(ag.get('human rights body')).toMatchObject({ code: 'NGO', position: 'prefix' });
    expect(ag.get('police')?.code).toBe('COP');
    expect(ag.has('polices')).toBe(false);
  });
});

describe('missing data', () => {
  it('throws SitrepError data_missing when a file is absent', async () => {
    vi.resetModules();
    vi.doMock('node:fs', async (orig) => {
      const fs = await orig<typeof import('node:fs')>();
      return {
        ...fs,
        readFileSync: () => {
          throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
        },
      };
    });
    try {
      const mod = await import('../../src/data/dictionaries.js');
      let err: unknown;
      try {
        mod.loadVerbs();
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ name: 'SitrepError', code: 'data_missing', message: 'data/verbs.json is missing: run npm run build:data' });
    } finally {
      vi.doUnmock('node:fs');
      vi.resetModules();
    }
  });
});
