/**
 * Reader for Reuters-21578 (`../shared/data/reuters21578/reut2-*.sgm`), the
 * dated newswire used for throughput benchmarks and robustness runs.
 * Source: UCI KDD archive, Reuters-21578 Distribution 1.0 (research use only).
 * The SGML is parsed with linkedom's HTML parser.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

/** One Reuters story with a body. `published` is the story's DATE as YYYY-MM-DD. */
export interface ReutersStory {
  id: string;
  title: string | null;
  published: string;
  text: string;
}

const MONTHS: Record<string, string> = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' };

/** "26-FEB-1987 15:01:01.79" -> "1987-02-26", or null. */
export function reutersDate(s: string): string | null {
  const m = /(\d{1,2})-([A-Z]{3})-(\d{4})/.exec(s.trim());
  if (!m || !MONTHS[m[2]]) return null;
  return `${m[3]}-${MONTHS[m[2]]}-${m[1].padStart(2, '0')}`;
}

/**
 * Read stories with a body from the Reuters-21578 folder, in file and NEWID order.
 * @param dir the reuters21578 folder
 * @param limit stop after this many stories
 * @throws Error (from fs) when the folder cannot be read
 */
export function readReuters(dir: string, limit = Infinity): ReutersStory[] {
  const out: ReutersStory[] = [];
  const files = readdirSync(dir).filter((f) => /^reut2-\d+\.sgm$/.test(f)).sort();
  for (const f of files) {
    // the files are Latin-1 with control characters; bodies are ASCII in practice
    const raw = readFileSync(join(dir, f), 'latin1').replace(/<!DOCTYPE[^>]*>/, '');
    const { document } = parseHTML(`<html><body>${raw}</body></html>`);
    for (const r of document.querySelectorAll('reuters')) {
      const body = r.querySelector('body')?.textContent ?? '';
      const date = reutersDate(r.querySelector('date')?.textContent ?? '');
      if (!body.trim() || !date) continue;
      const title = r.querySelector('title')?.textContent?.trim() || null;
      // Reuters wraps lines at ~65 columns and marks paragraphs by indentation: rebuild paragraphs
      const text = body
        .replace(/\r/g, '')
        .replace(/\s*Reuter\s*\u0003?\s*$/, '')
        .split(/\n(?=\s{3,})/)
        .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
        .filter(Boolean)
        .join('\n\n');
      out.push({ id: `reuters-${r.getAttribute('newid') ?? r.getAttribute('NEWID')}`, title, published: date, text });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
