import { describe, expect, it } from 'vitest';
import type { Quantity } from '../../src/doc.js';
import { extractQuantities, quantitiesComponent } from '../../src/quotes/quantities.js';
import { actor, makeDoc } from './helpers.js';

function find(qs: Quantity[], needle: string): Quantity {
  const q = qs.find((x) => x.text.includes(needle));
  if (!q) throw new Error(`no quantity containing "${needle}" in ${JSON.stringify(qs.map((x) => x.text))}`);
  return q;
}

describe('extractQuantities', () => {
  it('reads an attributed range with its unit and source', () => {
    const doc = makeDoc('Ukrainian officials have assessed that Russia moved 20,000 to 30,000 troops to the northern border.', [
      { text: 'Ukrainian', label: 'NORP', actor: actor('UKR', 'UKR', null, 'Ukraine') },
      { text: 'Russia', label: 'GPE', actor: actor('RUS', 'RUS', null, 'Russia') },
    ]);
    const qs = extractQuantities(doc);
    expect(qs).toHaveLength(1);
    const q = qs[0];
    expect(q.text).toBe('20,000 to 30,000 troops');
    expect(q.min).toBe(20000);
    expect(q.max).toBe(30000);
    expect(q.value).toBeUndefined();
    expect(q.unit).toBe('troops');
    expect(q.attribution?.source?.text).toBe('Ukrainian officials');
    expect(q.attribution?.source?.country).toBe('UKR');
    expect(q.attribution?.source?.code).toBe('UKRGOV');
    expect(q.attribution?.cue.text).toBe('have assessed');
    expect(q.sentence).toBe(0);
  });

  it('reads digits, words, money, percentages and vague amounts', () => {
    const doc = makeDoc(
      'The fund pledged $2 billion and 1.5 billion euros. Turnout fell to 41 percent. Some 11,000 soldiers and two million people were affected. ' +
        'A dozen tanks and hundreds of volunteers arrived, as many as 3,000 refugees crossed, and more than 500 houses burned. Between 5 and 10 boats sank; 12-15 drones were shot down.',
    );
    const qs = extractQuantities(doc);
    expect(find(qs, '$2 billion')).toMatchObject({ value: 2e9, unit: 'USD', approximate: false });
    expect(find(qs, '1.5 billion')).toMatchObject({ value: 1.5e9, unit: 'EUR' });
    expect(find(qs, '41')).toMatchObject({ value: 41, unit: 'percent' });
    expect(find(qs, '11,000')).toMatchObject({ value: 11000, unit: 'soldiers', approximate: true });
    expect(find(qs, 'two million')).toMatchObject({ value: 2e6, unit: 'people' });
    expect(find(qs, 'dozen')).toMatchObject({ value: 12, unit: 'tanks' });
    const h = find(qs, 'hundreds');
    expect(h).toMatchObject({ min: 200, unit: 'volunteers', approximate: true });
    expect(find(qs, '3,000')).toMatchObject({ max: 3000, unit: 'refugees', approximate: true });
    const m = find(qs, '500');
    expect(m).toMatchObject({ min: 500, unit: 'houses' });
    expect(m.max).toBeUndefined();
    expect(find(qs, 'Between 5 and 10')).toMatchObject({ min: 5, max: 10, unit: 'boats' });
    expect(find(qs, '12-15')).toMatchObject({ min: 12, max: 15, unit: 'drones' });
  });

  it('skips years, dates, times, ordinals, ages, identifiers and timex spans', () => {
    const doc = makeDoc(
      'At 7:45 a.m. on March 15, 2011, the 81-year-old pilot of Flight 17 finished 2nd in 1999. On the fourth day 300 people gathered in the square for the rally of 12 June.',
      [],
      [{ text: '12 June', value: 'XXXX-06-12' }],
    );
    const qs = extractQuantities(doc);
    expect(qs.map((q) => q.text)).toEqual(['300 people']);
    expect(qs[0].attribution).toBeNull();
  });

  it('is a pipeline component with declared layers', () => {
    expect(quantitiesComponent.name).toBe('quantities');
    expect(quantitiesComponent.requires).toEqual(['tokens', 'sentences', 'entities', 'timexes', 'quotes', 'events']);
    expect(quantitiesComponent.assigns).toEqual(['quantities']);
    const out = quantitiesComponent.run(makeDoc('The ministry said 40 soldiers were wounded.'));
    expect(out.quantities?.[0]).toMatchObject({ value: 40, unit: 'soldiers' });
    expect(out.quantities?.[0].attribution?.source?.text).toBe('The ministry');
    expect(out.quantities?.[0].attribution?.cue.text).toBe('said');
    expect(out.quantities?.[0].event).toBeNull();
  });
});
