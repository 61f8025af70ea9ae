import { describe, expect, it } from 'vitest';
import { find, makeDoc, tx } from './helpers.js';
import { extractTimexes, timeComponent } from '../../src/time/index.js';

// DCT for all tests unless stated: Wednesday 2025-08-13.
describe('explicit dates', () => {
  it('resolves month-day against the DCT', () => {
    const t = find(tx('The ministers met on Aug. 12 in Vienna.'), 'Aug. 12');
    expect(t).toMatchObject({ type: 'DATE', value: '2025-08-12', rule: 'time:month-day', anchor: 'DCT', sentence: 0 });
  });
  it('keeps an explicit year', () => {
    expect(find(tx('The accord was signed on August 12, 2019, in Geneva.'), 'August 12, 2019').value).toBe('2019-08-12');
    expect(find(tx('The accord was signed on 12 August 2019.'), '12 August 2019').value).toBe('2019-08-12');
    expect(find(tx('Filed 2025-08-12 by the clerk.'), '2025-08-12').value).toBe('2025-08-12');
  });
  it('offsets slice the text', () => {
    const text = 'Talks resumed on Aug. 8 after a pause.';
    for (const t of tx(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
  it('splits ranges into two dates', () => {
    const list = tx('The summit will run Aug. 18-20 in Nairobi.');
    expect(find(list, 'Aug. 18').value).toBe('2025-08-18');
    expect(find(list, '20').value).toBe('2025-08-20');
  });
  it('month-year and mid-year', () => {
    expect(find(tx('Elections are due in March 2026.'), 'March 2026').value).toBe('2026-03');
    const m = find(tx('The reform took effect in mid-2024.'), 'mid-2024');
    expect(m.value).toBe('2024');
    expect(m.mod).toBe('MID');
  });
});

describe('months, years and relative periods', () => {
  it('months follow tense', () => {
    expect(find(tx('Protesters gathered in the capital in July.'), 'July').value).toBe('2025-07');
    expect(find(tx('Parliament will vote on the bill in October.'), 'October').value).toBe('2025-10');
    expect(find(tx('The ceasefire collapsed in November.'), 'November').value).toBe('2024-11');
    expect(find(tx('The envoy will return in February.'), 'February').value).toBe('2026-02');
  });
  it('last year / this week / next month', () => {
    expect(find(tx('Inflation rose sharply last year.'), 'last year').value).toBe('2024');
    expect(find(tx('The cabinet meets this week.'), 'this week').value).toBe('2025-W33');
    expect(find(tx('The tariff takes effect next month.'), 'next month').value).toBe('2025-09');
    expect(find(tx('The minister resigned earlier this month.'), 'earlier this month').value).toBe('2025-08');
  });
  it('yesterday, today, now', () => {
    const list = tx('The rebels withdrew yesterday, and the mayor said today that the city is now calm.');
    expect(find(list, 'yesterday').value).toBe('2025-08-12');
    expect(find(list, 'today').value).toBe('2025-08-13');
    expect(find(list, 'now').value).toBe('PRESENT_REF');
  });
  it('recently and in recent years are PAST_REF', () => {
    expect(find(tx('Relations have recently improved.'), 'recently').value).toBe('PAST_REF');
    expect(find(tx('Turnout has fallen in recent years.'), 'recent years').value).toBe('PAST_REF');
  });
  it('years, decades, seasons and quarters', () => {
    expect(find(tx('The treaty dates from 1994.'), '1994').value).toBe('1994');
    expect(find(tx('The border was closed in the 1990s.'), 'the 1990s').value).toBe('199');
    expect(find(tx('Exports fell in the summer of 2024.'), 'the summer of 2024').value).toBe('2024-SU');
    expect(find(tx('Growth slowed in the third quarter of 2024.'), 'the third quarter of 2024').value).toBe('2024-Q3');
    expect(find(tx('The fund reported third-quarter losses.'), 'third-quarter').value).toBe('2025-Q3');
  });
});

describe('weekdays and anaphora', () => {
  it('past tense weekday is the previous one', () => {
    expect(find(tx('The president spoke with the envoy on Friday.'), 'Friday').value).toBe('2025-08-08');
  });
  it('future tense weekday is the next one', () => {
    expect(find(tx('The council will meet on Friday.'), 'Friday').value).toBe('2025-08-15');
  });
  it('"two days later" is a DURATION (TimeBank: "[Three days] later") anchored on the previous date', () => {
    const list = tx('The army entered the town on Aug. 3. Two days later, the rebels left.');
    const t = find(list, 'Two days');
    expect(t).toMatchObject({ type: 'DURATION', value: 'P2D', anchor: 'timex:0' });
  });
  it('the previous week', () => {
    expect(find(tx('He had met the premier the previous week.'), 'the previous week').type).toBe('DATE');
  });
});

describe('durations, sets and times', () => {
  it('durations', () => {
    const list = tx('The siege lasted three years, the talks two days and the blackout 48 hours.');
    expect(find(list, 'three years')).toMatchObject({ type: 'DURATION', value: 'P3Y' });
    expect(find(list, 'two days')).toMatchObject({ type: 'DURATION', value: 'P2D' });
    expect(find(list, '48 hours')).toMatchObject({ type: 'DURATION', value: 'PT48H' });
  });
  it('sets', () => {
    expect(find(tx('Inspectors visit the plant every week.'), 'every week')).toMatchObject({ type: 'SET', value: 'P1W' });
    expect(find(tx('The agency publishes casualty figures daily.'), 'daily')).toMatchObject({ type: 'SET', value: 'P1D' });
  });
  it('clock time joins the date of its sentence', () => {
    const list = tx('The vote opened on Aug. 12 at 10 a.m. in the capital.');
    expect(find(list, '10 a.m.')).toMatchObject({ type: 'TIME', value: '2025-08-12T10:00' });
  });
  it('duration before an event stays a duration', () => {
    expect(find(tx('Troops arrived two days before the summit.'), 'two days')).toMatchObject({ type: 'DURATION', value: 'P2D' });
  });
});

describe('no absurd years', () => {
  it('money, counts, percentages, scores, phone numbers and ids are not dates', () => {
    const list = tx('The fine was $2,000, and 2,000 troops and 1500 police were deployed; turnout was 2024 votes short, 45% voted, the score was 3-1, call 555-2020, Flight 2019 landed and Resolution 2231 stands.');
    expect(list.filter((t) => t.type === 'DATE')).toEqual([]);
  });
  it('$2,000 alone produces nothing', () => {
    expect(tx('Each family received $2,000.')).toEqual([]);
  });
});

describe('without a DCT', () => {
  it('stays underspecified', () => {
    const list = tx('The talks ended on Aug. 12. Turnout fell last year. The envoy left Tuesday.', null);
    expect(find(list, 'Aug. 12').value).toBe('XXXX-08-12');
    expect(find(list, 'last year').value).toBe('XXXX');
    expect(find(list, 'Tuesday').value).toBe('XXXX-WXX-2');
  });
});

describe('robustness and component', () => {
  it('never throws on text without time expressions', () => {
    expect(tx('')).toEqual([]);
    expect(tx('No dates here at all.')).toEqual([]);
    expect(() => tx('%%% $$$ 12345678 ---')).not.toThrow();
  });
  it('is deterministic', () => {
    const d = makeDoc('Rebels attacked on Monday; the UN will meet next week and in 2026.');
    expect(extractTimexes(d)).toEqual(extractTimexes(d));
  });
  it('timeComponent declares its layers', () => {
    expect(timeComponent).toMatchObject({ name: 'time', requires: ['tokens', 'sentences'], assigns: ['timexes'] });
    const out = timeComponent.run(makeDoc('Fighting resumed on Sunday.'));
    expect(out.timexes?.[0].value).toBe('2025-08-10');
  });
});

describe('pathological input stays fast', () => {
  it('handles long runs of number words, modifiers and weekdays in linear time', () => {
    const texts = [
      'twenty-one and twenty-two and '.repeat(2000),
      'about nearly almost some '.repeat(2000) + 'x',
      'the past '.repeat(2000),
      'Monday, Tuesday, '.repeat(2000),
      'fiscal latest current year-ago '.repeat(1500) + 'quarter',
    ];
    for (const text of texts) {
      const t0 = performance.now();
      extractTimexes({ ...makeDoc('x'), document: { ...makeDoc('x').document, text }, tokens: [], sentences: [] });
      expect(performance.now() - t0, text.slice(0, 30)).toBeLessThan(3000);
    }
  });
});
