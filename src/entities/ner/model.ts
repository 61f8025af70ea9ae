/**
 * The trained NER model: feature dictionaries, weights of the two stages,
 * word clusters and gazetteers, stored as one gzipped binary file
 * (`data/models/ner.bin.gz`): magic `SNER1`, a uint32 length, a JSON header,
 * then little-endian int16 weight blocks.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Sentence } from '../../doc.js';
import { emitWordFeatures, PAIR_SEP, S2_NAMES, ST_NAMES, visitStage2Features, visitStaticFeatures, type FeatToken, type FeatureResources, type FeatureSink } from './features.js';
import { Gazetteer, type GazetteerData } from './gazetteer.js';
import { bilouConstraints, emissions, viterbi, type Sequence } from './perceptron.js';

const MAGIC = 'SNER1';

/** What the model file's JSON header holds. */
export interface ModelHeader {
  version: 1;
  types: string[];
  names: string[];
  features: string[];
  s2features: string[];
  /** Dequantisation scale of each weight block. */
  scales: { W1: number; T1: number; W2: number; T2: number };
  clusters: [string, string][];
  gazetteer: GazetteerData;
  /** Extra lists used to refine labels (GPE/LOC/NORP/MISC). */
  lexicon: Record<string, string[]>;
  meta: Record<string, unknown>;
}

/** A model in memory. */
export interface ModelData {
  header: ModelHeader;
  W1: Float32Array;
  T1: Float32Array;
  W2: Float32Array;
  T2: Float32Array;
}

/** Map feature strings of a token list to ids; unknown features are dropped (or added when `grow`). */
export function toSequence(
  feats: readonly string[][],
  from: number,
  to: number,
  dict: Map<string, number>,
  grow = false,
  extra?: { feats: readonly string[][]; dict: Map<string, number>; offset: number; grow?: boolean },
): Sequence {
  const ids: number[] = [];
  const offsets = new Int32Array(to - from + 1);
  for (let t = from; t < to; t++) {
    offsets[t - from] = ids.length;
    for (const f of feats[t]) {
      let id = dict.get(f);
      if (id === undefined && grow) dict.set(f, (id = dict.size));
      if (id !== undefined) ids.push(id);
    }
    if (extra) {
      for (const f of extra.feats[t]) {
        let id = extra.dict.get(f);
        if (id === undefined && extra.grow) extra.dict.set(f, (id = extra.dict.size));
        if (id !== undefined) ids.push(id + extra.offset);
      }
    }
  }
  offsets[to - from] = ids.length;
  return { ids: Int32Array.from(ids), offsets };
}

function quantize(a: Float32Array): { q: Int16Array; scale: number } {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(a.length);
  for (let i = 0; i < a.length; i++) q[i] = Math.round(a[i] / scale);
  return { q, scale };
}

