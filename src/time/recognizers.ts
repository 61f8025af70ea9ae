/**
 * Recognisers: each one is a regular expression over the document text plus
 * a function that turns a match into a {@link Candidate} whose `resolve`
 * computes the TIMEX3 value. Overlaps are settled later by the refiners
 * (longest span first), so recognisers may overlap freely.
 */
import type { TimexType } from '../doc.js';
import { easter, fmtDay, fmtGran, fmtMonth, fmtQuarter, fmtWeek, fmtYear, nthWeekday, pad, parseValue, shift, unknownAt, utcDate } from './calendar.js';
import { DECADE_WORDS, EVALUATIVE_PERIOD_ADJ, FIXED_HOLIDAYS, FLOATING_HOLIDAYS, MONTHS, NUMBER_WORDS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS } from './lexicon.js';
import type { Granularity } from './lexicon.js';
import { NUM, NUM_WORD, ORD_WORD, VAGUE, parseNumber, parseOrdinal } from './numbers.js';
import { durationValue, modOf, relToDct, relToRef, resolveDate, resolveMonth, resolveWeekday, withMod, yearFor } from './resolve.js';
import type { Candidate, Recognizer, Resolution, ResolveCtx, TimeContext } from './types.js';

// ---------------------------------------------------------------------------
// regex building blocks
// ---------------------------------------------------------------------------

const MONTH_FULL = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTH_ABBR = 'Jan|Feb|Febr|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
/** A month name (case-insensitive in the regex; capitalisation is checked in code). */
const MONTH = `(?:${MONTH_FULL}|(?:${MONTH_ABBR})\\.?)`;
const WEEKDAY_FULL = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const WEEKDAY = `(?:${WEEKDAY_FULL}|(?:Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun)\\.)`;
const DAYNUM = `(?:[12]\\d|3[01]|0?[1-9])`;
const DAY = `(?:${DAYNUM}(?:st|nd|rd|th)?|${ORD_WORD})`;
const YEAR4 = `(?:1[0-9]\\d\\d|20\\d\\d|2100)`;
const PART = `(?:morning|afternoon|evening|night|overnight)`;
/** Start/middle/end modifier before a date phrase. */
const PRE = `(?:(?:the\\s+)?(?:very\\s+)?(?:beginning|start|middle|end|close|turn|latter\\s+part|early\\s+part|later\\s+part)\\s+of\\s+|(?:early|mid|late)(?:-|\\s+)|mid)`;
const UNIT = `(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))`;
const B = '(?<![\\w$€£.-])'; // left boundary: not inside a word, number or amount
const E = '(?![\\w]|-\\d)'; // right boundary

function monthOf(s: string): number | null {
  const k = s.toLowerCase().replace(/\.$/, '');
  return MONTHS[k] ?? null;
}

function weekdayOf(s: string): number | null {
  return WEEKDAYS[s.toLowerCase().replace(/\.$/, '')] ?? null;
}

/** Month names must be capitalised ("may" / "march" are verbs). */
function capitalised(s: string): boolean {
  return /^[A-Z]/.test(s);
}

function yearOf(s: string | undefined, rc: ResolveCtx | null): number | null {
  if (!s) return null;
  const t = s.replace(/^['’]/, '');
  if (t.length === 4) return +t;
  const yy = +t;
  if (rc?.dct) {
    const c = Math.floor(rc.dct.year / 100) * 100;
    const y = c + yy;
    return y > rc.dct.year + 10 ? y - 100 : y;
  }
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

type Make = (m: RegExpExecArray, ctx: TimeContext) => Candidate | Candidate[] | null;

function rx(name: string, source: string, make: Make, flags = 'gi'): Recognizer {
  const re = new RegExp(source, flags);
  return {
    kind: 'recognizer',
    name,
    find(ctx) {
      const out: Candidate[] = [];
      // line by line: no expression spans a line break (headline, dateline and body stay apart)
      const text = ctx.text;
      let lineStart = 0;
      while (lineStart <= text.length) {
        let lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0) lineEnd = text.length;
        if (lineEnd > lineStart) {
          const line = lineStart === 0 && lineEnd === text.length ? text : text.slice(lineStart, lineEnd);
          re.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = re.exec(line)) !== null) {
            if (m[0].length === 0) {
              re.lastIndex++;
              continue;
            }
            m.index += lineStart;
            const c = make(m, ctx);
            if (Array.isArray(c)) out.push(...c);
            else if (c) out.push(c);
          }
        }
        lineStart = lineEnd + 1;
      }
      return out;
    },
  };
}

function mk(
  m: RegExpExecArray,
  rule: string,
  type: TimexType,
  resolve: (rc: ResolveCtx) => Resolution | null,
  extra: Partial<Candidate> = {},
): Candidate {
  return { start: m.index, end: m.index + m[0].length, rule, type, resolve, ...extra };
}

const fixed = (value: string, mod?: string) => (): Resolution => ({ value, anchor: 'none', ...(mod ? { mod } : {}) });

const TAG_DAY = new Set(['day']);
const TAG_CLOCK = new Set(['clock']);
const TAG_YEAR = new Set(['year']);

// ---------------------------------------------------------------------------
// explicit calendar dates
// ---------------------------------------------------------------------------

/** 2025-08-12, 2025/08/12, optionally with a clock time (2025-08-12T10:00). */
const isoDate = rx('time:iso-date', `${B}(?<y>${YEAR4})(?<s>[-/])(?<m>0[1-9]|1[0-2])\\k<s>(?<d>${DAYNUM})(?:[T ](?<hh>[01]\\d|2[0-3]):(?<mi>[0-5]\\d)(?::(?<ss>[0-5]\\d))?(?<z>Z)?)?${E}`, (m) => {
  const g = m.groups!;
  const dt = utcDate(+g.y, +g.m, +g.d);
  if (!dt) return null;
  if (g.hh) {
    return mk(m, 'time:iso-datetime', 'TIME', () => ({ value: `${fmtDay(dt)}T${g.hh}:${g.mi}${g.ss ? ':' + g.ss : ''}${g.z ?? ''}`, anchor: 'none' }));
  }
  return mk(m, 'time:iso-date', 'DATE', () => ({ value: fmtDay(dt), anchor: 'none' }), { tags: TAG_DAY });
});

/** US numeric dates 7/8/07, 08/12/2025 (month first). */
const slashDate = rx('time:slash-date', `${B}(?<m>0?[1-9]|1[0-2])/(?<d>${DAYNUM})/(?<y>\\d{4}|\\d{2})(?![\\w/]|-\\d)`, (m) => {
  const g = m.groups!;
  return mk(m, 'time:slash-date', 'DATE', (rc) => resolveDate(rc, yearOf(g.y.length === 2 ? `'${g.y}` : g.y, rc), +g.m, +g.d), { tags: TAG_DAY });
});

/**
 * Month-day(-year), with optional weekday in front and range end after:
 * "Aug. 12", "August 12, 2025", "Tuesday, Aug. 12", "Aug. 8-10", "March eighth".
 */
const monthDay = rx(
  'time:month-day',
  `${B}(?:(?<wd>${WEEKDAY}),?\\s+(?:the\\s+)?)?(?<mon>${MONTH})\\s+(?<day>${DAY})(?!\\d|,\\d{3}|\\s*%|\\.\\d|:\\d)(?:(?:,\\s*|\\s+)(?<year>${YEAR4})(?![\\d,]\\d))?(?:(?<rsep>\\s*[-–]\\s*|\\s+(?:to|through|and|until|till)\\s+)(?<rday>${DAYNUM})(?:st|nd|rd|th)?(?![\\w%]|[.,]\\d|\\s+(?:${MONTH})))?${E}`,
  (m) => {
    const g = m.groups!;
    if (!capitalised(g.mon)) return null;
    const mon = monthOf(g.mon);
    const day = parseOrdinal(g.day);
    if (!mon || !day || day > 31) return null;
    // "May 5" with an abbreviation lacking a period but followed by a number is fine; "March 3 percent" is not.
    const yearStr = g.year;
    const text = m[0];
    let endMain = m.index + text.length;
    const out: Candidate[] = [];
    if (g.rday !== undefined) {
      const rs = m.index + text.lastIndexOf(g.rday);
      const re = m.index + text.length;
      endMain = rs - g.rsep.length;
      const rd = +g.rday;
      if (rd > day && rd <= 31) {
        out.push({
          start: rs,
          end: re,
          rule: 'time:range-end',
          type: 'DATE',
          tags: TAG_DAY,
          resolve: (rc) => resolveDate(rc, yearStr ? +yearStr : null, mon, rd),
        });
      } else endMain = re; // not a range: keep whole
    }
    const rule = g.wd ? 'time:weekday-month-day' : yearStr ? 'time:month-day-year' : 'time:month-day';
    out.unshift({
      start: m.index,
      end: endMain,
      rule,
      type: 'DATE',
      tags: TAG_DAY,
      priority: 2,
      resolve: (rc) => resolveDate(rc, yearStr ? +yearStr : null, mon, day),
    });
    return out;
  },
);

/** Day-month(-year): "12 August", "12 Aug. 2025", "the 12th of August". */
const dayMonth = rx(
  'time:day-month',
  `${B}(?:(?<wd>${WEEKDAY}),?\\s+)?(?:the\\s+)?(?:(?<fday>${DAYNUM})(?:st|nd|rd|th)?(?<fsep>\\s*[-–]\\s*|\\s+(?:and|to|through|until|till)\\s+))?(?<day>${DAY})(?:\\s+of)?\\s+(?<mon>${MONTH})(?:,?\\s+(?<year>${YEAR4})(?![\\d,]\\d))?${E}`,
  (m) => {
    const g = m.groups!;
    if (!capitalised(g.mon)) return null;
    const mon = monthOf(g.mon);
    const day = parseOrdinal(g.day);
    if (!mon || !day || day > 31) return null;
    const y = g.year ? +g.year : null;
    // bare "the first of May" is fine; "3 May" requires the number to be a plausible day
    const main = mk(m, g.year ? 'time:day-month-year' : 'time:day-month', 'DATE', (rc) => resolveDate(rc, y, mon, day), { tags: TAG_DAY, priority: 1 });
    if (g.fday === undefined) return main;
    // "3-5 August", "3 and 4 August": two dates, as TimeBank splits "Aug. 18-20"
    const fd = +g.fday;
    const fStart = m.index + m[0].indexOf(g.fday, g.wd ? g.wd.length : 0);
    if (fd >= day) {
      // not a range ("25 and 3 May"): only the second part is a date
      main.start = fStart + g.fday.length + g.fsep.length;
      return main;
    }
    main.start = fStart + g.fday.length + g.fsep.length;
    const first: Candidate = { start: g.wd ? m.index : fStart, end: fStart + g.fday.length, rule: 'time:range-start', type: 'DATE', tags: TAG_DAY, priority: 1, resolve: (rc) => resolveDate(rc, y, mon, fd) };
    // the range as a whole resolves its year once, from the later day: both ends share it
    return [first, main];
  },
);

/** Month and year: "August 2025", "Aug. of 2025", "mid-August 2025". */
const monthYear = rx('time:month-year', `${B}(?<pre>${PRE})?(?<mon>${MONTH})(?:,?\\s+of)?,?\\s+(?<year>${YEAR4})(?![\\d,]\\d)${E}`, (m) => {
  const g = m.groups!;
  if (!capitalised(g.mon)) return null;
  const mon = monthOf(g.mon);
  if (!mon) return null;
  return mk(m, 'time:month-year', 'DATE', (rc) => withMod(resolveMonth(rc, +g.year, mon), modOf(g.pre)));
});

/** "the last week of March", "the first week of May 2024", "the week of March 6". */
const weekOfMonth = rx(
  'time:week-of-month',
  `${B}the\\s+(?:(?<nth>first|second|third|fourth|last|final)\\s+)?week\\s+of\\s+(?<mon>${MONTH})(?:\\s+(?<day>${DAYNUM})(?:st|nd|rd|th)?)?(?:,?\\s+(?<year>${YEAR4}))?${E}`,
  (m) => {
    const g = m.groups!;
    if (!capitalised(g.mon)) return null;
    const mon = monthOf(g.mon)!;
    if (!g.nth && !g.day) return null;
    return mk(m, 'time:week-of-month', 'DATE', (rc) => {
      const y = g.year ? +g.year : rc.dct ? yearForMonth(rc, mon) : null;
      if (y === null) return { value: 'XXXX-WXX', anchor: 'none' };
      // an ISO week belongs to the month holding its Thursday: "the last week of March" is the week of March's last Thursday
      const nth = g.nth?.toLowerCase();
      const d = g.day ? utcDate(y, mon, +g.day) : nthWeekday(y, mon, 4, nth === 'last' || nth === 'final' ? -1 : ({ first: 1, second: 2, third: 3, fourth: 4 } as Record<string, number>)[nth!]);
      if (!d) return null;
      return { value: fmtWeek(d), anchor: g.year ? 'none' : 'DCT' };
    });
  },
);

function yearForMonth(rc: ResolveCtx, mon: number): number | null {
  const r = resolveMonth(rc, null, mon);
  return r && /^\d{4}/.test(r.value) ? +r.value.slice(0, 4) : null;
}

/** Month and relative year: "February this year", "April next year", "early October last year". */
const monthRelYear = rx('time:month-rel-year', `${B}(?<pre>${PRE})?(?<mon>${MONTH_FULL}|(?:${MONTH_ABBR})\\.)\\s+(?:of\\s+)?(?<rel>this|last|next)\\s+year${E}`, (m) => {
  const g = m.groups!;
  if (!capitalised(g.mon)) return null;
  const mon = monthOf(g.mon)!;
  const n = { this: 0, last: -1, next: 1 }[g.rel.toLowerCase() as 'this' | 'last' | 'next'];
  // TimeBank spans stop at the month ("in [February] this year"); the year word still decides the value
  const monEnd = m.index + (g.pre ?? '').length + g.mon.length;
  return mk(m, 'time:month-rel-year', 'DATE', (rc) => withMod(rc.dct ? { value: `${pad(rc.dct.year + n, 4)}-${pad(mon)}`, anchor: 'DCT' } : { value: `XXXX-${pad(mon)}`, anchor: 'none' }, modOf(g.pre)), { spanEnd: monEnd });
});

