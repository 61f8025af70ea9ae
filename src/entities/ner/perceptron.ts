/**
 * Averaged structured perceptron over BILOU tags with first-order transitions
 * and exact (constrained) Viterbi decoding (Collins 2002).
 */

/** A training/decoding sequence: feature ids per token (flattened) and gold tags. */
export interface Sequence {
  /** Feature ids of all tokens, concatenated. */
  ids: Int32Array;
  /** `offsets[t]..offsets[t+1]` are the ids of token t; length n+1. */
  offsets: Int32Array;
  /** Gold tag per token (training only). */
  gold?: Uint8Array;
}

/** Which tag transitions BILOU allows; row `K` is the start state. */
export function bilouConstraints(names: readonly string[]): { allowed: Uint8Array; end: Uint8Array } {
  const K = names.length;
  const allowed = new Uint8Array((K + 1) * K);
  const end = new Uint8Array(K);
  const typ = (n: string) => (n === 'O' ? '' : n.slice(2));
  const pre = (n: string) => (n === 'O' ? 'O' : n[0]);
  for (let p = 0; p <= K; p++) {
    for (let c = 0; c < K; c++) {
      const cp = pre(names[c]);
      let ok: boolean;
      if (p === K || pre(names[p]) === 'O' || pre(names[p]) === 'L' || pre(names[p]) === 'U') ok = cp === 'O' || cp === 'B' || cp === 'U';
      else ok = (cp === 'I' || cp === 'L') && typ(names[c]) === typ(names[p]);
      allowed[p * K + c] = ok ? 1 : 0;
    }
  }
  for (let c = 0; c < K; c++) end[c] = ['O', 'L', 'U'].includes(pre(names[c])) ? 1 : 0;
  return { allowed, end };
}

/** Emission scores (n x K) of a sequence under weights `W` (nFeat x K, row-major). */
export function emissions(seq: Sequence, W: ArrayLike<number>, K: number, out?: Float64Array, accumulate = false): Float64Array {
  const n = seq.offsets.length - 1;
  const E = out && out.length >= n * K ? out : new Float64Array(n * K);
  if (!accumulate) E.fill(0, 0, n * K);
  const ids = seq.ids;
  for (let t = 0; t < n; t++) {
    const base = t * K;
    for (let j = seq.offsets[t], e = seq.offsets[t + 1]; j < e; j++) {
      const w = ids[j] * K;
      for (let k = 0; k < K; k++) E[base + k] += W[w + k];
    }
  }
  return E;
}

const prevCache = new WeakMap<Uint8Array, Int32Array[]>();

/** For each tag, the tags allowed before it (from the constraint matrix). */
function allowedPrev(allowed: Uint8Array, K: number): Int32Array[] {
  let p = prevCache.get(allowed);
  if (!p) {
    p = [];
    for (let c = 0; c < K; c++) {
      const l: number[] = [];
      for (let q = 0; q < K; q++) if (allowed[q * K + c]) l.push(q);
      p.push(Int32Array.from(l));
    }
    prevCache.set(allowed, p);
  }
  return p;
}

/**
 * Constrained Viterbi. `T` holds (K+1) x K transition scores (row K = start).
 * Returns the best tag sequence.
 */
