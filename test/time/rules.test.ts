import { describe, expect, it } from 'vitest';
import { find, tx } from './helpers.js';

// DCT Wednesday 2025-08-13 unless stated.
describe('tense-driven resolution', () => {
  it('possessive weekday is past', () => {
    expect(find(tx("Analysts studied Monday's vote."), 'Monday').value).toBe('2025-08-11');
  });
  it('"set for" and "planned to" project into the future', () => {
    expect(find(tx('A summit set for Nairobi on Friday will address the crisis.'), 'Friday').value).toBe('2025-08-15');
    expect(find(tx('The delegation planned to leave on Thursday.'), 'Thursday').value).toBe('2025-08-14');
    expect(find(tx('The ceasefire is supposed to expire in November.'), 'November').value).toBe('2025-11');
  });
  it('a reported "told ... on Wednesday" is past even when the quote speaks of the future', () => {
    expect(find(tx('The premier told reporters on Monday that "we will win".'), 'Monday').value).toBe('2025-08-11');
  });
  it('a purpose infinitive shares the time of its main verb; the infinitive of an intent noun looks ahead', () => {
    expect(find(tx('The city held parades to celebrate the anniversary on Friday.'), 'Friday').value).toBe('2025-08-08');
    expect(find(tx('The union announced a plan to strike on Friday.'), 'Friday').value).toBe('2025-08-15');
    expect(find(tx('The board approved the decision to close the plant on Monday.'), 'Monday').value).toBe('2025-08-18');
  });
  it('a trailing ", the company said" does not date what the clause before it says', () => {
    expect(find(tx('The new rail line will be ready for service by July, the ministry said.'), 'July').value).toBe('2026-07');
    expect(find(tx('The rail line opened in July, the ministry said.'), 'July').value).toBe('2025-07');
  });
  it('"told reporters on Monday it would ...": the day belongs to the telling, not to the next clause', () => {
    expect(find(tx('The minister told reporters on Monday it was expected to rain.'), 'Monday').value).toBe('2025-08-11');
    expect(find(tx('The minister told reporters on Monday they would vote.'), 'Monday').value).toBe('2025-08-11');
  });
  it('a comma closes the clause that dates the expression, but not one in a place name or a list of days', () => {
    expect(find(tx('The bill, which passed the Senate on Tuesday, now goes to the House.'), 'Tuesday').value).toBe('2025-08-12');
    expect(find(tx('The firm will close its Dayton, Ohio, plant on Friday.'), 'Friday').value).toBe('2025-08-15');
    expect(find(tx('The envoy will fly to Cairo on Sunday, after talks in Rome.'), 'Sunday').value).toBe('2025-08-17');
  });
  it('deadlines and new dates set for something look ahead even in a past clause', () => {
    expect(find(tx('The club postponed its annual meeting to May 21.'), 'May 21').value).toBe('2026-05-21');
    expect(find(tx('The board has scheduled a special shareholders\' meeting for June 3.'), 'June 3').value).toBe('2026-06-03');
    expect(find(tx('Exporters were told to register sales no later than March 31.'), 'March 31').value).toBe('2026-03-31');
    expect(find(tx('The club held its annual meeting on May 21.'), 'May 21').value).toBe('2025-05-21');
  });
  it('present tense without a reporting verb looks ahead for weekdays', () => {
    expect(find(tx('The two leaders meet Saturday in Doha.'), 'Saturday').value).toBe('2025-08-16');
  });
  it('month-day far from the DCT moves to the nearest year', () => {
    expect(find(tx('Turnout figures for Dec. 20 are final.', '2026-01-10'), 'Dec. 20').value).toBe('2025-12-20');
    expect(find(tx('The court will rule on Jan. 5.', '2025-12-20'), 'Jan. 5').value).toBe('2026-01-05');
  });
});

