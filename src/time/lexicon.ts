/**
 * Lexicons for the TIMEX3 recogniser: month and weekday names, number words,
 * ordinals, time units, seasons, parts of day and holidays. Pure data, built
 * once at module load; the recognisers compile their regular expressions from it.
 */

/** Month name or abbreviation (lower case, without final period) -> month 1..12. */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1,
  february: 2, feb: 2, febr: 2,
  march: 3, mar: 3,
  april: 4, apr: 4,
  may: 5,
  june: 6, jun: 6,
  july: 7, jul: 7,
  august: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  october: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

/** Weekday name or abbreviation -> ISO weekday 1 (Monday) .. 7 (Sunday). */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, mon: 1,
  tuesday: 2, tue: 2, tues: 2,
  wednesday: 3, wed: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fri: 5,
  saturday: 6, sat: 6,
  sunday: 7, sun: 7,
};

/** Cardinal number words -> value. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, thousand: 1000, a: 1, an: 1, single: 1, dozen: 12,
};

/** Ordinal words -> value. */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty-second': 22, 'twenty-third': 23,
  'twenty-fourth': 24, 'twenty-fifth': 25, 'twenty-sixth': 26, 'twenty-seventh': 27, 'twenty-eighth': 28,
  'twenty-ninth': 29, thirtieth: 30, 'thirty-first': 31,
};

/** Vague quantity words: the count is unknown (`X` in TIMEX3 values). */
export const VAGUE_QUANTITIES: readonly string[] = [
  'a few', 'few', 'several', 'many', 'some', 'a couple of', 'a number of', 'numerous', 'countless',
  'dozens of', 'hundreds of', 'thousands of', 'a handful of', 'the next few', 'a matter of',
];

/**
 * Time units: lower-case singular -> TIMEX3 duration unit and whether it is a
 * time-of-day unit (written after `PT`). `factor` multiplies the count
 * (a decade is 10 years, a fortnight 2 weeks).
 */
export const UNITS: Readonly<Record<string, { unit: string; time: boolean; factor: number; gran: Granularity }>> = {
  second: { unit: 'S', time: true, factor: 1, gran: 'second' },
  minute: { unit: 'M', time: true, factor: 1, gran: 'minute' },
  hour: { unit: 'H', time: true, factor: 1, gran: 'hour' },
  day: { unit: 'D', time: false, factor: 1, gran: 'day' },
  night: { unit: 'D', time: false, factor: 1, gran: 'day' },
  week: { unit: 'W', time: false, factor: 1, gran: 'week' },
  fortnight: { unit: 'W', time: false, factor: 2, gran: 'week' },
  month: { unit: 'M', time: false, factor: 1, gran: 'month' },
  quarter: { unit: 'Q', time: false, factor: 1, gran: 'quarter' },
  year: { unit: 'Y', time: false, factor: 1, gran: 'year' },
  decade: { unit: 'Y', time: false, factor: 10, gran: 'decade' },
  century: { unit: 'Y', time: false, factor: 100, gran: 'century' },
};

export type Granularity = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

/** Seasons -> TIMEX3 season code. */
export const SEASONS: Readonly<Record<string, string>> = {
  spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI',
};

/** Parts of the day -> TIMEX3 code. */
export const PARTS_OF_DAY: Readonly<Record<string, string>> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', midday: 'MI', 'mid-afternoon': 'AF', 'mid afternoon': 'AF',
  dawn: 'MO', daybreak: 'MO',
};

/** Decade words ("the nineties") -> decade digit. */
export const DECADE_WORDS: Readonly<Record<string, number>> = {
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
};

/** Fixed-date holidays: name -> [month, day]. */
export const FIXED_HOLIDAYS: Readonly<Record<string, [number, number]>> = {
  "new year's day": [1, 1],
  'new year': [1, 1],
  "new year's": [1, 1],
  "new year's eve": [12, 31],
  "valentine's day": [2, 14],
  "st. patrick's day": [3, 17],
  'independence day': [7, 4],
  'fourth of july': [7, 4],
  'bastille day': [7, 14],
  halloween: [10, 31],
  'veterans day': [11, 11],
  "veterans' day": [11, 11],
  'armistice day': [11, 11],
  'christmas eve': [12, 24],
  'christmas day': [12, 25],
  christmas: [12, 25],
  'boxing day': [12, 26],
  'may day': [5, 1],
  'labour day': [5, 1],
  'international workers day': [5, 1],
};

