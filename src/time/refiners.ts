/**
 * Refiners: rewrite the candidate list proposed by the recognisers.
 * They run in the order listed in `config.ts`.
 */
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
    const days = cands.filter((c) => c.tags?.has('day'));
    const out = [...cands];
    for (const cl of clocks) {
      let best: Candidate | null = null;
      let merged: { start: number; end: number } | null = null;
      for (const d of days) {
        if (d.start >= cl.end) {
          const gap = ctx.text.slice(cl.end, d.start);
          if (/^\s*,?\s*(?:on\s+)?$/.test(gap) && gap.length <= 6) {
            best = d;
            merged = { start: cl.start, end: d.end };
          }
        } else if (d.end <= cl.start) {
          const gap = ctx.text.slice(d.end, cl.start);
          if (/^\s*,?\s*$/.test(gap) && gap.length <= 3) {
            best = d;
            merged = { start: d.start, end: cl.end };
          }
        }
        if (best) break;
      }
      if (!best || !merged) continue;
      const day = best;
      const clockStr = cl.clock!;
      out.push({
        start: merged.start,
        end: merged.end,
        rule: 'time:date-clock',
        type: 'TIME',
        priority: 3,
        resolve(rc: ResolveCtx): Resolution | null {
          const r = day.resolve(rc);
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
  refine(_ctx, cands) {
    const sorted = [...cands].sort(
      (a, b) => b.end - b.start - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start,
    );
    const kept: Candidate[] = [];
    for (const c of sorted) {
      if (c.end <= c.start) continue;
      if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
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
    }
    return cands;
  },
};