describe('relative and anaphoric expressions', () => {
  it('"the following month" anchors on the previous month', () => {
    const list = tx('The coalition collapsed in March 2024. The following month, new elections were called.');
    expect(find(list, 'The following month').value).toBe('2024-04');
  });
  it('"a year earlier" follows the quarter under discussion', () => {
    const list = tx('Exports rose 4% in the second quarter. A year earlier, they had fallen.');
    expect(find(list, 'the second quarter').value).toBe('2025-Q2');
    expect(find(list, 'A year earlier').value).toBe('2024-Q2');
  });
  it('"a year ago" without a quarter is the previous year', () => {
    expect(find(tx('The party won a year ago.'), 'a year ago').value).toBe('2024');
  });
  it('months plus relative year (span: the month)', () => {
    expect(find(tx('The law passed in February this year.'), 'February').value).toBe('2025-02');
    expect(find(tx('Troops will leave in April next year.'), 'April').value).toBe('2026-04');
  });
  it('the weekend, the year, year-end', () => {
    expect(find(tx('Clashes erupted over the weekend.'), 'the weekend').value).toBe('2025-W32-WE');
    expect(find(tx('Revenue for the year ended June 30 rose.'), 'the year')).toMatchObject({ type: 'DURATION', value: 'P1Y' });
    expect(find(tx('The deal should close by year-end.'), 'year-end')).toMatchObject({ value: '2025', mod: 'END' });
  });
  it('"the past year" is the stretch up to now (a duration, like "the past two years"); "the latest fiscal year" the last completed one', () => {
    expect(find(tx('Food prices doubled in the past year.'), 'the past year')).toMatchObject({ type: 'DURATION', value: 'P1Y' });
    expect(find(tx('Fighting eased over the past week.'), 'the past week')).toMatchObject({ type: 'DURATION', value: 'P1W' });
    expect(find(tx('The port handled 2 million tonnes in the latest fiscal year.'), 'the latest fiscal year')).toMatchObject({ type: 'DATE', value: '2024' });
    expect(find(tx('The offensive stalled last year.'), 'last year')).toMatchObject({ type: 'DATE', value: '2024' });
  });
  it('"revenue rose in the latest period to $42 million": the reporting quarter', () => {
    expect(find(tx('Profit fell in the second quarter. Revenue rose 5% in the latest period to $42 million.'), 'the latest period').value).toBe('2025-Q2');
  });
  it('"a high for the year of $42": the DCT\'s year; "the year of the flood" is no timex', () => {
    expect(find(tx('The stock rose to a high for the year of $42 in June.'), 'the year').value).toBe('2025');
    expect(tx('It was the year of the flood.').map((t) => t.text)).not.toContain('the year');
  });
  it('holidays', () => {
    expect(find(tx('The truce held through Christmas.'), 'Christmas').value).toBe('2024-12-25');
    expect(find(tx('Talks resume after Thanksgiving.'), 'Thanksgiving').value).toBe('2025-11-27');
  });
});

