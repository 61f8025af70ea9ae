/**
 * conlleval-style scoring: exact span and type match, per label and micro
 * precision / recall / F1.
 */

export interface LabelScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SpanScore {
  labels: Record<string, LabelScore>;
  micro: LabelScore;
}

export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

function finish(s: { tp: number; fp: number; fn: number }): LabelScore {
  const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
  const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...s, precision, recall, f1 };
}

/** Accumulates counts over documents. */
export class SpanScorer {
  private counts = new Map<string, { tp: number; fp: number; fn: number }>();

  private c(t: string) {
    let x = this.counts.get(t);
    if (!x) this.counts.set(t, (x = { tp: 0, fp: 0, fn: 0 }));
    return x;
  }

  /** Add one document's gold and predicted spans. */
  add(gold: readonly TypedSpan[], pred: readonly TypedSpan[]): void {
    const key = (s: TypedSpan) => `${s.start}:${s.end}:${s.type}`;
    const g = new Set(gold.map(key));
    const p = new Set(pred.map(key));
    for (const s of gold) this.c(s.type)[p.has(key(s)) ? 'tp' : 'fn']++;
    for (const s of pred) if (!g.has(key(s))) this.c(s.type).fp++;
  }

  result(): SpanScore {
    const labels: Record<string, LabelScore> = {};
    const tot = { tp: 0, fp: 0, fn: 0 };
    for (const t of [...this.counts.keys()].sort()) {
      const x = this.counts.get(t)!;
      labels[t] = finish(x);
      tot.tp += x.tp;
      tot.fp += x.fp;
      tot.fn += x.fn;
    }
    return { labels, micro: finish(tot) };
  }
}
