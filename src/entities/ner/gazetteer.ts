/**
 * Gazetteers for the recognizer: lists of (multi-token) names by category.
 * Keys are lower-cased token sequences (tokens as the project tokenizer
 * splits them) joined by single spaces. Matching tags every token covered by
 * an entry with `category:B|I|L|U` (BILOU position in the entry).
 */
import type { Token } from '../../doc.js';

/** Serialized gazetteer: category -> keys (sorted). */
export type GazetteerData = Record<string, string[]>;

const UPPER_OR_DIGIT = /^[A-Z0-9\p{Lu}]/u;
const EMPTY: string[] = [];

export class Gazetteer {
  /** key -> categories */
  readonly entries = new Map<string, string[]>();
  maxLen = 1;
  private firsts = new Set<string>();
  /** Interned `category:B|I|L|U` strings (reused strings keep their hash, so feature lookups are cheap). */
  private tagStrings = new Map<string, string[]>();

  private tagsOf(cat: string): string[] {
    let t = this.tagStrings.get(cat);
    if (!t) this.tagStrings.set(cat, (t = [cat + ':B', cat + ':I', cat + ':L', cat + ':U']));
    return t;
  }

  /** Add one key (lower-cased tokens joined by spaces) to a category. */
  add(key: string, cat: string): void {
    if (!key) return;
    let c = this.entries.get(key);
    if (!c) {
      this.entries.set(key, (c = []));
      const parts = key.split(' ');
      this.firsts.add(parts[0]);
      if (parts.length > this.maxLen) this.maxLen = parts.length;
    }
    if (!c.includes(cat)) c.push(cat);
  }

  /** A new gazetteer holding the entries of this one and `other`. */
  merged(other: Gazetteer): Gazetteer {
    const g = new Gazetteer();
    for (const src of [this, other]) for (const [k, cs] of src.entries) for (const c of cs) g.add(k, c);
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
    for (let i = 0; i < n; i++) {
      const t = tokens[i];
      if (!this.firsts.has(t.lower) || !UPPER_OR_DIGIT.test(t.text)) continue;
      let key = '';
      const maxJ = Math.min(n, i + this.maxLen);
      for (let j = i; j < maxJ; j++) {
        if (tokens[j].sentence !== t.sentence) break;
        key = j === i ? t.lower : key + ' ' + tokens[j].lower;
        const cats = this.entries.get(key);
        if (!cats) continue;
        const len = j - i + 1;
        for (const c of cats) {
          const ts = this.tagsOf(c);
          if (len === 1) put(i, ts[3]);
          else {
            put(i, ts[0]);
            for (let k = i + 1; k < j; k++) put(k, ts[1]);
            put(j, ts[2]);
          }
        }
      }
    }
    for (let i = 0; i < n; i++) if (out[i].length > 1) out[i] = [...new Set(out[i])];
    return out;
  }

  /** Look up the categories of a name given as tokens' lower forms. */
  lookup(lowers: readonly string[]): readonly string[] {
    return this.entries.get(lowers.join(' ')) ?? [];
  }

  toJSON(): GazetteerData {
    const by: GazetteerData = {};
    for (const [k, cs] of this.entries) for (const c of cs) (by[c] ??= []).push(k);
    const out: GazetteerData = {};
    for (const c of Object.keys(by).sort()) out[c] = by[c].sort();
    return out;
  }

  static fromJSON(d: GazetteerData): Gazetteer {
    const g = new Gazetteer();
    for (const c of Object.keys(d)) for (const k of d[c]) g.add(k, c);
    return g;
  }
}