describe('more expression shapes', () => {
  it('decades, centuries, spoken years', () => {
    expect(find(tx('Reforms began in the early 1990s.'), 'the early 1990s')).toMatchObject({ value: '199', mod: 'START' });
    expect(find(tx('The dispute dates to the 19th century.'), 'the 19th century').value).toBe('18');
    expect(find(tx('It happened in nineteen ninety-four.'), 'nineteen ninety-four').value).toBe('1994');
  });
  it('quarters, halves and fiscal years', () => {
    expect(find(tx('Sales fell in Q3 2024.'), 'Q3 2024').value).toBe('2024-Q3');
    expect(find(tx('Growth resumed in the first half of 2024.'), 'the first half of 2024').value).toBe('2024-H1');
    expect(find(tx('The budget for fiscal 2026 was cut.'), 'fiscal 2026').value).toBe('2026');
  });
  it('seasons follow the DCT and tense', () => {
    expect(find(tx('The offensive stalled last summer.'), 'last summer').value).toBe('2024-SU');
    expect(find(tx('The offensive stalled in the spring.'), 'the spring').value).toBe('2025-SP');
    expect(find(tx('Elections will be held this fall.'), 'this fall').value).toBe('2025-FA');
  });
  it('sets', () => {
    expect(find(tx('The council meets twice a week.'), 'a week')).toMatchObject({ type: 'SET', value: 'P1W' });
    expect(find(tx('Patrols run every Monday.'), 'every Monday')).toMatchObject({ type: 'SET', value: 'XXXX-WXX-1' });
    expect(find(tx('Elections are held every four years.'), 'every four years')).toMatchObject({ type: 'SET', value: 'P4Y' });
  });
  it('quarters: "this quarter" is the DCT\'s; a quarter in a sentence that names an earlier year is that year\'s', () => {
    expect(find(tx('Analysts expect profit to fall this quarter after a strong second quarter.'), 'this quarter').value).toBe('2025-Q3');
    expect(find(tx('Results for 2023 include a charge taken in the second quarter.'), 'the second quarter').value).toBe('2023-Q2');
    expect(find(tx('Profit rose in the second quarter.'), 'the second quarter').value).toBe('2025-Q2');
  });
  it('"the quarter" with no quarter under discussion: the last completed one, the current one in a future clause', () => {
    expect(find(tx('Banks will write off the loans at the end of the quarter.'), 'the quarter').value).toBe('2025-Q3');
    expect(find(tx('Profit fell in the quarter, the bank said.'), 'the quarter').value).toBe('2025-Q2');
  });
  it('"two months ahead of schedule" is the amount, not the vague "months ahead"', () => {
    expect(find(tx('The dam was finished two months ahead of schedule.'), 'two months')).toMatchObject({ type: 'DURATION', value: 'P2M' });
    expect(find(tx('Investors are wary of the months ahead.'), 'months ahead').value).toBe('PXM');
  });
  it('a futures contract or delivery month is the next such month, whatever the tense', () => {
    expect(find(tx('The June contract fell 2 cents.'), 'June').value).toBe('2026-06');
    expect(find(tx('Traders bought wheat for August delivery.'), 'August').value).toBe('2025-08');
    expect(find(tx('Wheat prices fell in June.'), 'June').value).toBe('2025-06');
  });
  it('spoken clock times in transcripts: "eight p.m.", "seven thirty a.m.", "five o\'clock"', () => {
    expect(find(tx('The president will speak at eight p.m. tonight.'), 'eight p.m.')).toMatchObject({ type: 'TIME', value: '2025-08-13T20:00' });
    expect(find(tx('Polls open at seven thirty a.m.'), 'seven thirty a.m.').value).toBe('2025-08-13T07:30');
    expect(find(tx('The ferry left at five o\'clock.'), "five o'clock").value).toBe('2025-08-13T05:00');
    expect(tx('Eight people were hurt.').length).toBe(0);
  });
  it('clock times join adjacent dates and carry UTC', () => {
    expect(find(tx('Polls close at 8 p.m. Sunday.'), '8 p.m. Sunday')).toMatchObject({ type: 'TIME', value: '2025-08-10T20:00' });
    expect(find(tx('The blast was recorded at 14:58 UTC.'), '14:58 UTC')).toMatchObject({ type: 'TIME', value: '2025-08-13T14:58Z' });
    expect(find(tx('Filed 2025-08-12T09:30 by the clerk.'), '2025-08-12T09:30')).toMatchObject({ type: 'TIME', value: '2025-08-12T09:30' });
  });
  it('vague durations and references', () => {
    expect(find(tx('The siege lasted several months.'), 'several months')).toMatchObject({ type: 'DURATION', value: 'PXM' });
    expect(find(tx('Peace may come in the near future.'), 'the near future').value).toBe('FUTURE_REF');
    expect(find(tx('The rebels currently hold the port.'), 'currently').value).toBe('PRESENT_REF');
  });
  it('unquantified "ago": "a short time ago" is PAST_REF, "years ago" the vague amount', () => {
    expect(find(tx('A short time ago, the envoy left the capital.'), 'A short time ago')).toMatchObject({ type: 'DATE', value: 'PAST_REF' });
    expect(find(tx('Rebels seized the depot moments ago.'), 'moments ago')).toMatchObject({ type: 'DATE', value: 'PAST_REF' });
    expect(find(tx('The party, which just months ago was banned, won the vote.'), 'months ago')).toMatchObject({ type: 'DURATION', value: 'PXM' });
    expect(find(tx('Two years ago the dam burst.'), 'Two years ago')).toMatchObject({ type: 'DATE', value: '2023' });
  });
  it('"the second day of the strike", "a third straight week": the day or week of the clause', () => {
    expect(find(tx('It is the second day of a general strike in the capital.'), 'the second day')).toMatchObject({ type: 'DATE', value: '2025-08-13' });
    expect(find(tx('On Monday, markets fell for a third consecutive day.'), 'a third consecutive day').value).toBe('2025-08-11');
    expect(find(tx('The index gained for a fifth week in a row.'), 'a fifth week in a row').value).toBe('2025-W33');
    expect(tx('The talks resume on the second day of March.').map((t) => t.text)).not.toContain('the second day');
    expect(tx('They held a third day-long meeting.').map((t) => t.rule)).not.toContain('time:nth-day');
  });
  it('"in morning trading": the part of the trading day, on the day of the sentence', () => {
    expect(find(tx('The shares slid 4% in morning trading.'), 'morning')).toMatchObject({ type: 'TIME', value: '2025-08-13TMO' });
    expect(find(tx('On Monday the bond rallied in late afternoon trading.'), 'afternoon')).toMatchObject({ type: 'TIME', value: '2025-08-11TAF' });
    expect(tx('She swims every morning before trading opens.').map((t) => t.rule)).not.toContain('time:trading-part');
  });
  it('sentence-initial "Now," and "Now for" are discourse markers, not times', () => {
    expect(tx('The vote was close. Now, the minister said, the talks will resume.').map((t) => t.text)).not.toContain('Now');
    expect(tx('Now for the weather in the north.').map((t) => t.text)).not.toContain('Now');
    expect(find(tx('The rebels now hold the port.'), 'now').value).toBe('PRESENT_REF');
    expect(find(tx('Now the rebels hold the port.'), 'Now').value).toBe('PRESENT_REF');
  });
  it('no DCT: months and weekdays stay underspecified', () => {
    const list = tx('The army withdrew in July and returned on Friday.', null);
    expect(find(list, 'July').value).toBe('XXXX-07');
    expect(find(list, 'Friday').value).toBe('XXXX-WXX-5');
  });
  it('anchors point at earlier timexes in text order', () => {
    const list = tx('On Aug. 3 the talks opened; at 9 a.m. the envoy spoke. The next day they closed.');
    const next = find(list, 'The next day');
    expect(next.value).toBe('2025-08-04');
    expect(list[Number(next.anchor!.slice(6))].text).toBe('Aug. 3');
    expect(find(list, '9 a.m.').value).toBe('2025-08-03T09:00');
  });
});

