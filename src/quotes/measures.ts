/**
 * Links each numeric claim to the event it measures, within one sentence
 * (never across sentences): "North Korea sent about 11,000 soldiers to
 * Russia" links "about 11,000 soldiers" to the sending event; "Some 2,000
 * protesters marched" links the figure to the march, whose actor it is.
 *
 * Rules, in order (rule names as in {@link MeasureLink.rule}):
 * 1. `participant`: the quantity overlaps an actor or recipient span of an
 *    event of its sentence;
 * 2. `object`: the nearest event trigger before the quantity, with no other
 *    trigger and no clause break (`;`, `:`, a dash, a quotation mark or a
 *    comma followed by a conjunction/relative word) between them, at most
 *    {@link MAX_OBJECT_GAP} tokens away;
 * 3. `subject`: the nearest trigger after the quantity with nothing but
 *    auxiliaries, adverbs, particles and the counted noun's modifiers between
 *    ("20,000 to 30,000 troops were deployed"), at most
 *    {@link MAX_SUBJECT_GAP} tokens away.
 * A definite count ("the two leaders", "their three envoys") refers back to
 * actors already named: it counts them and measures no event.
 * Statements (CAMEO root 01) are never measured: a number in what someone
 * said is the content of the claim, not a measure of the speech act.
 * A quantity no rule reaches keeps `event: null`.
 */
import type { Doc, DocEvent, Quantity, Token } from '../doc.js';

/** Largest token distance from a trigger to a quantity after it (rule `object`). */
export const MAX_OBJECT_GAP = 8;
/** Largest token distance from a quantity to a trigger after it (rule `subject`). */
export const MAX_SUBJECT_GAP = 6;

/** How a quantity was linked to an event. */
export interface MeasureLink {
  /** Index into `Doc.events`. */
  event: number;
  rule: 'participant' | 'object' | 'subject';
}

const CLAUSE_BREAK = new Set([';', ':', '—', '–', '"', '“', '”', '(', ')']);
const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'which', 'who', 'whereas', 'although', 'though', 'as', 'after', 'before', 'when', 'since', 'because']);
const DEFINITE = new Set(['the', 'these', 'those', 'both', 'its', 'their', 'his', 'her', 'our', 'all']);
const BETWEEN_SUBJECT_POS = new Set(['AUX', 'ADV', 'PART', 'ADJ', 'NOUN', 'PROPN', 'ADP', 'DET', 'NUM', 'CCONJ']);

/** Index of the first token whose span ends after `offset` (binary search over the sentence's tokens). */
function tokenAt(tokens: readonly Token[], from: number, to: number, offset: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function breaksClause(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = tokens[k];
    if (CLAUSE_BREAK.has(t.text)) return true;
    if (t.text === ',' && k + 1 < b && CLAUSE_OPENERS.has(tokens[k + 1].lower)) return true;
  }
  return false;
}

/**
 * The event a quantity measures, or null.
 * @param doc the document with `tokens`, `sentences` and `events` assigned
 * @param q a quantity of `doc` (character offsets in UTF-16 code units)
 */
export function measuredEvent(doc: Pick<Doc, 'tokens' | 'sentences' | 'events'>, q: Quantity): MeasureLink | null {
  const sent = doc.sentences[q.sentence];
  if (!sent) return null;
  const cands: Array<{ i: number; e: DocEvent }> = [];
  doc.events.forEach((e, i) => {
    if (e.sentence === q.sentence && e.root !== '01') cands.push({ i, e });
  });
  if (!cands.length) return null;
  const { tokens } = doc;
  const qs = tokenAt(tokens, sent.tokenStart, sent.tokenEnd, q.start);
  if (qs > sent.tokenStart && DEFINITE.has(tokens[qs - 1].lower)) return null;
  for (const { i, e } of cands) {
    if ([...e.actor, ...e.recipient].some((p) => p.start < q.end && q.start < p.end)) return { event: i, rule: 'participant' };
  }
  const qe = tokenAt(tokens, sent.tokenStart, sent.tokenEnd, q.end - 1) + 1;
  const trig = cands.map(({ i, e }) => ({ i, s: tokenAt(tokens, sent.tokenStart, sent.tokenEnd, e.trigger.start), e: tokenAt(tokens, sent.tokenStart, sent.tokenEnd, e.trigger.end - 1) + 1 }));
  // rule 2: the nearest trigger before the quantity
  let before: (typeof trig)[number] | null = null;
  for (const t of trig) if (t.e <= qs && (!before || t.e > before.e)) before = t;
  if (before && qs - before.e <= MAX_OBJECT_GAP && !breaksClause(tokens, before.e, qs)) return { event: before.i, rule: 'object' };
  // rule 3: the nearest trigger after the quantity, across auxiliaries and modifiers only
  let after: (typeof trig)[number] | null = null;
  for (const t of trig) if (t.s >= qe && (!after || t.s < after.s)) after = t;
  if (after && after.s - qe <= MAX_SUBJECT_GAP && !breaksClause(tokens, qe, after.s)) {
    let ok = true;
    for (let k = qe; k < after.s; k++) if (!BETWEEN_SUBJECT_POS.has(tokens[k].pos)) ok = false;
    if (ok) return { event: after.i, rule: 'subject' };
  }
  return null;
}

/**
 * The quantities with `event` (index into `doc.events`, or null) and
 * `eventRule` (`measures:participant|object|subject`, or null).
 */
export function linkMeasures(doc: Pick<Doc, 'tokens' | 'sentences' | 'events'>, quantities: readonly Quantity[]): Quantity[] {
  return quantities.map((q) => {
    const link = measuredEvent(doc, q);
    return { ...q, event: link ? link.event : null, eventRule: link ? `measures:${link.rule}` : null };
  });
}
