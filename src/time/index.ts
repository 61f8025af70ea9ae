/**
 * TIMEX3 recognition and normalisation.
 *
 * `extractTimexes(doc)` runs the ordered stage list of `config.ts` over
 * `doc.document.text` (recognisers propose candidates, refiners merge and
 * filter them), then resolves each kept candidate in text order against the
 * DCT (`doc.document.published`), the clause tense (from token POS and
 * lemmas) and the previous time expressions of the document.
 *
 * Conventions (see also resolve.ts):
 * - no DCT: relative expressions stay underspecified at their granularity
 *   ("last year" -> `XXXX`, "Aug. 12" -> `XXXX-08-12`, "Tuesday" -> `XXXX-WXX-2`), anchor `none`;
 * - "two days before the summit" (a duration relative to an event, not to a
 *   time expression) is a DURATION (`P2D`, rule `time:duration-before-event`);
 *   "two days later" / "the day before" after a dated sentence is a DATE
 *   anchored on that date (`anchor: timex:N`), else on the DCT;
 * - "recently", "recent years" -> PAST_REF; "now", "currently" -> PRESENT_REF; "soon", "the future" -> FUTURE_REF.
 *
 * Pure and deterministic; never throws on text without time expressions.
 */
import type { Doc, Timex } from '../doc.js';
import { sentenceAt } from '../doc.js';
import type { Component } from '../pipeline.js';
import { parseDay } from './calendar.js';
import { TIME_STAGES } from './config.js';
import { clauseAround } from './tense.js';
import type { Candidate, ResolveCtx, Tense, TimeContext, TimeStage } from './types.js';

export type { Candidate, Recognizer, Refiner, Resolution, ResolveCtx, Tense, TimeStage } from './types.js';
export { TIME_STAGES } from './config.js';

/** Run the stages and return the kept candidates (unresolved), in text order. */
export function findCandidates(ctx: TimeContext, stages: readonly TimeStage[] = TIME_STAGES): Candidate[] {
  let cands: Candidate[] = [];
  for (const st of stages) {
    // a failing stage is skipped: extraction never throws on odd input
    try {
      if (st.kind === 'recognizer') {
        for (const c of st.find(ctx)) cands.push(c);
      } else cands = st.refine(ctx, cands);
    } catch {
      /* skip this stage */
    }
  }
  return cands.sort((a, b) => a.start - b.start);
}

/**
 * The date of a dateline: a full explicit date (month, day and year) within the
 * first three lines and 300 characters, alone on its line or after a place
 * ("WASHINGTON, Aug. 12, 2025 (AP) --"). Null when there is none.
 */
