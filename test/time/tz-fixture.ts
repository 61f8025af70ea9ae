/**
 * Prints the timexes of a fixed set of sentences as JSON. Run by tz.test.ts
 * in child processes with different TZ values: the output must not change.
 */
import { tx } from './helpers.js';

export const TZ_CASES: Array<[string, string | null]> = [
  ['The ministers met on Aug. 12 and will meet again on Friday.', '2025-08-13'],
  ['Protests broke out last year, yesterday and on Sunday night at 11 p.m.', '2025-01-01'],
  ['The vote is set for next month; it was delayed from December 31.', '2024-12-31'],
  ['The talks ended two days later, this week, in the third quarter.', '2025-03-30'],
  ['Elections were held on Tuesday.', null],
  ['The day before last Monday, shares fell by mid-afternoon; pilgrims came for Easter week.', '2025-04-22'],
  ['Markets had their worst week since March. Rates fell on Dec. 31, the day before the holiday began.', '2026-01-01'],
  ['Bids closed on Jan. 2. After that time, prices rose for a while.', '2025-12-31'],
];

export function run(): string {
  return JSON.stringify(TZ_CASES.map(([t, d]) => tx(t, d).map((x) => [x.text, x.type, x.value])));
}

if (process.argv[1] && process.argv[1].endsWith('tz-fixture.ts')) {
  process.stdout.write(run());
}