/** A month alone: "in July", "last May", "early September", "this coming January". */
const monthAlone = rx(
  'time:month',
  `${B}(?<pre>${PRE})?(?:(?<rel>last|next|this|this\\s+past|this\\s+coming|past|coming)\\s+)?(?<mon>${MONTH_FULL}|(?:${MONTH_ABBR})\\.)(?!\\s*\\d)${E}`,
  (m, ctx) => {
    const g = m.groups!;
    if (!capitalised(g.mon)) return null;
    const mon = monthOf(g.mon);
    if (!mon) return null;
    // "May" / "March" alone need a temporal lead-in: a preposition or a modifier
    if (!g.pre && !g.rel && (mon === 5 || mon === 3)) {
      const before = ctx.text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
      if (!/\b(?:in|since|until|till|by|from|through|of|before|after|during|to|early|late|mid|last|next|this|between|and|or|on|the)\s+$/.test(before)) return null;
    }
    // person names: "April Smith" -> followed by a capitalised word that is not a month/weekday
    const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (/^\s+[A-Z][a-z]+/.test(after) && !/^\s+(?:and|or|to|through)\b/i.test(after)) {
      const w = /^\s+([A-Z][a-z]+)/.exec(after)![1];
      if (!WEEKDAYS[w.toLowerCase()] && !MONTHS[w.toLowerCase()] && w !== 'The') return null;
    }
    const rel = g.rel?.toLowerCase().replace(/\s+/g, ' ');
    const dir: -1 | 0 | 1 | null = rel === 'last' || rel === 'this past' || rel === 'past' ? -1 : rel === 'next' || rel === 'this coming' || rel === 'coming' ? 1 : rel === 'this' ? 0 : null;
    // a futures contract or delivery month ("the December contract", "for March delivery") is still to come:
    // the next such month, the DCT's own month included, whatever the tense of the report
    if (!rel && /^\s+(?:contracts?|futures|delivery|deliveries|options?|shipments?|loading|loadings)\b/i.test(after)) {
      return mk(m, 'time:month', 'DATE', (rc) => {
        if (!rc.dct) return withMod(resolveMonth(rc, null, mon, null), modOf(g.pre));
        return withMod({ value: `${pad(mon >= rc.dct.month ? rc.dct.year : rc.dct.year + 1, 4)}-${pad(mon)}`, anchor: 'DCT' }, modOf(g.pre));
      });
    }
    return mk(m, 'time:month', 'DATE', (rc) => withMod(resolveMonth(rc, null, mon, dir), modOf(g.pre)));
  },
);

// ---------------------------------------------------------------------------
// years, decades, centuries
// ---------------------------------------------------------------------------

/** Nouns after a number that make it a count, not a year ("2000 troops"). */
const COUNT_NOUN = /^\s+(?:troops|soldiers|people|persons|residents|civilians|refugees|migrants|workers|employees|jobs|students|votes|voters|seats|members|delegates|deaths|dead|casualties|victims|cases|units|cars|vehicles|homes|houses|buildings|tons|tonnes|barrels|shares|dollars|euros|pounds|yuan|yen|rubles|rupees|points|percent|miles|kilometers|kilometres|km|meters|metres|feet|acres|hectares|hours|minutes|seconds|days|weeks|months|years|times|pages|words|rounds|missiles|rockets|drones|tanks|aircraft|planes|jets|ships|boats|police|officers|protesters|demonstrators|fighters|militants|rebels|prisoners|detainees|hostages|signatures|copies|items|products|stores|flights|passengers|customers|users|subscribers|households|families|children|women|men|individuals|patients|doctors|nurses|beds|cattle|head|sq|square|mph|kph|mw|megawatts|gigawatts|kg|lbs|pounds|calories|bpd|b\/d|rpm|hp|cc|ft|m|mm|cm|ml|gb|mb|kb)\b/i;

/** Words before a number that make it an identifier or a quantity, not a year. */
const ID_BEFORE = /(?:\b(?:no\.?|nos\.?|number|flight|route|room|page|pages|chapter|section|article|art|resolution|rule|code|model|version|v|highway|interstate|bus|train|apartment|suite|box|unit|platoon|brigade|battalion|division|regiment|squadron|exit|gate|pier|lot|tier|level|grade|channel|frequency|item|line|batch|serial|account|id|order|case|bill|act|precinct|district|ward|post|mile|km|kilometer|kilometre|at|about|around|nearly|approximately|some|over|under|than|top|beat|beats|defeated|scored|score|scores|dow|index|nasdaq|s&p|ftse|nikkei|dax|cac|hang seng)\s+|\b(?:closed|rose|fell|dropped|gained|lost|climbed|slipped|jumped|reached|hit|at)\s+(?:to\s+|by\s+|at\s+)?)$/i;

/** Prepositions and words that make a plausible year much more likely. */
const YEAR_CONTEXT = /(?:\b(?:in|since|by|until|till|from|through|during|before|after|of|early|late|mid|fiscal|calendar|year|years|circa|c\.|spring|summer|fall|autumn|winter|end|start|beginning|middle|for|between|around|throughout|the|ad|bc|season|election|elections|census|budget|class|vintage|model|world\s+cup|olympics|games|january|february|march|april|may|june|july|august|september|october|november|december)\s*[-,]?\s*)$/i;

