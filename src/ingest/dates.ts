/**
 * Publication-date (DCT) parsing for ingest.
 *
 * A DCT is a calendar date `YYYY-MM-DD` with no time zone: the date **as the
 * source writes it**. A datetime with a UTC offset (`2025-08-13T01:30:00+09:00`)
 * yields the local date of that offset (`2025-08-13`), never a date converted
 * to UTC or to the machine's zone; `Z` yields the UTC date; a datetime without
 * an offset yields its date part. The result never depends on the zone of the
 * machine that runs sitrep.
 */
import { DateTime } from 'luxon';
import { SitrepError } from '../errors.js';

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Earliest publication year accepted (news reports; TIMEX3 values need four-digit years). */
export const MIN_YEAR = 1000;

/**
 * Parse an ISO 8601 date or datetime (extended format: `YYYY-MM-DD`,
 * `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH[:MM]]`, a space instead of `T` is
 * accepted) and return its calendar date `YYYY-MM-DD` as written.
 * Surrounding whitespace is ignored.
 * @returns the date, or null when `value` is not such a string, names an
 *   impossible date/time (2025-02-30, hour 25, offset +19:00), or a year before
 *   {@link MIN_YEAR} (relative dates would reach negative TIMEX3 years).
 */
export function parseIsoDate(value: string): string | null {
  const m = ISO_RE.exec(value.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (y < MIN_YEAR) return null;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (m[4] !== undefined) {
    const hh = Number(m[4]);
    const mm = Number(m[5]);
    const ss = m[6] !== undefined ? Number(m[6]) : 0;
    if (hh > 24 || mm > 59 || ss > 60 || (hh === 24 && (mm > 0 || ss > 0))) return null;
  }
  if (m[7] !== undefined && m[7].toUpperCase() !== 'Z') {
    const off = m[7].replace(':', '');
    const oh = Number(off.slice(1, 3));
    const om = off.length > 3 ? Number(off.slice(3, 5)) : 0;
    if (oh > 18 || om > 59) return null;
  }
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * Like {@link parseIsoDate}, but for dates found in web pages: also accepts
 * RFC 2822 / HTTP dates (`Wed, 13 Aug 2025 10:00:00 +0000`), again keeping the
 * date in the offset the string states.
 * @returns `YYYY-MM-DD` or null when nothing parses.
 */
export function parseLooseDate(value: string): string | null {
  const iso = parseIsoDate(value);
  if (iso) return iso;
  const v = value.trim();
  for (const dt of [
    DateTime.fromRFC2822(v, { setZone: true }),
    DateTime.fromHTTP(v, { setZone: true }),
  ]) {
    if (dt.isValid) return dt.toISODate();
  }
  return null;
}

/**
 * Normalise a user-supplied publication date (option, JSON Lines field,
 * metadata file) to `YYYY-MM-DD`.
 * @param value ISO date or datetime (see {@link parseIsoDate}); null/undefined/'' pass through as null.
 * @param input the input the value came from, named in the error.
 * @throws SitrepError `invalid_date` when the value is not a valid ISO date/datetime.
 */
export function normalizeDate(value: string | null | undefined, input: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const d = parseIsoDate(value);
  if (d === null) {
    throw new SitrepError(
      'invalid_date',
      `${input}: invalid publication date ${JSON.stringify(value)} (expected an ISO date from year ${MIN_YEAR} on, such as 2025-08-13 or 2025-08-13T10:00:00+02:00)`,
      input,
    );
  }
  return d;
}
