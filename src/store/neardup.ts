/**
 * Near-duplicate articles (wire copies): word 5-gram shingles, a MinHash
 * signature with locality-sensitive hashing (LSH) bands to find candidates,
 * then the exact Jaccard similarity of the shingle sets to decide.
 *
 * - Words: maximal runs of letters and digits (Unicode), lower-cased; the
 *   title is not used (wire copies often change the headline).
 * - A text with fewer than {@link SHINGLE} words has no shingles and is never a duplicate.
 * - LSH: {@link BANDS} bands of {@link ROWS} rows each over a {@link PERMUTATIONS}-value
 *   signature: a pair at Jaccard 0.8 shares a band with probability > 0.999,
 *   a pair at 0.3 with probability < 0.13 (then rejected by the exact check).
 */

/** Words per shingle. */
export const SHINGLE = 5;
/** Jaccard similarity at or above which a document is a near-duplicate. */
export const DUPLICATE_THRESHOLD = 0.8;
export const BANDS = 16;
export const ROWS = 4;
export const PERMUTATIONS = BANDS * ROWS;

/** Lower-cased words of a text. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** FNV-1a 32-bit hash of a string (UTF-16 code units). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: a cheap, well-mixed permutation of 32-bit integers. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds, one per permutation (deterministic across runs and machines). */
const SEEDS: number[] = Array.from({ length: PERMUTATIONS }, (_, i) => fmix32((i + 1) * 0x9e3779b9));

/** The set of shingle hashes of a text (32-bit FNV-1a of the space-joined words). */
export function shingles(text: string): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(fnv1a(w.slice(i, i + SHINGLE).join(' ')));
  return out;
}

/** Jaccard similarity of two sets (0 when both are empty). */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (big.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** MinHash signature of a shingle set ({@link PERMUTATIONS} values), or null for an empty set. */
export function minhash(sh: Set<number>): Uint32Array | null {
  if (sh.size === 0) return null;
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const h of sh) {
    for (let i = 0; i < PERMUTATIONS; i++) {
      const v = fmix32(h ^ SEEDS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/** The LSH band keys of a signature: one signed 32-bit integer per band (hash of its rows). */
export function bandKeys(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h, 31) ^ sig[b * ROWS + r]);
    out.push(h | 0);
  }
  return out;
}