function datelineDate(text: string, cands: readonly Candidate[]): ReturnType<typeof parseDay> {
  for (const c of cands) {
    if (c.start > 300) break;
    const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
    if (text.slice(0, lineStart).split('\n').length > 3) break;
    const lineEnd = text.indexOf('\n', c.end);
    const before = text.slice(lineStart, c.start);
    const after = text.slice(c.end, lineEnd < 0 ? text.length : lineEnd);
    if (!/^\s*(?:[A-Z][A-Za-z.' -]{1,40},\s*)?$/.test(before)) continue;
    if (!/^\s*(?:$|\(|--|—|–|-\s)/.test(after)) continue;
    let r;
    try {
      r = c.resolve({ dct: null, tense: 'none', reporting: false, prev: null, prevDay: null, history: [], sentence: 0, start: c.start, before: '', after: '' });
    } catch {
      r = null;
    }
    const d = r && /^\d{4}-\d{2}-\d{2}$/.test(r.value) ? parseDay(r.value) : null;
    if (d) return d;
  }
  return null;
}

/** Extract and normalise the TIMEX3 expressions of a document. */
export function extractTimexes(doc: Readonly<Doc>, stages: readonly TimeStage[] = TIME_STAGES): Timex[] {
  const text = doc.document?.text ?? '';
  if (!text) return [];
  let dct = parseDay(doc.document.published);
  const ctx: TimeContext = { doc, text, dct };
  const cands = findCandidates(ctx, stages);
  // no publication date: a dateline ("Airbus test flight delayed\nSeptember 01, 2007\n...") stands in for it
  if (!dct) {
    dct = datelineDate(text, cands);
    ctx.dct = dct;
  }
  // pass 1: every candidate but the late ones (clock times), in text order; pass 2: the late ones
  const resolved: Timex[] = [];
  const early = cands.filter((c) => !c.late);
  const late = cands.filter((c) => c.late);
  // running references for pass 1 (text order); pass 2 looks them up among the pass-1 results
  let runPrev: ResolveCtx['prev'] = null;
  let runPrevDay: ResolveCtx['prevDay'] = null;
  let pass1 = 0;
  for (const c of [...early, ...late]) {
    const sentence = doc.sentences.length ? Math.max(0, sentenceAt(doc, c.start)) : 0;
    let clause: { tense: Tense; reporting: boolean } = { tense: 'none', reporting: false };
    try {
      if (doc.tokens.length) clause = clauseAround(doc, c.start, c.end);
    } catch {
      /* tense unknown */
    }
    let prev: ResolveCtx['prev'] = runPrev;
    let prevDay: ResolveCtx['prevDay'] = runPrevDay;
    if (c.late) {
      prev = null;
      prevDay = null;
      // binary search the last pass-1 timex before the clock, then walk back to the nearest references
      let lo = 0;
      let hi = pass1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (resolved[mid].start < c.start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo - 1; i >= 0 && (!prev || !prevDay); i--) {
        const t = resolved[i];
        if (t.type !== 'DATE' && t.type !== 'TIME') continue;
        if (!prev && /^\d{4}/.test(t.value)) prev = { index: i, value: t.value, sentence: t.sentence };
        if (!prevDay && /^\d{4}-\d{2}-\d{2}/.test(t.value)) prevDay = { index: i, value: t.value.slice(0, 10), sentence: t.sentence };
      }
    }
    const rc: ResolveCtx = {
      dct,
      tense: clause.tense,
      reporting: clause.reporting,
      prev,
      prevDay,
      history: resolved,
      sentence,
      start: c.start,
      before: text.slice(Math.max(0, c.start - 40), c.start).toLowerCase(),
      after: text.slice(c.end, c.end + 40).toLowerCase(),
    };
    let r;
    try {
      r = c.resolve(rc);
    } catch {
      r = null;
    }
    if (!r || !r.value) continue;
    const index = resolved.length;
    const type = r.type ?? c.type;
    if (!c.late) {
      pass1 = index + 1;
      if (type === 'DATE' || type === 'TIME') {
        if (/^\d{4}/.test(r.value)) runPrev = { index, value: r.value, sentence };
        if (/^\d{4}-\d{2}-\d{2}/.test(r.value)) runPrevDay = { index, value: r.value.slice(0, 10), sentence };
      }
    }
    const end = c.spanEnd !== undefined && c.spanEnd > c.start && c.spanEnd < c.end ? c.spanEnd : c.end;
    resolved.push({
      text: text.slice(c.start, end),
      start: c.start,
      end,
      sentence,
      rule: c.rule,
      type,
      value: r.value,
      ...(r.mod ? { mod: r.mod } : {}),
      anchor: r.anchor ?? 'none',
    });
  }
  // text order, with `timex:N` anchors renumbered
  const idx = resolved.map((_, i) => i).sort((a, b) => resolved[a].start - resolved[b].start);
  const newIndex = new Map<number, number>();
  idx.forEach((old, i) => newIndex.set(old, i));
  return idx.map((old) => {
    const t = resolved[old];
    const m = /^timex:(\d+)$/.exec(t.anchor ?? '');
    return m ? { ...t, anchor: `timex:${newIndex.get(+m[1])}` } : t;
  });
}

/** The pipeline component: assigns `timexes`. */
export const timeComponent: Component = {
  name: 'time',
  requires: ['tokens', 'sentences'],
  assigns: ['timexes'],
  run: (doc) => ({ timexes: extractTimexes(doc) }),
};
