/**
 * Resolution helpers: turn parsed pieces (a month, a weekday, "last" + unit,
 * ...) into TIMEX3 values relative to the DCT and the clause tense.
 *
 * Without a DCT, relative expressions stay underspecified at their own
 * granularity (TimeML style): "last year" -> `XXXX`, "yesterday" ->
 * `XXXX-XX-XX`, "Aug. 12" -> `XXXX-08-12`, "Tuesday" -> `XXXX-WXX-2`,
 * "in July" -> `XXXX-07`; anchor `none`.
 */
import type { DateTime } from 'luxon';
import { fmtDay, fmtGran, fmtMonth, pad, parseValue, shift, unknownAt, utcDate, weekdayFrom } from './calendar.js';
import type { Granularity } from './lexicon.js';
import type { Resolution, ResolveCtx, Tense } from './types.js';

export const MOD_WORDS: Readonly<Record<string, string>> = {
  early: 'START', earlier: 'START', beginning: 'START', start: 'START', dawn: 'START', onset: 'START',
  mid: 'MID', middle: 'MID', midst: 'MID',
  late: 'END', later: 'END', end: 'END', close: 'END', closing: 'END',
  about: 'APPROX', around: 'APPROX', approximately: 'APPROX', roughly: 'APPROX', some: 'APPROX', nearly: 'LESS_THAN', almost: 'LESS_THAN',
  'more than': 'MORE_THAN', over: 'MORE_THAN', 'less than': 'LESS_THAN', under: 'LESS_THAN', 'fewer than': 'LESS_THAN',
  'at least': 'EQUAL_OR_MORE', 'at most': 'EQUAL_OR_LESS', 'up to': 'EQUAL_OR_LESS', 'no more than': 'EQUAL_OR_LESS',
};

/** The TIMEX3 mod of a modifier phrase ("early", "the end of", "more than"), or undefined. */
export function modOf(phrase: string | undefined): string | undefined {
  if (!phrase) return undefined;
  const p = phrase.toLowerCase().trim().replace(/^the\s+|\s+of(\s+the)?$|^very\s+|-$/g, '').replace(/^the\s+|^very\s+/g, '').trim();
  return MOD_WORDS[p];
}

export function withMod(r: Resolution | null, mod: string | undefined): Resolution | null {
  if (!r || !mod) return r;
  return { ...r, mod };
}

/** `n` units of `gran` from the DCT, formatted at `gran`. */
export function relToDct(rc: ResolveCtx, gran: Granularity, n: number): Resolution {
  if (!rc.dct) return { value: unknownAt(gran), anchor: 'none' };
  return { value: fmtGran(shift(rc.dct, gran, n), gran), anchor: 'DCT' };
}

/** `n` units from the previous day-level timex if there is one (same or previous 3 sentences), else from the DCT. */
const GRAN_ORDER: Granularity[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year', 'decade', 'century'];

export function relToRef(rc: ResolveCtx, gran: Granularity, n: number, maxSentences = 3): Resolution {
  // coarse units ("the following month", "the year before") may anchor on any previous timex at least that precise
  if (GRAN_ORDER.indexOf(gran) >= GRAN_ORDER.indexOf('month') && rc.prev && rc.sentence - rc.prev.sentence <= maxSentences) {
    const pv = parseValue(rc.prev.value);
    if (pv && GRAN_ORDER.indexOf(pv.gran) <= GRAN_ORDER.indexOf(gran) && pv.gran !== 'week') {
      return { value: fmtGran(shift(pv.dt, gran, n), gran), anchor: `timex:${rc.prev.index}` };
    }
  }
  const p = rc.prevDay;
  if (p && rc.sentence - p.sentence <= maxSentences) {
    const pv = parseValue(p.value);
    if (pv) return { value: fmtGran(shift(pv.dt, gran, n), gran), anchor: `timex:${p.index}` };
  }
  return relToDct(rc, gran, n);
}

/** Pick the year for a month (and day) without a year, from the DCT and tense. */
export function yearFor(rc: ResolveCtx, month: number, day: number | null): number | null {
  const dct = rc.dct;
  if (!dct) return null;
  const y = dct.year;
  const mk = (yy: number): DateTime | null => utcDate(yy, month, day ?? 15) ?? utcDate(yy, month, 28);
  const cands = [y - 1, y, y + 1].map((yy) => ({ yy, dt: mk(yy) })).filter((c): c is { yy: number; dt: DateTime } => !!c.dt);
  const days = (dt: DateTime): number => dt.diff(dct, 'days').days;
  if (day === null) {
    // months: past -> the most recent one (this month included), future -> the next one,
    // otherwise the nearest one (within six months)
    if (rc.tense === 'past') return month > dct.month ? y - 1 : y;
    if (rc.tense === 'future') return month < dct.month ? y + 1 : y;
    const d = month - dct.month;
    if (d > 6) return y - 1;
    if (d < -6) return y + 1;
    return y;
  }
  const tense: Tense = rc.tense;
  if (tense === 'past') {
    const ok = cands.filter((c) => days(c.dt) <= 7);
    const best = ok[ok.length - 1];
    if (best && -days(best.dt) < 300) return best.yy;
  } else if (tense === 'future') {
    const ok = cands.filter((c) => days(c.dt) >= -7);
    if (ok[0] && days(ok[0].dt) < 300) return ok[0].yy;
  }
  let best = cands[0];
  for (const c of cands) if (Math.abs(days(c.dt)) < Math.abs(days(best.dt))) best = c;
  return best.yy;
}

/** A calendar date with an optional year. */
export function resolveDate(rc: ResolveCtx, y: number | null, m: number, d: number): Resolution | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  if (y !== null) {
    const dt = utcDate(y, m, d);
    return dt ? { value: fmtDay(dt), anchor: 'none' } : null;
  }
  const yy = yearFor(rc, m, d);
  if (yy === null) return { value: `XXXX-${pad(m)}-${pad(d)}`, anchor: 'none' };
  const dt = utcDate(yy, m, d);
  return dt ? { value: fmtDay(dt), anchor: 'DCT' } : { value: `XXXX-${pad(m)}-${pad(d)}`, anchor: 'none' };
}