/** A four-digit year ("2024", "fiscal 2024", "mid-2024", "the end of 1990"). */
const year = rx(
  'time:year',
  `${B}(?<pre>${PRE}|(?:post|pre)-)?(?<fy>(?:fiscal|calendar|FY)(?:\\s+|-)?(?:year\\s+)?)?(?<year>${YEAR4})(?!\\d|,\\d{3}|\\.\\d|\\s*%|\\s*-\\s*\\d{3}|[-/]\\d|:\\d)(?<fy2>-(?:\\d\\d))?${E}`,
  (m, ctx) => {
    const g = m.groups!;
    const y = +g.year;
    if (y < 1000 || y > 2100) return null;
    const yearStart = m.index + m[0].indexOf(g.year, g.pre ? g.pre.length : 0);
    const before = ctx.text.slice(Math.max(0, yearStart - 30), yearStart);
    const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const strong = !!g.pre || !!g.fy || YEAR_CONTEXT.test(before);
    // money, identifiers, counts, scores
    if (/[$€£#¥]\s*$/.test(before) || /\b(?:us|usd|eur|rs|c)\$?\s*$/i.test(before)) return null;
    if (!g.pre && !g.fy && /\d[\s.]*$/.test(before)) return null; // digit groups: phone numbers, '555 2021'
    if (!g.pre && !g.fy && ID_BEFORE.test(before) && !YEAR_CONTEXT.test(before)) return null;
    if (COUNT_NOUN.test(after)) return null;
    if (/^\s*(?:[-–]\s*\d{1,2}\b(?!\d)|:\s*\d)/.test(after) && !g.fy2) return null; // scores 2024-3? times
    if (/^\s*(?:million|billion|trillion|thousand|bn|mn|m\b|k\b)/i.test(after)) return null;
    // "2005 per head", "1990 apiece" (amounts); "2012 Main Street" (addresses)
    if (!strong && /^\s*(?:per|apiece|each)\b/i.test(after)) return null;
    if (!g.pre && !g.fy && /^\s+(?:[A-Z][a-z]+\s+){1,2}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Place|Square)(?!\w)/.test(after)) return null;
    if (y < 1800 && !strong) return null;
    if (y > 2060 && !strong) return null;
    // standalone 4-digit numbers in running text: accept unless they look like quantities
    const mod = /^post/i.test(g.pre ?? '') ? 'AFTER' : /^pre-/i.test(g.pre ?? '') ? 'BEFORE' : modOf(g.pre);
    return mk(m, g.fy ? 'time:fiscal-year' : 'time:year', 'DATE', () => ({ value: pad(y, 4), anchor: 'none', ...(mod ? { mod } : {}) }), { tags: TAG_YEAR });
  },
);

/** Two-digit years with an apostrophe in a year context: "in '98". */
const shortYear = rx('time:short-year', `(?<=\\b(?:in|since|by|of|until|from|before|after|class of|spring|summer|fall|autumn|winter)\\s)['’](?<yy>\\d\\d)(?![\\w'’])`, (m) => {
  const yy = m.groups!.yy;
  return mk(m, 'time:short-year', 'DATE', (rc) => ({ value: pad(yearOf(`'${yy}`, rc)!, 4), anchor: rc.dct ? 'DCT' : 'none' }));
});

/** Decades: "the 1990s", "the early '90s", "the nineties", "the mid-1980s". */
const decade = rx(
  'time:decade',
  `${B}(?:the\\s+)?(?<pre>${PRE})?(?:(?<full>1[0-9]\\d0|20\\d0)['’]?s|['’](?<short>\\d0)['’]?s|(?<bare>[1-9]0)s|(?<word>${Object.keys(DECADE_WORDS).join('|')}))${E}`,
  (m, ctx) => {
    const g = m.groups!;
    let dec: number | null = null;
    if (g.full) dec = Math.floor(+g.full / 10);
    const mod = modOf(g.pre);
    if (g.full) return mk(m, 'time:decade', 'DATE', () => ({ value: pad(dec!, 3), anchor: 'none', ...(mod ? { mod } : {}) }));
    if (g.bare) {
      // "the 70s", "the 70s and 80s": only with an article or a coordinated decade (else ages / temperatures)
      const before = ctx.text.slice(Math.max(0, m.index - 10), m.index).toLowerCase();
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 10).toLowerCase();
      if (!/^the\s/i.test(m[0]) && !/\b(?:the|and|or)\s+$/.test(before) && !/^\s+(?:and|or)\s+(?:the\s+)?['’]?\d0s/.test(after)) return null;
      if (/\b(?:her|his|their|in\s+the\s+(?:low|mid|high|upper))\s+$/.test(before)) return null;
    }
    const digit = g.short ? +g.short[0] : g.bare ? +g.bare[0] : DECADE_WORDS[g.word!.toLowerCase()];
    if (g.word && !/^the\s/i.test(m[0]) && !g.pre) {
      // "nineties" alone is often an age ("in her nineties")
      const before = ctx.text.slice(Math.max(0, m.index - 8), m.index).toLowerCase();
      if (/\b(?:her|his|their|its|mid|late|early)\s+$/.test(before)) return null;
    }
    return mk(m, 'time:decade', 'DATE', (rc) => {
      const c = rc.dct ? Math.floor(rc.dct.year / 100) : 19;
      let d = c * 10 + digit;
      if (rc.dct && d * 10 > rc.dct.year) d -= 10;
      return { value: pad(d, 3), anchor: rc.dct ? 'DCT' : 'none', ...(mod ? { mod } : {}) };
    });
  },
);

/** Centuries: "the 19th century", "the twentieth century", "this century". */
const century = rx('time:century', `${B}(?:the\\s+)?(?<pre>${PRE})?(?:(?<n>\\d{1,2})(?:st|nd|rd|th)|(?<w>${ORD_WORD}))[-\\s]+century${E}`, (m) => {
  const g = m.groups!;
  const n = g.n ? +g.n : parseOrdinal(g.w!);
  if (!n || n > 22) return null;
  const mod = modOf(g.pre);
  return mk(m, 'time:century', 'DATE', () => ({ value: pad(n - 1, 2), anchor: 'none', ...(mod ? { mod } : {}) }));
});

/** Regex source of a spoken year: "nineteen ninety-eight", "nineteen oh five" (groups sa, sb). */
const SPOKEN_YEAR = `(?<sa>nineteen|eighteen|twenty)[-\\s]+(?<sb>(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?|oh[-\\s](?:one|two|three|four|five|six|seven|eight|nine))`;

/** The year of a spoken-year match (groups sa, sb), or null. */
function spokenYearOf(a: string, b: string): number | null {
  const hi = a.toLowerCase() === 'nineteen' ? 19 : a.toLowerCase() === 'eighteen' ? 18 : 20;
  const lo = parseNumber(b.replace(/^oh[-\s]/i, ''));
  return lo === null ? null : hi * 100 + lo;
}

/** Spoken years in broadcast transcripts: "nineteen ninety-eight", "the year two thousand". */
const spokenYear = rx(
  'time:spoken-year',
  `${B}(?:(?<the>the\\s+year\\s+)?${SPOKEN_YEAR}|the\\s+year\\s+two\\s+thousand(?:\\s+and\\s+(?<c>one|two|three|four|five|six|seven|eight|nine|ten))?)${E}`,
  (m) => {
    const g = m.groups!;
    let y: number;
    if (g.sa) {
      const v = spokenYearOf(g.sa, g.sb!);
      if (v === null) return null;
      y = v;
    } else {
      y = 2000 + (g.c ? parseNumber(g.c) ?? 0 : 0);
    }
    return mk(m, 'time:spoken-year', 'DATE', fixed(pad(y, 4)), { tags: TAG_YEAR });
  },
);

// ---------------------------------------------------------------------------
// seasons, quarters, halves
// ---------------------------------------------------------------------------

const season = rx(
  'time:season',
  `${B}(?<pre>${PRE})?(?:(?<rel>last|next|this|this\\s+past|this\\s+coming|past|coming|the|that)\\s+)?(?<s>spring|summer|fall|autumn|winter)(?:(?:\\s+of)?\\s+(?<year>${YEAR4})|\\s+of\\s+${SPOKEN_YEAR})?${E}`,
  (m, ctx) => {
    const g = m.groups!;
    const code = SEASONS[g.s.toLowerCase()];
    // "the winter of nineteen ninety-four"
    if (g.sa) {
      const v = spokenYearOf(g.sa, g.sb!);
      if (v === null) return null;
      g.year = String(v);
    }
    const rel = g.rel?.toLowerCase().replace(/\s+/g, ' ');
    if (!rel && !g.year && !g.pre) {
      const before = ctx.text.slice(Math.max(0, m.index - 10), m.index).toLowerCase();
      if (!/\b(?:in|during|by|until|since|over|through)\s+$/.test(before)) return null;
    }
    if (g.s.toLowerCase() === 'fall' && !g.year && !g.pre && (!rel || rel === 'the' || rel === 'that')) {
      const before = ctx.text.slice(Math.max(0, m.index - 10), m.index).toLowerCase();
      if (!/\b(?:in|during|by|until|since|this|last|next)\s+(?:the\s+)?$/.test(before + (rel ? rel + ' ' : ''))) return null;
    }
    // "the spring session" etc. are fine; "the summer" as a bare noun phrase resolves to DCT year
    const mod = modOf(g.pre);
    return mk(m, 'time:season', 'DATE', (rc) => {
      if (g.year) return { value: `${g.year}-${code}`, anchor: 'none', ...(mod ? { mod } : {}) };
      if (!rc.dct) return { value: `XXXX-${code}`, anchor: 'none', ...(mod ? { mod } : {}) };
      const y = rc.dct.year;
      const order: Record<string, number> = { WI: 0, SP: 1, SU: 2, FA: 3 };
      const cur = rc.dct.month <= 2 ? 0 : rc.dct.month <= 5 ? 1 : rc.dct.month <= 8 ? 2 : rc.dct.month <= 11 ? 3 : 4;
      const so = order[code];
      let yy = y;
      if (rel === 'last' || rel === 'this past' || rel === 'past') yy = so < cur ? y : y - 1;
      else if (rel === 'next' || rel === 'this coming' || rel === 'coming') yy = so > cur ? y : y + 1;
      else if (rel === 'this') yy = y;
      else if (rc.tense === 'past' && so > cur) yy = y - 1;
      else if (rc.tense === 'future' && so < cur) yy = y + 1;
      return { value: `${pad(yy, 4)}-${code}`, anchor: 'DCT', ...(mod ? { mod } : {}) };
    });
  },
);

const QWORD = `(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)`;
function quarterNum(w: string): number | null {
  const s = w.toLowerCase();
  if (s === 'final' || s === 'last') return 4;
  return parseOrdinal(s);
}

/** Quarter-relative year phrase after "of": this year, last year, 2024, fiscal 2024. */
const OFYEAR = `(?:\\s+of\\s+(?:(?:the\\s+)?(?:fiscal|calendar)\\s+)?(?:(?<oyear>${YEAR4})|(?<orel>this|last|next|the\\s+current|the\\s+previous|the)\\s+(?:fiscal\\s+)?year))`;

function yearShiftWord(w: string | undefined): number | null {
  if (!w) return null;
  const s = w.toLowerCase().replace(/\s+/g, ' ');
  if (s === 'this' || s === 'the current' || s === 'the') return 0;
  if (s === 'last' || s === 'the previous') return -1;
  if (s === 'next') return 1;
  return null;
}

/**
 * Quarters: "the third quarter", "third-quarter", "Q3 2025", "the fourth quarter of 2024",
 * "the year-ago quarter", "the fiscal first quarter", "next year's first quarter".
 */
const quarter = rx(
  'time:quarter',
  `${B}(?:(?<det>the|its|their|a|this|that)\\s+)?(?:(?<pyear>${YEAR4})(?:['’]s)?\\s+|(?<pfy>fiscal\\s+${YEAR4})(?:['’]s)?\\s+|(?<prel>next|last|this)\\s+year['’]s\\s+)?(?<adj>(?:(?:fiscal|calendar|latest|current|year-ago|year-earlier|comparable|same|previous|prior|flat|strong|weak|record|disappointing|sluggish|seasonally\\s+weak|seasonally\\s+strong)[-\\s]+){0,3})(?:(?<q0>${QWORD})\\s+(?:and|or|to)\\s+)?(?<q>${QWORD})[-\\s]+(?:fiscal[-\\s]+)?(?:-?\\s*)?quarter(?<pl>s)?${OFYEAR}?(?:\\s+(?<ayear>${YEAR4})(?![\\d,]\\d))?${E}`,
  (m) => {
    const g = m.groups!;
    const q = quarterNum(g.q);
    if (!q || q > 4) return null;
    const adj = (g.adj ?? '').toLowerCase();
    const yearAgo = /year-ago|year-earlier/.test(adj);
    const explicit = g.pyear ?? g.oyear ?? g.ayear ?? (g.pfy ? g.pfy.replace(/\D/g, '') : undefined);
    const relShift = yearShiftWord(g.orel) ?? (g.prel ? yearShiftWord(g.prel) : null);
    // "the second and fourth quarters (of 2024)": the first quarter word is a timex of its own
    if (g.q0) {
      const q0 = quarterNum(g.q0);
      if (!q0 || q0 > 4 || q0 >= q || !g.pl) return null;
      const s0 = m.index + m[0].indexOf(g.q0);
      const s1 = m.index + m[0].indexOf(g.q, s0 - m.index + g.q0.length);
      const yearOfList = (rc: ResolveCtx): string | null => (explicit ? explicit : relShift !== null && rc.dct ? pad(rc.dct.year + relShift, 4) : relShift !== null ? 'XXXX' : null);
      const mkQ = (start: number, end: number, qq: number): Candidate => ({
        start,
        end,
        rule: 'time:quarter',
        type: explicit || relShift !== null ? 'DATE' : 'SET',
        resolve: (rc) => {
          const y = yearOfList(rc);
          return y ? { value: `${y}-Q${qq}`, anchor: explicit ? 'none' : 'DCT', type: 'DATE' } : { value: `XXXX-Q${qq}`, anchor: 'none', type: 'SET' };
        },
      });
      return [mkQ(s0, s0 + g.q0.length, q0), mkQ(s1, m.index + m[0].length, q)];
    }
    if (g.pl) return mk(m, 'time:quarter-set', 'SET', fixed(`XXXX-Q${q}`));
    // TimeBank spans: "the third quarter" keeps "the"; "its fourth quarter" and the adjective "a third-quarter (loss)" drop the determiner
    const hyphen = /-\s*quarter/i.test(m[0]) || /[-]\s*quarter/.test(m[0]);
    let dropDet = 0;
    if (g.det && (g.det.toLowerCase() !== 'the' || hyphen) && !g.pyear && !g.pfy && !g.prel && !g.adj) dropDet = g.det.length + (m[0].slice(g.det.length).length - m[0].slice(g.det.length).trimStart().length);
    return mk(m, 'time:quarter', 'DATE', (rc) => {
      if (explicit) return { value: `${explicit}-Q${q}`, anchor: 'none' };
      if (!rc.dct) return { value: `XXXX-Q${q}`, anchor: 'none' };
      let y = rc.dct.year;
      // "full-year 1986 results include a charge taken in the second quarter": the year the sentence names
      const named = rc.prev && rc.prev.sentence === rc.sentence && relShift === null && !yearAgo ? rc.history[rc.prev.index] : undefined;
      if (named && /^\d{4}$/.test(named.value) && named.anchor === 'none' && +named.value < rc.dct.year) return { value: `${named.value}-Q${q}`, anchor: `timex:${rc.prev!.index}` };
      if (relShift !== null) y += relShift;
      else {
        if (yearAgo) y -= 1;
        else if (q > rc.dct.quarter && rc.tense === 'past') y -= 1;
        else if (q === 4 && rc.dct.quarter === 1 && rc.tense !== 'future') y -= 1;
      }
      return { value: `${pad(y, 4)}-Q${q}`, anchor: 'DCT' };
    }, { start: m.index + dropDet });
  },
);

/**
 * Quarters named by their months: "the July-September quarter", "the April-June quarter of 2024".
 * Months that do not bound a calendar quarter ("the May-July quarter", a fiscal one) give no timex
 * (and the months inside are not dated on their own).
 */
const monthQuarter = rx(
  'time:quarter',
  `${B}(?:(?<det>the|its|their|a)\\s+)?(?<m1>${MONTH_FULL}|${MONTH_ABBR})\\.?\\s*[-–/]\\s*(?<m2>${MONTH_FULL}|${MONTH_ABBR})\\.?\\s+(?:period|quarter)(?:\\s+of\\s+(?<year>${YEAR4}))?${E}`,
  (m) => {
    const g = m.groups!;
    if (!capitalised(g.m1) || !capitalised(g.m2)) return null;
    const a = monthOf(g.m1);
    const b = monthOf(g.m2);
    if (!a || !b) return null;
    // a fiscal quarter ("the May-July quarter"): no calendar value; the span still claims its months
    if (b !== a + 2 || a % 3 !== 1) return mk(m, 'time:quarter', 'DATE', () => null);
    const q = (a + 2) / 3;
    return mk(m, 'time:quarter', 'DATE', (rc) => {
      if (g.year) return { value: `${g.year}-Q${q}`, anchor: 'none' };
      if (!rc.dct) return { value: `XXXX-Q${q}`, anchor: 'none' };
      const y = q > rc.dct.quarter && rc.tense !== 'future' ? rc.dct.year - 1 : rc.dct.year;
      return { value: `${pad(y, 4)}-Q${q}`, anchor: 'DCT' };
    });
  },
);

/** "Q3", "Q3 2025", "3Q", "2025 Q3". */
const quarterShort = rx('time:quarter', `${B}(?:(?<y1>${YEAR4})\\s+)?(?:Q(?<q>[1-4])|(?<q2>[1-4])Q)(?:\\s+(?<y2>${YEAR4}))?(?!\\w)`, (m) => {
  const g = m.groups!;
  const q = +(g.q ?? g.q2);
  const y = g.y1 ?? g.y2;
  return mk(m, 'time:quarter', 'DATE', (rc) => {
    if (y) return { value: `${y}-Q${q}`, anchor: 'none' };
    if (!rc.dct) return { value: `XXXX-Q${q}`, anchor: 'none' };
    return { value: `${pad(q > rc.dct.quarter && rc.tense === 'past' ? rc.dct.year - 1 : rc.dct.year, 4)}-Q${q}`, anchor: 'DCT' };
  }, { priority: -1 }, );
}, 'g');

/**
 * The reporting period the text talks about: the last quarter mentioned in the
 * previous `window` sentences that is not itself a year-ago comparison.
 */
function focusQuarter(rc: ResolveCtx, window = 8): { value: string; index: number } | null {
  // the quarter mentioned most often (ties: the latest mention)
  const seen = new Map<string, { n: number; index: number }>();
  for (let i = rc.history.length - 1; i >= 0 && i >= rc.history.length - 60; i--) {
    const t = rc.history[i];
    if (rc.sentence - t.sentence > window) break;
    if (!/^\d{4}-Q[1-4]$/.test(t.value)) continue;
    if (/year-ago|year-earlier|year\s+ago|year\s+earlier|last\s+year|previous|prior/i.test(t.text)) continue;
    if (t.rule !== 'time:quarter' && t.rule !== 'time:quarter-ref') continue;
    if (t.rule === 'time:quarter-ref' && /\d{4}/.test(t.text)) continue; // "the 1988 period": a comparison
    if (/^an?\s/i.test(t.text)) continue; // "after a flat second quarter": a side remark
    if (/^that\s/i.test(t.text)) continue; // "that quarter": a reference back, not a new focus
    const e = seen.get(t.value);
    if (e) e.n++;
    else seen.set(t.value, { n: 1, index: i });
  }
  let best: { value: string; index: number; n: number } | null = null;
  for (const [value, e] of seen) if (!best || e.n > best.n || (e.n === best.n && e.index > best.index)) best = { value, ...e };
  return best ? { value: best.value, index: best.index } : null;
}

/** The quarter the text talks about: the last quarter mentioned, else the last completed quarter. */
function currentReportQuarter(rc: ResolveCtx): Resolution {
  const fq = focusQuarter(rc);
  if (fq) return { value: fq.value, anchor: `timex:${fq.index}` };
  if (!rc.dct) return { value: 'XXXX-QX', anchor: 'none' };
  // no quarter under discussion and a future clause ("will write them off at the end of the quarter"): the current one
  if (rc.tense === 'future') return { value: fmtQuarter(rc.dct), anchor: 'DCT' };
  return { value: fmtQuarter(rc.dct.minus({ months: 3 })), anchor: 'DCT' };
}

/** "the quarter", "the latest quarter", "the current quarter", "the year-ago quarter / period", "the 1988 period". */
const quarterRef = rx(
  'time:quarter-ref',
  `${B}(?<det>the|this|that|its|a)\\s+(?:(?<year>${YEAR4})\\s+|(?<adj>(?:latest|current|recent|most\\s+recent|past|previous|prior|last|year-ago|year-earlier|comparable|same|just-ended|just-completed|comparable\\s+year-ago|comparable\\s+year-earlier|fiscal)[-\\s]+){1,3})?(?<n>quarter|period)(?<ago>\\s+a\\s+year\\s+(?:ago|earlier|before))?${E}`,
  (m, ctx) => {
    const g = m.groups!;
    if (g.ago && g.adj) return null; // "the same period a year earlier": samePeriod
    const adj = (g.adj ?? '').toLowerCase().trim() + (g.ago ? ' year-ago' : '');
    const noun = g.n.toLowerCase();
    const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (/^[-‐–]/.test(after)) return null; // "the quarter-to-quarter comparison", "its quarter-century low"
    // "the period to March 31" is a span of its own; "rose in the latest period to $42.9 million" is not
    if (/^\s+(?:of|ended|ending|to|through|from)\b(?!\s*(?:about\s+|nearly\s+|almost\s+)?[$€£\d.])/i.test(after) && noun === 'period') return null;
    if (noun === 'period' && !adj && !g.year) return null;
    if (noun === 'period' && /^(?:same|past|previous|prior|last|recent|current)$/.test(adj)) return null;
    const det = g.det.toLowerCase();
    if (det === 'a' && !adj) return null;
    const yearAgo = /year-ago|year-earlier/.test(adj);
    // "the quarter ended Sept. 30" with no reporting quarter named nearby: the calendar quarter closing in
    // that month (a named fiscal quarter nearby wins; quarters ending in other months are fiscal)
    const ended = noun === 'quarter' && !adj ? new RegExp(`^\\s*,?\\s+(?:that\\s+|which\\s+)?(?:ended|ending|ends)\\s+(?<mon>${MONTH})(?:\\s+${DAYNUM})?(?:,?\\s+(?<y>${YEAR4}))?`, 'i').exec(after) : null;
    const endMonth = ended && capitalised(ended.groups!.mon) ? monthOf(ended.groups!.mon) : null;
    return mk(m, 'time:quarter-ref', 'DATE', (rc) => {
      if (endMonth && endMonth % 3 === 0 && !focusQuarter(rc)) {
        const y = ended!.groups!.y ? +ended!.groups!.y : rc.dct ? yearFor({ ...rc, tense: 'past' }, endMonth, null) : null;
        return y === null ? { value: `XXXX-Q${endMonth / 3}`, anchor: 'none' } : { value: `${pad(y, 4)}-Q${endMonth / 3}`, anchor: ended!.groups!.y ? 'none' : 'DCT' };
      }
      // "that quarter": the quarter just mentioned, year-ago comparisons included
      if (g.det.toLowerCase() === 'that' && !adj && noun === 'quarter') {
        for (let i = rc.history.length - 1; i >= 0 && rc.sentence - rc.history[i].sentence <= 3; i--) {
          if (/^\d{4}-Q[1-4]$/.test(rc.history[i].value)) return { value: rc.history[i].value, anchor: `timex:${i}` };
        }
      }
      if (g.year) {
        const fq = focusQuarter(rc);
        if (fq) return { value: `${g.year}-${fq.value.slice(5)}`, anchor: `timex:${fq.index}` };
        if (rc.dct) return { value: `${g.year}-${fmtQuarter(rc.dct.minus({ months: 3 })).slice(5)}`, anchor: 'DCT' };
        return { value: g.year, anchor: 'none' };
      }
      // "this quarter" is the DCT's quarter, like "the current quarter" (not the quarter being reported on)
      if (/current/.test(adj) || (det === 'this' && !adj && noun === 'quarter')) return rc.dct ? { value: fmtQuarter(rc.dct), anchor: 'DCT' } : { value: 'XXXX-QX', anchor: 'none' };
      const base = currentReportQuarter(rc);
      if (yearAgo) {
        const pv = /^(\d{4})-(Q\d|QX)$/.exec(base.value);
        if (pv) return { value: `${pad(+pv[1] - 1, 4)}-${pv[2]}`, anchor: base.anchor };
      }
      if (/previous|prior/.test(adj)) {
        const pv = parseValue(base.value);
        if (pv) return { value: fmtQuarter(pv.dt.minus({ months: 3 })), anchor: base.anchor };
      }
      return base;
    });
  },
);

/** Halves: "the first half of 2024", "the second half", "first-half". */
const half = rx(
  'time:half',
  `${B}(?:(?:the|its)\\s+)?(?<h>first|second|last|latter)[-\\s]half(?:${OFYEAR}|(?:\\s+of\\s+(?:the\\s+)?(?<dec>['’]\\d0s|\\d{4}s)))?(?:\\s+(?<ayear>${YEAR4}))?${E}`,
  (m) => {
    const g = m.groups!;
    if (g.dec) return null; // "the last half of the '80s" -> decade recogniser
    const h = g.h.toLowerCase() === 'first' ? 1 : 2;
    const explicit = g.oyear ?? g.ayear;
    const rel = yearShiftWord(g.orel);
    return mk(m, 'time:half', 'DATE', (rc) => {
      if (explicit) return { value: `${explicit}-H${h}`, anchor: 'none' };
      if (!rc.dct) return { value: `XXXX-H${h}`, anchor: 'none' };
      let y = rc.dct.year + (rel ?? 0);
      if (rel === null && h === 2 && rc.dct.month <= 6 && rc.tense === 'past') y -= 1;
      return { value: `${pad(y, 4)}-H${h}`, anchor: 'DCT' };
    });
  },
);

/** "the nine months", "the first nine months", "the six months" (financial reporting periods). */
const reportPeriod = rx('time:report-period', `${B}the\\s+(?:first\\s+|past\\s+|last\\s+|latest\\s+|year-earlier\\s+|year-ago\\s+)?(?<n>three|six|nine|3|6|9|twelve|12)\\s+months${E}`, (m) => {
  const n = parseNumber(m.groups!.n)!;
  return mk(m, 'time:report-period', 'DURATION', fixed(`P${n}M`));
});

// ---------------------------------------------------------------------------
// days relative to the DCT
// ---------------------------------------------------------------------------

const DAY_WORDS: Record<string, number> = { yesterday: -1, today: 0, tomorrow: 1, tonight: 0 };

/** yesterday / today / tomorrow / tonight, with "late", "early", "earlier" and parts of day. */
const dayWord = rx(
  'time:day-word',
  `${B}(?:(?<pre>early|late|earlier|later)\\s+)?(?:(?<dbf>the\\s+day\\s+(?:before|after)\\s+))?(?<w>yesterday|today|tomorrow|tonight)(?:\\s+(?<part>${PART}))?${E}`,
  (m, ctx) => {
    const g = m.groups!;
    const w = g.w.toLowerCase();
    let n = DAY_WORDS[w];
    if (g.dbf) n += /before/i.test(g.dbf) ? -1 : 1;
    const part = g.part ? PARTS_OF_DAY[g.part.toLowerCase()] : w === 'tonight' ? 'NI' : undefined;
    const pre = g.pre?.toLowerCase();
    const mod = pre === 'early' || pre === 'earlier' ? 'START' : pre === 'late' || pre === 'later' ? 'END' : undefined;
    // titles mid-sentence ("VOA Today") are names, not dates
    if (/^[A-Z]/.test(g.w) && !g.pre && m.index > 0 && /[A-Za-z]\s+$/.test(ctx.text.slice(Math.max(0, m.index - 3), m.index)) && /^[A-Z]/.test(/(\S+)\s+$/.exec(ctx.text.slice(Math.max(0, m.index - 20), m.index))?.[1] ?? '')) return null;
    // generic "today's world", "the people of tomorrow": the present / future in general
    const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 24).toLowerCase();
    if ((w === 'today' || w === 'tomorrow') && !g.part && /^['’]s\s+(?:world|youth|society|generation|children|kids|young|economy|standards|technology|culture|media|politics)\b/.test(after)) return mk(m, 'time:ref', 'DATE', fixed(w === 'today' ? 'PRESENT_REF' : 'FUTURE_REF'));
    if (w === 'tomorrow' && /\bof\s+$/.test(ctx.text.slice(Math.max(0, m.index - 4), m.index).toLowerCase())) return mk(m, 'time:ref', 'DATE', fixed('FUTURE_REF'));
    // "today's Russia", "today's GM": the present-day state of a named place or body
    // (the name must end the phrase: "today's Senate vote" is the DCT)
    if (w === 'today' && !g.part && !g.pre && /^['’]s\s+(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*(?:\s*[.,;:!?)]|\s+(?:is|was|are|were|has|have|had|and|or|but|with|would|will|can|could|must|should|may|might|remains|looks|faces)\b)/.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 60))) return mk(m, 'time:ref', 'DATE', fixed('PRESENT_REF'));
    if (part) {
      return mk(m, 'time:day-part', 'TIME', (rc) => {
        const r = relToDct(rc, 'day', n);
        return { ...r, value: `${r.value}T${part}` };
      });
    }
    return mk(m, 'time:day-word', 'DATE', (rc) => withMod(relToDct(rc, 'day', n), w === 'today' ? undefined : mod), { tags: TAG_DAY });
  },
);

/** "this morning", "last night", "this evening". */
const partOfDay = rx('time:day-part', `${B}(?<rel>this|last|yesterday|tomorrow)\\s+(?<part>morning|afternoon|evening|night)${E}`, (m) => {
  const g = m.groups!;
  const rel = g.rel.toLowerCase();
  const part = PARTS_OF_DAY[g.part.toLowerCase()];
  const n = rel === 'this' ? 0 : rel === 'tomorrow' ? 1 : -1;
  return mk(m, 'time:day-part', 'TIME', (rc) => {
    const r = relToDct(rc, 'day', n);
    return { ...r, value: `${r.value}T${part}` };
  });
});

/**
 * A bare ordinal day after "on": "On the 12th, troops withdrew." The month is that of the
 * previous timex of month or day precision within 3 sentences, else the DCT's month.
 * Only at the end of a phrase (comma, period, "and", "when"), so "on the 5th floor" stays out.
 */
const ordinalDay = rx('time:ordinal-day', `(?<=\\b[Oo]n\\s)the\\s+(?<d>${DAYNUM})(?:st|nd|rd|th)(?=\\s*(?:[,.;]|and\\b|when\\b|$))`, (m) => {
  const d = +m.groups!.d;
  return mk(
    m,
    'time:ordinal-day',
    'DATE',
    (rc) => {
      const p = rc.prev && rc.sentence - rc.prev.sentence <= 3 ? /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(rc.prev.value) : null;
      if (p) {
        const dt = utcDate(+p[1], +p[2], d);
        return dt ? { value: fmtDay(dt), anchor: `timex:${rc.prev!.index}` } : null;
      }
      if (!rc.dct) return { value: `XXXX-XX-${pad(d)}`, anchor: 'none' };
      // the DCT's month, or the previous one for a day after the DCT's day in a past clause
      let dt = utcDate(rc.dct.year, rc.dct.month, d);
      if (dt && rc.tense === 'past' && dt > rc.dct) dt = utcDate(rc.dct.minus({ months: 1 }).year, rc.dct.minus({ months: 1 }).month, d);
      return dt ? { value: fmtDay(dt), anchor: 'DCT' } : null;
    },
    { tags: TAG_DAY },
  );
}, 'g');

/**
 * "the early hours of Tuesday", "the small hours of Sunday", "the early hours of Aug. 12": the start of
 * that day (DATE, mod START). Without a day the phrase is dropped ("into the early hours"), so the
 * vague "hours" inside it is not taken for a duration.
 */
const earlyHours = rx(
  'time:early-hours',
  `${B}the\\s+(?:early|small|wee)\\s+hours(?:\\s+of\\s+(?:(?<w>yesterday|today|tomorrow)|(?<wd>${WEEKDAY_FULL})|(?<mon>${MONTH})\\s+(?<day>${DAYNUM})(?!\\d)))?${E}`,
  (m) => {
    const g = m.groups!;
    if ((g.wd && !capitalised(g.wd)) || (g.mon && !capitalised(g.mon))) return null;
    const mon = g.mon ? monthOf(g.mon) : null;
    return mk(m, 'time:early-hours', 'DATE', (rc) => {
      let r: Resolution | null;
      if (g.w) r = relToDct(rc, 'day', DAY_WORDS[g.w.toLowerCase()]);
      else if (g.wd) {
        const d = resolveWeekday(rc, weekdayOf(g.wd)!, null);
        r = typeof d === 'string' ? { value: d, anchor: 'none' } : { value: fmtDay(d), anchor: 'DCT' };
      } else if (mon) r = resolveDate(rc, null, mon, +g.day!);
      else return null;
      return withMod(r, 'START');
    });
  },
);

/**
 * Market reports: "in morning trading", "during afternoon trading", "in early evening dealings": the part
 * of the trading day (TIME `…TMO`), on the day of the sentence like a clock time. Only the part-of-day
 * word is the span ("in [morning] trading").
 */
const tradingPart = rx(
  'time:trading-part',
  `(?<=\\b(?:in|during|by)\\s+(?:(?:early|late)\\s+)?)(?<p>morning|afternoon|evening|midday)(?=\\s+(?:trading|trade|dealings|session)\\b)`,
  (m) => {
    const part = PARTS_OF_DAY[m.groups!.p.toLowerCase()];
    const clockLike = clockResolve(0, 0, undefined);
    return mk(
      m,
      'time:trading-part',
      'TIME',
      (rc) => {
        const r = clockLike(rc);
        return { ...r, value: /^[\dX]{4}-[\dX]{2}-[\dX]{2}/.test(r.value) ? `${r.value.slice(0, 10)}T${part}` : r.value };
      },
      { late: true },
    );
  },
);

/**
 * "mid-afternoon", "by mid morning", "mid-afternoon yesterday", "mid-morning Tuesday": a part of the day
 * (TIME `…TAF`). With a day word or weekday it takes that day; alone it takes the day of its sentence
 * (else the previous date within 3 sentences, else the DCT), like a clock time.
 */
const midPart = rx(
  'time:mid-part',
  `${B}mid[-\\s]?(?<p>morning|afternoon|evening)(?:\\s+(?:(?<w>yesterday|today|tomorrow)|(?<wd>${WEEKDAY_FULL})))?${E}`,
  (m) => {
    const g = m.groups!;
    const part = PARTS_OF_DAY[g.p.toLowerCase()];
    if (g.wd && !capitalised(g.wd)) return null;
    if (g.w || g.wd) {
      const w = g.w?.toLowerCase();
      return mk(m, 'time:mid-part', 'TIME', (rc) => {
        let base: string;
        let anchor = 'DCT';
        if (w) {
          const r = relToDct(rc, 'day', DAY_WORDS[w]);
          base = r.value;
          anchor = r.anchor ?? 'DCT';
        } else {
          const r = resolveWeekday(rc, weekdayOf(g.wd!)!, null);
          base = typeof r === 'string' ? r : fmtDay(r);
          if (typeof r === 'string') anchor = 'none';
        }
        return { value: `${base}T${part}`, anchor };
      });
    }
    const clockLike = clockResolve(0, 0, undefined);
    return mk(
      m,
      'time:mid-part',
      'TIME',
      (rc) => {
        const r = clockLike(rc);
        return { ...r, value: `${r.value.slice(0, 10)}T${part}` };
      },
      { late: true },
    );
  },
);

/** Weekdays: "Tuesday", "last Friday", "early Tuesday", "Friday morning", "this coming Sunday". */
const weekday = rx(
  'time:weekday',
  `${B}(?:(?<pre>early|late|earlier|later)\\s+(?:on\\s+)?)?(?:(?<rel>last|next|this|this\\s+past|this\\s+coming|coming|past|previous|following)\\s+)?(?<wd>${WEEKDAY_FULL})(?<pl>s)?(?:\\s+(?<part>${PART})(?<ppl>s)?)?${E}`,
  (m, ctx) => {
    const g = m.groups!;
    if (!capitalised(g.wd)) return null;
    const dow = weekdayOf(g.wd)!;
    const rel = g.rel?.toLowerCase().replace(/\s+/g, ' ');
    // "Tuesday nights", and "Monday" in "Monday and Tuesday nights": every such part of that weekday
    const shared = !g.part && !g.rel ? new RegExp(`^\\s*(?:,|and|or|,\\s*and)\\s+(?:${WEEKDAY_FULL})\\s+(?<sp>${PART})s(?!\\w)`).exec(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 40)) : null;
    if (g.pl || g.ppl || shared) {
      const pw = g.part ?? shared?.groups!.sp;
      const part = pw ? PARTS_OF_DAY[pw.toLowerCase()] : '';
      return mk(m, 'time:weekday-set', 'SET', fixed(`XXXX-WXX-${dow}${part ? 'T' + part : ''}`));
    }
    const anaphoric = rel === 'following' || rel === 'previous';
    const dir: -1 | 0 | 1 | null = rel === 'last' || rel === 'this past' || rel === 'past' ? -1 : rel === 'next' || rel === 'this coming' || rel === 'coming' ? 1 : rel === 'this' ? null : null;
    // "Friday night" is annotated as the day in TimeBank; morning / afternoon / evening make a TIME
    const part = g.part && !/night/i.test(g.part) ? PARTS_OF_DAY[g.part.toLowerCase()] : undefined;
    const pre = g.pre?.toLowerCase();
    const mod = pre === 'early' || pre === 'earlier' ? 'START' : pre === 'late' || pre === 'later' ? 'END' : undefined;
    const res = (rc: ResolveCtx): Resolution => {
      let base: string;
      let anchor = 'DCT';
      if (anaphoric && rc.prevDay) {
        const pv = parseValue(rc.prevDay.value)!;
        let d = pv.dt.plus({ days: rel === 'following' ? 1 : -1 });
        const step = rel === 'following' ? 1 : -1;
        while (d.weekday !== dow) d = d.plus({ days: step });
        base = fmtDay(d);
        anchor = `timex:${rc.prevDay.index}`;
      } else {
        const r = resolveWeekday(rc, dow, dir);
        base = typeof r === 'string' ? r : fmtDay(r);
        if (typeof r === 'string') anchor = 'none';
      }
      return { value: part ? `${base}T${part}` : base, anchor, ...(mod ? { mod } : {}) };
    };
    return mk(m, part ? 'time:weekday-part' : 'time:weekday', part ? 'TIME' : 'DATE', res, { tags: part ? undefined : TAG_DAY });
  },
);

// ---------------------------------------------------------------------------
// relative periods: last year, this week, next month, earlier this month ...
// ---------------------------------------------------------------------------

const REL_UNIT = `(?:week|month|year|quarter|weekend|decade|century|fiscal\\s+year|financial\\s+year|season|semester)`;

function unitGran(u: string): Granularity | 'weekend' | 'season' {
  const s = u.toLowerCase().replace(/\s+/g, ' ');
  if (s === 'weekend') return 'weekend';
  if (s === 'fiscal year' || s === 'financial year' || s === 'season') return s === 'season' ? 'season' : 'year';
  if (s === 'semester') return 'month';
  return (UNITS[s]?.gran ?? 'year') as Granularity;
}

function fmtRel(rc: ResolveCtx, g: Granularity | 'weekend' | 'season', n: number, fromRef = false): Resolution {
  if (g === 'weekend') {
    if (!rc.dct) return { value: 'XXXX-WXX-WE', anchor: 'none' };
    let base = rc.dct;
    if (fromRef && rc.prevDay) base = parseValue(rc.prevDay.value)!.dt;
    return { value: `${fmtWeek(shift(base, 'week', n))}-WE`, anchor: 'DCT' };
  }
  if (g === 'season') return relToDct(rc, 'year', n);
  // news weeks run Sunday to Saturday: on a Sunday, "this week" starts today and "last week" ended yesterday
  if (g === 'week' && !fromRef && rc.dct && rc.dct.weekday === 7) {
    return { value: fmtWeek(shift(rc.dct.plus({ days: 1 }), 'week', n)), anchor: 'DCT' };
  }
  return fromRef ? relToRef(rc, g, n) : relToDct(rc, g, n);
}

/** "last year", "this week", "next month", "the coming year", "the current fiscal year", "earlier this month", "the end of this year". */
const relPeriod = rx(
  'time:relative',
  `${B}(?<pre>${PRE}|(?:earlier|later)\\s+(?:in\\s+)?)?(?:(?<the>the)\\s+)?(?<rel>last|next|this|this\\s+past|this\\s+coming|past|previous|coming|current|present|following|upcoming|same)\\s+(?<u>${REL_UNIT})${E}`,
  (m, ctx) => {
    const g = m.groups!;
    const rel = g.rel.toLowerCase().replace(/\s+/g, ' ');
    const gran = unitGran(g.u);
    if (/^[A-Z][a-z]+\s+[A-Z]/.test(m[0]) && m.index > 0 && /["“'‘]\s*$/.test(ctx.text.slice(Math.max(0, m.index - 2), m.index))) return null; // '"This Week"' (a programme)
    const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    const the = !!g.the;
    const preMod = g.pre ? (/^earlier/i.test(g.pre) ? 'START' : /^later/i.test(g.pre) ? 'END' : modOf(g.pre)) : undefined;
    // "past year" without an article reads as a duration ("over past year" is rare; "in past years" is handled elsewhere)
    // "the past year", "over the past week": the stretch up to now, a duration like "the past two years" (P2Y)
    if (rel === 'past' && !g.pre && (!the || (gran !== 'weekend' && gran !== 'season' && !/\s/.test(g.u.trim())))) {
      const u = UNITS[g.u.toLowerCase().replace(/\s+.*/, '')] ?? UNITS.year;
      if (!u || gran === 'weekend') return null;
      return mk(m, 'time:relative-duration', 'DURATION', fixed(durationValue(u.factor, u.unit, u.time)));
    }
    if (rel === 'same' && !/^\s+(?:a\s+year|last\s+year|the\s+previous)/i.test(after)) {
      return mk(m, 'time:relative-anaphoric', 'DATE', (rc) => withMod(fmtRel(rc, gran, 0, true), preMod));
    }
    let n = 0;
    let fromRef = false;
    if (rel === 'last' || rel === 'past' || rel === 'previous' || rel === 'this past') n = -1;
    else if (rel === 'next' || rel === 'coming' || rel === 'upcoming' || rel === 'this coming' || rel === 'following') n = 1;
    if (rel === 'previous' || rel === 'following') fromRef = the;
    return mk(m, 'time:relative', 'DATE', (rc) => withMod(fmtRel(rc, gran, n, fromRef), preMod), { tags: gran === 'year' ? TAG_YEAR : undefined });
  },
);

/** "the year", "the week", "the month" used deictically with a modifier: "the end of the year", "the beginning of the month", "earlier in the year". */
const theUnit = rx('time:the-unit', `${B}(?<pre>${PRE}|(?:earlier|later)\\s+in\\s+)(?:the|this)\\s+(?<u>week|month|year|decade|century)${E}`, (m) => {
  const g = m.groups!;
  const gran = unitGran(g.u) as Granularity;
  const mod = /^earlier/i.test(g.pre) ? 'START' : /^later/i.test(g.pre) ? 'END' : modOf(g.pre);
  return mk(m, 'time:the-unit', 'DATE', (rc) => withMod(relToDct(rc, gran, 0), mod));
});

/**
 * "the year" / "the fiscal year" / "the full year" in reporting language:
 * followed by "ended/ending ..." it is a one-year DURATION ("the year ended Sept. 30"),
 * after a preposition it is the DCT's year ("for the year", "the first nine months of the year").
 */
const theYear = rx(
  'time:the-year',
  `${B}(?:the|its)\\s+(?<adj>(?:full|entire|whole|current|latest|past)\\s+)?(?<fy>(?:fiscal|financial|calendar|model)\\s+)?year(?![-\\w'’])`,
  (m, ctx) => {
    const g = m.groups!;
    const before = ctx.text.slice(Math.max(0, m.index - 24), m.index).toLowerCase();
    const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 24).toLowerCase();
    if (/^\s*(?:,\s*)?(?:ended|ending|that\s+ended|which\s+ended|to\s+(?:date|end)|through)\b/.test(after)) {
      return mk(m, 'time:the-year', 'DURATION', fixed('P1Y'));
    }
    // "a high for the year of $42.875": "of" introduces the amount, not a part of the year
    if (/^\s*(?:before|after|earlier|later|ago|of\b(?!\s*(?:about\s+|nearly\s+|almost\s+)?[$€£\d])|in\s+which|when|that|'s|’s|\d)/.test(after)) return null;
    const adj = (g.adj ?? '').trim().toLowerCase();
    if (adj === 'past') return null;
    // "sales in the latest fiscal year": the last completed year
    if (adj === 'latest') return mk(m, 'time:the-year', 'DATE', (rc) => relToDct(rc, 'year', -1), { tags: TAG_YEAR });
    if (!g.fy && !adj && !/\b(?:for|during|throughout|of|so\s+far|through|over)\s+(?:all\s+of\s+)?$/.test(before)) return null;
    if (/\b(?:of)\s+$/.test(before) && !/\b(?:months|half|quarter|part|end|beginning|start|rest|remainder|balance|course)\s+of\s+$/.test(before)) return null;
    return mk(
      m,
      'time:the-year',
      'DATE',
      (rc) => {
        // "a loss in the fourth quarter of 2005 and for the entire year": the year just named in the sentence
        const p = rc.prev;
        const py = p && p.sentence === rc.sentence ? /^(\d{4})(?:-(?:Q[1-4]|H[12]|\d{2}))?$/.exec(p.value) : null;
        if (py && adj !== 'current') return { value: py[1], anchor: `timex:${p!.index}` };
        return relToDct(rc, 'year', 0);
      },
      { tags: TAG_YEAR },
    );
  },
);

/** "the day" in market reports ("ended the day", "later in the day"): the day under discussion, else the DCT. */
const theDay = rx('time:the-day', `(?<=\\b(?:end|ended|ending|ends|finish|finished|finishing|close|closed|closing|start\\s+of|end\\s+of|later\\s+in|earlier\\s+in|early\\s+in|late\\s+in|for|during|throughout|rest\\s+of)\\s)the\\s+day(?![-\\w'’])`, (m, ctx) => {
  const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12).toLowerCase();
  if (/^\s+(?:before|after|of|when|that)\b/.test(after)) return null;
  return mk(m, 'time:the-day', 'DATE', (rc) => relToRef(rc, 'day', 0, 4), { tags: TAG_DAY });
});

/** "the years", "the months" as a vague span: "over the years", "in the years that followed". */
const theYears = rx('time:the-years', `${B}the\\s+(?:early\\s+|later\\s+|following\\s+|intervening\\s+|ensuing\\s+|previous\\s+|preceding\\s+)?(?<u>year|month|week|decade)s(?![-\\w'’])`, (m, ctx) => {
  const before = ctx.text.slice(Math.max(0, m.index - 14), m.index).toLowerCase();
  const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 14).toLowerCase();
  if (!/\b(?:over|in|through|throughout|during|for|across)\s+$/.test(before) && !/^\s+(?:that|since|ahead|to\s+come|after|before|following)\b/.test(after)) return null;
  if (/^\s+(?:of|when)\b/.test(after)) return null;
  const u = UNITS[m.groups!.u.toLowerCase()];
  const dv = durationValue(null, u.gran === 'decade' ? 'DE' : u.unit, false);
  // "in the [weeks] before the shooting": a stretch located by an event, a DATE (TimeBank) in the event's
  // month when the text dates the event; the span is the unit noun
  const evAfter = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 60);
  if ((u.gran === 'week' || u.gran === 'month') && /^\s+(?:before|after|following|leading\s+up\s+to)\s+(?:the|his|her|its|their)\s/i.test(evAfter)) {
    const head = eventHead(evAfter.replace(/^\s+(?:before|after|following|leading\s+up\s+to)/i, ''));
    return mk(m, 'time:event-stretch', 'DURATION', (rc) => {
      const ev = head ? eventDate(ctx, rc, head) : null;
      const pv = ev ? parseValue(rc.history[+ev.slice(6)].value) : null;
      return pv ? { value: fmtGran(pv.dt, 'month'), type: 'DATE', anchor: ev! } : { value: dv, anchor: 'none' };
    }, { start: m.index + m[0].length - m.groups!.u.length - 1 });
  }
  return mk(m, 'time:the-years', 'DURATION', fixed(dv));
});

/**
 * "its best [week] since November", "a great [day] for the country", "another very bad financial [week]":
 * a unit noun after an evaluative adjective ({@link EVALUATIVE_PERIOD_ADJ}) names the period the report
 * is about, the DCT's day / week / month / year (DATE); the span is the noun, as TimeBank marks it.
 * Generic uses ("the best day to buy", "the worst day of his life", "every good day") are left out.
 */
const evaluativePeriod = rx(
  'time:evaluative-period',
  `${B}(?:(?:very|unusually|particularly|extremely|really|exceptionally|relatively|fairly|truly)\\s+)?(?<adj>${[...EVALUATIVE_PERIOD_ADJ].join('|')})\\s+(?:(?<adj2>[a-z]+)\\s+)?(?<u>day|week|month|year)(?![-\\w'’])`,
  (m, ctx) => {
    const g = m.groups!;
    // a second adjective: evaluative or relational ("a bad financial week", "the busiest trading day")
    if (g.adj2 && !EVALUATIVE_PERIOD_ADJ.has(g.adj2.toLowerCase()) && !/^[a-z]+(?:al|ing|ic)$/i.test(g.adj2)) return null;
    const before = ctx.text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
    if (/\b(?:every|each|any|one|no|some)\s+$/.test(before)) return null;
    const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12).toLowerCase();
    if (/^\s+(?:to|of|in\s+which|when)\b/.test(after) || /^['’]s\b/.test(after)) return null;
    // "Today is a sad day": the noun only restates the timex it is predicated of
    if (/\b(?:today|yesterday|tomorrow|tonight|[a-z]+day)\s+(?:is|was|will\s+be|would\s+be)\s+(?:a|an|the)\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 30), m.index))) return null;
    const u = g.u.toLowerCase() as Granularity;
    // a day in a past clause ("it was a great day") is the day the report has just named, else the DCT
    return mk(m, 'time:evaluative-period', 'DATE', (rc) => (u === 'day' && rc.tense === 'past' && rc.prevDay && rc.sentence - rc.prevDay.sentence <= 2 ? relToRef(rc, 'day', 0, 2) : fmtRel(rc, u, 0)), { start: m.index + m[0].length - g.u.length, tags: u === 'day' ? TAG_DAY : undefined });
  },
);

/** "annual profit / loss": a one-year period (MEANTIME annotates these). */
const annual = rx('time:annual', `${B}annual(?=\\s+(?:net\\s+)?(?:profits?|loss(?:es)?|earnings|revenues?|sales|results|income)\\b)`, (m) => mk(m, 'time:annual', 'DURATION', fixed('P1Y')));

/** "the weekend" / "over the weekend": the last weekend in a past clause, the next one otherwise. */
const theWeekend = rx('time:weekend', `${B}the\\s+weekend(?![-\\w])`, (m) => {
  return mk(m, 'time:weekend', 'DATE', (rc) => {
    if (!rc.dct) return { value: 'XXXX-WXX-WE', anchor: 'none' };
    const dct = rc.dct;
    // the weekend closing the ISO week: Saturday = weekday 6
    let sat = dct.plus({ days: 6 - dct.weekday });
    if (rc.tense === 'past' || rc.tense === 'none' || (rc.tense === 'present' && dct.weekday <= 2)) {
      if (sat > dct) sat = sat.minus({ days: 7 });
    }
    return { value: `${fmtWeek(sat)}-WE`, anchor: 'DCT' };
  });
});

/** "year-end", "year's end": the DCT year (mod END); "year-ago" / "year-earlier" as adjectives: the period one year back. */
const yearEnd = rx('time:year-end', `${B}(?:(?<ye>year[-\\s]end|year['’]s\\s+end)|(?<ya>year-ago|year-earlier)(?!\\s+(?:quarter|period|third|fourth|first|second|nine|six|three)))(?![-\\w])`, (m) => {
  const g = m.groups!;
  if (g.ye) return mk(m, 'time:year-end', 'DATE', (rc) => withMod(relToDct(rc, 'year', 0), 'END'));
  return mk(m, 'time:year-ago', 'DATE', (rc) => yearBefore(rc) ?? relToDct(rc, 'year', -1));
});

/** "the same period last year", "the same quarter a year earlier": the period just mentioned, one year back. */
const samePeriod = rx(
  'time:same-period',
  `${B}the\\s+same\\s+(?:period|quarter|month|week|season|time)\\s+(?:of\\s+|in\\s+)?(?:last\\s+year|the\\s+(?:last|previous|prior)\\s+year|a\\s+year\\s+(?:earlier|ago|before)|the\\s+year\\s+before)${E}`,
  (m) =>
    mk(m, 'time:same-period', 'DATE', (rc) => {
      const p = rc.prev;
      if (p && p.sentence === rc.sentence) {
        const mm = /^(\d{4})-(Q[1-4]|H[12]|\d{2}|SU|SP|FA|WI)$/.exec(p.value);
        if (mm) return { value: `${pad(+mm[1] - 1, 4)}-${mm[2]}`, anchor: `timex:${p.index}` };
      }
      return yearBefore(rc) ?? relToDct(rc, 'year', -1);
    }),
);

/** Words that end an event noun phrase ("the vote [in] parliament", "the summit [on] Friday"). */
const NP_STOP = /^(?:in|on|at|of|for|by|with|to|from|and|or|that|which|who|when|was|is|were|are|had|has|will|would)$/i;

/**
 * The head noun of the event phrase after "before" / "after" / "prior to":
 * "the summit", "the Nairobi summit on Friday" -> "summit"; null without a determiner
 * (a clause or a name follows) or when the phrase is a time expression itself.
 */
function eventHead(after: string): string | null {
  const m = /^\s*(?:to\s+)?(?:the|this|that|his|her|its|their|next\s+week['’]s|last\s+week['’]s)\s+((?:[A-Za-z][\w-]*\s*){1,4})/.exec(after);
  if (!m) return null;
  let head: string | null = null;
  for (const w of m[1].trim().split(/\s+/)) {
    if (NP_STOP.test(w)) break;
    head = w;
  }
  if (!head || /^(?:day|week|month|year|date|time|deadline)s?$/i.test(head)) return null;
  return head.toLowerCase();
}

/**
 * The anchor of an event-relative duration: the nearest earlier day-level date in a
 * sentence that names the same event ("The summit opens on Aug. 20."), at most 12
 * sentences back; null when the text gives none.
 */
function eventDate(ctx: TimeContext, rc: ResolveCtx, head: string): string | null {
  const re = new RegExp(`\\b${head.replace(/[^\w-]/g, '')}s?\\b`, 'i');
  const sents = ctx.doc.sentences;
  for (let i = rc.history.length - 1; i >= 0; i--) {
    const t = rc.history[i];
    if (t.start >= rc.start) continue;
    if (rc.sentence - t.sentence > 12) break;
    if (!/^\d{4}-\d{2}-\d{2}/.test(t.value) || (t.type !== 'DATE' && t.type !== 'TIME')) continue;
    const sen = sents[t.sentence];
    const stext = sen ? ctx.text.slice(sen.start, sen.end) : ctx.text.slice(Math.max(0, t.start - 200), t.end + 200);
    if (re.test(stext)) return `timex:${i}`;
  }
  return null;
}

/**
 * "the second day (of the offensive)", "a third straight day", "for a fourth week in a row": the day (week)
 * of the clause, counted within a running event: the day-level date of the same sentence, else the DCT.
 * ("the first day" is left alone: "his first day in office" names a day the text does not date.)
 */
const nthDay = rx(
  'time:nth-day',
  `${B}(?:(?:the|a|its|their)\\s+)?(?<o>${ORD_WORD}|\\d+(?:st|nd|rd|th))\\s+(?:(?:straight|consecutive|successive|full)\\s+)?(?<u>day|week|session|trading\\s+day)(?<row>\\s+in\\s+a\\s+row|\\s+running)?${E}(?![-‐])`,
  (m, ctx) => {
    const g = m.groups!;
    const o = parseOrdinal(g.o);
    if (!o || o < 2 || o > 40) return null;
    const u = g.u.toLowerCase();
    if (u === 'session' && !g.row) return null;
    const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    // "the second day of March" is a calendar date, "the 10th week of pregnancy" a duration count: only events
    if (/^\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+\s+\d|\d|January|February|March|April|May|June|July|August|September|October|November|December|pregnancy|the\s+year|the\s+month)/.test(after)) return null;
    const gran: Granularity = u === 'week' ? 'week' : 'day';
    return mk(m, 'time:nth-day', 'DATE', (rc) => (gran === 'day' ? relToRef(rc, 'day', 0, 0) : relToDct(rc, 'week', 0)), gran === 'day' ? { tags: TAG_DAY } : {});
  },
);

/**
 * Unquantified "ago": "a short time ago", "moments ago", "a while ago" (DATE `PAST_REF`); a bare plural unit
 * ("just months ago", "years ago") is annotated in TimeBank as the vague amount (DURATION `PXM`, `PXY`).
 */
const agoUnquantified = rx(
  'time:ago-vague',
  `${B}(?:(?<ref>a\\s+short\\s+(?:time|while)|a\\s+(?:little\\s+)?while|(?:a\\s+few\\s+)?moments|a\\s+moment)|(?<u>minute|hour|day|week|month|year|decade)s)\\s+ago${E}`,
  (m) => {
    const g = m.groups!;
    if (g.ref) return mk(m, 'time:ago-vague', 'DATE', fixed('PAST_REF'));
    const u = UNITS[g.u.toLowerCase()];
    return mk(m, 'time:ago-vague', 'DURATION', fixed(durationValue(null, u.gran === 'decade' ? 'DE' : u.unit, u.time)));
  },
);

/** "N units ago", "a year earlier", "two days later", "three weeks from now", "more than four decades ago". */
const ago = rx(
  'time:ago',
  `${B}(?:(?<q>about|around|approximately|roughly|nearly|almost|some|more\\s+than|less\\s+than|over|at\\s+least|barely|fully)\\s+)?(?:(?<n>${NUM})|(?<v>${VAGUE}))[-\\s]+(?<u>${UNIT})s?\\s+(?<dir>ago|earlier|later|before|after|from\\s+(?:now|today)|hence|back|previously|prior)${E}`,
  (m, ctx) => {
    const g = m.groups!;
    const uname = g.u.toLowerCase().replace(/ie$/, 'y');
    const unit = UNITS[uname];
    if (!unit) return null;
    const n = g.n ? parseNumber(g.n) : null;
    const dir = g.dir.toLowerCase().replace(/\s+/g, ' ').replace('from today', 'from now');
    const sign = dir === 'ago' || dir === 'earlier' || dir === 'before' || dir === 'back' || dir === 'previously' || dir === 'prior' ? -1 : 1;
    const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 25);
    // "two days before the summit": a duration relative to an event (not a timex anchor) stays a DURATION;
    // only "two days after," / "a year before." (end of clause) is anchored on the previous date
    if ((dir === 'before' || dir === 'after' || dir === 'prior') && !/^\s*(?:[,.;:)]|$|--|—)/.test(after)) {
      const dv = durationValue(n === null ? null : n * unit.factor, unit.unit, unit.time);
      const head = eventHead(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 60));
      // TimeBank spans leave the preposition out: "[two weeks] after the vote"; the anchor names
      // the date the text gives for the event ("The summit opens on Aug. 20. ... two days before the summit")
      return mk(m, 'time:duration-before-event', 'DURATION', (rc) => ({ value: dv, anchor: (head && eventDate(ctx, rc, head)) || 'none' }), { end: m.index + m[0].length - g.dir.length - (m[0].length - m[0].trimEnd().length) });
    }
    // "three days later, ...", "a few days later": TimeBank annotates the amount as a DURATION ("[Three days] later")
    if (dir === 'later' && !/^\s+than\b/i.test(after)) {
      const dv = durationValue(n === null ? null : n * unit.factor, unit.unit, unit.time);
      // the anchor records where the span starts counting (the previous day-level date, else the DCT),
      // so a consumer can still place "two days later" on the calendar
      const mod = g.q ? modOf(g.q) : undefined;
      return mk(m, 'time:duration-later', 'DURATION', (rc) => ({ value: dv, anchor: rc.prevDay && rc.sentence - rc.prevDay.sentence <= 6 ? `timex:${rc.prevDay.index}` : rc.dct ? 'DCT' : 'none', ...(mod ? { mod } : {}) }), { end: m.index + m[0].length - g.dir.length - (m[0].length - m[0].trimEnd().length) });
    }
    const gran = unit.gran === 'decade' || unit.gran === 'century' ? 'year' : unit.gran;
    const mult = unit.factor;
    const mod = g.q ? modOf(g.q) : undefined;
    if (n === null || !Number.isInteger(n * mult)) {
      return mk(m, 'time:ago-vague', 'DATE', fixed(sign < 0 ? 'PAST_REF' : 'FUTURE_REF'));
    }
    const k = n * mult;
    // "arrives on Nov. 11, three days later than planned": the phrase describes the date just named
    const thanPlanned = (dir === 'later' || dir === 'earlier') && /^\s+than\s+(?:originally\s+|initially\s+|first\s+|previously\s+)?(?:planned|expected|scheduled|anticipated|forecast|intended|hoped|announced)\b/i.test(after);
    return mk(m, 'time:ago', 'DATE', (rc) => {
      if (thanPlanned && rc.prevDay && rc.prevDay.sentence === rc.sentence) return { value: rc.prevDay.value, anchor: `timex:${rc.prevDay.index}` };
      const dct = dir === 'ago' || dir === 'from now' || dir === 'hence' || dir === 'back';
      let r: Resolution;
      if (gran === 'year' && k === 1 && !dct) {
        // "a year earlier" in financial news: the same quarter / month one year before
        r = yearBefore(rc) ?? relToDct(rc, 'year', -1);
      } else if (gran === 'year' && k === 1 && dir === 'ago') {
        r = yearBefore(rc, true) ?? relToDct(rc, 'year', -1);
      } else if (dct || gran === 'year' || gran === 'quarter') r = relToDct(rc, gran as Granularity, sign * k);
      else r = relToRef(rc, gran as Granularity, sign * k);
      return withMod(r, mod);
    });
  },
);

