/**
 * A phrase matcher over tokens: finds the longest lexicon phrase starting at
 * each token. Phrases and token sequences are compared on a key made of the
 * lower-cased tokens concatenated without whitespace, so "Kim Jong-un",
 * "kim jong-un" and the tokens `Kim|Jong|-|un` share the key `kimjong-un`.
 */
import type { Token } from '../doc.js';

/** Normalised matching key for a phrase: lower case, whitespace removed. */
export function phraseKey(phrase: string): string {
  return phrase.toLowerCase().replace(/\s+/g, '');
}

/**
 * True when some string of `sorted` (ascending in UTF-16 code-unit order, as
 * `Array.prototype.sort` leaves it) starts with `prefix`: a binary search,
 * O(log n) comparisons.
 */
export function hasPrefix(sorted: readonly string[], prefix: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].startsWith(prefix);
}

/** A match of a lexicon phrase over tokens `[tokenStart, tokenEnd)`. */
export interface PhraseMatch<T> {
  tokenStart: number;
  tokenEnd: number;
  values: T[];
}

/**
 * A lexicon from phrase keys to values. `maxTokens` bounds how many tokens
 * a phrase may span (longest match wins).
 */
export class PhraseLexicon<T> {
  private readonly map = new Map<string, T[]>();
  private readonly firstChars = new Set<string>();
  /** All keys, sorted (built on first match after an `add`): tells whether a longer match is still possible. */
  private sorted: string[] | null = null;
  constructor(readonly maxTokens = 6) {}

  /** Add a value under a phrase (several values may share a phrase). */
  add(phrase: string, value: T): void {
    const key = phraseKey(phrase);
    if (!key) return;
    const list = this.map.get(key);
    if (list) list.push(value);
    else {
      this.map.set(key, [value]);
      this.sorted = null;
    }
    this.firstChars.add(key[0]);
  }

  /** True when some key starts with `prefix`. */
  private extends(prefix: string): boolean {
    return hasPrefix((this.sorted ??= [...this.map.keys()].sort()), prefix);
  }

  /** Values stored exactly under a phrase. */
  get(phrase: string): T[] | undefined {
    return this.map.get(phraseKey(phrase));
  }

  /**
   * Longest match starting at token `i`, not crossing `limit` (exclusive), or null.
   * `accept` may reject a candidate match (e.g. on capitalisation).
   */
  matchAt(tokens: readonly Token[], i: number, limit: number, accept?: (m: PhraseMatch<T>) => boolean): PhraseMatch<T> | null {
    if (!this.firstChars.has(tokens[i].lower[0])) return null;
    let key = '';
    let best: PhraseMatch<T> | null = null;
    const end = Math.min(limit, i + this.maxTokens);
    for (let j = i; j < end; j++) {
      key += tokens[j].lower;
      const v = this.map.get(key);
      if (v) {
        const m = { tokenStart: i, tokenEnd: j + 1, values: v };
        if (!accept || accept(m)) best = m;
      }
      if (j + 1 < end && !this.extends(key)) break; // no longer phrase starts this way
    }
    return best;
  }

  /** All non-overlapping longest matches in tokens `[from, to)`, left to right. */
  scan(tokens: readonly Token[], from: number, to: number, accept?: (m: PhraseMatch<T>) => boolean): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = from; i < to; ) {
      const m = this.matchAt(tokens, i, to, accept);
      if (m) {
        out.push(m);
        i = m.tokenEnd;
      } else i++;
    }
    return out;
  }
}
