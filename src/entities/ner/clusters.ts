/**
 * Word clusters from unlabelled news text, used as NER features (in the
 * manner of Brown clusters): every frequent word gets a bit path from a
 * hierarchical (bisecting spherical k-means) clustering of its distributional
 * vector, so path prefixes give clusters at several granularities.
 *
 * Vectors: counts of the left and right neighbouring words (the most frequent
 * context words, lower-cased), PPMI-weighted, reduced by a seeded randomized
 * SVD. Corpus: Reuters-21578 bodies, the PolNeAr article texts, VOA stories
 * and the CoNLL training text (all under the shared data folder; missing
 * parts are skipped). Everything is seeded: same corpus, same clusters.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenizedConllDoc } from './conll.js';
import { rng } from './perceptron.js';

type Log = (...a: unknown[]) => void;

/** Also count the words two to the left and right (half weight). */
const WIDE = true;

export interface ClusterOptions {
  dataDir: string;
  trainDocs?: readonly TokenizedConllDoc[];
  /** Unused (kept for callers); the cache lives in the OS temp folder. */
  cacheDir?: string;
  log?: Log;
  minCount?: number;
  contexts?: number;
  dims?: number;
  maxDepth?: number;
  minLeaf?: number;
  seed?: number;
}

const TOKEN_RE = /[A-Za-z]+(?:\.[A-Za-z]+)+\.?|[A-Za-z]+|\d+(?:[.,:/]\d+)*|[^\sA-Za-z\d]/g;

/** Split raw text into word tokens roughly as the project tokenizer does. */
export function roughTokens(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

function decodeSgml(s: string): string {
  return s
    .replace(/&#\d+;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The unlabelled corpus as token lists (one per paragraph / sentence). */
export function readCorpus(dataDir: string, trainDocs?: readonly TokenizedConllDoc[]): string[][] {
  const out: string[][] = [];
  const reut = join(dataDir, 'reuters21578');
  if (existsSync(reut)) {
    for (const f of readdirSync(reut).filter((f) => f.endsWith('.sgm')).sort()) {
      const t = readFileSync(join(reut, f), 'latin1');
      for (const m of t.matchAll(/<BODY>([\s\S]*?)<\/BODY>/g)) {
        for (const para of decodeSgml(m[1]).split(/\n\s+/)) out.push(roughTokens(para));
      }
    }
  }
  const pol = join(dataDir, 'polnear', 'data');
  if (existsSync(pol)) {
    for (const split of readdirSync(pol).sort()) {
      const dir = join(pol, split, 'text');
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).sort()) {
        for (const para of readFileSync(join(dir, f), 'utf8').split(/\n+/)) out.push(roughTokens(para));
      }
    }
  }
  const voa = join(dataDir, 'voa_news', 'voa_stories.jsonl');
  if (existsSync(voa)) {
    for (const line of readFileSync(voa, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const j = JSON.parse(line) as Record<string, unknown>;
        for (const k of ['title', 'text', 'body', 'content']) if (typeof j[k] === 'string') for (const p of (j[k] as string).split(/\n+/)) out.push(roughTokens(p));
      } catch {
        /* skip */
      }
    }
  }
  if (trainDocs) for (const d of trainDocs) for (const s of d.sentences) out.push(d.tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text));
  return out.filter((s) => s.length > 0);
}

/** Symmetric eigen-decomposition by cyclic Jacobi; returns eigenvalues and column eigenvectors (row-major n x n). */
function jacobiEigen(A: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(A);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * n + p];
        const aqq = a[q * n + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = a[i * n + i];
  return { values, vectors: v };
}