/** One year before the period being discussed (a quarter or month mentioned just before), else null. */
function yearBefore(rc: ResolveCtx, sameSentenceOnly = false): Resolution | null {
  const fq = focusQuarter(rc, 6);
  if (fq) return { value: `${pad(+fq.value.slice(0, 4) - 1, 4)}-${fq.value.slice(5)}`, anchor: `timex:${fq.index}` };
  const p = rc.prev;
  if (!p) return null;
  if (sameSentenceOnly ? p.sentence !== rc.sentence : rc.sentence - p.sentence > 2) return null;
  let mm = /^(\d{4})-(Q[1-4]|H[12]|\d{2}|SU|SP|FA|WI)$/.exec(p.value);
  if (mm) return { value: `${pad(+mm[1] - 1, 4)}-${mm[2]}`, anchor: `timex:${p.index}` };
  mm = /^(\d{4})$/.exec(p.value);
  if (mm && !sameSentenceOnly) return { value: pad(+mm[1] - 1, 4), anchor: `timex:${p.index}` };
  return null;
}

/** After "the day before": the start of a noun phrase naming an event ("the vote", "his death", "last month's crash"). */
const EVENT_NP_AFTER = /^\s+(?:the|a|an|his|her|its|their)\s/i;

/**
 * Value of "the day after his death" / "Oct. 12, the day before the crash": in apposition to a date
 * of the same sentence ("DATE, the day before ...") that date; else the date the text gives for the
 * event (see {@link eventDate}) shifted by one unit; else underspecified at the unit's granularity
 * (`XXXX-XX-XX`, `XXXX-WXX`, `XXXX-XX`, `XXXX`), anchor `none`.
 */