export function viterbi(
  E: Float64Array,
  n: number,
  K: number,
  T: ArrayLike<number>,
  allowed: Uint8Array,
  end: Uint8Array,
): Uint8Array {
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const NEG = -1e30;
  const prevs = allowedPrev(allowed, K);
  let prev = new Float64Array(K);
  let cur = new Float64Array(K);
  const back = new Uint8Array(n * K);
  for (let c = 0; c < K; c++) prev[c] = allowed[K * K + c] ? E[c] + T[K * K + c] : NEG;
  for (let t = 1; t < n; t++) {
    for (let c = 0; c < K; c++) {
      let best = NEG;
      let arg = 0;
      const ps = prevs[c];
      for (let j = 0; j < ps.length; j++) {
        const p = ps[j];
        const s = prev[p] + T[p * K + c];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[c] = best > NEG / 2 ? best + E[t * K + c] : NEG;
      back[t * K + c] = arg;
    }
    const tmp = prev;
    prev = cur;
    cur = tmp;
  }
  let best = NEG;
  let arg = 0;
  for (let c = 0; c < K; c++) {
    const s = end[c] ? prev[c] : NEG;
    if (s > best) {
      best = s;
      arg = c;
    }
  }
  out[n - 1] = arg;
  for (let t = n - 1; t > 0; t--) out[t - 1] = back[t * K + out[t]];
  return out;
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Trainable averaged structured perceptron. */
export class StructuredPerceptron {
  readonly W: Float64Array;
  readonly U: Float64Array;
  readonly T: Float64Array;
  readonly TU: Float64Array;
  c = 1;
  readonly allowed: Uint8Array;
  readonly end: Uint8Array;
  private buf = new Float64Array(0);

  constructor(
    readonly nFeat: number,
    readonly names: readonly string[],
  ) {
    const K = names.length;
    this.W = new Float64Array(nFeat * K);
    this.U = new Float64Array(nFeat * K);
    this.T = new Float64Array((K + 1) * K);
    this.TU = new Float64Array((K + 1) * K);
    const c = bilouConstraints(names);
    this.allowed = c.allowed;
    this.end = c.end;
  }

  get K(): number {
    return this.names.length;
  }

  /** Decode with the current (non-averaged) weights. */
  predict(seq: Sequence): Uint8Array {
    const n = seq.offsets.length - 1;
    if (this.buf.length < n * this.K) this.buf = new Float64Array(n * this.K * 2);
    const E = emissions(seq, this.W, this.K, this.buf);
    return viterbi(E, n, this.K, this.T, this.allowed, this.end);
  }

  /** One perceptron step on a sequence; returns the number of token errors. */
  update(seq: Sequence): number {
    const gold = seq.gold!;
    const pred = this.predict(seq);
    const K = this.K;
    const n = gold.length;
    let errs = 0;
    const c = this.c;
    for (let t = 0; t < n; t++) {
      const g = gold[t];
      const p = pred[t];
      if (g !== p) {
        errs++;
        for (let j = seq.offsets[t], e = seq.offsets[t + 1]; j < e; j++) {
          const w = seq.ids[j] * K;
          this.W[w + g] += 1;
          this.U[w + g] += c;
          this.W[w + p] -= 1;
          this.U[w + p] -= c;
        }
      }
      const gp = t === 0 ? K : gold[t - 1];
      const pp = t === 0 ? K : pred[t - 1];
      if (gp !== pp || g !== p) {
        this.T[gp * K + g] += 1;
        this.TU[gp * K + g] += c;
        this.T[pp * K + p] -= 1;
        this.TU[pp * K + p] -= c;
      }
    }
    this.c++;
    return errs;
  }

  /** One pass over `data` in an order shuffled by `r`; returns the token errors. */
  epoch(data: readonly Sequence[], r: () => number): number {
    const order = data.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    let errs = 0;
    for (const i of order) errs += this.update(data[i]);
    return errs;
  }

  /** Averaged weights (emissions and transitions). */
  averaged(): { W: Float32Array; T: Float32Array } {
    const W = new Float32Array(this.W.length);
    const c = this.c;
    for (let i = 0; i < W.length; i++) W[i] = this.W[i] - this.U[i] / c;
    const T = new Float32Array(this.T.length);
    for (let i = 0; i < T.length; i++) T[i] = this.T[i] - this.TU[i] / c;
    return { W, T };
  }
}

/** Decode with fixed (averaged) weights. */
export function decode(
  seq: Sequence,
  W: ArrayLike<number>,
  T: ArrayLike<number>,
  K: number,
  allowed: Uint8Array,
  end: Uint8Array,
  buf?: Float64Array,
): Uint8Array {
  const n = seq.offsets.length - 1;
  const E = emissions(seq, W, K, buf);
  return viterbi(E, n, K, T, allowed, end);
}
