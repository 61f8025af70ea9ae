/**
 * Calendar arithmetic for TIMEX3 values. Every DateTime here is created in
 * zone `utc` (luxon), so results never depend on the process time zone.
 */
import { DateTime } from 'luxon';
import type { Granularity } from './lexicon.js';

const UTC = { zone: 'utc' } as const;

export function pad(n: number, w = 2): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= w ? s : '0'.repeat(w - s.length) + s);
}

/** A UTC date, or null when the fields do not make a real date. */
export function utcDate(y: number, m = 1, d = 1): DateTime | null {
  const dt = DateTime.fromObject({ year: y, month: m, day: d }, UTC);
  return dt.isValid ? dt : null;
}

/** Parse a DCT `YYYY-MM-DD` (or a TIMEX3 day value) as a UTC date. */
export function parseDay(s: string | null | undefined): DateTime | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  return utcDate(+m[1], +m[2], +m[3]);
}

export function fmtDay(dt: DateTime): string {
  return `${pad(dt.year, 4)}-${pad(dt.month)}-${pad(dt.day)}`;
}

export function fmtMonth(dt: DateTime): string {
  return `${pad(dt.year, 4)}-${pad(dt.month)}`;
}

export function fmtWeek(dt: DateTime): string {
  return `${pad(dt.weekYear, 4)}-W${pad(dt.weekNumber)}`;
}

export function fmtQuarter(dt: DateTime): string {
  return `${pad(dt.year, 4)}-Q${dt.quarter}`;
}

export function fmtYear(dt: DateTime): string {
  return pad(dt.year, 4);
}

/** Format `dt` at a granularity (decade `199`, century `19`). */
export function fmtGran(dt: DateTime, g: Granularity): string {
  switch (g) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day':
      return fmtDay(dt);
    case 'week':
      return fmtWeek(dt);
    case 'month':
      return fmtMonth(dt);
    case 'quarter':
      return fmtQuarter(dt);
    case 'year':
      return fmtYear(dt);
    case 'decade':
      return pad(Math.floor(dt.year / 10), 3);
    case 'century':
      return pad(Math.floor(dt.year / 100), 2);
  }
}

/** The underspecified value of a granularity when nothing anchors it. */
export function unknownAt(g: Granularity): string {
  switch (g) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day':
      return 'XXXX-XX-XX';
    case 'week':
      return 'XXXX-WXX';
    case 'month':
      return 'XXXX-XX';
    case 'quarter':
      return 'XXXX-QX';
    case 'year':
      return 'XXXX';
    case 'decade':
      return 'XXX';
    case 'century':
      return 'XX';
  }
}

/** Shift by `n` units of granularity `g`. */
export function shift(dt: DateTime, g: Granularity, n: number): DateTime {
  switch (g) {
    case 'second':
      return dt.plus({ seconds: n });
    case 'minute':
      return dt.plus({ minutes: n });
    case 'hour':
      return dt.plus({ hours: n });
    case 'day':
      return dt.plus({ days: n });
    case 'week':
      return dt.plus({ weeks: n });
    case 'month':
      return dt.plus({ months: n });
    case 'quarter':
      return dt.plus({ quarters: n });
    case 'year':
      return dt.plus({ years: n });
    case 'decade':
      return dt.plus({ years: 10 * n });
    case 'century':
      return dt.plus({ years: 100 * n });
  }
}

/**
 * The date of ISO weekday `dow` relative to `ref`:
 * dir -1 = the most recent one on or before `ref`, +1 = the next one on or after `ref`,
 * 0 = the one in the same ISO week as `ref`.
 */
export function weekdayFrom(ref: DateTime, dow: number, dir: -1 | 0 | 1): DateTime {
  const diff = dow - ref.weekday;
  if (dir === 0) return ref.plus({ days: diff });
  if (dir < 0) return ref.plus({ days: diff <= 0 ? diff : diff - 7 });
  return ref.plus({ days: diff >= 0 ? diff : diff + 7 });
}

/** The nth (1-based; -1 = last) ISO weekday `dow` of a month. */
export function nthWeekday(year: number, month: number, dow: number, nth: number): DateTime | null {
  const first = utcDate(year, month, 1);
  if (!first) return null;
  if (nth > 0) {
    const d = first.plus({ days: (dow - first.weekday + 7) % 7 + 7 * (nth - 1) });
    return d.month === month ? d : null;
  }
  const last = first.endOf('month').startOf('day');
  return last.minus({ days: (last.weekday - dow + 7) % 7 });
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easter(year: number): DateTime | null {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utcDate(year, month, day);
}

/** Parse a day / month / quarter / year / week TIMEX3 value into its first day and granularity. */
export function parseValue(v: string): { dt: DateTime; gran: Granularity } | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) {
    const dt = utcDate(+m[1], +m[2], +m[3]);
    return dt ? { dt, gran: 'day' } : null;
  }
  m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m) {
    const dt = DateTime.fromObject({ weekYear: +m[1], weekNumber: +m[2], weekday: 1 }, UTC);
    return dt.isValid ? { dt, gran: 'week' } : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m) {
    const dt = utcDate(+m[1], +m[2], 1);
    return dt ? { dt, gran: 'month' } : null;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) {
    const dt = utcDate(+m[1], 3 * (+m[2] - 1) + 1, 1);
    return dt ? { dt, gran: 'quarter' } : null;
  }
  m = /^(\d{4})$/.exec(v);
  if (m) {
    const dt = utcDate(+m[1], 1, 1);
    return dt ? { dt, gran: 'year' } : null;
  }
  return null;
}