function eventRelative(ctx: TimeContext, rc: ResolveCtx, gran: Granularity, sign: number, head: string | null): Resolution {
  const p = rc.prev;
  if (p && p.sentence === rc.sentence && /,\s*$/.test(rc.before) && p.index < rc.history.length && /^[\s,]*$/.test(ctx.text.slice(rc.history[p.index].end, rc.start))) {
    const pv = parseValue(p.value);
    if (pv && GRAN_RANK[pv.gran] <= GRAN_RANK[gran]) return { value: fmtGran(pv.dt, gran), anchor: `timex:${p.index}` };
  }
  const ev = head ? eventDate(ctx, rc, head) : null;
  if (ev) {
    const pv = parseValue(rc.history[+ev.slice(6)].value);
    if (pv) return { value: fmtGran(shift(pv.dt, gran, sign), gran), anchor: ev };
  }
  const under: Partial<Record<Granularity, string>> = { day: 'XXXX-XX-XX', week: 'XXXX-WXX', month: 'XXXX-XX', year: 'XXXX' };
  return { value: under[gran] ?? 'XXXX', anchor: 'none' };
}

/** Finer granularities rank lower. */
const GRAN_RANK: Record<string, number> = { minute: 0, hour: 1, day: 2, week: 3, month: 4, quarter: 5, year: 6 };

