/**
 * Types shared by the TIMEX3 recognisers and refiners (chrono-style: small
 * recognisers propose {@link Candidate}s, refiners merge, filter and resolve them).
 */
import type { DateTime } from 'luxon';
import type { Doc, Timex, TimexType } from '../doc.js';

/** Clause tense; `conditional` is "would" (future seen from the past: near future for weekdays, nearest for months). */
export type Tense = 'past' | 'present' | 'future' | 'conditional' | 'none';

/** What a candidate resolves to. */
export interface Resolution {
  value: string;
  /** Overrides the candidate's type (e.g. a date that gains a clock time). */
  type?: TimexType;
  mod?: string;
  /** `DCT`, `none` or `timex:N`; filled in by the resolver when omitted. */
  anchor?: string;
}

/** The context a candidate is resolved in. */
export interface ResolveCtx {
  /** Document creation time (UTC), or null. */
  dct: DateTime | null;
  /** Grammatical tense of the clause around the candidate. */
  tense: Tense;
  /** The verb deciding the tense is a reporting verb (say, tell, announce, ...). */
  reporting?: boolean;
  /** Previous resolved DATE/TIME timex in the document (index into the output and value). */
  prev: { index: number; value: string; sentence: number } | null;
  /** Most recent earlier timex with a full-day value (`YYYY-MM-DD`), in the document. */
  prevDay: { index: number; value: string; sentence: number } | null;
  /** The timexes resolved so far in this document (text order). */
  history: readonly Timex[];
  /** Sentence index of the candidate. */
  sentence: number;
  /** Character offset of the candidate. */
  start: number;
  /** Text right after the candidate (up to 40 characters), lower-cased. */
  after: string;
  /** Text right before the candidate (up to 40 characters), lower-cased. */
  before: string;
}

/** A proposed time expression. */
export interface Candidate {
  start: number;
  end: number;
  rule: string;
  type: TimexType;
  /** Among overlapping candidates of equal length, the higher priority wins (default 0). */
  priority?: number;
  /** Tags refiners use: `clock` (a time of day), `day` (resolves to a full date), `year`, ... */
  tags?: ReadonlySet<string>;
  /** Clock time `HH:MM` (with optional `Z`) for clock candidates. */
  clock?: string;
  /** Resolve in a second pass, after all other candidates (clock times look for the day of their sentence). */
  late?: boolean;
  /**
   * End of the reported span when it is shorter than the text the candidate claims
   * ("in [February] this year": "this year" decides the value and is no timex of its own).
   */
  spanEnd?: number;
  /**
   * A relative shift waiting for its anchor: "the day before" followed by a day-level date
   * ("the day before last Tuesday's hearing") is merged with it by a refiner
   * (`n` units of granularity `gran`, formatted at that granularity).
   */
  shift?: { gran: 'day' | 'week' | 'month' | 'year'; n: number };
  /** Turn the candidate into a TIMEX3 value (null: drop it). */
  resolve(rc: ResolveCtx): Resolution | null;
}

/** Shared, read-only facts about the document being processed. */
export interface TimeContext {
  doc: Readonly<Doc>;
  text: string;
  dct: DateTime | null;
}

/** A recogniser: proposes candidates over the whole text. */
export interface Recognizer {
  kind: 'recognizer';
  name: string;
  find(ctx: TimeContext): Candidate[];
}

/** A refiner: rewrites the candidate list (merge, filter, ...). */
export interface Refiner {
  kind: 'refiner';
  name: string;
  refine(ctx: TimeContext, cands: Candidate[]): Candidate[];
}

export type TimeStage = Recognizer | Refiner;