/** Serialize a model to gzipped bytes (deterministic). */
export function serializeModel(m: ModelData): Buffer {
  const blocks = { W1: quantize(m.W1), T1: quantize(m.T1), W2: quantize(m.W2), T2: quantize(m.T2) };
  const header: ModelHeader = {
    ...m.header,
    scales: { W1: blocks.W1.scale, T1: blocks.T1.scale, W2: blocks.W2.scale, T2: blocks.T2.scale },
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const parts: Buffer[] = [Buffer.from(MAGIC, 'ascii')];
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  parts.push(len, json);
  for (const k of ['W1', 'T1', 'W2', 'T2'] as const) {
    const q = blocks[k].q;
    const b = Buffer.alloc(q.length * 2);
    for (let i = 0; i < q.length; i++) b.writeInt16LE(q[i], 2 * i);
    parts.push(b);
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/** The header and the raw little-endian int16 weight blocks of a model file. */
function readBlocks(gz: Buffer): { header: ModelHeader; blocks: Record<'W1' | 'T1' | 'W2' | 'T2', Int16Array> } {
  const buf = gunzipSync(gz);
  if (buf.toString('ascii', 0, MAGIC.length) !== MAGIC) throw new Error('ner: not a sitrep NER model file');
  const len = buf.readUInt32LE(MAGIC.length);
  let off = MAGIC.length + 4;
  const header = JSON.parse(buf.toString('utf8', off, off + len)) as ModelHeader;
  off += len;
  const K = header.names.length;
  const nF = header.features.length;
  const n2 = nF + header.s2features.length;
  const sizes = { W1: nF * K, T1: (K + 1) * K, W2: n2 * K, T2: (K + 1) * K };
  const blocks = {} as Record<'W1' | 'T1' | 'W2' | 'T2', Int16Array>;
  for (const k of ['W1', 'T1', 'W2', 'T2'] as const) {
    blocks[k] = readInt16(buf, off, sizes[k]);
    off += sizes[k] * 2;
  }
  return { header, blocks };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** `n` little-endian int16 values at byte `off` of `buf`, copied into an aligned array. */
function readInt16(buf: Buffer, off: number, n: number): Int16Array {
  const q = new Int16Array(n);
  new Uint8Array(q.buffer).set(buf.subarray(off, off + 2 * n));
  if (!LITTLE_ENDIAN) {
    for (let i = 0; i < n; i++) q[i] = buf.readInt16LE(off + 2 * i);
  }
  return q;
}

function dequantize(q: Int16Array, scale: number): Float32Array {
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = q[i] * scale;
  return out;
}

/**
 * Parse gzipped model bytes into float weights (for training tools and
 * round trips). @throws Error when the bytes are not a sitrep NER model.
 */
export function deserializeModel(gz: Buffer): ModelData {
  const { header, blocks } = readBlocks(gz);
  const sc = header.scales;
  return { header, W1: dequantize(blocks.W1, sc.W1), T1: dequantize(blocks.T1, sc.T1), W2: dequantize(blocks.W2, sc.W2), T2: dequantize(blocks.T2, sc.T2) };
}

/**
 * A model as the tagger keeps it: emission weights stay int16 (half the
 * memory of floats; scores are summed as integers and scaled once per
 * token), transitions are dequantized.
 */
export interface QuantizedModel {
  header: ModelHeader;
  /** Stage-1 emission weights, nFeatures x K, int16; multiply by `scaleW1`. */
  W1: Int16Array;
  scaleW1: number;
  /** Stage-2 emission weights, (nFeatures + nStage2) x K, int16; multiply by `scaleW2`. */
  W2: Int16Array;
  scaleW2: number;
  T1: Float32Array;
  T2: Float32Array;
}

/** Parse gzipped model bytes for tagging. @throws Error when the bytes are not a sitrep NER model. */
export function readQuantizedModel(gz: Buffer): QuantizedModel {
  const { header, blocks } = readBlocks(gz);
  const sc = header.scales;
  return { header, W1: blocks.W1, scaleW1: sc.W1, W2: blocks.W2, scaleW2: sc.W2, T1: dequantize(blocks.T1, sc.T1), T2: dequantize(blocks.T2, sc.T2) };
}

/** 32-bit string hashes with two different seeds and multipliers (FNV-1a style), computed in one pass. */
function hash2(s: string, out: Int32Array): void {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x9747b28c | 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  out[0] = h1;
  out[1] = h2;
}

/** Final avalanche of a 32-bit hash (murmur3 fmix32). */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Feature strings (`template=value` or `template=v1 PAIR_SEP v2`) to feature
 * ids, as an open-addressing hash table over 64-bit keys (two 32-bit hashes
 * of template and values) in typed arrays: about 12 bytes a slot instead of
 * the ~170 bytes a feature of nested `Map`s of strings takes. A key that is
 * not in the model matches a stored one only if both 32-bit hashes collide
 * (odds about 1e-14 per lookup); two stored features with the same key are
 * refused when the table is built.
 */
class FeatureTable {
  private readonly k1: Int32Array;
  private readonly k2: Int32Array;
  private readonly ids: Int32Array;
  private readonly mask: number;
  private readonly h = new Int32Array(2);
  private readonly g = new Int32Array(2);

  /** @param names the template table the features were made with; features of other templates are dropped. @throws Error on a key collision. */
  constructor(features: readonly string[], names: readonly string[]) {
    const byName = new Map(names.map((n, i) => [n, i]));
    let size = 1024;
    while (size < features.length * 2) size *= 2;
    this.k1 = new Int32Array(size);
    this.k2 = new Int32Array(size);
    this.ids = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    features.forEach((f, id) => {
      const eq = f.indexOf('=');
      const t = byName.get(f.slice(0, eq));
      if (t === undefined) return; // a template this code no longer emits
      const v = f.slice(eq + 1);
      const sep = v.indexOf(PAIR_SEP);
      if (sep >= 0) this.keyPair(t, v.slice(0, sep), v.slice(sep + 1));
      else this.keySingle(t, v);
      this.insert(this.h[0], this.h[1], id, f);
    });
  }

  private keySingle(t: number, v: string): void {
    hash2(v, this.h);
    this.h[0] = fmix(this.h[0] ^ Math.imul(t + 1, 0x9e3779b1));
    this.h[1] = fmix(this.h[1] + Math.imul(t + 1, 0x7feb352d));
  }

  private keyPair(t: number, v1: string, v2: string): void {
    hash2(v1, this.g);
    hash2(v2, this.h);
    this.h[0] = fmix(Math.imul(fmix(this.g[0]), 0x2c1b3c6d) ^ this.h[0] ^ Math.imul(t + 101, 0x9e3779b1));
    this.h[1] = fmix(Math.imul(fmix(this.g[1] + 0x297a2d39), 0x1b873593) + this.h[1] + Math.imul(t + 101, 0x7feb352d));
  }

  private insert(a: number, b: number, id: number, f: string): void {
    let i = a & this.mask;
    while (this.ids[i] !== -1) {
      if (this.k1[i] === a && this.k2[i] === b) throw new Error(`ner: feature key collision for ${JSON.stringify(f)}`);
      i = (i + 1) & this.mask;
    }
    this.k1[i] = a;
    this.k2[i] = b;
    this.ids[i] = id;
  }

  private find(a: number, b: number): number {
    let i = a & this.mask;
    for (;;) {
      const id = this.ids[i];
      if (id === -1) return -1;
      if (this.k1[i] === a && this.k2[i] === b) return id;
      i = (i + 1) & this.mask;
    }
  }

  /** Id of a single-value feature of template `t`, or -1. */
  single(t: number, v: string): number {
    this.keySingle(t, v);
    return this.find(this.h[0], this.h[1]);
  }

  /** Id of a pair feature of template `t`, or -1. */
  pair(t: number, v1: string, v2: string): number {
    this.keyPair(t, v1, v2);
    return this.find(this.h[0], this.h[1]);
  }
}

/** Words whose stage-1 feature ids are kept between documents (bounds the cache's memory to a few MB). */
const WORD_CACHE_MAX = 30000;

/** Feature ids straight from (template, value) pairs, without building feature strings. */
class IdSink implements FeatureSink {
  ids = new Int32Array(1 << 14);
  n = 0;
  offsets: Int32Array;
  constructor(
    nTokens: number,
    private readonly table: FeatureTable,
    private readonly add0: number,
    private readonly wordCache: Map<string, Int32Array>,
  ) {
    this.offsets = new Int32Array(nTokens + 1);
  }
  start(i: number): void {
    this.offsets[i] = this.n;
  }
  private push(id: number): void {
    if (this.n === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.n++] = id + this.add0;
  }
  add(t: number, v: string): void {
    const id = this.table.single(t, v);
    if (id >= 0) this.push(id);
  }
  add2(t: number, v1: string, v2: string): void {
    const id = this.table.pair(t, v1, v2);
    if (id >= 0) this.push(id);
  }
  word(w: string, lw: string): void {
    const hit = this.wordCache.get(w);
    if (hit) {
      for (let k = 0; k < hit.length; k++) this.push(hit[k]);
      return;
    }
    const from = this.n;
    emitWordFeatures(w, lw, this);
    if (this.wordCache.size > WORD_CACHE_MAX) this.wordCache.clear();
    this.wordCache.set(w, this.ids.slice(from, this.n));
  }
  /** The sequence of tokens [from, to). */
  seq(from: number, to: number): Sequence {
    const base = this.offsets[from];
    const offsets = new Int32Array(to - from + 1);
    for (let t = from; t <= to; t++) offsets[t - from] = this.offsets[t] - base;
    return { ids: this.ids.subarray(base, this.offsets[to]), offsets };
  }
}

/**
 * A loaded model ready to tag documents. It keeps only what inference needs
 * (weights, feature-id maps, clusters, gazetteer, refinement lexicon); the
 * file's JSON header (feature strings, lists) is dropped after construction.
 */
export class NerTagger {
  readonly names: string[];
  readonly types: string[];
  readonly nFeatures: number;
  private readonly table1: FeatureTable;
  private readonly table2: FeatureTable;
  private readonly wordCache = new Map<string, Int32Array>();
  readonly res: FeatureResources;
  readonly lexicon: Map<string, Set<string>>;
  private readonly allowed: Uint8Array;
  private readonly end: Uint8Array;
  private readonly W1: Int16Array;
  private readonly T1: Float32Array;
  private readonly W2: Int16Array;
  private readonly T2: Float32Array;
  private readonly scaleW1: number;
  private readonly scaleW2: number;
  private buf = new Float64Array(1024);

  /** @param model a model read with {@link readQuantizedModel} */
  constructor(model: QuantizedModel) {
    const h = model.header;
    this.names = h.names;
    this.types = h.types;
    this.nFeatures = h.features.length;
    this.table1 = new FeatureTable(h.features, ST_NAMES);
    this.table2 = new FeatureTable(h.s2features, S2_NAMES);
    this.res = { clusters: new Map(h.clusters), gazetteer: Gazetteer.fromJSON(h.gazetteer) };
    this.lexicon = new Map(Object.entries(h.lexicon).map(([k, v]) => [k, new Set(v)]));
    const c = bilouConstraints(this.names);
    this.allowed = c.allowed;
    this.end = c.end;
    ({ W1: this.W1, T1: this.T1, W2: this.W2, T2: this.T2, scaleW1: this.scaleW1, scaleW2: this.scaleW2 } = model);
  }

  /** Tag indices (into `names`) for every token of a document. */
  tag(tokens: readonly FeatToken[], sentences: readonly Pick<Sentence, 'tokenStart' | 'tokenEnd'>[]): Uint8Array {
    const K = this.names.length;
    const m = this;
    const n = tokens.length;
    const s1 = new IdSink(n, this.table1, 0, this.wordCache);
    visitStaticFeatures(tokens, sentences, this.res, s1);
    s1.offsets[n] = s1.n;
    const tags1 = new Uint8Array(n);
    const seqs: Sequence[] = [];
    for (const s of sentences) {
      const seq = s1.seq(s.tokenStart, s.tokenEnd);
      seqs.push(seq);
      const E = scale(emissions(seq, m.W1, K, this.ensure(s.tokenEnd - s.tokenStart, K)), (s.tokenEnd - s.tokenStart) * K, m.scaleW1);
      tags1.set(viterbi(E, s.tokenEnd - s.tokenStart, K, m.T1, this.allowed, this.end), s.tokenStart);
    }
    const s2 = new IdSink(n, this.table2, this.nFeatures, this.wordCache);
    visitStage2Features(tokens, sentences, tags1, this.names, this.types, s2);
    s2.offsets[n] = s2.n;
    const tags2 = new Uint8Array(n);
    for (let si = 0; si < sentences.length; si++) {
      const s = sentences[si];
      const len = s.tokenEnd - s.tokenStart;
      const E = emissions(seqs[si], m.W2, K, this.ensure(len, K));
      emissions(s2.seq(s.tokenStart, s.tokenEnd), m.W2, K, E, true);
      scale(E, len * K, m.scaleW2);
      tags2.set(viterbi(E, len, K, m.T2, this.allowed, this.end), s.tokenStart);
    }
    return tags2;
  }

  private ensure(n: number, K: number): Float64Array {
    if (this.buf.length < n * K) this.buf = new Float64Array(n * K * 2);
    return this.buf;
  }
}

/** Multiply the first `n` scores by `s` (integer sums of int16 weights to scores). */
function scale(E: Float64Array, n: number, s: number): Float64Array {
  for (let i = 0; i < n; i++) E[i] *= s;
  return E;
}

/** A copy of `seq` with each token's stage-2 feature ids (offset by `off`) appended. */
export function appendIds(seq: Sequence, f2: readonly string[][], from: number, dict2: Map<string, number>, off: number, grow = false): Sequence {
  const n = seq.offsets.length - 1;
  const ids: number[] = [];
  const offsets = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) {
    offsets[t] = ids.length;
    for (let j = seq.offsets[t]; j < seq.offsets[t + 1]; j++) ids.push(seq.ids[j]);
    for (const f of f2[from + t]) {
      let id = dict2.get(f);
      if (id === undefined && grow) dict2.set(f, (id = dict2.size));
      if (id !== undefined) ids.push(id + off);
    }
  }
  offsets[n] = ids.length;
  return { ids: Int32Array.from(ids), offsets, gold: seq.gold };
}

/** Entity spans (token ranges, type index) from a BILOU tag sequence. */
export function spansFromTags(tags: ArrayLike<number>, names: readonly string[], from = 0, to = tags.length): { start: number; end: number; type: string }[] {
  const out: { start: number; end: number; type: string }[] = [];
  let st = -1;
  for (let i = from; i < to; i++) {
    const nm = names[tags[i]];
    const p = nm[0];
    if (p === 'U') out.push({ start: i, end: i + 1, type: nm.slice(2) });
    else if (p === 'B') st = i;
    else if (p === 'L' && st >= 0) {
      out.push({ start: st, end: i + 1, type: nm.slice(2) });
      st = -1;
    } else if (p === 'O') st = -1;
  }
  return out;
}