/** "the year before", "the day before", "the week after", "a day earlier", "the previous day", "the next day", "the following morning". */
const anaphoric = rx(
  'time:anaphoric',
  `${B}(?:the\\s+(?<u1>day|week|month|year|night|morning|evening)\\s+(?<d1>before|after|earlier|later|previous|following(?=\\s+(?:the|a|an|his|her|its|their|last\\s+\\w+['’]s)\\s))|(?:the|that)\\s+(?<d2>next|following|previous|preceding|same)\\s+(?<u2>day|morning|afternoon|evening|night)|(?<d3>that|the\\s+same)\\s+(?<u3>day|morning|afternoon|evening|night|week|month|year)|a\\s+(?<u4>day|week)\\s+(?<d4>earlier|later|before|after))${E}`,
  (m, ctx) => {
    const g = m.groups!;
    const u = (g.u1 ?? g.u2 ?? g.u3 ?? g.u4)!.toLowerCase();
    const d = (g.d1 ?? g.d2 ?? g.d3 ?? g.d4)!.toLowerCase().replace(/\s+/g, ' ');
    const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 15);
    const eventAfter = d === 'following' || EVENT_NP_AFTER.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 30));
    // "[the day] after his death", "[the week] following the crash": a DATE relative to an event (TimeBank
    // annotates it; the preposition stays out); "a week after the summit" stays with the duration rules
    if (g.u1 && eventAfter && /^(?:day|week|month|year)$/.test(u) && /^(?:before|after|following)$/.test(d)) {
      const head = eventHead(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 60));
      return mk(m, 'time:event-relative', 'DATE', (rc) => eventRelative(ctx, rc, u as Granularity, d === 'before' ? -1 : 1, head), { end: m.index + m[0].search(/\s+(?:before|after|following)\s*$/i), tags: u === 'day' ? TAG_DAY : undefined });
    }
    if ((g.d1 || g.d4) && eventAfter) return null; // "a week after the summit" -> not anchored on a timex
    const sign = /before|earlier|previous|preceding/.test(d) ? -1 : /after|later|next|following/.test(d) ? 1 : 0;
    const isPart = u in PARTS_OF_DAY;
    const gran: Granularity = isPart || u === 'night' ? 'day' : (u as Granularity);
    // "the week after next", "the year before last": two units from the DCT
    const nl = g.u1 && /^(?:week|month|year)$/.test(u) && /^(?:after|before)$/.test(d) ? /^\s+(?:next|last)(?![\w-])/i.exec(after) : null;
    if (nl && (sign > 0) === /next/i.test(nl[0])) {
      return mk(m, 'time:relative', 'DATE', (rc) => relToDct(rc, gran, 2 * sign), { end: m.index + m[0].length + nl[0].length, tags: gran === 'year' ? TAG_YEAR : undefined });
    }
    // "the day before [last Tuesday]": merged with the date that follows (refiner mergeShiftWithDate)
    const pending = g.u1 && sign !== 0 && /^(?:day|week|month|year)$/.test(u) ? { shift: { gran: u as 'day' | 'week' | 'month' | 'year', n: sign } } : {};
    // TimeBank annotates "the next morning" as the day (DATE); "that night" likewise
    return mk(m, 'time:anaphoric', 'DATE', (rc) => relToRef(rc, gran, sign, 6), { tags: TAG_DAY, ...pending });
  },
);

// ---------------------------------------------------------------------------
// durations
// ---------------------------------------------------------------------------

const DUR_Q = `(?:about|around|approximately|roughly|nearly|almost|some|more\\s+than|less\\s+than|fewer\\s+than|over(?!\\s+the\\b)|under(?!\\s+the\\b)|just\\s+over|just\\s+under|at\\s+least|at\\s+most|up\\s+to|no\\s+more\\s+than|only|just|another|an\\s+additional|a\\s+further|an\\s+extra|the\\s+(?:past|last|next|first|final|coming|previous|following|remaining|initial|latest|same|entire|whole|full|other)|each\\s+of\\s+the\\s+(?:past|last|next|first)|past|last|next|first|all)`;

/** Nouns whose age ("a 40-year-old embargo") is a DURATION timex (TimeBank), unlike the ages of people and organisations ("the 50-year-old alliance"). */
const AGED_THING = /^\s+(?:[a-z]+\s+)?(?:truce|ceasefire|cease-fire|embargo|blockade|ban|moratorium|freeze|conflict|war|insurgency|rebellion|uprising|occupation|dispute|feud|stalemate|standoff|stand-off|strike|siege|crisis|policy|regime|law|rule|agreement|accord|deal|treaty|pact|program|programme|plan|tradition|record|peace|dictatorship|campaign|investigation|probe|case|boycott|sanctions)\b/i;