describe('non-dates', () => {
  it('quantities and identifiers', () => {
    const texts = [
      'Police detained 1200 protesters.',
      'The Boeing 737 landed safely.',
      'The index closed at 1987.5 points.',
      'Room 2010 was searched.',
      'Revenue reached $2024 million.',
      'The vote was 1999-2003 against.',
      'Call +1 202 555 2021 for details.',
      'Prices rose 2.5% in a month.',
    ];
    for (const t of texts) {
      const dates = tx(t).filter((x) => x.type === 'DATE');
      expect(dates, t).toEqual([]);
    }
  });
  it('person names are not months', () => {
    expect(tx('April Ryan asked the spokesman a question.').filter((x) => x.type === 'DATE')).toEqual([]);
  });
  it('"May" the modal is not a month', () => {
    expect(tx('The talks may collapse, officials said.')).toEqual([]);
  });
});

describe('reporting periods', () => {
  it('"the same period last year" is the period just mentioned, one year back', () => {
    const t = find(tx('Sales rose 43% in February compared to the same period last year.', '2010-03-02'), 'the same period last year');
    expect(t).toMatchObject({ type: 'DATE', value: '2009-02' });
  });
  it('the quarter reported on is the one mentioned most, not a side remark', () => {
    const text =
      'The company posted a gain in third-quarter net income. Net rose to $108 million from $90 million a year ago. ' +
      'After a flat second quarter, the company attributed the gain to higher prices. ' +
      'The quarter-to-quarter comparison was also enhanced by charges taken in the year-earlier period.';
    const list = tx(text, '1989-11-01');
    expect(find(list, 'the year-earlier period').value).toBe('1988-Q3');
    expect(list.some((t) => t.text === 'The quarter')).toBe(false);
  });
});

describe('TimeBank span and type conventions', () => {
  it('prepositions stay out of durations relative to events; "about" stays out of amounts', () => {
    expect(find(tx('Just two weeks after the vote, he resigned.'), 'two weeks')).toMatchObject({ type: 'DURATION', value: 'P2W' });
    expect(find(tx('The car had been in the lot for about two weeks.'), 'two weeks')).toMatchObject({ type: 'DURATION', value: 'P2W', mod: 'APPROX' });
  });
  it('"a week after the summit" is a duration, not a date', () => {
    expect(find(tx('A week after the summit, talks resumed.'), 'A week')).toMatchObject({ type: 'DURATION', value: 'P1W' });
  });
  it('ages of people are not timexes, the age of a truce is', () => {
    const list = tx("A 45-year-old man opposed the IRA's 8-month-old truce.");
    expect(list.some((t) => t.text === '45-year-old')).toBe(false);
    expect(find(list, '8-month-old')).toMatchObject({ type: 'DURATION', value: 'P8M' });
  });
  it('"one-year" is an adjective duration, not a frequency', () => {
    expect(find(tx('The index reaches one-year high.'), 'one-year')).toMatchObject({ type: 'DURATION', value: 'P1Y' });
  });
  it('"in February this year": the span stops at the month, the year word decides the value', () => {
    const list = tx('The process began in February this year. They will join in April next year.', '1998-12-01');
    expect(find(list, 'February').value).toBe('1998-02');
    expect(find(list, 'April').value).toBe('1999-04');
    expect(list.some((t) => /year/.test(t.text))).toBe(false);
  });
  it('"the entire year" after a dated period is that year', () => {
    const list = tx('GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.', '2006-01-27');
    expect(find(list, 'the entire year').value).toBe('2005');
  });
});

