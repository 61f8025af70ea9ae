/**
 * Gazetteers for the recognizer: lists of (multi-token) names by category.
 * Keys are lower-cased token sequences (tokens as the project tokenizer
 * splits them) joined by single spaces. Matching tags every token covered by
 * an entry with `category:B|I|L|U` (BILOU position in the entry).
 */
import type { Token } from '../../doc.js';
import { hasPrefix } from '../../text/phrases.js';

/** Serialized gazetteer: category -> keys (sorted). */
export type GazetteerData = Record<string, string[]>;

const UPPER_OR_DIGIT = /^[A-Z0-9\p{Lu}]/u;
const EMPTY: string[] = [];

/**
 * Names by category. Each key maps to a bit set of its categories (at most
 * 31 categories per gazetteer), which keeps a few hundred thousand names in
 * a few MB less than arrays would.
 */
export class Gazetteer {
  /** key -> bit set over {@link categories} */
  private readonly keys = new Map<string, number>();
  /** Category names, in the order first added (bit i = categories[i]). */
  private readonly categories: string[] = [];
  maxLen = 1;
  private firsts = new Set<string>();
  /** All keys, sorted (rebuilt after an `add`): tells whether a longer entry can still match. */
  private sorted: string[] | null = null;
  /** Interned `category:B|I|L|U` strings by category bit (reused strings keep their hash, so feature lookups are cheap). */
  private tagStrings: string[][] = [];

  /** Number of distinct names. */
  get size(): number {
    return this.keys.size;
  }

  private bit(cat: string): number {
    let b = this.categories.indexOf(cat);
    if (b < 0) {
      if (this.categories.length >= 31) throw new Error(`gazetteer: more than 31 categories (adding "${cat}")`);
      b = this.categories.push(cat) - 1;
      this.tagStrings.push([cat + ':B', cat + ':I', cat + ':L', cat + ':U']);
    }
    return b;
  }

  private catsOf(mask: number): string[] {
    const out: string[] = [];
    for (let b = 0; b < this.categories.length; b++) if (mask & (1 << b)) out.push(this.categories[b]);
    return out;
  }

  /**
   * Add one key (lower-cased tokens joined by spaces) to a category.
   * @throws Error when a 32nd category is added
   */
  add(key: string, cat: string): void {
    if (!key) return;
    const b = 1 << this.bit(cat);
    const c = this.keys.get(key);
    if (c === undefined) {
      this.sorted = null;
      const parts = key.split(' ');
      this.firsts.add(parts[0]);
      if (parts.length > this.maxLen) this.maxLen = parts.length;
    }
    this.keys.set(key, (c ?? 0) | b);
  }

  /** True when some key starts with `prefix`. */
  private extends(prefix: string): boolean {
    return hasPrefix((this.sorted ??= [...this.keys.keys()].sort()), prefix);
  }

  /** A new gazetteer holding the entries of this one and `other`. */
  merged(other: Gazetteer): Gazetteer {
    const g = new Gazetteer();
    for (const src of [this, other]) for (const [k, m] of src.keys) for (const c of src.catsOf(m)) g.add(k, c);
    return g;
  }

  /** Tag each token with the categories (and BILOU positions) of the entries covering it. */
  tag(tokens: readonly Pick<Token, 'text' | 'lower' | 'sentence'>[]): string[][] {
    const n = tokens.length;
    const out: string[][] = new Array(n).fill(EMPTY);
    const put = (k: number, v: string) => {
      if (out[k] === EMPTY) out[k] = [v];
      else out[k].push(v);
    };
    const nc = this.categories.length;
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      if (!this.firsts.has(t.lower) || !UPPER_OR_DIGIT.test(t.text)) continue;
      let key = '';
      const maxJ = Math.min(n, i + this.maxLen);
      for (let j = i; j < maxJ; j++) {
        if (tokens[j].sentence !== t.sentence) break;
        key = j === i ? t.lower : key + ' ' + tokens[j].lower;
        const mask = this.keys.get(key);
        const more = j + 1 < maxJ && this.extends(key + ' ');
        if (mask === undefined) {
          if (more) continue;
          break; // no longer entry starts with these tokens
        }
        const len = j - i + 1;
        for (let b = 0; b < nc; b++) {
          if (!(mask & (1 << b))) continue;
          const ts = this.tagStrings[b];
          if (len === 1) put(i, ts[3]);
          else {
            put(i, ts[0]);
            for (let k = i + 1; k < j; k++) put(k, ts[1]);
            put(j, ts[2]);
          }
        }
        if (!more) break;
      }
    }
    for (let i = 0; i < n; i++) if (out[i].length > 1) out[i] = [...new Set(out[i])];
    return out;
  }

  /** The categories of a name given as tokens' lower forms (empty when unknown). */
  lookup(lowers: readonly string[]): readonly string[] {
    const m = this.keys.get(lowers.join(' '));
    return m === undefined ? EMPTY : this.catsOf(m);
  }

  /** Serialized form: category -> sorted keys, categories sorted (deterministic). */
  toJSON(): GazetteerData {
    const by: GazetteerData = {};
    for (const [k, m] of this.keys) for (const c of this.catsOf(m)) (by[c] ??= []).push(k);
    const out: GazetteerData = {};
    for (const c of Object.keys(by).sort()) out[c] = by[c].sort();
    return out;
  }

  /** @throws Error when the data has more than 31 categories */
  static fromJSON(d: GazetteerData): Gazetteer {
    const g = new Gazetteer();
    for (const c of Object.keys(d)) for (const k of d[c]) g.add(k, c);
    return g;
  }
}