/** "three years", "48 hours", "two-week", "the past two months", "nearly five months", "a 10-year-old", "2 1/2 years". */
const duration = rx(
  'time:duration',
  `${B}(?:(?<q>${DUR_Q})\\s+){0,3}(?<n>${NUM})(?:\\s+(?<sep>to|or|-|and)\\s+(?<n2>${NUM}))?(?:\\s+(?:more|additional|full|straight|consecutive|trading|business|working|calendar|successive|long|short|whole|extra)){0,2}[-\\s]+(?<u>${UNIT})(?<pl>s)?(?:(?<half>\\s+and\\s+a\\s+half)|(?<old>[-\\s]old))?${E}`,
  (m, ctx) => {
    const g = m.groups!;
    const uname = g.u.toLowerCase().replace(/ie$/, 'y');
    const unit = UNITS[uname];
    if (!unit) return null;
    const n0 = parseNumber(g.n);
    if (n0 === null) {
      // "between two and four weeks": the number words are a range, not one compound
      const parts = /^(.+?)\s+and\s+(.+)$/i.exec(g.n);
      const a = parts ? parseNumber(parts[1]) : null;
      const b = parts ? parseNumber(parts[2]) : null;
      if (a === null || b === null || b <= a || g.half || g.old) return null;
      const aStart = m.index + m[0].indexOf(g.n);
      const bStart = aStart + g.n.lastIndexOf(parts![2]);
      return [
        { start: aStart, end: aStart + parts![1].length, rule: 'time:duration', type: 'DURATION', resolve: fixed(durationValue(a * unit.factor, unit.unit, unit.time)) },
        { start: bStart, end: m.index + m[0].length, rule: 'time:duration', type: 'DURATION', resolve: fixed(durationValue(b * unit.factor, unit.unit, unit.time)) },
      ];
    }
    // "a minute and a half", "two years and a half"
    if (g.half && (!Number.isInteger(n0) || g.n2)) return null;
    const n = g.half ? n0 + 0.5 : n0;
    // "a day" / "a year" after an amount or frequency word is a SET ("$5 a year", "twice a week")
    const before = ctx.text.slice(Math.max(0, m.index - 25), m.index).toLowerCase();
    const ntext = g.n.toLowerCase();
    // (an adjective "one-year" is a duration: "a one-year term", "a one-year high")
    if ((ntext === 'a' || ntext === 'an' || ntext === 'one') && !g.q && !/^one-/i.test(m[0])) {
      const prevWord = /([A-Za-z]+|\d[\d,.]*%?)\s*$/.exec(before)?.[1].toLowerCase() ?? '';
      const durationLead = /^(?:for|in|within|after|about|than|over|nearly|almost|only|just|least|take|took|takes|taking|spent|spend|lasted|last|lasts|half|around|under|up|of|by|to|and|or|per|is|was|be|been|than|once|every|the|that|this|each)$/.test(prevWord);
      if (/(?:\d|\b(?:once|twice|times|million|billion|percent|dollars|cents|barrels|tons|people|each|per)\b)[\s%]*$/.test(before) || (prevWord && /s$/.test(prevWord) && !durationLead && /^[a-z]+$/.test(prevWord))) {
        const freq = /\bonce\s*$/.test(before) ? 1 : /\btwice\s*$/.test(before) ? 2 : null;
        return mk(m, 'time:set-per', 'SET', fixed(durationValue(unit.factor, unit.unit, unit.time)), { priority: freq ? 0 : 0 });
      }
    }
    // plain counts with a noun that is not time: handled by UNIT match, so nothing to do
    const q = (g.q ?? '').toLowerCase();
    // TIMEX3 spans exclude "the" unless followed by past/last/next/first...: keep the matched span as is
    let start = m.index;
    let text = m[0];
    // drop leading "another", "all", "only", "just" from the span (not part of the timex)
    // "expected to last about 80 days": the verb "last" is not part of the expression
    const verbLast = /^(?:last|next|past|first)\s/i.exec(text);
    if (verbLast && /\b(?:to|will|would|could|may|might|can|should|did|does|do|not|'ll)\s+$/i.test(before)) {
      start += verbLast[0].length;
      text = text.slice(verbLast[0].length);
    }
    const lead = /^(?:(?:another|an\s+additional|a\s+further|an\s+extra|only|just|all|each\s+of)\s+)+/i.exec(text);
    if (lead && !/^(?:the|past|last|next)/i.test(text.slice(lead[0].length))) {
      start += lead[0].length;
      text = text.slice(lead[0].length);
    }
    const mod = modOf(/more than|less than|fewer than|over|under|at least|at most|up to|nearly|almost|about|around|approximately|roughly|some/.exec(q)?.[0]);
    const value = durationValue(n * unit.factor, unit.unit, unit.time);
    // ages of people ("a 6-year-old boy", "Kopp, 44-year-old") are not annotated in TimeBank; the age of a
    // state of affairs is ("the IRA's [8-month-old] truce": DURATION P8M)
    if (g.old && !AGED_THING.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 30))) return null;
    const afterD = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (uname === 'quarter' && (/^-?century/i.test(afterD) || /^\s+of\s+(?:a|an|the|its|their|his|her)\b/i.test(afterD) || /\w-quarters$/i.test(m[0]))) return null;
    if (/^[A-Z]/.test(g.u) && m.index > 0 && !/[.!?]\s*$/.test(ctx.text.slice(Math.max(0, m.index - 3), m.index))) return null;
    // "a second consecutive day", "a second term": ordinal, not a duration
    if (uname === 'second' && /^(?:a|an|the)$/i.test(g.n.trim()) && /^\s+[a-zA-Z]/.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return null;
    const c: Candidate = {
      start,
      end: m.index + m[0].length,
      rule: 'time:duration',
      type: 'DURATION',
      resolve: () => ({ value, anchor: 'none', ...(mod ? { mod } : {}) }),
    };
    // "two to six days", "between two and six days": two durations, as TimeBank splits ranges
    const n2 = g.n2 ? parseNumber(g.n2) : null;
    const sep = g.sep?.toLowerCase();
    if (n2 !== null && n2 > n && !g.half && !g.old && (sep === 'to' || sep === '-' || (sep === 'and' && /\bbetween\s+$/.test(before)))) {
      const nEnd = m.index + m[0].indexOf(g.n, start - m.index) + g.n.length;
      const n2Start = m.index + m[0].indexOf(g.n2!, nEnd - m.index);
      const v2 = durationValue(n2 * unit.factor, unit.unit, unit.time);
      return [
        { ...c, end: nEnd },
        { start: n2Start, end: c.end, rule: 'time:duration', type: 'DURATION', resolve: () => ({ value: v2, anchor: 'none' }) },
      ];
    }
    return c;
  },
);

/** A number word or digit right before a unit ("two [months ahead]"). */
const AMOUNT_BEFORE = new RegExp(`(?:\\d|\\b(?:${NUM_WORD}|a|an))\\s+$`, 'i');

/** Vague durations: "several years", "a few days", "years", "months", "decades", "the coming weeks" (future), "recent years", "past decades" (past). */
const vagueDuration = rx(
  'time:duration-vague',
  `${B}(?:(?<pre>the\\s+(?:past|last|next|coming|previous|following|early|first|latter)\\s+|the\\s+)?(?<v>${VAGUE})\\s+|(?<rc>(?:in\\s+)?(?:recent|past|coming|the\\s+coming|the\\s+next|the\\s+past|the\\s+last|upcoming|the\\s+upcoming)\\s+))?(?<u>second|minute|hour|day|week|month|quarter|year|decade|centurie)s(?<ahead>\\s+ahead|\\s+to\\s+come)?${E}`,
  (m, ctx) => {
    const g = m.groups!;
    const uname = g.u.toLowerCase().replace(/ie$/, 'y');
    const unit = UNITS[uname];
    if (!unit) return null;
    const rcw = g.rc?.toLowerCase().replace(/^in\s+/, '').trim();
    let start = m.index;
    if (g.rc && /^in\s/i.test(g.rc)) start += g.rc.indexOf(g.rc.replace(/^in\s+/i, ''));
    const code = unit.gran === 'decade' ? 'DE' : unit.gran === 'century' ? 'CE' : unit.unit;
    const dv = durationValue(null, code, unit.time);
    // "in recent years", "in past years": an indefinite stretch of the past
    if (rcw === 'recent' || rcw === 'past') return { start, end: m.index + m[0].length, rule: 'time:recent', type: 'DATE', resolve: fixed('PAST_REF') };
    if (rcw && /coming|upcoming|next/.test(rcw)) return { start, end: m.index + m[0].length, rule: 'time:coming', type: 'DURATION', resolve: fixed(dv) };
    // "two months ahead of schedule": the amount is a duration of its own ("[two months]")
    if (g.ahead && !g.v && !g.pre && AMOUNT_BEFORE.test(ctx.text.slice(Math.max(0, m.index - 12), m.index))) return null;
    if (g.ahead) return mk(m, 'time:coming', 'DURATION', fixed(dv));
    if (!g.v && !g.rc && !g.pre) {
      // bare plural: only with a temporal preposition/verb ("for years", "in months", "took years")
      const before = ctx.text.slice(Math.max(0, m.index - 14), m.index).toLowerCase();
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12).toLowerCase();
      if (/^\s*(?:ago|of\b|later|earlier|old)/.test(after) && !/^\s*of\s+(?:talks|negotiations|war|fighting|conflict|delay|debate|effort|work|uncertainty|tension|decline)/.test(after)) {
        if (/^\s*ago/.test(after)) return null;
      }
      if (!/\b(?:for|in|over|within|took|take|takes|taking|last|lasted|spent|spend|after|before|than|during|throughout|about|and|or|those|these|many)\s+$/.test(before) && !/^\s*(?:of\b|-long|long|ago|later|earlier|before|after)/.test(after)) return null;
      if (/\b(?:than|and|or)\s+$/.test(before) && !/\b(?:days|weeks|months|years|hours|decades)\s+(?:and|or)\s+$/.test(before) && !/\bthan\s+$/.test(before)) return null;
    }
    return mk(m, 'time:duration-vague', 'DURATION', fixed(dv));
  },
);

/** "several-year", "multi-year": vague adjectival durations. */
const vagueAdj = rx('time:duration-adj', `${B}(?:several|multi|many|few)-(?<u>day|week|month|year|decade)${E}`, (m) => {
  const u = UNITS[m.groups!.u.toLowerCase()];
  return mk(m, 'time:duration-adj', 'DURATION', fixed(durationValue(null, u.gran === 'decade' ? 'DE' : u.unit, false)));
});

/**
 * "for [a while]", "for [a fairly lengthy period]", "for [an indefinite period of time]": a duration of
 * unstated length (DURATION `PXX`). Only after "for"; "period" needs an adjective of length, and a measured
 * period ("a period of two years") is left to the number rules.
 */
const vaguePeriod = rx(
  'time:vague-period',
  `(?<=\\bfor\\s)(?:a|an)\\s+(?:(?:little|short|good)\\s+)?while(?![-\\w])|(?<=\\bfor\\s)(?:a|an)\\s+(?:(?:very|fairly|rather|relatively|quite)\\s+)?(?:long|lengthy|short|brief|extended|indefinite|undetermined|unspecified|unknown|limited|considerable)\\s+period(?:\\s+of\\s+time)?(?![-\\w])`,
  (m, ctx) => {
    if (/^\s+of\s+(?:\d|about|around|up\s+to|some|several|a\s+few)/i.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 16))) return null;
    return mk(m, 'time:vague-period', 'DURATION', fixed('PXX'));
  },
);

/**
 * "by [that time]", "during [that time]", "at [that time]": refers back to the last timex (same or previous
 * 2 sentences) and takes its type and value ("by June 10. ... by that time" = that date; "its five-year
 * plan. During that time" = `P5Y`); with none, PAST_REF (FUTURE_REF in a future clause). "this time"
 * (an occasion: "This time, analysts think ...") is not a timex.
 */
const thatTime = rx('time:that-time', `(?<=\\b(?<p>by|during|at|until|till|since|before|after|from|through|throughout|over|around)\\s)that\\s+time(?![-\\w'’])`, (m) => {
  // a stretch ("during that time") may refer back to a duration; a point ("by that time") only to a date or time
  const stretch = /^(?:during|through|throughout|over)$/i.test(m.groups!.p);
  return mk(m, 'time:that-time', 'DATE', (rc) => {
    for (let i = rc.history.length - 1; i >= 0; i--) {
      const t = rc.history[i];
      if (t.start >= rc.start) continue;
      if (rc.sentence - t.sentence > 2) break;
      if (t.type === 'SET' || (t.type === 'DURATION' && !stretch)) continue;
      return { value: t.value, type: t.type, anchor: `timex:${i}` };
    }
    return { value: rc.tense === 'future' ? 'FUTURE_REF' : 'PAST_REF', anchor: 'none' };
  });
});

/** "a later date": an unspecified future time. */
const laterDate = rx('time:ref', `${B}a\\s+later\\s+(?:date|stage|time)${E}`, (m) => mk(m, 'time:ref', 'DATE', fixed('FUTURE_REF')));

/** Adjectival spans like "decades-long", "day-long", "year-long". */
const longAdj = rx('time:duration-adj', `${B}(?<u>day|week|month|year|decade|hour|minute)s?-long${E}`, (m) => {
  const u = UNITS[m.groups!.u.toLowerCase()];
  const plural = /s-long$/i.test(m[0]);
  return mk(m, 'time:duration-adj', 'DURATION', fixed(durationValue(plural ? null : u.factor, u.unit, u.time)));
});

// ---------------------------------------------------------------------------
// sets
// ---------------------------------------------------------------------------

const SET_ADVERBS: Record<string, string> = {
  daily: 'P1D', weekly: 'P1W', monthly: 'P1M', yearly: 'P1Y', annually: 'P1Y', hourly: 'PT1H', nightly: 'P1D', quarterly: 'P3M', biweekly: 'P2W', fortnightly: 'P2W', biannually: 'P6M',
};

