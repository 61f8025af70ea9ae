import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/doc.js';
import { extractQuotes, findAttribution, quotesComponent } from '../../src/quotes/attribution.js';
import { checkWiring } from '../../src/pipeline.js';
import { actor, makeDoc } from './helpers.js';

const RUSGOV = actor('RUSGOV', 'RUS', 'GOV', 'Dmitry Peskov');
const UKRGOV = actor('UKRGOV', 'UKR', 'GOV', 'Ministry of Defence of Ukraine');
const UKR = actor('UKR', 'UKR', null, 'Ukraine');

function find(quotes: Quote[], needle: string): Quote {
  const q = quotes.find((x) => x.text.includes(needle));
  if (!q) throw new Error(`no quote containing "${needle}" in ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
}

describe('extractQuotes: indirect speech', () => {
  const text = [
    'Kremlin spokesman Dmitry Peskov said on Tuesday that Moscow would keep its garrison in the port town.',
    '“We will not pull back a single unit,” Peskov told reporters. “The matter is closed.”',
    'According to the Ukrainian defence ministry, the shelling of the bridge continued overnight.',
    'The ministry added that the repair crews had been evacuated.',
  ].join('\n\n');
  const doc = makeDoc(text, [
    { text: 'Dmitry Peskov', label: 'PER', actor: RUSGOV },
    { text: 'Moscow', label: 'GPE', actor: actor('RUS', 'RUS', null, 'Russia') },
    { text: 'Peskov', label: 'PER', actor: RUSGOV, nth: 1 },
    { text: 'Ukrainian defence ministry', label: 'ORG', actor: UKRGOV },
  ]);
  const quotes = extractQuotes(doc);

  it('finds "X said on Tuesday that ..." with speaker, code and cue', () => {
    const q = find(quotes, 'garrison');
    expect(q.text).toBe('Moscow would keep its garrison in the port town');
    expect(q.direct).toBe(false);
    expect(q.speaker?.text).toBe('Kremlin spokesman Dmitry Peskov');
    expect(q.speaker?.code).toBe('RUSGOV');
    expect(q.speaker?.country).toBe('RUS');
    expect(q.cue?.text).toBe('said');
    expect(q.sentence).toBe(0);
    expect(q.rule).toMatch(/^quotes:/);
    expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('finds a direct quote with a sentence-final attribution and its continuation', () => {
    const q = find(quotes, 'single unit');
    expect(q.text).toBe('We will not pull back a single unit');
    expect(q.direct).toBe(true);
    expect(q.speaker?.text).toBe('Peskov');
    expect(q.speaker?.code).toBe('RUSGOV');
    expect(q.cue?.text).toBe('told');
    const c = find(quotes, 'The matter is closed');
    expect(c.direct).toBe(true);
    expect(c.speaker?.text).toBe('Peskov');
    expect(c.cue?.start).toBe(q.cue?.start);
  });

  it('finds "according to X, ..." with the source after the cue', () => {
    const q = find(quotes, 'shelling');
    expect(q.text).toBe('the shelling of the bridge continued overnight');
    expect(q.speaker?.text).toBe('the Ukrainian defence ministry');
    expect(q.speaker?.code).toBe('UKRGOV');
    expect(q.cue?.text).toBe('According to');
  });

  it('resolves "the ministry" to the most recent organisation', () => {
    const q = find(quotes, 'repair crews');
    expect(q.text).toBe('the repair crews had been evacuated');
    expect(q.speaker?.text).toBe('The ministry');
    expect(q.speaker?.code).toBe('UKRGOV');
    expect(q.cue?.text).toBe('added');
  });

  it('findAttribution reports who states an event at a span', () => {
    const at = text.indexOf('keep its garrison');
    const a = findAttribution(doc, 0, { start: at, end: at + 4 });
    expect(a?.source?.code).toBe('RUSGOV');
    expect(a?.cue.text).toBe('said');
    const none = text.indexOf('Kremlin');
    expect(findAttribution(doc, 0, { start: none, end: none + 7 })).toBeNull();
  });
});

describe('extractQuotes: quotation styles', () => {
  it('handles partial quotes inside a clause', () => {
    const doc = makeDoc('Putin "traded radar data" with Kim at the border crossing.', [
      { text: 'Putin', label: 'PER', actor: actor('RUSGOV', 'RUS', 'GOV', 'Vladimir Putin') },
      { text: 'Kim', label: 'PER', actor: actor('PRKGOV', 'PRK', 'GOV', 'Kim Jong Un') },
    ]);
    const q = find(extractQuotes(doc), 'traded');
    expect(q.text).toBe('traded radar data');
    expect(q.direct).toBe(true);
    expect(q.speaker?.text).toBe('Putin');
    expect(q.speaker?.code).toBe('RUSGOV');
    expect(q.cue?.text).toBe('traded');
  });

  it('handles guillemets and straight quotes after the cue', () => {
    const doc = makeDoc('Lavrov said «the envoys are wasting our time». Then Blinken replied: "Nobody is wasting anything."', [
      { text: 'Lavrov', label: 'PER', actor: actor('RUSGOV', 'RUS', 'GOV', 'Sergey Lavrov') },
      { text: 'Blinken', label: 'PER', actor: actor('USAGOV', 'USA', 'GOV', 'Antony Blinken') },
    ]);
    const qs = extractQuotes(doc);
    const a = find(qs, 'envoys');
    expect(a.text).toBe('the envoys are wasting our time');
    expect(a.direct).toBe(true);
    expect(a.speaker?.code).toBe('RUSGOV');
    const b = find(qs, 'Nobody');
    expect(b.text).toBe('Nobody is wasting anything.');
    expect(b.direct).toBe(true);
    expect(b.speaker?.text).toBe('Blinken');
    expect(b.cue?.text).toBe('replied');
  });

  it('handles single quotes in a headline with a colon cue', () => {
    const doc = makeDoc('Zelensky: ‘We are ready for a prisoner swap’\n\nThe talks resume next week.', [
      { text: 'Zelensky', label: 'PER', actor: actor('UKRGOV', 'UKR', 'GOV', 'Volodymyr Zelensky') },
    ]);
    const q = find(extractQuotes(doc), 'prisoner swap');
    expect(q.text).toBe('We are ready for a prisoner swap');
    expect(q.direct).toBe(true);
    expect(q.speaker?.code).toBe('UKRGOV');
    expect(q.cue?.text).toBe(':');
  });

  it('keeps only the outer quote when quotes are nested', () => {
    const doc = makeDoc('The general said, “The pilots told me ‘hold the line’ and turned back.”', []);
    const qs = extractQuotes(doc);
    expect(qs).toHaveLength(1);
    expect(qs[0].text).toBe('The pilots told me ‘hold the line’ and turned back.');
    expect(qs[0].speaker?.text).toBe('The general');
  });

  it('joins a multi-paragraph quote whose closing mark is omitted at the paragraph end', () => {
    const text = '“The first convoy left at dawn and met no resistance.\n\n“The second one was stopped at the river,” said Colonel Marta Ivanenko.';
    const doc = makeDoc(text, [{ text: 'Marta Ivanenko', label: 'PER', actor: actor('UKRMIL', 'UKR', 'MIL', 'Marta Ivanenko') }]);
    const qs = extractQuotes(doc);
    expect(qs).toHaveLength(1);
    expect(qs[0].direct).toBe(true);
    expect(qs[0].text.startsWith('The first convoy')).toBe(true);
    expect(qs[0].text.endsWith('stopped at the river')).toBe(true);
    expect(qs[0].speaker?.text).toBe('Colonel Marta Ivanenko');
    expect(qs[0].speaker?.code).toBe('UKRMIL');
    expect(qs[0].cue?.text).toBe('said');
    expect(qs[0].sentence).toBe(0);
  });

  it('gives a bare quote no speaker and no cue', () => {
    const doc = makeDoc('The harbour was quiet on Sunday.\n\n“Nobody sleeps here anymore.”', []);
    const q = find(extractQuotes(doc), 'Nobody sleeps');
    expect(q.speaker).toBeNull();
    expect(q.cue).toBeNull();
    expect(q.direct).toBe(true);
  });

  it('ignores short scare quotes with no cue', () => {
    const doc = makeDoc('The so-called "peace plan" was never published.', []);
    expect(extractQuotes(doc)).toHaveLength(0);
  });
});

describe('extractQuotes: sources', () => {
  it('resolves he/she to the most recent person', () => {
    const doc = makeDoc('Maia Sandu arrived in Brussels on Monday. She said the gas deal would be signed within weeks.', [
      { text: 'Maia Sandu', label: 'PER', actor: actor('MDAGOV', 'MDA', 'GOV', 'Maia Sandu') },
      { text: 'Brussels', label: 'GPE', actor: actor('BEL', 'BEL', null, 'Belgium') },
    ]);
    const q = find(extractQuotes(doc), 'gas deal');
    expect(q.text).toBe('the gas deal would be signed within weeks');
    expect(q.speaker?.text).toBe('She');
    expect(q.speaker?.code).toBe('MDAGOV');
  });

  it('takes a sector from the head noun for a demonym source', () => {
    const doc = makeDoc('Ukrainian officials have assessed that the drones were launched from the north.', [
      { text: 'Ukrainian', label: 'NORP', actor: UKR },
    ]);
    const q = find(extractQuotes(doc), 'drones');
    expect(q.text).toBe('the drones were launched from the north');
    expect(q.speaker?.text).toBe('Ukrainian officials');
    expect(q.speaker?.country).toBe('UKR');
    expect(q.speaker?.code).toBe('UKRGOV');
    expect(q.cue?.text).toBe('have assessed');
  });

  it('finds the subject of a ", stating that ..." participle', () => {
    const doc = makeDoc('The border guard service issued a notice on Friday, stating that the crossing would close at noon.', []);
    const q = find(extractQuotes(doc), 'crossing');
    expect(q.text).toBe('the crossing would close at noon');
    expect(q.speaker?.text).toBe('The border guard service');
    expect(q.cue?.text).toBe('stating');
  });

  it('reads "in a statement released by X"', () => {
    const doc = makeDoc('In a statement released by the foreign ministry, Beijing urged both sides to show restraint.', []);
    const q = find(extractQuotes(doc), 'restraint');
    expect(q.text).toBe('Beijing urged both sides to show restraint');
    expect(q.speaker?.text).toBe('the foreign ministry');
    expect(q.cue?.text).toBe('In a statement released by');
  });

  it('leaves the speaker null when there is no source', () => {
    const doc = makeDoc('It is widely expected that the ceasefire will collapse.', []);
    for (const q of extractQuotes(doc)) expect(q.speaker).toBeNull();
  });
});

describe('extractQuotes: source phrases', () => {
  const speakerOf = (text: string, needle: string) => find(extractQuotes(makeDoc(text)), needle).speaker?.text ?? null;

  it('takes pronoun and quantifier subjects, but not an expletive "it"', () => {
    expect(speakerOf('The agency issued a long report. It said the harbour would stay shut until spring.', 'harbour')).toBe('It');
    expect(speakerOf('Many speculated that the mayor might resign before the vote.', 'mayor')).toBe('Many');
    expect(speakerOf('Most of them said they had enjoyed working at the plant.', 'enjoyed')).toBe('Most of them');
    expect(speakerOf('Those surveyed said the council was best placed to fix the roads.', 'council')).toBe('Those surveyed');
    expect(speakerOf('It was reported that the harbour would stay shut until spring.', 'harbour')).toBeNull();
  });

  it('gives "X is expected to ..." no source (the one who expects is unstated), but "X is determined to ..." its subject', () => {
    for (const q of extractQuotes(makeDoc('The finance minister is expected to attend the summit in Oslo.'))) expect(q.speaker).toBeNull();
    expect(speakerOf('The finance minister is determined to cut the deficit this year.', 'deficit')).toBe('The finance minister');
  });

  it('skips discourse adverbs and "since" between the source and the cue', () => {
    expect(speakerOf('Miller however said he would sign the trade deal.', 'trade deal')).toBe('Miller');
    expect(speakerOf('Jones, though, said she would back the governor.', 'governor')).toBe('Jones');
    expect(speakerOf('She has since said that she attended the dinner.', 'dinner')).toBe('She');
  });

  it('finds the subject of a catenative cue ("are more likely to say", "has to remind")', () => {
    expect(speakerOf('Rural voters are slightly more likely to say that the senator represents them.', 'represents')).toBe('Rural voters');
  });

  it('looks past a cue inside a relative clause for the subject', () => {
    expect(speakerOf('Mr. Alder, whose narrow loss was widely seen as a setback, said that he would run again.', 'run again')).toBe('Mr. Alder');
  });

  it('joins a false sentence break after an abbreviation in parentheses', () => {
    const quotes = extractQuotes(makeDoc('Sen. Anna Reyes (D-Vt.) said she will publish her tax records soon.'));
    expect(find(quotes, 'tax records').speaker?.text).toBe('Sen. Anna Reyes (D-Vt.)');
  });

  it('finds the subject before an appositive or modifier clause of several commas', () => {
    expect(speakerOf('Sen. Ella Grand, facing a tough race in Ohio, a swing state, said she would back the bill.', 'back the bill')).toBe('Sen. Ella Grand');
    expect(speakerOf('Tamsin, herself up for reelection in 2028, said she voted against the levy.', 'levy')).toBe('Tamsin');
    expect(speakerOf('Even Okafor, a loyal ally of the mayor, said the budget was too large.', 'budget')).toBe('Okafor, a loyal ally of the mayor');
  });

  it('keeps the subject NP over an inner preposition, a quoted title and a first name read as a verb', () => {
    expect(speakerOf('Four weekly papers in Vermont, including the Valley Herald, said the mayor should resign.', 'mayor should')).toBe('Four weekly papers in Vermont, including the Valley Herald');
    expect(speakerOf('Rosa Pell, host of the radio show “Good Morning,” suggested the tax was unfair.', 'tax was')).toBe('Rosa Pell, host of the radio show “Good Morning');
    expect(speakerOf('Grant Holm, a farm lobbyist, said the drought would last.', 'drought')).toBe('Grant Holm, a farm lobbyist');
  });

  it('finds the subject of "..., but said" after an introductory phrase ending in a quoted title', () => {
    const text = 'Speaking on the show “Face the Day,” Ortiz admitted that the figure was wrong, but said his staff had checked it.';
    expect(speakerOf(text, 'staff had checked')).toBe('Ortiz');
  });

  it('gives a coordinated cue the subject of the nearest verb phrase, not of the sentence', () => {
    expect(speakerOf('Voters were angry when Ortega raised taxes and promised that schools would improve.', 'schools')).toBe('Ortega');
  });

  it('reads a title before a name in a sentence-final attribution with a recipient', () => {
    const quotes = extractQuotes(makeDoc('“She is a mother of three boys,” another friend, Mira Ezz, told CNN. “She gave lectures every week.”'));
    expect(find(quotes, 'mother of three').speaker?.text).toBe('another friend, Mira Ezz');
    expect(find(quotes, 'lectures').speaker?.text).toBe('another friend, Mira Ezz');
  });

  it('reads a sentence-initial inverted cue ("Said X, ...", "Stated X: ...")', () => {
    const q = find(extractQuotes(makeDoc('Said Mara Quist, who grew up on the farm, “It was a hard life.”')), 'hard life');
    expect(q.speaker?.text).toBe('Mara Quist');
    expect(q.text).toBe('It was a hard life.');
    expect(speakerOf('Stated Voss: “We will not sell the land.”', 'sell the land')).toBe('Voss');
  });

  it('does not take "speaking on condition of anonymity" as the cue', () => {
    const q = find(extractQuotes(makeDoc('One former aide, speaking on condition of anonymity, said the plan had been dropped.')), 'plan had been');
    expect(q.cue?.text).toBe('said');
    expect(q.speaker?.text).toBe('One former aide');
  });

  it('needs a clausal complement for a belief verb in -ing, as for its finite form', () => {
    const quotes = extractQuotes(makeDoc('The senator left the hall early, knowing the result of the vote.'));
    expect(quotes.some((q) => q.cue?.text === 'knowing')).toBe(false);
    expect(speakerOf('The senator left the hall early, knowing that the vote was lost.', 'vote was lost')).toBe('The senator');
  });

  it('gives "X issued a statement saying ..." to X, not to the statement', () => {
    expect(speakerOf('The union issued a statement Tuesday saying the strike would go on.', 'strike')).toBe('The union');
  });

  it('treats any cue verb in -ing after a comma as a participle of the main subject', () => {
    const quotes = extractQuotes(makeDoc('“We wrote two dozen songs,” Kiedis said, mentioning that the album is nearly done.'));
    expect(find(quotes, 'album').speaker?.text).toBe('Kiedis');
  });
});

describe('quotesComponent', () => {
  it('declares its layers and runs', () => {
    expect(quotesComponent.name).toBe('quotes');
    expect(quotesComponent.requires).toEqual(['tokens', 'sentences', 'entities']);
    expect(quotesComponent.assigns).toEqual(['quotes']);
    expect(() => checkWiring([{ name: 'x', requires: [], assigns: ['tokens', 'sentences', 'entities'], run: () => ({}) }, quotesComponent])).not.toThrow();
    const doc = makeDoc('The mayor said the water supply was restored.', []);
    const out = quotesComponent.run(doc);
    expect(out.quotes?.[0].text).toBe('the water supply was restored');
  });
});