describe('tense from a tagged sentence', () => {
  it('capitalised words in names ("Roe vs. Wade") are not verbs', () => {
    const text = 'In January, a week after the anniversary of the Roe vs. Wade Supreme Court decision, a bombing killed a guard.';
    expect(find(tx(text, '1998-10-25'), 'January').value).toBe('1998-01');
  });
  it('a noun after "his ... night" is not a verb ("his Sunday night address")', () => {
    expect(find(tx('Before his Sunday night address, Castro played with the boy.', '2000-04-03'), 'Sunday night').value).toBe('2000-04-02');
  });
});

describe('dateline as reference date', () => {
  it('without a publication date, a dateline date anchors relative expressions', () => {
    const list = tx('Airbus test flight delayed\nSeptember 01, 2007\nThe flight was delayed today.', null);
    expect(find(list, 'today')).toMatchObject({ value: '2007-09-01', anchor: 'DCT' });
    const dl = tx('WASHINGTON, Aug. 12, 2025 (AP) -- The talks will resume Friday.', null);
    expect(find(dl, 'Friday').value).toBe('2025-08-15');
  });
  it('a date inside the running text is no dateline', () => {
    expect(find(tx('The talks ended on Aug. 12, 2025. They will resume Friday.', null), 'Friday').value).toBe('XXXX-WXX-5');
  });
});

// DCT Wednesday 2025-08-13 unless stated.
describe('parts of day, halves and holiday weeks', () => {
  it('"mid-afternoon" takes the day it names, else the date of its sentence', () => {
    expect(find(tx('Shares rallied by mid-afternoon yesterday.'), 'mid-afternoon yesterday')).toMatchObject({ type: 'TIME', value: '2025-08-12TAF' });
    expect(find(tx('The strike began on Aug. 4 and by mid morning the port was shut.'), 'mid morning')).toMatchObject({ type: 'TIME', value: '2025-08-04TMO' });
    expect(find(tx('Police withdrew by mid-afternoon.'), 'mid-afternoon').value).toBe('2025-08-13TAF');
  });
  it('"a minute and a half", "two years and a half"', () => {
    expect(find(tx('The blast came a minute and a half later.'), 'a minute and a half').value).toBe('PT1M30S');
    expect(find(tx('The siege lasted two years and a half.'), 'two years and a half').value).toBe('P2Y6M');
  });
  it('"Easter week" is the ISO week holding Easter', () => {
    // Easter 2026 is April 5 (ISO week 14)
    expect(find(tx('Pilgrims will arrive for Easter week.', '2026-03-20'), 'Easter week').value).toBe('2026-W14');
    expect(find(tx('Pilgrims arrived as Easter week began.', '2026-04-01'), 'Easter week').value).toBe('2026-W14');
  });
});

describe('shifts and event anchors', () => {
  it('"the day before <date>" is one date, shifted', () => {
    expect(find(tx('The day before last Monday, the envoy flew to Cairo.'), 'The day before last Monday')).toMatchObject({ type: 'DATE', value: '2025-08-10' });
    expect(find(tx('The rebels struck the day after Aug. 5.'), 'the day after Aug. 5').value).toBe('2025-08-06');
    expect(find(tx('The week after Christmas, the talks resumed.', '2026-01-20'), 'The week after Christmas').value).toBe('2026-W01');
  });
  it('"the day before" alone still anchors on the previous date', () => {
    const list = tx('The accord was signed on July 30. The day before, the rebels had withdrawn.');
    expect(find(list, 'The day before').value).toBe('2025-07-29');
  });
  it('"two days before the summit" is a duration anchored on the date given for the summit', () => {
    const list = tx('The regional summit opens in Accra on Aug. 20. Ministers met on Monday. Troops will deploy two days before the summit.');
    const d = find(list, 'two days');
    expect(d).toMatchObject({ type: 'DURATION', value: 'P2D' });
    expect(list[Number(/^timex:(\d+)$/.exec(d.anchor ?? '')?.[1])].text).toBe('Aug. 20');
    // no date given for the event: no anchor
    expect(find(tx('Troops will deploy two days before the vote.'), 'two days').anchor).toBe('none');
  });
});