/**
 * Floating (US) holidays: name -> [month, weekday (1=Mon), nth (-1 = last)].
 * Easter and Good Friday are computed (see calendar.ts).
 */
export const FLOATING_HOLIDAYS: Readonly<Record<string, [number, number, number]>> = {
  thanksgiving: [11, 4, 4],
  'thanksgiving day': [11, 4, 4],
  'labor day': [9, 1, 1],
  'memorial day': [5, 1, -1],
  'martin luther king day': [1, 1, 3],
  'martin luther king jr. day': [1, 1, 3],
  "presidents' day": [2, 1, 3],
  'presidents day': [2, 1, 3],
  'columbus day': [10, 1, 2],
  "mother's day": [5, 7, 2],
  "father's day": [6, 7, 3],
};

/** Verb forms that are simple past (irregular); regular pasts end in -ed. */
export const IRREGULAR_PAST: ReadonlySet<string> = new Set([
  'was', 'were', 'had', 'did', 'said', 'went', 'came', 'took', 'made', 'gave', 'got', 'told', 'met', 'left', 'held',
  'saw', 'knew', 'thought', 'found', 'became', 'began', 'brought', 'bought', 'built', 'caught', 'chose', 'cut',
  'drew', 'drove', 'fell', 'felt', 'fought', 'flew', 'forgot', 'froze', 'grew', 'hit', 'hung', 'heard', 'kept',
  'led', 'lost', 'meant', 'paid', 'put', 'quit', 'ran', 'rose', 'sold', 'sent', 'set', 'shot', 'shut', 'sank',
  'sat', 'slept', 'spoke', 'spent', 'spread', 'stood', 'stole', 'struck', 'swore', 'taught', 'tore', 'threw',
  'understood', 'woke', 'won', 'wrote', 'withdrew', 'overtook', 'undertook', 'upheld', 'sought', 'fled', 'bid',
  'broke', 'ate', 'drank', 'forecast', 'hurt', 'let', 'read', 'shed', 'split', 'struck', 'arose', 'wound', 'beat',
]);

/** Verbs that project a future when followed by "to" (plans to, is set to, expects to, ...). */
export const FUTURE_VERBS: ReadonlySet<string> = new Set([
  'plan', 'expect', 'schedule', 'intend', 'aim', 'hope', 'set', 'due', 'prepare', 'seek', 'propose', 'vow', 'pledge',
  'promise', 'threaten', 'want', 'agree', 'decide', 'going', 'slate', 'poise', 'likely', 'poised', 'slated', 'scheduled',
  'expected', 'planned', 'set', 'suppose', 'supposed', 'timed', 'tentatively',
]);

/**
 * Nouns naming an intended or expected event, whose infinitive looks ahead ("the decision to resume talks
 * on Monday", "a plan to leave Friday"); after other nouns an infinitive is a purpose clause that shares the
 * time of its main verb ("staged celebrations to mark the entry on Friday").
 */
export const INTENT_NOUNS: ReadonlySet<string> = new Set([
  'plan', 'decision', 'agreement', 'deal', 'offer', 'bid', 'proposal', 'attempt', 'effort', 'move', 'pledge',
  'promise', 'vote', 'deadline', 'order', 'request', 'call', 'invitation', 'intention', 'threat', 'commitment',
  'option', 'right', 'permission', 'authority', 'chance', 'opportunity', 'plot', 'campaign', 'bill', 'motion',
  'accord', 'pact', 'contract', 'obligation', 'ultimatum', 'appeal', 'demand', 'readiness', 'willingness',
  'intent', 'aim', 'goal', 'target', 'hope', 'expectation', 'schedule', 'timetable', 'deadline', 'way', 'time',
]);

/**
 * Evaluative adjectives that make a bare unit noun refer to one particular period ("its best week since
 * November", "a great day for the country", "another bad week for Asia"): TimeBank and MEANTIME annotate
 * the noun as a timex. Ordinals and quantifiers (first, last, every, single) are not here.
 */
export const EVALUATIVE_PERIOD_ADJ: ReadonlySet<string> = new Set([
  'best', 'worst', 'biggest', 'busiest', 'strongest', 'weakest', 'great', 'good', 'bad', 'tough', 'difficult',
  'turbulent', 'volatile', 'bloody', 'deadliest', 'historic', 'sad', 'dark', 'black', 'quiet', 'hectic', 'grim',
  'momentous', 'rough', 'stormy', 'terrible', 'dismal', 'brutal',
]);
