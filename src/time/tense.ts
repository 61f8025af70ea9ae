/**
 * Clause tense around a time expression, from token POS tags and lemmas:
 * the verb group nearest to the expression in its sentence decides.
 *  - future: will / 'll / shall / going to / plans to / is set to / is expected to ...
 *  - past: a simple-past head (was, said, -ed), or a perfect (has fallen)
 *  - present: any other finite verb group
 *  - none: no verb in the sentence
 */
import type { Doc, Token } from '../doc.js';
import { sentenceAt } from '../doc.js';
import { FUTURE_VERBS, INTENT_NOUNS, IRREGULAR_PAST } from './lexicon.js';
import type { Tense } from './types.js';

const FUTURE_AUX = new Set(['will', "'ll", 'shall', 'wo', '’ll']);
const COND_AUX = new Set(['would', "'d", 'could', 'might', 'should', 'may', 'must', 'can', 'ca']);
const PERFECT = new Set(['has', 'have', "'ve", 'having']);
const PRESENT_BE = new Set(['is', 'are', 'am', "'s", "'re", "'m"]);
/** Adjectives whose infinitive names a later event ("likely to resign Friday"). */
const PROSPECTIVE_ADJ = new Set(['likely', 'unlikely', 'ready', 'able', 'unable', 'eager', 'willing', 'unwilling', 'keen', 'prepared', 'determined', 'certain', 'sure', 'bound', 'due', 'poised', 'set', 'expected', 'free', 'anxious', 'reluctant', 'scheduled']);