const setAdverb = rx('time:set', `${B}(?<w>daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|fortnightly)${E}`, (m, ctx) => {
  const w = m.groups!.w.toLowerCase();
  // "daily newspaper", "Daily Telegraph": proper names and publication nouns are not sets
  if (/^[A-Z]/.test(m[0]) && m.index > 0 && !/[.!?"]\s*$/.test(ctx.text.slice(Math.max(0, m.index - 3), m.index))) return null;
  const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 16).toLowerCase();
  if (/^\s+(?:newspaper|paper|mail|news|telegraph|star|beast|show|record|journal|report|bulletin|briefing|deal|volume|turnover|trading|flights|flight)\b/.test(after)) return null;
  return mk(m, 'time:set', 'SET', fixed(SET_ADVERBS[w]));
});

/** "every week", "each year", "every two years", "every Monday", "per day". */
const everySet = rx(
  'time:set',
  `${B}(?:every|each|per)\\s+(?:(?<other>other)\\s+|(?<n>${NUM})\\s+)?(?:(?<u>second|minute|hour|day|night|week|month|quarter|year|decade|morning|afternoon|evening|weekend|summer|winter|spring|autumn|fall)s?|(?<wd>${WEEKDAY_FULL})|(?<mon>${MONTH_FULL}))${E}`,
  (m) => {
    const g = m.groups!;
    if (g.wd) return mk(m, 'time:set', 'SET', fixed(`XXXX-WXX-${weekdayOf(g.wd)}`));
    if (g.mon) return mk(m, 'time:set', 'SET', fixed(`XXXX-${pad(monthOf(g.mon)!)}`));
    const u = g.u!.toLowerCase();
    if (u in PARTS_OF_DAY) return mk(m, 'time:set', 'SET', fixed(`XXXX-XX-XXT${PARTS_OF_DAY[u]}`));
    if (u in SEASONS) return mk(m, 'time:set', 'SET', fixed(`XXXX-${SEASONS[u]}`));
    if (u === 'weekend') return mk(m, 'time:set', 'SET', fixed('XXXX-WXX-WE'));
    const unit = UNITS[u];
    if (!unit) return null;
    const n = g.other ? 2 : g.n ? parseNumber(g.n) : 1;
    return mk(m, 'time:set', 'SET', fixed(durationValue((n ?? 1) * unit.factor, unit.unit, unit.time)));
  },
);

// ---------------------------------------------------------------------------
// clock times
// ---------------------------------------------------------------------------

const TZ = `(?:\\s*(?<tz>UTC|GMT|Z|EDT|EST|CDT|CST|MDT|MST|PDT|PST|BST|CET|CEST|local\\s+time|\\((?:GMT|UTC)\\s*[+-]\\s*\\d{1,2}\\)))?`;

function clockResolve(hh: number, mi: number, tz: string | undefined): (rc: ResolveCtx) => Resolution {
  const z = tz && /^(?:UTC|GMT|Z)$/i.test(tz) ? 'Z' : '';
  return (rc) => {
    // clocks resolve after every other timex: the nearest day-valued timex of the sentence, else the previous one (3 sentences back)
    // history holds the pass-1 timexes in text order: binary search, then look left and right within the sentence
    const h = rc.history;
    let lo = 0;
    let hi = h.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (h[mid].start < rc.start) lo = mid + 1;
      else hi = mid;
    }
    let best = -1;
    let bestD = Infinity;
    for (let i = lo - 1; i >= 0 && h[i].sentence === rc.sentence; i--) {
      if (/^\d{4}-\d{2}-\d{2}/.test(h[i].value)) {
        best = i;
        bestD = rc.start - h[i].start;
        break;
      }
    }
    for (let i = lo; i < h.length && h[i].sentence === rc.sentence && h[i].start >= rc.start; i++) {
      if (/^\d{4}-\d{2}-\d{2}/.test(h[i].value)) {
        if (h[i].start - rc.start < bestD) best = i;
        break;
      }
    }
    if (best >= 0) {
      const t = h[best];
      return { value: `${t.value.slice(0, 10)}T${pad(hh)}:${pad(mi)}${z}`, anchor: `timex:${best}` };
    }
    const day = rc.prevDay && rc.sentence - rc.prevDay.sentence <= 3 && rc.prevDay.index < rc.history.length && rc.history[rc.prevDay.index].start < rc.start ? rc.prevDay.value.slice(0, 10) : null;
    if (day) return { value: `${day}T${pad(hh)}:${pad(mi)}${z}`, anchor: `timex:${rc.prevDay!.index}` };
    if (rc.dct) return { value: `${fmtDay(rc.dct)}T${pad(hh)}:${pad(mi)}${z}`, anchor: 'DCT' };
    return { value: `XXXX-XX-XXT${pad(hh)}:${pad(mi)}${z}`, anchor: 'none' };
  };
}

/** "10 a.m.", "10:30 p.m. EDT", "14:58 UTC", "noon", "midnight", "around 7:15 p.m.". */
/** Hour words of the twelve-hour clock ("eight p.m."). */
const HOUR_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

const clock = rx(
  'time:clock',
  `${B}(?:(?<q>about|around|approximately|shortly\\s+(?:before|after)|just\\s+(?:before|after))\\s+)?(?:(?:(?<h>1[0-2]|0?[1-9])(?::(?<m>[0-5]\\d))?|(?<hw>${HOUR_WORD})(?:[-\\s]+(?<mw>fifteen|thirty|forty[-\\s]five))?)\\s*(?<ap>a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b|AM\\b|PM\\b|o['’]clock)|(?<h24>[01]?\\d|2[0-3])[:.](?<m24>[0-5]\\d)(?=\\s*(?:UTC|GMT|Z\\b|EDT|EST|CDT|CST|PDT|PST|BST|CET|CEST|local|hours|hrs|h\\b|\\())|(?<word>noon|midnight|midday))${TZ}`,
  (m) => {
    const g = m.groups!;
    let hh: number;
    let mi = 0;
    if (g.word) {
      const w = g.word.toLowerCase();
      hh = w === 'midnight' ? 24 : 12;
    } else if (g.h24 !== undefined) {
      hh = +g.h24;
      mi = +g.m24!;
    } else {
      // spoken forms in broadcast transcripts: "eight p.m.", "five o'clock", "seven thirty a.m."
      hh = g.hw ? NUMBER_WORDS[g.hw.toLowerCase()] : +g.h!;
      mi = g.mw ? (/^fif/i.test(g.mw) ? 15 : /^thi/i.test(g.mw) ? 30 : 45) : g.m ? +g.m : 0;
      const ap = g.ap!.toLowerCase();
      if (ap.startsWith('p') && hh < 12) hh += 12;
      if (ap.startsWith('a') && hh === 12) hh = 0;
    }
    const c = mk(m, 'time:clock', 'TIME', clockResolve(hh, mi, g.tz), { tags: TAG_CLOCK, late: true, clock: `${pad(hh)}:${pad(mi)}${g.tz && /^(?:UTC|GMT|Z)$/i.test(g.tz) ? 'Z' : ''}` });
    if (g.q && /^(?:shortly|just)/i.test(g.q)) c.start += g.q.length + 1;
    return c;
  },
);

/** "4 in the morning", "mid-afternoon", "in the morning" left out (too vague). */
const clockWords = rx('time:clock', `${B}(?<h>1[0-2]|0?[1-9]|${NUM_WORD})\\s+in\\s+the\\s+(?<p>morning|afternoon|evening)${E}`, (m) => {
  const g = m.groups!;
  let hh = parseNumber(g.h);
  if (hh === null || hh > 12) return null;
  if (g.p.toLowerCase() !== 'morning' && hh < 12) hh += 12;
  return mk(m, 'time:clock', 'TIME', clockResolve(hh, 0, undefined), { tags: TAG_CLOCK, late: true, clock: `${pad(hh)}:00` });
});

// ---------------------------------------------------------------------------
// holidays
// ---------------------------------------------------------------------------

const HOLIDAY_NAMES = [...Object.keys(FIXED_HOLIDAYS), ...Object.keys(FLOATING_HOLIDAYS), 'easter sunday', 'easter', 'good friday', 'election day']
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/[.']/g, (c) => (c === '.' ? '\\.' : "['’]")).replace(/\s+/g, '\\s+'));

const holiday = rx('time:holiday', `${B}(?:(?<rel>last|next|this|this\\s+past|this\\s+coming)\\s+)?(?<h>${HOLIDAY_NAMES.join('|')})(?<wk>\\s+week)?(?:\\s+(?<year>${YEAR4}))?${E}`, (m, ctx) => {
  const g = m.groups!;
  if (!/^[A-Z]/.test(g.h)) return null;
  // lunar and other calendars' new years are not January 1
  if (/new\s+year/i.test(g.h) && /\b(?:chinese|lunar|persian|jewish|islamic|iranian|vietnamese|tamil|thai|tibetan|korean|hindu|sikh|orthodox|ethiopian)\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 12), m.index))) return null;
  const name = g.h.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
  const rel = g.rel?.toLowerCase();
  const dateIn = (y: number) => {
    if (FIXED_HOLIDAYS[name]) return utcDate(y, FIXED_HOLIDAYS[name][0], FIXED_HOLIDAYS[name][1]);
    if (FLOATING_HOLIDAYS[name]) {
      const [mo, dow, nth] = FLOATING_HOLIDAYS[name];
      return nthWeekday(y, mo, dow, nth);
    }
    if (name === 'easter' || name === 'easter sunday') return easter(y);
    if (name === 'good friday') return easter(y)?.minus({ days: 2 }) ?? null;
    if (name === 'election day') {
      const d = nthWeekday(y, 11, 1, 1);
      return d ? d.plus({ days: 1 }) : null;
    }
    return null;
  };
  // "Easter week", "Christmas week": the ISO week holding the holiday
  const fmt = g.wk ? fmtWeek : fmtDay;
  return mk(m, 'time:holiday', 'DATE', (rc) => {
    if (g.year) {
      const d = dateIn(+g.year);
      return d ? { value: fmt(d), anchor: 'none' } : null;
    }
    if (!rc.dct) {
      const f = FIXED_HOLIDAYS[name];
      if (g.wk) return { value: 'XXXX-WXX', anchor: 'none' };
      return { value: f ? `XXXX-${pad(f[0])}-${pad(f[1])}` : 'XXXX-XX-XX', anchor: 'none' };
    }
    const y = rc.dct.year;
    const cands = [y - 1, y, y + 1].map(dateIn).filter((d): d is NonNullable<typeof d> => !!d);
    const diff = (d: (typeof cands)[number]) => d.diff(rc.dct!, 'days').days;
    let best = cands.find((d) => d.year === y) ?? cands[0];
    if (rel === 'last' || rel === 'this past' || rc.tense === 'past') best = [...cands].reverse().find((d) => diff(d) <= (g.wk ? 6 : 0)) ?? best;
    else if (rel === 'next' || rel === 'this coming' || rc.tense === 'future') best = cands.find((d) => diff(d) >= 0) ?? best;
    else {
      for (const d of cands) if (Math.abs(diff(d)) < Math.abs(diff(best))) best = d;
    }
    return { value: fmt(best), anchor: 'DCT' };
  }, { tags: g.wk ? undefined : TAG_DAY });
}, 'gi');

// ---------------------------------------------------------------------------
// PRESENT_REF / PAST_REF / FUTURE_REF
// ---------------------------------------------------------------------------

const REFS: Array<[string, string]> = [
  ['now|nowadays|these\\s+days|the\\s+time\\s+being|at\\s+present|the\\s+present(?!\\s+(?:day|time|tense))|currently|the\\s+present\\s+time|present[-\\s]day', 'PRESENT_REF'],
  ['recently|lately|the\\s+past(?!\\s+(?:\\d|' + NUM_WORD + '|few|several|year|month|week|day|decade|century|quarter|two))|in\\s+the\\s+old\\s+days|once\\s+upon\\s+a\\s+time', 'PAST_REF'],
  ['the\\s+(?:near\\s+|distant\\s+|foreseeable\\s+|immediate\\s+)?future|the\\s+(?:near|long|short|medium)\\s+term|in\\s+the\\s+(?:coming|days|years)\\s+ahead|eventually|someday|one\\s+day\\s+soon|as\\s+soon\\s+as\\s+possible', 'FUTURE_REF'],
];

/** "will one day", "may one day": FUTURE_REF. */
const oneDay = rx('time:ref', `(?<=\\b(?:will|would|could|may|might|can|shall|to)\\s+)one\\s+day(?![-\\w])`, (m) => mk(m, 'time:ref', 'DATE', fixed('FUTURE_REF'), { priority: 2 }));

const refs = REFS.map(([src, value]) =>
  rx(`time:ref-${value.toLowerCase()}`, `${B}(?:${src})${E}`, (m, ctx) => {
    const low = m[0].toLowerCase();
    const before = ctx.text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
    const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12).toLowerCase();
    if (low === 'shortly' && /^\s+(?:before|after)\b/.test(after)) return null;
    if (low === 'soon' && /^\s+(?:after|before|as)\b/.test(after) && !/as\s+soon\s+as\s+possible/.test(low)) {
      if (/^\s+as\b/.test(after)) return null;
    }
    if (low === 'soon' && /\bas\s+$/.test(before)) return null;
    if (low === 'the moment' && !/\b(?:at|for)\s+$/.test(before)) return null;
    if (low === 'eventually' || low === 'shortly') return null;
    // "Now, the minister said ..." / "Now for the weather": a discourse marker at the start of a sentence, not a time
    if (low === 'now' && /(?:^|[.!?]["'”’]*)\s*$/.test(ctx.text.slice(Math.max(0, m.index - 4), m.index)) && /^(?:\s*,|\s+for\b)/.test(after)) return null;
    if (/^the\s+present$/.test(low) && !/\b(?:at|until|to|the)\s+$/.test(before)) return null;
    return mk(m, `time:ref`, 'DATE', fixed(value));
  }),
);

/** "current" / "recent" / "future" as adjectives before a noun (not a time unit). */
const refAdj = rx('time:ref-adj', `${B}(?<w>current|recent|future|former)(?=\\s+[a-z])`, (m, ctx) => {
  const w = m.groups!.w.toLowerCase();
  const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 25).toLowerCase();
  if (w === 'former') return null;
  if (/^\s+(?:year|month|week|quarter|day|period|fiscal|decade|century|season|weekend|days|weeks|months|years|decades)\b/.test(after)) return null;
  // economic and fixed phrases: "current account", "current affairs", "current assets"
  if (w === 'current' && /^\s+(?:account|accounts|affairs|assets|liabilities|ratio|density|flow|flows)\b/.test(after)) return null;
  const value = w === 'current' ? 'PRESENT_REF' : w === 'recent' ? 'PAST_REF' : 'FUTURE_REF';
  return mk(m, 'time:ref-adj', 'DATE', fixed(value), { priority: -2 });
});

// ---------------------------------------------------------------------------
// the registry, in order
// ---------------------------------------------------------------------------

/** All recognisers, in order (order only matters for ties). */
export const RECOGNIZERS: readonly Recognizer[] = [
  isoDate,
  slashDate,
  monthDay,
  dayMonth,
  monthYear,
  weekOfMonth,
  monthRelYear,
  monthAlone,
  year,
  shortYear,
  decade,
  century,
  spokenYear,
  season,
  quarter,
  monthQuarter,
  quarterShort,
  quarterRef,
  half,
  reportPeriod,
  dayWord,
  partOfDay,
  earlyHours,
  midPart,
  ordinalDay,
  weekday,
  relPeriod,
  theUnit,
  theYear,
  yearEnd,
  samePeriod,
  theWeekend,
  theDay,
  theYears,
  annual,
  evaluativePeriod,
  ago,
  agoUnquantified,
  tradingPart,
  nthDay,
  anaphoric,
  duration,
  vagueDuration,
  longAdj,
  vagueAdj,
  vaguePeriod,
  thatTime,
  laterDate,
  setAdverb,
  everySet,
  clock,
  clockWords,
  holiday,
  ...refs,
  oneDay,
  refAdj,
];

export { fmtDay, fmtGran, fmtMonth, fmtYear, unknownAt };
