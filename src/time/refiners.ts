/**
 * Refiners: rewrite the candidate list proposed by the recognisers.
 * They run in the order listed in `config.ts`.
 */
import { fmtGran, parseValue, shift } from './calendar.js';
import type { Candidate, Refiner, Resolution, ResolveCtx } from './types.js';

/** Drop candidates inside URLs, e-mail addresses, file names and hashtags. */
export const dropInUrls: Refiner = {
  kind: 'refiner',
  name: 'time:drop-in-urls',
  refine(ctx, cands) {
    const text = ctx.text;
    return cands.filter((c) => {
      let a = c.start;
      while (a > 0 && !/\s/.test(text[a - 1])) a--;
      let b = c.end;
      while (b < text.length && !/\s/.test(text[b])) b++;
      const word = text.slice(a, b);
      return !/(?:https?:\/\/|www\.|@|\.(?:html?|php|pdf|jpg|png)\b|#\w)/i.test(word);
    });
  },
};

/** Join a clock time with an adjacent date ("9 a.m. Tuesday", "Tuesday, 10 a.m.", "5 p.m. EST Nov. 9"). */
export const mergeClockWithDate: Refiner = {
  kind: 'refiner',
  name: 'time:merge-clock-date',
  refine(ctx, cands) {
    const clocks = cands.filter((c) => c.tags?.has('clock'));
    if (!clocks.length) return cands;
    const byStart = new Map<number, Candidate>();
    const byEnd = new Map<number, Candidate>();
    for (const d of cands) {
      if (!d.tags?.has('day')) continue;
      if (!byStart.has(d.start)) byStart.set(d.start, d);
      if (!byEnd.has(d.end)) byEnd.set(d.end, d);
    }
    const out = [...cands];
    for (const cl of clocks) {
      let day: Candidate | undefined;
      let span: { start: number; end: number } | null = null;
      // date after the clock: "9 a.m. Tuesday", "5 p.m. EST, on Nov. 9"
      const gapAfter = /^\s*,?\s*(?:on\s+)?/.exec(ctx.text.slice(cl.end, cl.end + 8))![0];
      day = byStart.get(cl.end + gapAfter.length);
      if (day) span = { start: cl.start, end: day.end };
      else {
        // date before the clock: "Tuesday, 10 a.m."
        const before = ctx.text.slice(Math.max(0, cl.start - 3), cl.start);
        const gapBefore = /\s*,?\s*$/.exec(before)![0];
        day = byEnd.get(cl.start - gapBefore.length);
        if (day) span = { start: day.start, end: cl.end };
      }
      if (!day || !span) continue;
      const d = day;
      const clockStr = cl.clock!;
      out.push({
        start: span.start,
        end: span.end,
        rule: 'time:date-clock',
        type: 'TIME',
        priority: 3,
        resolve(rc: ResolveCtx): Resolution | null {
          const r = d.resolve(rc);
          if (!r) return null;
          return { ...r, value: `${r.value.slice(0, 10)}T${clockStr}`, type: 'TIME' };
        },
      });
    }
    return out;
  },
};

/** Keep the longest candidate among overlapping ones (then the higher priority, then the earlier). */
export const resolveOverlaps: Refiner = {
  kind: 'refiner',
  name: 'time:resolve-overlaps',
  refine(ctx, cands) {
    const sorted = [...cands].sort(
      (a, b) => b.end - b.start - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start,
    );
    const taken = new Uint8Array(ctx.text.length + 1);
    const kept: Candidate[] = [];
    for (const c of sorted) {
      if (c.end <= c.start) continue;
      let free = true;
      for (let i = c.start; i < c.end; i++) {
        if (taken[i]) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      taken.fill(1, c.start, c.end);
      kept.push(c);
    }
    return kept.sort((a, b) => a.start - b.start);
  },
};

/** Trim whitespace and trailing punctuation from spans (keeps "a.m." and abbreviations). */
export const trimSpans: Refiner = {
  kind: 'refiner',
  name: 'time:trim-spans',
  refine(ctx, cands) {
    for (const c of cands) {
      while (c.start < c.end && /\s/.test(ctx.text[c.start])) c.start++;
      while (c.end > c.start && /[\s,;:]/.test(ctx.text[c.end - 1])) c.end--;
      // TimeBank leaves "about" out of amounts and clock times ("for about [two weeks]", "at about [10:35 a.m.]");
      // the APPROX mod stays
      if (c.type === 'DURATION' || c.type === 'TIME') {
        const lead = /^about\s+(?=\S)/i.exec(ctx.text.slice(c.start, c.end));
        if (lead && c.start + lead[0].length < c.end) c.start += lead[0].length;
      }
    }
    return cands;
  },
};

/**
 * Join a pending shift with the day-level date right after it: "the day before [last Tuesday]"
 * -> one DATE, the Tuesday minus one day; "the week after Easter" -> the ISO week after it.
 * The shift candidate alone stays as proposed (anchored on the previous timex).
 */
export const mergeShiftWithDate: Refiner = {
  kind: 'refiner',
  name: 'time:merge-shift-date',
  refine(ctx, cands) {
    const shifts = cands.filter((c) => c.shift);
    if (!shifts.length) return cands;
    const byStart = new Map<number, Candidate>();
    for (const d of cands) if (d.tags?.has('day') && !d.shift && !byStart.has(d.start)) byStart.set(d.start, d);
    const out = [...cands];
    for (const sh of shifts) {
      const gap = /^\s+/.exec(ctx.text.slice(sh.end, sh.end + 4));
      const d = gap ? byStart.get(sh.end + gap[0].length) : undefined;
      if (!d) continue;
      const { gran, n } = sh.shift!;
      out.push({
        start: sh.start,
        end: d.end,
        rule: 'time:shifted-date',
        type: 'DATE',
        priority: 2,
        resolve(rc: ResolveCtx): Resolution | null {
          const r = d.resolve(rc);
          if (!r) return null;
          const pv = /^\d{4}-\d{2}-\d{2}$/.test(r.value) ? parseValue(r.value) : null;
          if (!pv) return { value: gran === 'day' ? 'XXXX-XX-XX' : r.value, anchor: r.anchor };
          return { value: fmtGran(shift(pv.dt, gran, n), gran), anchor: r.anchor };
        },
      });
    }
    return out;
  },
};