describe('reporting quarters and weeks of a month', () => {
  it('"the quarter ended Sept. 30" without a named quarter is the calendar quarter closing then', () => {
    expect(find(tx('The bank reported a loss for the quarter ended Sept. 30.', '2025-10-20'), 'the quarter').value).toBe('2025-Q3');
  });
  it('a fiscal quarter named nearby wins over the closing month', () => {
    const list = tx('The chip maker said its fiscal first quarter was strong. Sales for the quarter ended Sept. 28 rose 9%.', '2025-10-20');
    expect(find(list, 'the quarter').value).toBe('2025-Q1');
  });
  it('"that quarter" refers back to the quarter just named, "the quarter a year ago" one year back', () => {
    const list = tx('Profit rose in the third quarter. In the year-ago quarter, the firm lost money; results for that quarter included a charge.', '2025-10-20');
    expect(find(list, 'the year-ago quarter').value).toBe('2024-Q3');
    expect(find(list, 'that quarter').value).toBe('2024-Q3');
    const l2 = tx('Profit rose in the third quarter. For the quarter a year ago, the firm lost money.', '2025-10-20');
    expect(find(l2, 'the quarter a year ago').value).toBe('2024-Q3');
  });
  it('a week of a month is the ISO week of that month\'s Thursday', () => {
    // March 2026: last Thursday March 26 (W13); September 2026: first Thursday Sept. 3 (W36)
    expect(find(tx('Sales rebounded in the last week of March.', '2026-04-08'), 'the last week of March').value).toBe('2026-W13');
    expect(find(tx('Talks are set for the first week of September.', '2026-04-08'), 'the first week of September').value).toBe('2026-W36');
  });
});

describe('spoken years', () => {
  it('a season of a spoken year', () => {
    expect(find(tx('Oil fell to that level in the winter of nineteen ninety-four.', '1998-02-23'), 'the winter of nineteen ninety-four').value).toBe('1994-WI');
  });
});

describe('fiscal quarters and numbers that are not years', () => {
  it('a possessive year before a quarter', () => {
    expect(find(tx("Sales in fiscal 2025's third quarter fell."), "fiscal 2025's third quarter").value).toBe('2025-Q3');
    expect(find(tx("Exports recovered in 2024's second quarter."), "2024's second quarter").value).toBe('2024-Q2');
    expect(find(tx('The second quarter of fiscal 2026 was weak.'), 'The second quarter of fiscal 2026').value).toBe('2026-Q2');
  });
  it('jersey numbers, addresses and per-head amounts are not years', () => {
    const list = tx('He wore jersey No. 1990, lived at 2012 Main Street and paid 2005 per head.');
    expect(list.filter((t) => t.type === 'DATE')).toEqual([]);
    expect(find(tx('In 2005 per capita income rose.'), '2005').value).toBe('2005');
  });
});

describe('the day under discussion', () => {
  it('"later in the day" takes the last date named within four sentences', () => {
    const text = 'Shares of the carmaker jumped on Monday. Sales rose 40%. Analysts had expected less. Dealers were upbeat. The stock fell later in the day.';
    expect(find(tx(text), 'the day').value).toBe('2025-08-11');
  });
});

describe('bare ordinal days', () => {
  it('"on the 12th" takes the month just named, else the DCT month', () => {
    expect(find(tx('On the 12th, troops withdrew.'), 'the 12th').value).toBe('2025-08-12');
    const list = tx('The accord was signed in July. On the 3rd, the rebels attacked.');
    expect(find(list, 'the 3rd').value).toBe('2025-07-03');
    expect(tx('He lives on the 5th floor.')).toEqual([]);
  });
});

describe('start / middle / end modifiers', () => {
  it('"the end of next month", "the middle of last year" carry their mod', () => {
    expect(find(tx('The vote is due by the end of next month.'), 'the end of next month')).toMatchObject({ value: '2025-09', mod: 'END' });
    expect(find(tx('In the middle of last year, the talks stalled.'), 'the middle of last year')).toMatchObject({ value: '2024', mod: 'MID' });
  });
});

describe('day-month ranges', () => {
  it('"3-5 August" and "3 and 4 August 2024" are two dates each', () => {
    const a = tx('The cabinet met on 3-5 August.');
    expect(a.map((t) => [t.text, t.value])).toEqual([['3', '2025-08-03'], ['5 August', '2025-08-05']]);
    const b = tx('They met on 3 and 4 August 2024.');
    expect(b.map((t) => [t.text, t.value])).toEqual([['3', '2024-08-03'], ['4 August 2024', '2024-08-04']]);
  });
});

describe('the early hours', () => {
  it('"the early hours of Tuesday" is the start of that day; alone it is no duration', () => {
    expect(find(tx('Talks continued into the early hours of Tuesday.'), 'the early hours of Tuesday')).toMatchObject({ type: 'DATE', value: '2025-08-12', mod: 'START' });
    expect(tx('Fighting raged into the early hours.')).toEqual([]);
  });
});

describe('counting from today', () => {
  it('"two weeks from today" is a date, like "from now"', () => {
    expect(find(tx('The deadline is two weeks from today.'), 'two weeks from today')).toMatchObject({ type: 'DATE', value: '2025-W35' });
  });
});