function isVerb(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

const CAP = /^[A-Z][a-z]/;
const SUBJECT_PRONOUNS = new Set(['i', 'he', 'she', 'it', 'we', 'they']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those']);

/**
 * A verb-tagged token inside a hyphenated compound ("sit-in", "follow-up") or a
 * capitalised one inside a name ("the Roe vs. Wade decision", "Supreme Court")
 * is not a verb.
 */
function inCompound(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const n = tokens[k + 1];
  const p = tokens[k - 1];
  if ((!!n && n.text === '-' && n.start === t.end) || (!!p && p.text === '-' && p.end === t.start)) return true;
  if (CAP.test(t.text) && p && /^[A-Za-z]/.test(p.text) && (CAP.test(p.text) || p.lower === 'vs.' || p.lower === 'v.' || (!!n && CAP.test(n.text)))) return true;
  return false;
}

function isPastForm(t: Token): boolean {
  if (IRREGULAR_PAST.has(t.lower)) return true;
  return t.lower.endsWith('ed') && t.lower !== t.lemma && t.pos !== 'ADJ';
}

/** First token index whose span ends after `pos` (binary search). */
export function tokenAt(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Reporting verbs: in the present ("says Friday") they report a past event. */
export const REPORTING = new Set(['say', 'tell', 'report', 'announce', 'claim', 'confirm', 'state', 'add', 'note', 'write']);

/** True when the noun phrase ending at token `k` follows "for" ("difficult for the firm to ..."). */
function forToSubject(tokens: readonly Token[], k: number, lo: number): boolean {
  let j = k;
  while (j - 1 >= lo && k - j < 4 && /^(?:NOUN|PROPN|ADJ|DET|NUM|PRON)$/.test(tokens[j - 1].pos) && tokens[j - 1].lower !== 'for') j--;
  return j - 1 >= lo && tokens[j - 1].lower === 'for';
}

const TIME_WORD = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?|today|yesterday|tomorrow|\d+)$/;

/**
 * A comma that closes a clause ("The bill, which passed on Tuesday, now goes ..."), not one inside a place
 * name ("Norwood, Ohio, plant") or a list of dates ("late Tuesday, Wednesday and Thursday").
 */
function clauseComma(tokens: readonly Token[], j: number): boolean {
  const n = tokens[j + 1];
  const p = tokens[j - 1];
  if (n && CAP.test(n.text) && tokens[j + 2]?.text === ',') return false;
  if (p && CAP.test(p.text) && tokens[j - 2]?.text === ',') return false;
  if (n && (TIME_WORD.test(n.lower) || ((n.lower === 'and' || n.lower === 'or') && tokens[j + 2] && TIME_WORD.test(tokens[j + 2].lower)))) return false;
  return true;
}

/** Tense of the verb group containing token `i` (a verb), within tokens [lo, hi); `finite` is false for bare gerunds and infinitives. */
function groupTense(tokens: readonly Token[], i: number, lo: number, hi: number): { tense: Tense; finite: boolean } {
  let a = i;
  while (a - 1 >= lo && tokens[a].lower !== 'to' && (isVerb(tokens[a - 1]) || tokens[a - 1].pos === 'PART' || tokens[a - 1].pos === 'ADV') && i - a < 4) a--;
  let b = i;
  while (b + 1 < hi && (isVerb(tokens[b + 1]) || tokens[b + 1].pos === 'ADV' || tokens[b + 1].lower === 'not') && b - i < 4) b++;
  // skip leading adverbs
  while (a < i && !isVerb(tokens[a]) && tokens[a].lower !== 'to') a++;
  let head = -1;
  for (let k = a; k <= b; k++) {
    const t = tokens[k];
    if (FUTURE_AUX.has(t.lower)) return { tense: 'future', finite: true };
    if (t.lower === 'going' && tokens[k + 1]?.lower === 'to') return { tense: 'future', finite: true };
    if (isVerb(t) && FUTURE_VERBS.has(t.lemma) && tokens[k + 1]?.lower === 'to' && !isPastForm(t)) return { tense: 'future', finite: true };
    if ((t.lower === 'expected' || t.lower === 'scheduled' || t.lower === 'set' || t.lower === 'due' || t.lower === 'slated' || t.lower === 'poised' || t.lower === 'supposed') && tokens[k + 1]?.lower === 'to' && k > a) return { tense: 'future', finite: true };
    // "a summit set for April", "talks scheduled for Monday", "was planned for early March"
    if (/^(?:set|scheduled|planned|slated|due|timed|expected|tentatively)$/.test(t.lower) && tokens[k + 1]?.lower === 'for') return { tense: 'future', finite: true };
    // the head is the first verb, skipping a gerund subject ("Fighting resumed")
    if (head < 0 && isVerb(t) && t.lower !== 'to' && !(t.lower.endsWith('ing') && k < b && isVerb(tokens[k + 1]))) head = k;
  }
  if (head < 0) return { tense: 'none', finite: false };
  const h = tokens[head];
  // infinitive: future when governed by a future-projecting verb ("planned to leave Thursday", "is to resume Monday")
  const toIdx = tokens[a].lower === 'to' ? a : a - 1 >= lo && tokens[a - 1].lower === 'to' ? a - 1 : -1;
  if (toIdx >= 0 && toIdx < head) {
    const gov = tokens[toIdx - 1];
    if (gov && (FUTURE_VERBS.has(gov.lemma) || FUTURE_VERBS.has(gov.lower) || PRESENT_BE.has(gov.lower) || gov.lower === 'was' || gov.lower === 'were' || gov.lower === 'able' || gov.lower === 'ready')) return { tense: 'future', finite: true };
    // "an agreement to acquire ... in January", "the decision to resume talks on Monday": an intended event
    // (adjectives only when they look ahead: "likely to", "eager to"; not "difficult to", "hard to")
    // ("for the firm to meet demand": a for-to clause, its subject is no intended event)
    if (gov && gov.pos === 'NOUN' && INTENT_NOUNS.has(gov.lemma) && !forToSubject(tokens, toIdx - 1, lo)) return { tense: 'future', finite: true };
    if (gov && gov.pos === 'ADJ' && PROSPECTIVE_ADJ.has(gov.lower)) return { tense: 'future', finite: true };
    return { tense: 'none', finite: false };
  }
  if (COND_AUX.has(h.lower)) return { tense: h.lower === 'would' || h.lower === "'d" ? 'conditional' : 'present', finite: true };
  if (PERFECT.has(h.lower) && head < b) return { tense: 'past', finite: true };
  if (isPastForm(h)) return { tense: 'past', finite: true };
  if (PRESENT_BE.has(h.lower) || h.lower === 'has' || h.lower === 'does' || h.lower === 'do') return { tense: 'present', finite: true };
  if (h.lower.endsWith('ing') && h.pos === 'VERB') return { tense: 'present', finite: false };
  return { tense: 'present', finite: true };
}

/** Tense of the clause around the character span [start, end). */
export function tenseAround(doc: Readonly<Doc>, start: number, end: number): Tense {
  return clauseAround(doc, start, end).tense;
}

/** Tense of the clause around [start, end) and whether its deciding verb is a reporting verb. */
export function clauseAround(doc: Readonly<Doc>, start: number, end: number): { tense: Tense; reporting: boolean } {
  const lead = doc.document.text.slice(Math.max(0, start - 16), start).toLowerCase();
  if (/\bas\s+(?:soon|early)\s+as\s+$/.test(lead)) return { tense: 'future', reporting: false };
  if (/\b(?:since)\s+$/.test(lead)) return { tense: 'past', reporting: false };
  // dividend notices: "payable Dec. 7 to stock of record Nov. 22" name dates still to come
  if (/\b(?:payable|of\s+record|record\s+date)\s+(?:on\s+|as\s+of\s+)?$/.test(lead)) return { tense: 'future', reporting: false };
  if (/[a-z,]\s+(?:until|till)\s+$/.test(lead)) return { tense: 'future', reporting: false };
  // a deadline or a new date set for something: "no later than March 1", "postponed the meeting to May 21",
  // "extended the offer until ...", "scheduled a vote for Monday" name a date after the act
  const lead60 = doc.document.text.slice(Math.max(0, start - 60), start).toLowerCase();
  if (/\b(?:no|not)\s+later\s+than\s+$/.test(lead60)) return { tense: 'future', reporting: false };
  if (/\b(?:postpone[sd]?|postponing|extend(?:s|ed|ing)?|delay(?:s|ed|ing)?|defer(?:s|red|ring)?|reschedul(?:e|es|ed|ing)|push(?:ed|es|ing)?\s+back|put\s+off|adjourn(?:s|ed|ing)?)\b[^.;:!?]{0,45}\b(?:to|until|till)\s+$/.test(lead60)) return { tense: 'future', reporting: false };
  if (/\b(?:schedul(?:e|es|ed|ing)|set|sets|setting|call(?:s|ed|ing)|slated)\s+(?:a|an|the|its|their|his|her)\s+(?:[a-z'’-]+\s+){0,3}?(?:meeting|vote|hearing|session|election|referendum|auction|ballot|trial|summit|conference|sale|offering|deadline|date)\s+(?:for|on)\s+$/.test(lead60)) return { tense: 'future', reporting: false };
  if (/^['’]s\b/.test(doc.document.text.slice(end, end + 3))) return { tense: 'past', reporting: false };
  const s = sentenceAt(doc, start);
  if (s < 0) return { tense: 'none', reporting: false };
  const sent = doc.sentences[s];
  const tokens = doc.tokens;
  const a = tokenAt(tokens, start);
  let b = a;
  while (b < sent.tokenEnd && tokens[b].start < end) b++;
  // "his Sunday night address", "the Monday vote": after a determiner, a verb-tagged word right after the
  // expression is the head noun of the phrase, not a verb
  const npHead = a > sent.tokenStart && DETERMINERS.has(tokens[a - 1].lower) ? b : -1;
  let best = -1;
  let bestCost = Infinity;
  let bestTense: Tense = 'none';
  // only verbs within 40 tokens count (keeps the cost linear on very long sentences)
  const from = Math.max(sent.tokenStart, a - 40);
  const to = Math.min(sent.tokenEnd, b + 40);
  // a fronted expression ("On Wednesday, X said ...") belongs to the first finite verb group of the sentence
  let verbBefore = false;
  for (let k = Math.max(sent.tokenStart, a - 60); k < a && !verbBefore; k++) {
    if (isVerb(tokens[k]) && !inCompound(tokens, k) && groupTense(tokens, k, sent.tokenStart, sent.tokenEnd).finite) verbBefore = true;
  }
  if (!verbBefore) {
    for (let k = b; k < to; k++) {
      if (!isVerb(tokens[k]) || inCompound(tokens, k) || k === npHead) continue;
      const g = groupTense(tokens, k, sent.tokenStart, sent.tokenEnd);
      if (g.finite) return { tense: g.tense, reporting: REPORTING.has(tokens[k].lemma) };
    }
  }
  for (let k = from; k < to; k++) {
    if ((k >= a && k < b) || k === npHead) continue;
    const t = tokens[k];
    if (!isVerb(t) || inCompound(tokens, k)) continue;
    const g = groupTense(tokens, k, sent.tokenStart, sent.tokenEnd);
    // nearest finite verb group; verbs before the expression win ties, non-finite ones (gerunds, infinitives) count only as a fallback
    const dist = k < a ? a - k : k - b + 1.5;
    // a reporting verb ("an official said") decides only when it is next to the expression ("said Friday", "said on Wednesday")
    const rep = REPORTING.has(t.lemma) && dist > 4.5 ? 6 : 0;
    // crossing a clause boundary (that, quotes, semicolons, brackets) makes a verb less likely to govern the expression
    let cross = 0;
    const [x, y] = k < a ? [k + 1, a] : [b, k];
    for (let j = x; j < y; j++) {
      const w = tokens[j].lower;
      // "... will be ready by October, the company said": a trailing reporting clause does not date its content
      if (w === ',' && k > b && rep === 0 && REPORTING.has(t.lemma)) cross += 4;
      // "The bill, which passed the Senate on Tuesday, now goes to the House": a comma closes the clause
      else if (w === ',' && clauseComma(tokens, j)) cross += 3;
      // "told reporters on Saturday it was expected to ...": a subject pronoun opens the next clause
      if (k > b && SUBJECT_PRONOUNS.has(w)) cross += 4;
      if (w === 'that' || w === ';' || w === '"' || w === '“' || w === '”' || w === '``' || w === "''" || w === '(' || w === ')' || w === 'but' || w === 'while' || w === 'because' || w === 'which' || w === 'who') cross += 4;
    }
    const cost = dist + (g.finite ? 0 : 40) + rep + cross;
    if (cost < bestCost) {
      best = k;
      bestCost = cost;
      bestTense = g.tense;
    }
  }
  if (best < 0) return { tense: 'none', reporting: false };
  return { tense: bestTense, reporting: REPORTING.has(tokens[best].lemma) };
}