/** A month with an optional year. `dir` -1/+1 forces last/next ("last May"). */
export function resolveMonth(rc: ResolveCtx, y: number | null, m: number, dir: -1 | 0 | 1 | null = null): Resolution | null {
  if (m < 1 || m > 12) return null;
  if (y !== null) return { value: `${pad(y, 4)}-${pad(m)}`, anchor: 'none' };
  if (!rc.dct) return { value: `XXXX-${pad(m)}`, anchor: 'none' };
  let yy: number;
  if (dir === -1) yy = m < rc.dct.month ? rc.dct.year : rc.dct.year - 1;
  else if (dir === 1) yy = m > rc.dct.month ? rc.dct.year : rc.dct.year + 1;
  else if (dir === 0) yy = rc.dct.year;
  else yy = yearFor(rc, m, null) ?? rc.dct.year;
  return { value: `${pad(yy, 4)}-${pad(m)}`, anchor: 'DCT' };
}

/** A weekday: past tense -> most recent (on or before the DCT), future -> next (on or after). */
export function resolveWeekday(rc: ResolveCtx, dow: number, dir: -1 | 0 | 1 | null = null): DateTime | string {
  if (!rc.dct) return `XXXX-WXX-${dow}`;
  let d: -1 | 0 | 1;
  if (dir !== null) d = dir;
  else if (rc.tense === 'future' || rc.tense === 'conditional' || (rc.tense === 'present' && !rc.reporting)) d = 1;
  else d = -1;
  if (dir === -1 && dow === rc.dct.weekday) return rc.dct.minus({ days: 7 });
  if (dir === 1 && dow === rc.dct.weekday) return rc.dct.plus({ days: 7 });
  return weekdayFrom(rc.dct, dow, d);
}

/** Format a duration: n units (fractions go to the next smaller unit when whole). */
export function durationValue(n: number | null, unit: string, time: boolean): string {
  const p = time ? 'PT' : 'P';
  if (n === null) return `${p}X${unit}`;
  if (Number.isInteger(n)) return `${p}${n}${unit}`;
  if (unit === 'Y' && Number.isInteger(n * 12)) {
    const y = Math.floor(n);
    const mo = Math.round((n - y) * 12);
    return y ? `P${y}Y${mo}M` : `P${mo}M`;
  }
  if (unit === 'H' && Number.isInteger(n * 60)) {
    const h = Math.floor(n);
    const mi = Math.round((n - h) * 60);
    return h ? `PT${h}H${mi}M` : `PT${mi}M`;
  }
  if (unit === 'M' && time && Number.isInteger(n * 60)) {
    const mi = Math.floor(n);
    const s = Math.round((n - mi) * 60);
    return mi ? `PT${mi}M${s}S` : `PT${s}S`;
  }
  if (unit === 'D' && Number.isInteger(n * 24)) return `PT${Math.round(n * 24)}H`;
  return `${p}${n}${unit}`;
}

export { fmtDay, fmtMonth };
