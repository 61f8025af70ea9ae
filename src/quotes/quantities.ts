/**
 * Numeric claims: numbers in digits and words, ranges, bounds and
 * approximations, the counted noun, and who claims the number.
 *
 * - values: "11,000", "1.5 billion", "two million", "a dozen", "hundreds of" (a lower bound);
 * - ranges: "20,000 to 30,000", "20,000-30,000", "between 5 and 10", "from 5 to 10" -> min/max;
 * - bounds: "more than"/"over"/"at least" -> min; "up to"/"as many as"/"fewer than"/"under" -> max;
 *   "around"/"about"/"roughly"/"some"/"nearly"/"an estimated" -> approximate;
 * - unit: the counted noun as written, lower case ("troops", "people"); money with a currency
 *   sign -> ISO code ("USD"); percentages -> "percent";
 * - skipped: numbers inside a timex, years, times of day, dates ("March 15"), ordinals,
 *   identifiers ("F-16", "Flight 17", "No. 5"), ages ("81-year-old"), decades ("1990s");
 * - attribution: the attribution relation whose content holds the number ({@link findAttribution}).
 */
import type { Doc, Quantity, Token } from '../doc.js';
import type { Component } from '../pipeline.js';
import { findAttribution } from './attribution.js';
import { linkMeasures } from './measures.js';

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, k: 1e3, tn: 1e12, trn: 1e12,
};
/** "hundreds of", "dozens of": lower bounds. */
const PLURAL_SCALE: Record<string, number> = { dozens: 24, scores: 40, hundreds: 200, thousands: 2000, millions: 2e6, billions: 2e9, tens: 20 };
const CURRENCY: Record<string, string> = { $: 'USD', 'us$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₽': 'RUB', '₹': 'INR', '₴': 'UAH' };
const CURRENCY_WORDS: Record<string, string> = { dollars: 'USD', dollar: 'USD', euros: 'EUR', euro: 'EUR', pounds: 'GBP', yen: 'JPY', rubles: 'RUB', roubles: 'RUB', yuan: 'CNY', rupees: 'INR', hryvnia: 'UAH' };
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'jan.', 'feb', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug', 'aug.', 'sep.', 'sept', 'sept.', 'oct', 'oct.', 'nov', 'nov.', 'dec', 'dec.']);
const TIME_NOUNS = new Set(['a.m.', 'p.m.', 'am', 'pm', "o'clock", 'gmt', 'utc', 'est', 'edt', 'bst', 'cet', 'hrs', 'a.m', 'p.m']);
const ID_NOUNS = new Set(['no.', 'number', 'flight', 'route', 'highway', 'section', 'article', 'chapter', 'resolution', 'room', 'page', 'line', 'level', 'phase', 'grade', 'round', 'district', 'precinct', 'ward', 'game', 'seat', 'act', 'bill', 'amendment', 'paragraph', 'item', 'rule', 'title', 'version', 'model', 'unit', 'channel', 'track', 'episode', 'season', 'volume', 'vol.', 'p.', 'pp.', 'ch.', 'art.', 'sec.', 'tier', 'category', 'covid', 'covid-', 'g', 'g-']);
const APPROX_BEFORE = new Set(['around', 'about', 'roughly', 'approximately', 'some', 'nearly', 'almost', 'estimated', 'circa', 'ca.', 'approx.', '~', 'perhaps', 'possibly', 'reportedly', 'close']);
const MIN_BEFORE: Array<string[]> = [['more', 'than'], ['over'], ['at', 'least'], ['upwards', 'of'], ['in', 'excess', 'of'], ['greater', 'than'], ['no', 'fewer', 'than'], ['no', 'less', 'than'], ['exceeding'], ['above'], ['beyond']];
const MAX_BEFORE: Array<string[]> = [['up', 'to'], ['as', 'many', 'as'], ['as', 'much', 'as'], ['fewer', 'than'], ['less', 'than'], ['under'], ['at', 'most'], ['no', 'more', 'than'], ['below'], ['nearly'], ['almost'], ['just', 'under'], ['not', 'more', 'than']];
const APPROX_MAX = new Set(['nearly', 'almost', 'as many as', 'as much as', 'up to']);
const UNIT_SKIP_POS = new Set(['ADJ', 'NUM', 'PROPN', 'VERB']);