describe('dividend notices', () => {
  it('"payable Dec. 15 to stock of record Nov. 28" are dates to come', () => {
    const list = tx('The board declared a dividend of 5 cents, payable Dec. 15 to stock of record Nov. 28.', '2025-10-01');
    expect(find(list, 'Dec. 15').value).toBe('2025-12-15');
    expect(find(list, 'Nov. 28').value).toBe('2025-11-28');
  });
});

describe('two units away', () => {
  it('"the week after next", "the year before last"', () => {
    expect(find(tx('The week after next, the envoys meet again.'), 'The week after next').value).toBe('2025-W35');
    expect(find(tx('The year before last, the harvest failed.'), 'The year before last').value).toBe('2023');
  });
});

describe('quarters named by their months', () => {
  it('"the July-September quarter" is Q3; a fiscal "May-July quarter" gets no calendar value', () => {
    expect(find(tx('Sales in the July-September quarter rose.', '2025-10-20'), 'the July-September quarter').value).toBe('2025-Q3');
    expect(find(tx('Profit in the April-June period of 2024 fell.'), 'the April-June period of 2024').value).toBe('2024-Q2');
    expect(tx('Results for the May-July quarter were flat.')).toEqual([]);
  });
});

describe('later than planned', () => {
  it('"Nov. 11, three days later than planned" is the date just named', () => {
    const list = tx('The jet arrives on Nov. 11, three days later than originally planned.');
    expect(find(list, 'three days later').value).toBe('2025-11-11');
  });
});

describe('recurring parts of weekdays', () => {
  it('"Tuesday nights" and the "Monday" sharing it are sets', () => {
    const list = tx('Ferries sail on Monday and Tuesday nights.');
    expect(find(list, 'Monday')).toMatchObject({ type: 'SET', value: 'XXXX-WXX-1TNI' });
    expect(find(list, 'Tuesday nights')).toMatchObject({ type: 'SET', value: 'XXXX-WXX-2TNI' });
    expect(find(tx('The envoy arrived Friday night.'), 'Friday night')).toMatchObject({ type: 'DATE', value: '2025-08-08' });
  });
});

describe('infinitives that do not look ahead', () => {
  it('"difficult for the firm to meet demand into the summer" keeps the past reading', () => {
    expect(find(tx('Shortages made it difficult for the firm to meet demand well into the summer.', '2025-10-20'), 'the summer').value).toBe('2025-SU');
  });
  it('"an agreement to resume talks on Monday" still looks ahead', () => {
    expect(find(tx('The two sides reached an agreement to resume talks on Monday.'), 'Monday').value).toBe('2025-08-18');
  });
});

describe('duration ranges', () => {
  it('"two to six days", "between two and four weeks" are two durations; compounds stay one number', () => {
    expect(tx('Recovery takes two to six days.').map((t) => [t.text, t.value])).toEqual([['two', 'P2D'], ['six days', 'P6D']]);
    expect(tx('Talks could take between two and four weeks.').map((t) => [t.text, t.value])).toEqual([['two', 'P2W'], ['four weeks', 'P4W']]);
    expect(find(tx('The siege lasted one hundred and five days.'), 'one hundred and five days').value).toBe('P105D');
  });
});

describe('present-day names', () => {
  it('"today\'s Russia" is PRESENT_REF, "today\'s Senate vote" the DCT', () => {
    expect(find(tx("Today's Russia is a different country."), 'Today').value).toBe('PRESENT_REF');
    expect(find(tx("Today's Senate vote was close."), 'Today').value).toBe('2025-08-13');
  });
});

describe('coordinated quarters', () => {
  it('"the second and fourth quarters" are two sets; with a year, two dates', () => {
    const a = tx('Most sales come in the second and fourth quarters.');
    expect(a.map((t) => [t.text, t.type, t.value])).toEqual([['second', 'SET', 'XXXX-Q2'], ['fourth quarters', 'SET', 'XXXX-Q4']]);
    const b = tx('Profit fell in the second and third quarters of 2024.');
    expect(b.map((t) => [t.text, t.type, t.value])).toEqual([['second', 'DATE', '2024-Q2'], ['third quarters of 2024', 'DATE', '2024-Q3']]);
  });
});

