/**
 * Calendar ranges of TIMEX3 values, used to filter and sort stored events by date.
 *
 * A value that starts with a four-digit year maps to the inclusive range of
 * calendar days it covers (`YYYY-MM-DD` strings, which sort chronologically):
 *
 * | value                       | range                                  |
 * |-----------------------------|----------------------------------------|
 * | `2025-08-12` (`T...` ignored) | 2025-08-12 .. 2025-08-12             |
 * | `2025-07`                   | 2025-07-01 .. 2025-07-31               |
 * | `2025`                      | 2025-01-01 .. 2025-12-31               |
 * | `2025-W33` / `2025-W33-2`   | Monday .. Sunday of ISO week 33 / that day |
 * | `2025-Q3`, `2025-H1`        | the quarter / half year                |
 * | `2025-SP` `-SU` `-FA` `-WI` | Mar-May, Jun-Aug, Sep-Nov, Dec-Feb (into the next year) |
 * | `202` / `202X`, `20` / `20XX` | the decade / century                 |
 *
 * Anything else (`XXXX-08-12`, `PAST_REF`, `P3D`, null) has no range.
 */
import { DateTime } from 'luxon';

/** An inclusive range of calendar days, `YYYY-MM-DD` each. */
export interface DayRange {
  from: string;
  to: string;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function month(y: number, m1: number, m2: number): DayRange {
  return { from: `${pad(y, 4)}-${pad(m1)}-01`, to: `${pad(y, 4)}-${pad(m2)}-${pad(lastDay(y, m2))}` };
}

/**
 * The calendar range covered by a TIMEX3 value, or null when the value does not start with a year
 * or is not a valid date.
 */
export function timexRange(value: string | null | undefined): DayRange | null {
  if (!value) return null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(value))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return null;
    const day = `${m[1]}-${m[2]}-${m[3]}`;
    return { from: day, to: day };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return mo >= 1 && mo <= 12 ? month(y, mo, mo) : null;
  }
  if ((m = /^(\d{4})-W(\d{2})(?:-([1-7]))?(?![\d])/.exec(value))) {
    const dt = DateTime.fromObject(
      { weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: (m[3] ? Number(m[3]) : 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7 },
      { zone: 'utc' },
    );
    if (!dt.isValid || dt.weekNumber !== Number(m[2])) return null;
    const from = dt.toISODate() as string;
    return { from, to: m[3] ? from : (dt.plus({ days: 6 }).toISODate() as string) };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const q = Number(m[2]);
    return month(Number(m[1]), q * 3 - 2, q * 3);
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const h = Number(m[2]);
    return month(Number(m[1]), h * 6 - 5, h * 6);
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const y = Number(m[1]);
    if (m[2] === 'SP') return month(y, 3, 5);
    if (m[2] === 'SU') return month(y, 6, 8);
    if (m[2] === 'FA') return month(y, 9, 11);
    return { from: `${m[1]}-12-01`, to: `${pad(y + 1, 4)}-02-${pad(lastDay(y + 1, 2))}` };
  }
  if ((m = /^(\d{4})(?:T.*)?$/.exec(value))) return month(Number(m[1]), 1, 12);
  if ((m = /^(\d{3})X?$/.exec(value))) return { from: `${m[1]}0-01-01`, to: `${m[1]}9-12-31` };
  if ((m = /^(\d{2})(?:XX)?$/.exec(value))) return { from: `${m[1]}00-01-01`, to: `${m[1]}99-12-31` };
  return null;
}

/**
 * Parse a query bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * @returns its range (a `from` bound uses `.from`, a `to` bound uses `.to`), or null when invalid.
 */
export function boundRange(value: string): DayRange | null {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return null;
  return timexRange(value);
}
