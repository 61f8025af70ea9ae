/** PETRARCH2 pattern syntax in the coder: `_` adjacency, synset phrases, noun-phrase slots (own dictionary and sentences). */
import { describe, expect, it } from 'vitest';
import { buildEventLexicon, patternShape } from '../../src/events/lexicon.js';
import { makeEventsComponent } from '../../src/events/coder.js';
import { loadVerbs } from '../../src/data/dictionaries.js';
import { textComponent, timeComponent } from '../../src/components.js';
import { nerComponent } from '../../src/entities/ner/index.js';
import { actorsComponent } from '../../src/entities/actors.js';
import { quotesComponent } from '../../src/quotes/attribution.js';
import { runPipeline } from '../../src/pipeline.js';

const pattern = (code: string, body: string, pre: string[], post: string[]) => ({ code, pre, post, raw: `- ${body} [${code}]` });
const vd = {
  ...loadVerbs(),
  synsets: { '&MONEY': ['euros', 'swiss francs'] },
  verbs: {
    launch: {
      block: 'LAUNCH',
      code: null,
      forms: ['launch', 'launches', 'launched'],
      patterns: [pattern('190', '* OFFENSIVE', [], ['offensive'])],
    },
    pledge: {
      block: 'PLEDGE',
      code: '030',
      forms: ['pledge', 'pledges', 'pledged'],
      patterns: [
        pattern('071', '* &MONEY', [], ['&MONEY']),
        pattern('057', '* PEACE_DEAL', [], ['peace', 'deal']),
        pattern('043', '* DINNER AT ^ WITH +', [], ['dinner', 'at', '^', 'with', '+']),
        pattern('036', '% *', ['%'], []),
        pattern('162', '* AT ^ +', [], ['at', '^', '+']),
        pattern('051', '* ASSURANCES FROM', [], ['assurances', 'from']),
      ],
    },
  },
} as unknown as ReturnType<typeof loadVerbs>;
const lex = buildEventLexicon(vd, { projectVerbs: false });
const pipeline = [textComponent, nerComponent, actorsComponent, timeComponent, quotesComponent, makeEventsComponent(() => lex)];
const code = (text: string) => {
  const ev = runPipeline({ id: 'x', title: null, published: '2025-03-12', url: null, source: null, text }, pipeline).events;
  return ev.map((e) => `${e.cameo}:${e.recipient.map((r) => r.code).join('+')}` + (process.env.DBG ? e.rule : ''));
};

describe('PETRARCH2 pattern syntax', () => {
  it('re-reads joined words and slots from the dictionary line', () => {
    const lit = (t: string) => !/^[$+^%*]+$/.test(t);
    expect(patternShape('- * PEACE_DEAL [057]', [], ['peace', 'deal'], lit)).toEqual({ preAdj: [], postAdj: [false, true] });
    expect(patternShape('- FAILED_TO_* [111]', ['failed', 'to'], [], lit)).toEqual({ preAdj: [true, true], postAdj: [] });
    expect(patternShape('- + HOSTING * TALKS ^ $ [042]', ['+', 'hosting'], ['talks', '^', '$'], lit).slots).toEqual([
      { kind: '+', side: 'pre', before: 1 },
      { kind: '$', side: 'post', after: 1, skip: 1 },
    ]);
    // a line that does not re-read as its token lists gives nothing
    expect(patternShape('- * PEACE_DEAL [057]', [], ['peace'], lit)).toEqual({});
  });

  it('matches words joined by _ only when adjacent', () => {
    expect(code('Japan pledged a peace deal to Kenya.')).toEqual(['057:KEN']);
    expect(code('Japan pledged peace and a new deal to Kenya.')).toEqual(['030:KEN']);
  });

  it('matches a several-word synset member only as a whole', () => {
    expect(code('Japan pledged ten million swiss francs to Kenya.')).toEqual(['071:KEN']);
    expect(code('Japan pledged swiss support to Kenya.')).toEqual(['030:KEN']);
  });

  it('takes the target from the + slot', () => {
    expect(code('Japan pledged a dinner at the Egypt embassy with Kenya.')).toEqual(['043:KEN']);
  });

  it('applies a compound-actor pattern only to a compound subject', () => {
    expect(code('Japan and Egypt pledged support on Monday.')).toEqual(['036:']);
    expect(code('Japan pledged support to Kenya.')).toEqual(['030:KEN']);
  });

  it("passes over the noun phrase a ^ stands for before the + slot ('* AT ^ +')", () => {
    expect(code("Japan pledged at Egypt's request aid for Kenya.")).toEqual(['162:KEN']);
  });

  it('lets a gap hold a reduced relative with its preposition (issues sent from X)', () => {
    expect(code('Japan pledged assurances on trade issues sent from Kenya.')).toEqual(['051:KEN']);
    // a finite verb in the gap still blocks the pattern
    expect(code('Japan pledged assurances as Egypt sends aid from Kenya.')).not.toContain('051:KEN');
  });

  it("codes a light verb by its own pattern on the object's head over an event noun modifying it", () => {
    expect(code('Japan launched a new bombing and shelling offensive against Kenya.')).toEqual(['190:KEN']);
    // the event noun heads the object: the light-verb reading stays
    expect(code('Japan launched a bombing against Kenya.')).toEqual(['195:KEN']);
  });
});
