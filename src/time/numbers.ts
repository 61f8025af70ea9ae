/**
 * Number parsing for time expressions: digits ("48", "2 1/2", "1.5"), words
 * ("twenty-four", "two and a half", "a couple of") and vague quantities
 * ("several" -> null, meaning unknown: `X` in TIMEX3 values).
 */
import { NUMBER_WORDS, ORDINAL_WORDS } from './lexicon.js';

const WORD_KEYS = Object.keys(NUMBER_WORDS)
  .filter((w) => w !== 'a' && w !== 'an' && w !== 'single' && w !== 'dozen')
  .sort((a, b) => b.length - a.length);

/** Regex source for one number word. */
export const NUM_WORD = `(?:${WORD_KEYS.join('|')})`;

/** Regex source for a (possibly vague) count before a unit. Matches "a couple of", "several", "2 1/2", "twenty-four", ... */
export const NUM =
  `(?:\\d+\\s+1\\/2|\\d+(?:\\.\\d+)?|${NUM_WORD}(?:(?:-|\\s+)(?:and\\s+)?${NUM_WORD}){0,3}(?:\\s+and\\s+a\\s+half)?|an?\\s+couple\\s+of|couple\\s+of|a\\s+dozen|an?|single|half\\s+an?|a\\s+half)`;

/** Vague counts: regex source. */
export const VAGUE = `(?:a\\s+few|few|several|many|some|a\\s+number\\s+of|numerous|countless|dozens\\s+of|hundreds\\s+of|thousands\\s+of|a\\s+handful\\s+of|a\\s+matter\\s+of|multiple)`;

/** Ordinal day numbers and words. */
export const ORD_WORD = `(?:${Object.keys(ORDINAL_WORDS).sort((a, b) => b.length - a.length).join('|')})`;

/** Parse a count; null when vague or unparseable. */
export function parseNumber(raw: string): number | null {
  const s = raw.toLowerCase().trim().replace(/\s+/g, ' ');
  if (!s) return null;
  let m = /^(\d+) 1\/2$/.exec(s);
  if (m) return +m[1] + 0.5;
  if (/^\d+(\.\d+)?$/.test(s)) return parseFloat(s);
  if (s === 'a' || s === 'an' || s === 'single') return 1;
  if (s === 'a couple of' || s === 'an couple of' || s === 'couple of') return 2;
  if (s === 'a dozen') return 12;
  if (s === 'half a' || s === 'half an' || s === 'a half') return 0.5;
  let half = 0;
  let body = s;
  m = /^(.*) and a half$/.exec(s);
  if (m) {
    half = 0.5;
    body = m[1];
  }
  const parts = body.split(/[-\s]+/).filter((p) => p && p !== 'and');
  if (!parts.length) return null;
  let total = 0;
  let cur = 0;
  for (const p of parts) {
    const v = NUMBER_WORDS[p];
    if (v === undefined) return null;
    if (v === 100) cur = (cur || 1) * 100;
    else if (v === 1000) {
      total += (cur || 1) * 1000;
      cur = 0;
    } else if (cur % 100 === 0 || (cur % 10 === 0 && cur % 100 >= 20 && v < 10)) cur += v;
    else return null; // "two and four" is two numbers, not six
  }
  return total + cur + half;
}

/** Parse an ordinal ("3rd", "third", "twenty-first"); null when not an ordinal. */
export function parseOrdinal(raw: string): number | null {
  const s = raw.toLowerCase().trim();
  const m = /^(\d+)(?:st|nd|rd|th)?$/.exec(s);
  if (m) return +m[1];
  return ORDINAL_WORDS[s] ?? null;
}