interface NumParse {
  /** token range [s, e) of the number expression itself */
  s: number;
  e: number;
  value: number;
  /** lower bound only ("hundreds of") */
  lowerOnly?: boolean;
  currency?: string;
  percent?: boolean;
}

function parseDigits(text: string): number | null {
  const t = text.replace(/,/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** "2m", "3.5bn", "$5" glued forms. */
function parseGlued(text: string): { value: number; currency?: string; percent?: boolean } | null {
  const m = /^([$€£¥₽₹₴])?(\d[\d,]*(?:\.\d+)?)(k|m|mn|bn|b|tn|%)?$/i.exec(text);
  if (!m) return null;
  const n = parseDigits(m[2]);
  if (n === null) return null;
  let v = n;
  let percent = false;
  if (m[3]) {
    if (m[3] === '%') percent = true;
    else v = n * (SCALE[m[3].toLowerCase()] ?? 1);
  }
  return { value: v, currency: m[1] ? CURRENCY[m[1]] : undefined, percent };
}

/** Parse a number expression starting at token i; returns null when none. */
function parseNumberAt(tokens: Token[], i: number, end: number): NumParse | null {
  let k = i;
  let currency: string | undefined;
  if (k < end && CURRENCY[tokens[k].text.toLowerCase()]) {
    currency = CURRENCY[tokens[k].text.toLowerCase()];
    k++;
  }
  if (k >= end) return null;
  const t = tokens[k];
  let value: number | null = null;
  let e = k + 1;
  let lowerOnly = false;
  const glued = parseGlued(t.text);
  if (glued) {
    value = glued.value;
    if (glued.currency) currency = glued.currency;
    if (glued.percent) return { s: i, e, value, currency, percent: true };
  } else if (t.lower in SMALL) {
    // "three-quarters", "two - thirds": fractions, not counts
    if (tokens[k + 1]?.text === '-' && /^(half|halves|thirds?|quarters?|fourths?|fifths?|tenths?)$/.test(tokens[k + 2]?.lower ?? '')) return null;
    value = SMALL[t.lower];
    // "twenty five" / "twenty-five"
    if (e < end && tokens[e].lower in SMALL && value >= 20 && SMALL[tokens[e].lower] < 10) {
      value += SMALL[tokens[e].lower];
      e++;
    }
    if (t.lower === 'one' && !(e < end && tokens[e].lower in SCALE)) return null; // "one of", "no one"
  } else if (/^(one|two|three|four|five|six|seven|eight|nine|ten)-(half|halves|third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|tenth|tenths)$/.test(t.lower)) {
    return null; // a fraction ("three-quarters"), not a count
  } else if (/^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)$/.test(t.lower)) {
    const [a, b] = t.lower.split('-');
    value = SMALL[a] + SMALL[b];
  } else if ((t.lower === 'a' || t.lower === 'an') && e < end && (tokens[e].lower === 'dozen' || tokens[e].lower in SCALE) && !/^(m|b|k|bn|mn|tn)$/.test(tokens[e].lower)) {
    value = 1;
  } else if (t.lower === 'dozen') {
    value = 12;
  } else if (t.lower in PLURAL_SCALE && e < end && tokens[e].lower === 'of') {
    return { s: i, e, value: PLURAL_SCALE[t.lower], lowerOnly: true, currency };
  } else {
    return null;
  }
  if (value === null) return null;
  // scales: "two million", "1.5 billion", "a dozen", "hundred thousand"
  while (e < end) {
    const w = tokens[e].lower;
    if (w === 'dozen') {
      value *= 12;
      e++;
    } else if (w in SCALE && (tokens[e].pos === 'NUM' || tokens[e].pos === 'NOUN' || /^(hundred|thousand|million|billion|trillion)$/.test(w))) {
      value *= SCALE[w];
      e++;
    } else break;
  }
  return { s: i, e, value, currency, lowerOnly };
}

function matchSeq(tokens: Token[], end: number, at: number, words: string[]): boolean {
  if (at < 0 || at + words.length > end) return false;
  for (let k = 0; k < words.length; k++) if (tokens[at + k].lower !== words[k]) return false;
  return true;
}

/** Is the number at token i a year, date, time, ordinal, age or identifier? */
function isNonQuantity(doc: Readonly<Doc>, tokens: Token[], p: NumParse, sStart: number, sEnd: number): boolean {
  const t = tokens[p.e - 1];
  const first = tokens[p.s];
  const prev = tokens[p.s - 1];
  const next = p.e < sEnd ? tokens[p.e] : undefined;
  const start = first.start;
  const end = t.end;
  for (const x of doc.timexes ?? []) if (x.start < end && start < x.end) return true;
  const raw = t.text;
  // identifiers / ordinals / mixed tokens
  if (/[a-z]/i.test(raw) && !/^[\d,.]+(k|m|mn|bn|b|tn)$/i.test(raw) && !(raw.toLowerCase() in SMALL) && !(raw.toLowerCase() in SCALE) && !(raw.toLowerCase() in PLURAL_SCALE) && raw.toLowerCase() !== 'dozen' && !/^(a|an)$/i.test(first.text) && !/^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-/i.test(raw)) return true;
  if (/^\d+(st|nd|rd|th)$/i.test(raw)) return true;
  // years: 4 digits 1800-2099 without separators and no scale
  if (p.e - p.s === 1 && /^(1[89]\d\d|20\d\d)$/.test(raw) && !p.currency) {
    if (!(next && (next.lower === 'people' || next.pos === 'NOUN' && !/^(election|elections|campaign|race|budget|season|census|olympics|summit|war|cycle|primary|primaries|convention|report|law|act|deal|agreement|level|levels)$/.test(next.lower)))) return true;
  }
  // times of day
  if (/^\d{1,2}[:.]\d\d$/.test(raw) && !/^\d+\.\d+$/.test(raw.replace(':', 'x'))) return true;
  if (/^\d{1,2}:\d\d$/.test(raw)) return true;
  if (next && TIME_NOUNS.has(next.lower)) return true;
  // dates: "March 15", "15 March", ", 2011"
  if (prev && MONTHS.has(prev.lower)) return true;
  if (next && MONTHS.has(next.lower) && p.e - p.s === 1 && Number(raw) <= 31) return true;
  // identifiers: "Flight 17", "No. 5", "Section 230", "Super Bowl 50"
  if (prev && ID_NOUNS.has(prev.lower)) return true;
  if (prev && /^(Day|Week|Year|Month|Stage|Part)$/.test(prev.text)) return true;
  if (prev && prev.pos === 'PROPN' && /^\p{Lu}/u.test(prev.text) && !p.currency && p.e - p.s === 1 && /^\d+$/.test(raw) && !(next && (next.pos === 'NOUN' || next.lower in SCALE))) return true;
  if (prev && (prev.text === '#' || prev.text === '-' || prev.text === '/')) return true;
  // ages and compounds: "81-year-old", "the 1990s"
  if (next && next.text === '-' && p.e + 1 < sEnd && /^(year|month|week|day|hour|minute|point)s?$/.test(tokens[p.e + 1].lower)) return true;
  // list numbering: "1." / "2)" opening a sentence
  if (p.s === sStart && p.e - p.s === 1 && /^\d{1,2}$/.test(raw) && (!next || next.text === '.' || next.text === ')' || next.text === ':')) return true;
  if (p.s === sStart && p.e === sEnd) return true;
  // "one of", pronoun "one"
  if (first.lower === 'one' && p.e - p.s === 1) return true;
  void sStart;
  return false;
}

/** The counted noun after token `i` (skipping adjectives/compounds, "of"), lower case, or null. */
function unitAfter(tokens: Token[], i: number, end: number): { unit: string | null; e: number } {
  let k = i;
  if (k < end && tokens[k].lower === 'of') k++;
  if (k < end && (tokens[k].lower === 'the' || tokens[k].lower === 'them' || tokens[k].lower === 'those')) return { unit: null, e: i };
  if (k < end && (tokens[k].lower === 'percent' || tokens[k].lower === '%' || (tokens[k].lower === 'per' && k + 1 < end && tokens[k + 1].lower === 'cent'))) {
    return { unit: 'percent', e: tokens[k].lower === 'per' ? k + 2 : k + 1 };
  }
  if (k < end && tokens[k].lower === 'percentage' && k + 1 < end && tokens[k + 1].lower === 'points') return { unit: 'percentage points', e: k + 2 };
  let head: number = -1;
  let j = k;
  while (j < end && j < k + 5) {
    const t = tokens[j];
    if (t.pos === 'NOUN' || (t.pos === 'PROPN' && /^\p{Ll}/u.test(t.text))) {
      head = j;
      j++;
      continue;
    }
    if (UNIT_SKIP_POS.has(t.pos) && head < 0 && t.pos !== 'VERB') {
      j++;
      continue;
    }
    if (t.pos === 'VERB' && head < 0 && /ed$/.test(t.lower) && j + 1 < end && tokens[j + 1].pos === 'NOUN') {
      // "20,000 armed soldiers"
      j++;
      continue;
    }
    if (t.text === '-' && head < 0) {
      j++;
      continue;
    }
    break;
  }
  if (head < 0) return { unit: null, e: i };
  return { unit: tokens[head].lower, e: head + 1 };
}

/** Extract numeric claims from a document. */
export function extractQuantities(doc: Readonly<Doc>): Quantity[] {
  const out: Quantity[] = [];
  const tokens = doc.tokens;
  const text = doc.document.text;
  for (let si = 0; si < doc.sentences.length; si++) {
    const sent = doc.sentences[si];
    let i = sent.tokenStart;
    while (i < sent.tokenEnd) {
      // hyphenated range inside one token: "20,000-30,000", "30-40"
      const tk = tokens[i];
      const hyph = /^([$€£]?\d[\d,]*(?:\.\d+)?)[-–]([$€£]?\d[\d,]*(?:\.\d+)?)$/.exec(tk.text);
      let p1: NumParse | null = null;
      let p2: NumParse | null = null;
      if (hyph) {
        const a = parseGlued(hyph[1]);
        const b = parseGlued(hyph[2]);
        if (a && b && !(tokens[i - 1] && (ID_NOUNS.has(tokens[i - 1].lower) || MONTHS.has(tokens[i - 1].lower)))) {
          // scale after: "20-30 million"
          let e = i + 1;
          let mult = 1;
          while (e < sent.tokenEnd && tokens[e].lower in SCALE && !/^(m|b|k)$/.test(tokens[e].lower)) {
            mult *= SCALE[tokens[e].lower];
            e++;
          }
          p1 = { s: i, e: i + 1, value: a.value * mult, currency: a.currency };
          p2 = { s: i, e, value: b.value * mult, currency: b.currency ?? a.currency };
        }
      } else {
        p1 = parseNumberAt(tokens, i, sent.tokenEnd);
      }
      if (!p1) {
        i++;
        continue;
      }
      if (!hyph && isNonQuantity(doc, tokens, p1, sent.tokenStart, sent.tokenEnd)) {
        i = p1.e;
        continue;
      }
      let s = p1.s;
      let e = p2 ? p2.e : p1.e;
      let min: number | undefined;
      let max: number | undefined;
      let value: number | undefined;
      let approximate = false;
      let currency = p1.currency;
      let percent = !!p1.percent;
      // "X to Y", "X and Y" after between, "X-Y" split by tokenizer, "X or Y"
      if (!p2) {
        const j = p1.e;
        const sep = j < sent.tokenEnd ? tokens[j].lower : '';
        const between = s - 1 >= sent.tokenStart && (tokens[s - 1].lower === 'between' || tokens[s - 1].lower === 'from');
        if ((sep === 'to' || sep === '-' || sep === '–' || (sep === 'and' && between) || sep === 'or') && j + 1 < sent.tokenEnd) {
          const q = parseNumberAt(tokens, j + 1, sent.tokenEnd);
          if (q && !q.lowerOnly) {
            p2 = q;
            // "20 to 30 million": the scale of the second applies to the first
            if (p1.e - p1.s === 1 && q.e - q.s > 1 && p1.value < q.value / 100) p1 = { ...p1, value: p1.value * (q.value / (parseGlued(tokens[q.s].text)?.value ?? SMALL[tokens[q.s].lower] ?? q.value)) };
            e = q.e;
            if (between) s = s - 1;
            currency = currency ?? q.currency;
            percent = percent || !!q.percent;
          }
        }
      }
      if (p2) {
        min = Math.min(p1.value, p2.value);
        max = Math.max(p1.value, p2.value);
      } else if (p1.lowerOnly) {
        min = p1.value;
        approximate = true;
      } else {
        value = p1.value;
      }
      // modifiers before
      let b = s;
      if (b - 1 >= sent.tokenStart && tokens[b - 1].lower === 'an' && b - 2 >= sent.tokenStart) void 0;
      let boundDone = false;
      for (const seq of MIN_BEFORE) {
        if (matchSeq(tokens, sent.tokenEnd, s - seq.length, seq)) {
          if (value !== undefined) {
            min = value;
            value = undefined;
          }
          b = s - seq.length;
          boundDone = true;
          break;
        }
      }
      if (!boundDone) {
        for (const seq of MAX_BEFORE) {
          if (matchSeq(tokens, sent.tokenEnd, s - seq.length, seq)) {
            if (value !== undefined) {
              max = value;
              value = undefined;
            }
            if (APPROX_MAX.has(seq.join(' '))) approximate = true;
            b = s - seq.length;
            boundDone = true;
            break;
          }
        }
      }
      if (b - 1 >= sent.tokenStart && APPROX_BEFORE.has(tokens[b - 1].lower)) {
        approximate = true;
        b = b - 1;
        if (tokens[b].lower === 'estimated' && b - 1 >= sent.tokenStart && /^(an|the)$/.test(tokens[b - 1].lower)) b--;
        if (tokens[b].lower === 'close' && b + 1 < s && tokens[b + 1].lower === 'to') void 0;
      } else if (b - 2 >= sent.tokenStart && tokens[b - 1].lower === 'to' && tokens[b - 2].lower === 'close') {
        approximate = true;
        b -= 2;
      }
      // unit
      let unit: string | null = null;
      let ue = e;
      if (percent) unit = 'percent';
      else {
        const u = unitAfter(tokens, e, sent.tokenEnd);
        unit = u.unit;
        if (u.unit) ue = u.e;
        if (unit && unit in CURRENCY_WORDS && !currency) {
          currency = CURRENCY_WORDS[unit];
        }
        if (unit === 'percent' || unit === 'percentage points') {
          // keep
        } else if (currency) {
          unit = currency;
        }
      }
      if (currency && !percent) unit = currency;
      const startTok = b;
      const endTok = Math.max(e, ue);
      const start = tokens[startTok].start;
      const end = tokens[endTok - 1].end;
      const q: Quantity = {
        text: text.slice(start, end),
        start,
        end,
        unit,
        approximate,
        attribution: null,
        event: null,
        eventRule: null,
        sentence: si,
        rule: 'quantities:' + (min !== undefined && max !== undefined ? 'range' : min !== undefined ? 'lower-bound' : max !== undefined ? 'upper-bound' : 'value'),
      };
      if (value !== undefined) q.value = value;
      if (min !== undefined) q.min = min;
      if (max !== undefined) q.max = max;
      q.attribution = findAttribution(doc, si, { start: tokens[s].start, end: tokens[e - 1].end });
      out.push(q);
      i = endTok;
    }
  }
  return out;
}

/** Pipeline component: assigns `quantities`, each linked to the event it measures ({@link linkMeasures}). */
export const quantitiesComponent: Component = {
  name: 'quantities',
  requires: ['tokens', 'sentences', 'entities', 'timexes', 'quotes', 'events'],
  assigns: ['quantities'],
  run: (doc) => ({ quantities: linkMeasures(doc, extractQuantities(doc)) }),
};
