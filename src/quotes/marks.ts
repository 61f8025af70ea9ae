/**
 * Quotation-mark regions: where the text quotes someone.
 *
 * Handles straight `"..."`, curly `“...”`, guillemets `«...»`, single quotes
 * used as quotes (`‘...’`, `'...'`, common in headlines), nested quotes (only
 * the outermost region is returned) and multi-paragraph quotes whose closing
 * mark is omitted at the end of a paragraph and reopened at the start of the
 * next one (one region spanning the paragraphs).
 *
 * Offsets are UTF-16 code units into the text, as everywhere in sitrep.
 */

/** One quoted region. `start`/`end` include the marks; `innerStart`/`innerEnd` exclude them. */
export interface QuoteRegion {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  /** Opening mark kind. */
  kind: 'double' | 'single' | 'guillemet';
  /** True when the closing mark was missing (region closed at paragraph end). */
  unclosed: boolean;
  /** True when the region runs over more than one paragraph. */
  multiParagraph: boolean;
}

const OPEN_DOUBLE = '“„‟';
const CLOSE_DOUBLE = '”';
const ALNUM = /[\p{L}\p{N}]/u;
const SPACE_OR_OPENER = /[\s([{\u2014\u2013\-/“"‘'«:;,]/u;

interface Open {
  ch: string;
  kind: QuoteRegion['kind'];
  pos: number;
  /** length of the opening mark (2 for a doubled apostrophe '' used as a quotation mark) */
  len?: number;
}

function isOpenContext(text: string, i: number): boolean {
  const prev = i > 0 ? text[i - 1] : '\n';
  const next = i + 1 < text.length ? text[i + 1] : '\n';
  return (SPACE_OR_OPENER.test(prev) || i === 0) && !/\s/.test(next);
}

function isCloseContext(text: string, i: number): boolean {
  const prev = i > 0 ? text[i - 1] : '\n';
  const next = i + 1 < text.length ? text[i + 1] : '\n';
  return !/\s/.test(prev) && !ALNUM.test(next);
}

/** Scan one paragraph [pStart, pEnd). Returns closed regions and whatever double/guillemet quote is still open at the end. */
function scanParagraph(text: string, pStart: number, pEnd: number, carried: Open | null): { regions: QuoteRegion[]; open: Open | null } {
  const regions: QuoteRegion[] = [];
  const stack: Open[] = carried ? [carried] : [];
  const close = (o: Open, endPos: number, unclosed: boolean, markLen = 1) => {
    // Only the outermost region is kept; inner ones are dropped when the stack is deeper.
    if (stack.length === 0) {
      regions.push({
        start: o.pos,
        end: unclosed ? endPos : endPos + markLen,
        innerStart: o.pos + (o.len ?? 1),
        innerEnd: endPos,
        kind: o.kind,
        unclosed,
        multiParagraph: o.pos < pStart,
      });
    }
  };
  for (let i = pStart; i < pEnd; i++) {
    const ch = text[i];
    const top = stack.length ? stack[stack.length - 1] : null;
    if (OPEN_DOUBLE.includes(ch)) {
      stack.push({ ch: '“', kind: 'double', pos: i });
    } else if (ch === CLOSE_DOUBLE) {
      // close the nearest double quote (dropping dangling single quotes above it)
      const k = findLast(stack, (o) => o.kind === 'double');
      if (k >= 0) {
        const o = stack[k];
        stack.length = k;
        close(o, i, false);
      }
    } else if (ch === "'" && text[i + 1] === "'") {
      // a doubled apostrophe '' used as a straight double quote (common in some newswire text)
      const k = findLast(stack, (o) => o.ch === "''");
      const prevCh = i > 0 ? text[i - 1] : '\n';
      const nextCh = i + 2 < text.length ? text[i + 2] : '\n';
      if (k >= 0 && !/\s/.test(prevCh)) {
        const o = stack[k];
        stack.length = k;
        close(o, i, false, 2);
      } else if (k < 0 && !/\s/.test(nextCh)) {
        stack.push({ ch: "''", kind: 'double', pos: i, len: 2 });
      }
      i++;
    } else if (ch === '"') {
      const k = findLast(stack, (o) => o.ch === '"');
      if (k >= 0 && (isCloseContext(text, i) || !isOpenContext(text, i))) {
        const o = stack[k];
        stack.length = k;
        close(o, i, false);
      } else if (k < 0) {
        stack.push({ ch: '"', kind: 'double', pos: i });
      } else {
        // an opening-looking straight quote while one is open: treat as closing anyway
        const o = stack[k];
        stack.length = k;
        close(o, i, false);
      }
    } else if (ch === '«') {
      stack.push({ ch: '«', kind: 'guillemet', pos: i });
    } else if (ch === '»') {
      const k = findLast(stack, (o) => o.kind === 'guillemet');
      if (k >= 0) {
        const o = stack[k];
        stack.length = k;
        close(o, i, false);
      }
    } else if (ch === '‘' || ch === "'") {
      if (top && top.kind === 'single' && top.ch === ch && ch === "'" && isCloseContext(text, i)) {
        stack.pop();
        close(top, i, false);
      } else if (isOpenContext(text, i) && ALNUM.test(text[i + 1] ?? '')) {
        stack.push({ ch, kind: 'single', pos: i });
      }
    } else if (ch === '’') {
      const prev = text[i - 1] ?? '';
      const next = text[i + 1] ?? '';
      // apostrophe inside a word (Trump’s, don’t) is not a closing mark
      if (ALNUM.test(prev) && ALNUM.test(next)) continue;
      const k = findLast(stack, (o) => o.kind === 'single' && o.ch === '‘');
      if (k >= 0 && isCloseContext(text, i)) {
        // plural possessive ("voters’ ") looks like a closing mark; accept only when the
        // quote has some length and closes within the paragraph
        const o = stack[k];
        stack.length = k;
        close(o, i, false);
      }
    }
  }
  // paragraph end: drop dangling single quotes (apostrophes); keep an open double/guillemet
  const openDouble = stack.find((o) => o.kind !== 'single') ?? null;
  return { regions, open: openDouble };
}

function findLast<T>(a: T[], f: (x: T) => boolean): number {
  for (let i = a.length - 1; i >= 0; i--) if (f(a[i])) return i;
  return -1;
}

/** Paragraph spans: maximal runs of non-newline text. */
export function paragraphs(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (!m[0].trim()) continue;
    let s = m.index;
    let e = m.index + m[0].length;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    out.push({ start: s, end: e });
  }
  return out;
}

/** Find the outermost quoted regions of `text`, sorted by start. */
export function findQuoteRegions(text: string): QuoteRegion[] {
  const paras = paragraphs(text);
  const out: QuoteRegion[] = [];
  let carried: Open | null = null;
  for (let p = 0; p < paras.length; p++) {
    const { start, end } = paras[p];
    let c = carried;
    // A carried-over quote continues only if this paragraph reopens with a quote mark;
    // the reopening mark itself is then skipped.
    let scanFrom = start;
    if (c) {
      const first = text[start];
      if (OPEN_DOUBLE.includes(first) || first === '"' || first === '«') {
        scanFrom = start + 1;
      } else if (text.startsWith("''", start)) {
        scanFrom = start + 2;
      } else {
        c = null;
      }
    }
    const res = scanParagraph(text, scanFrom, end, c);
    // regions that started before this paragraph are multi-paragraph
    for (const r of res.regions) if (r.start < start) r.multiParagraph = true;
    out.push(...res.regions);
    if (res.open) {
      const next = paras[p + 1];
      const nf = next ? text[next.start] : '';
      if (next && (OPEN_DOUBLE.includes(nf) || nf === '"' || nf === '«' || text.startsWith("''", next.start)) && res.open.pos < end - 1) {
        carried = res.open;
      } else {
        // unclosed at paragraph end: close it there
        const o = res.open;
        out.push({
          start: o.pos,
          end,
          innerStart: o.pos + (o.len ?? 1),
          innerEnd: end,
          kind: o.kind,
          unclosed: true,
          multiParagraph: o.pos < start,
        });
        carried = null;
      }
    } else {
      carried = null;
    }
  }
  out.sort((a, b) => a.start - b.start);
  // keep only outermost (a region fully inside another is nested)
  const res: QuoteRegion[] = [];
  for (const r of out) {
    const last = res[res.length - 1];
    if (last && r.start >= last.start && r.end <= last.end) continue;
    res.push(r);
  }
  return res;
}