function gaussian(r: () => number): number {
  const u = Math.max(r(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** Orthonormalize the columns of a (rows x k, row-major) matrix in place (modified Gram-Schmidt). */
function orthonormalize(Y: Float64Array, rows: number, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < j; i++) {
      let d = 0;
      for (let r = 0; r < rows; r++) d += Y[r * k + i] * Y[r * k + j];
      for (let r = 0; r < rows; r++) Y[r * k + j] -= d * Y[r * k + i];
    }
    let nrm = 0;
    for (let r = 0; r < rows; r++) nrm += Y[r * k + j] * Y[r * k + j];
    nrm = Math.sqrt(nrm) || 1;
    for (let r = 0; r < rows; r++) Y[r * k + j] /= nrm;
  }
}

/** Word vectors (rows, unit length) for the vocabulary. */
function wordVectors(corpus: string[][], vocab: string[], ctxWords: string[], dims: number, seed: number): Float32Array {
  const V = vocab.length;
  const wid = new Map(vocab.map((w, i) => [w, i]));
  const C = ctxWords.length;
  const cid = new Map(ctxWords.map((w, i) => [w, i]));
  // sparse co-occurrence counts: per word, Map<ctx, count>; contexts: L:c (0..C-1), R:c (C..2C-1)
  const rowsMap: Map<number, number>[] = Array.from({ length: V }, () => new Map());
  for (const sent of corpus) {
    for (let i = 0; i < sent.length; i++) {
      const w = wid.get(sent[i]);
      if (w === undefined) continue;
      const row = rowsMap[w];
      const l = i > 0 ? cid.get(sent[i - 1].toLowerCase()) : C - 1; // C-1 reserved for boundary
      const r = i + 1 < sent.length ? cid.get(sent[i + 1].toLowerCase()) : C - 1;
      if (l !== undefined) row.set(l, (row.get(l) ?? 0) + 1);
      if (r !== undefined) row.set(C + r, (row.get(C + r) ?? 0) + 1);
      if (WIDE) {
        const l2 = i > 1 ? cid.get(sent[i - 2].toLowerCase()) : C - 1;
        const r2 = i + 2 < sent.length ? cid.get(sent[i + 2].toLowerCase()) : C - 1;
        if (l2 !== undefined) row.set(2 * C + l2, (row.get(2 * C + l2) ?? 0) + 0.5);
        if (r2 !== undefined) row.set(3 * C + r2, (row.get(3 * C + r2) ?? 0) + 0.5);
      }
    }
  }
  // PPMI
  const D = (WIDE ? 4 : 2) * C;
  const colSum = new Float64Array(D);
  const rowSum = new Float64Array(V);
  let total = 0;
  for (let w = 0; w < V; w++) {
    for (const [c, n] of rowsMap[w]) {
      colSum[c] += n;
      rowSum[w] += n;
      total += n;
    }
  }
  // context distribution smoothing (alpha 0.75)
  const colP = new Float64Array(D);
  let cs = 0;
  for (let c = 0; c < D; c++) cs += Math.pow(colSum[c], 0.75);
  for (let c = 0; c < D; c++) colP[c] = Math.pow(colSum[c], 0.75) / cs;
  const ptr: number[] = [0];
  const idx: number[] = [];
  const val: number[] = [];
  for (let w = 0; w < V; w++) {
    const entries = [...rowsMap[w]].sort((a, b) => a[0] - b[0]);
    for (const [c, n] of entries) {
      const pmi = Math.log(n / rowSum[w] / colP[c]);
      if (pmi > 0) {
        idx.push(c);
        val.push(pmi);
      }
    }
    ptr.push(idx.length);
  }
  rowsMap.length = 0;
  // randomized SVD: M (V x D) ~ U S Vt; vectors = U S^0.5 (rows normalized)
  const k = dims + 16;
  const r = rng(seed);
  const Om = new Float64Array(D * k);
  for (let i = 0; i < Om.length; i++) Om[i] = gaussian(r);
  const mulM = (X: Float64Array): Float64Array => {
    // (V x D) * (D x k)
    const Y = new Float64Array(V * k);
    for (let w = 0; w < V; w++) {
      for (let j = ptr[w]; j < ptr[w + 1]; j++) {
        const c = idx[j];
        const x = val[j];
        for (let t = 0; t < k; t++) Y[w * k + t] += x * X[c * k + t];
      }
    }
    return Y;
  };
  const mulMt = (Y: Float64Array): Float64Array => {
    // (D x V) * (V x k)
    const X = new Float64Array(D * k);
    for (let w = 0; w < V; w++) {
      for (let j = ptr[w]; j < ptr[w + 1]; j++) {
        const c = idx[j];
        const x = val[j];
        for (let t = 0; t < k; t++) X[c * k + t] += x * Y[w * k + t];
      }
    }
    return X;
  };
  let Y = mulM(Om);
  orthonormalize(Y, V, k);
  for (let it = 0; it < 2; it++) {
    const Z = mulMt(Y);
    orthonormalize(Z, D, k);
    Y = mulM(Z);
    orthonormalize(Y, V, k);
  }
  // B = Q^T M (k x D); B Bt = (k x k)
  const Bt = mulMt(Y); // D x k  (= (Q^T M)^T)
  const BBt = new Float64Array(k * k);
  for (let c = 0; c < D; c++) {
    for (let i = 0; i < k; i++) {
      const x = Bt[c * k + i];
      if (x === 0) continue;
      for (let j = 0; j < k; j++) BBt[i * k + j] += x * Bt[c * k + j];
    }
  }
  const { values, vectors } = jacobiEigen(BBt, k);
  const order = [...values.keys()].sort((a, b) => values[b] - values[a] || a - b).slice(0, dims);
  const out = new Float32Array(V * dims);
  for (let w = 0; w < V; w++) {
    let nrm = 0;
    for (let d = 0; d < dims; d++) {
      const e = order[d];
      const s = Math.pow(Math.max(values[e], 0), 0.25); // singular value ^ 0.5
      let x = 0;
      for (let t = 0; t < k; t++) x += Y[w * k + t] * vectors[t * k + e];
      x *= s;
      out[w * dims + d] = x;
      nrm += x * x;
    }
    nrm = Math.sqrt(nrm) || 1;
    for (let d = 0; d < dims; d++) out[w * dims + d] /= nrm;
  }
  return out;
}

/** Bisecting spherical 2-means; returns a bit path per row. */
function bisect(X: Float32Array, n: number, dims: number, maxDepth: number, minLeaf: number, seed: number): string[] {
  const paths: string[] = new Array(n).fill('');
  const r = rng(seed);
  const stack: { members: Int32Array; path: string }[] = [{ members: Int32Array.from({ length: n }, (_, i) => i), path: '' }];
  const c0 = new Float64Array(dims);
  const c1 = new Float64Array(dims);
  while (stack.length) {
    const { members, path } = stack.pop()!;
    for (const m of members) paths[m] = path;
    if (path.length >= maxDepth || members.length < 2 * minLeaf) continue;
    // init: two distinct random members
    const a = members[Math.floor(r() * members.length)];
    let b = members[Math.floor(r() * members.length)];
    for (let tries = 0; b === a && tries < 10; tries++) b = members[Math.floor(r() * members.length)];
    for (let d = 0; d < dims; d++) {
      c0[d] = X[a * dims + d];
      c1[d] = X[b * dims + d];
    }
    const side = new Uint8Array(members.length);
    for (let it = 0; it < 10; it++) {
      let changed = 0;
      for (let i = 0; i < members.length; i++) {
        const o = members[i] * dims;
        let d0 = 0;
        let d1 = 0;
        for (let d = 0; d < dims; d++) {
          d0 += X[o + d] * c0[d];
          d1 += X[o + d] * c1[d];
        }
        const s = d1 > d0 ? 1 : 0;
        if (s !== side[i] || it === 0) changed++;
        side[i] = s;
      }
      c0.fill(0);
      c1.fill(0);
      for (let i = 0; i < members.length; i++) {
        const c = side[i] ? c1 : c0;
        const o = members[i] * dims;
        for (let d = 0; d < dims; d++) c[d] += X[o + d];
      }
      for (const c of [c0, c1]) {
        let nrm = 0;
        for (let d = 0; d < dims; d++) nrm += c[d] * c[d];
        nrm = Math.sqrt(nrm) || 1;
        for (let d = 0; d < dims; d++) c[d] /= nrm;
      }
      if (!changed) break;
    }
    const left: number[] = [];
    const right: number[] = [];
    for (let i = 0; i < members.length; i++) (side[i] ? right : left).push(members[i]);
    if (!left.length || !right.length) continue;
    stack.push({ members: Int32Array.from(right), path: path + '1' });
    stack.push({ members: Int32Array.from(left), path: path + '0' });
  }
  return paths;
}

/** Build (or read from the temp-folder cache) the word -> bit path map. */
export async function buildClusters(opts: ClusterOptions): Promise<Map<string, string>> {
  const minCount = opts.minCount ?? 3;
  const nCtx = opts.contexts ?? 3000;
  const dims = opts.dims ?? 100;
  const maxDepth = opts.maxDepth ?? 18;
  const minLeaf = opts.minLeaf ?? 4;
  const seed = opts.seed ?? 1987;
  const log = opts.log ?? (() => {});
  const corpus = readCorpus(opts.dataDir, opts.trainDocs);
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ v: 3, wide: WIDE, minCount, nCtx, dims, maxDepth, minLeaf, seed }));
  for (const s of corpus) hash.update(s.join(' ') + '\n');
  const key = hash.digest('hex').slice(0, 16);
  const cache = join(tmpdir(), `sitrep-ner-clusters-${key}.json`);
  if (existsSync(cache)) {
    log(`clusters: cached ${cache}`);
    return new Map(JSON.parse(readFileSync(cache, 'utf8')) as [string, string][]);
  }
  let nTok = 0;
  const counts = new Map<string, number>();
  const lcounts = new Map<string, number>();
  for (const s of corpus) {
    nTok += s.length;
    for (const w of s) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
      const l = w.toLowerCase();
      lcounts.set(l, (lcounts.get(l) ?? 0) + 1);
    }
  }
  const byFreq = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq(counts)
    .filter(([, n]) => n >= minCount)
    .map(([w]) => w);
  const ctxWords = byFreq(lcounts)
    .slice(0, nCtx - 1)
    .map(([w]) => w);
  ctxWords.push('<boundary>');
  log(`clusters: corpus ${corpus.length} segments, ${nTok} tokens, vocabulary ${vocab.length}`);
  const X = wordVectors(corpus, vocab, ctxWords, dims, seed);
  log('clusters: vectors done');
  const paths = bisect(X, vocab.length, dims, maxDepth, minLeaf, seed + 1);
  const map = new Map<string, string>();
  vocab.forEach((w, i) => map.set(w, paths[i] || '0'));
  try {
    writeFileSync(cache, JSON.stringify([...map]));
  } catch {
    /* cache is optional */
  }
  return map;
}