describe('dates relative to an event ("the day after his death")', () => {
  it('"the day after <event>" is a DATE whose span leaves the preposition out', () => {
    const t = find(tx('Mourners gathered outside the embassy the day after his funeral.'), 'the day');
    expect(t.type).toBe('DATE');
    expect(t.rule).toBe('time:event-relative');
    // no date is given for the funeral: underspecified at day granularity
    expect(t.value).toBe('XXXX-XX-XX');
  });
  it('in apposition to a date ("Aug. 1, the day before the vote") it is that date', () => {
    const t = find(tx('Shares slid on Aug. 1, the day before the central bank met.'), 'the day');
    expect(t.value).toBe('2025-08-01');
  });
  it('takes the date the text gives for the event, shifted by one unit', () => {
    const list = tx('The referendum took place on Aug. 3. Turnout was high. Officials counted ballots the day after the referendum.');
    expect(find(list, 'the day').value).toBe('2025-08-04');
  });
  it('"the week following <event>" is a week-level DATE', () => {
    expect(find(tx('Exports fell sharply in the week following the blockade.'), 'the week').value).toBe('XXXX-WXX');
  });
  it('"the day before last Tuesday" still shifts the date that follows', () => {
    expect(find(tx("The day before last Tuesday's hearing, the envoy flew home."), 'The day before last Tuesday').value).toBe('2025-08-11');
  });
});

describe('a unit noun after an evaluative adjective ("its best week since May")', () => {
  it('names the DCT period; the span is the noun', () => {
    const list = tx('Tokyo shares had their best week since May.');
    const t = find(list, 'week');
    expect([t.type, t.value, t.rule]).toEqual(['DATE', '2025-W33', 'time:evaluative-period']);
    expect(find(tx('The rebels called it a dark day for the republic.'), 'day').value).toBe('2025-08-13');
    expect(find(tx('It is shaping up as another rough trading month for exporters.'), 'month').value).toBe('2025-08');
  });
  it('generic and predicative uses are not timexes', () => {
    const words = (s: string) => tx(s).map((t) => t.text);
    expect(words('Tuesday is the best day to sell a house.')).not.toContain('day');
    expect(words('It was the worst day of her career.')).not.toContain('day');
    expect(words('Every good year ends eventually.')).not.toContain('year');
    expect(words('Yesterday was a sad day for the party.')).toEqual(['Yesterday']);
  });
});

describe('"in past years" like "in recent years"', () => {
  it('is PAST_REF; "the past years" stays a vague duration', () => {
    const a = find(tx('Floods like this one struck the valley in past years as well.'), 'past years');
    expect([a.type, a.value]).toEqual(['DATE', 'PAST_REF']);
    const b = find(tx('Over the past years the port has doubled in size.'), 'the past years');
    expect([b.type, b.value]).toEqual(['DURATION', 'PXY']);
  });
});

describe('durations of unstated length ("for a while", "for a lengthy period")', () => {
  it('are DURATION PXX after "for"', () => {
    const list = tx('The border will stay closed for a while. Monitors will remain for an extended period of time.');
    expect([find(list, 'a while').type, find(list, 'a while').value]).toEqual(['DURATION', 'PXX']);
    expect(find(list, 'an extended period of time').value).toBe('PXX');
  });
  it('a measured period keeps its number; "period" without a length adjective is not a timex', () => {
    const words = (s: string) => tx(s).map((t) => `${t.text}=${t.value}`);
    expect(words('The ban held for a period of three months.')).toEqual(['three months=P3M']);
    expect(words('Voters face a waiting period before they register.')).toEqual([]);
  });
});

describe('"that time" after a temporal preposition refers back', () => {
  it('takes the value of the date or duration just named', () => {
    const a = tx('Bids are due by Sept. 30. Offers received after that time will be refused.');
    expect(find(a, 'that time').value).toBe('2025-09-30');
    const b = tx('The regime imposed a three-year curfew. During that time no newspaper appeared.');
    expect([find(b, 'that time').type, find(b, 'that time').value]).toEqual(['DURATION', 'P3Y']);
  });
  it('a point preposition does not take a duration; "this time" (an occasion) is no timex', () => {
    const c = tx('The regime imposed a three-year curfew. At that time the mayor fled.');
    expect(find(c, 'that time').value).toBe('PAST_REF');
    expect(tx('This time, the envoy stayed home.')).toEqual([]);
  });
});

describe('"in the weeks before the shooting"', () => {
  it('is a DATE in the month the text gives for the event; the span is the unit noun', () => {
    const list = tx('The blockade began on July 2. Fuel ran short in the weeks before the blockade.');
    const t = find(list, 'weeks');
    expect([t.type, t.value, t.rule]).toEqual(['DATE', '2025-07', 'time:event-stretch']);
  });
  it('stays a vague DURATION when the event is not dated', () => {
    const t = find(tx('Fuel ran short in the weeks before the blockade.'), 'weeks');
    expect([t.type, t.value]).toEqual(['DURATION', 'PXW']);
  });
});
