/**
 * The event coder: who did what to whom, in CAMEO and PLOVER, with evidence.
 *
 * Per sentence (never across sentences):
 * 1. triggers — verbs whose lemma is in PETRARCH2's CAMEO verb dictionary (multi-word
 *    verbs such as "call off" as one trigger), and event nouns ("phone call",
 *    "invasion", "talks") from the project lexicon, including nouns that are the
 *    object of a light verb ("held a phone call"); triggers that are part of another
 *    event (a complement's content, a purpose infinitive, an event noun in a coded
 *    verb's clause, an event inside an if/unless condition) are not events of their own;
 * 2. arguments — the actor is the nearest actor mention before the verb group
 *    that is not inside a prepositional phrase or a possessor (with relative
 *    clauses "X, which sent ...", passives "... by X", coordination "X and Y");
 *    the recipient is the first coded mention after the trigger within the
 *    clause (or after with/to/against/of... for nouns);
 * 3. code — the most specific PETRARCH2 pattern of the verb whose literal words
 *    appear around it, else the verb block's default code; a trigger with
 *    actors but no code is kept as `uncoded`, never given a default code; a paired
 *    code `[A:B]` within one CAMEO root adds the reverse event B (recipient to actor),
 *    a symmetric pair `[A:A]` marks the event `+reciprocal`;
 * 4. date, location, attribution and PLOVER's auxiliary modes (future,
 *    negation, hypothetical, historical) from the clause's words and timexes.
 *
 * Offsets are UTF-16 code units into the document text.
 */
import type { Attribution, Doc, DocEvent, Mention, Modality, Participant, Timex, Token } from '../doc.js';
import type { Component } from '../pipeline.js';
import { eventLexicon, type EventLexicon, type VerbEntry } from './lexicon.js';
import { phraseKey } from '../text/phrases.js';
import { findAttribution } from '../quotes/attribution.js';
import { DateTime } from 'luxon';

const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re"]);
const HAVE = new Set(['have', 'has', 'had', 'having', "'ve", 'get', 'got']);
const REL = new Set(['which', 'who', 'that', 'whom']);
const CLAUSE_BREAK = new Set([';', ':', '—', '–']);
/** CAMEO roots whose verbs take their content as a complement: appeal, intent, demand, threaten. */
const COMPLEMENT_ROOTS = new Set(['02', '03', '10', '13']);
const SUBORD = new Set(['while', 'though', 'although', 'whereas', 'because', 'but', 'after', 'before', 'as', 'since', 'when', 'following', 'amid', 'ahead']);

interface Trigger {
  /** Head token of the trigger. */
  head: number;
  /** Token range of the trigger words. */
  from: number;
  to: number;
  kind: 'verb' | 'noun';
  /** For nouns under a light verb: the light verb's token. */
  light?: number;
  code: string | null;
  rule: string;
  /** Tokens matched by the pattern (not triggers themselves). */
  consumed: number[];
  specificity: number;
  /** The matched pattern's noun-phrase slots as token ranges `[from, to)` where their mention stands. */
  slots?: SlotRange[];
  /** Code of the paired event from the recipient to the actor (PETRARCH2 `[A:B]`); with `code` null, the only event. */
  reverse?: string;
}

/** Where a pattern's `+` (target), `$` (source) or `%` (compound) slot lies in the sentence. */
interface SlotRange {
  kind: '+' | '$' | '%';
  side: 'pre' | 'post';
  from: number;
  to: number;
  /** Noun phrases (mentions, coded or not) to pass over before the slot's own (PETRARCH2's `^`). */
  skip?: number;
}

/** Derived per-document indexes, computed once per document (cached on the layer arrays). */
interface DocIndex {
  mentionsBySentence: Mention[][];
  entitiesBySentence: number[][];
  /** token index by start offset */
  tokenByStart: Map<number, number>;
}
const indexCache = new WeakMap<object, DocIndex>();

function docIndex(doc: Readonly<Doc>): DocIndex {
  let ix = indexCache.get(doc.mentions);
  if (ix) return ix;
  const mentionsBySentence: Mention[][] = doc.sentences.map(() => []);
  for (const m of doc.mentions) mentionsBySentence[m.sentence]?.push(m);
  const entitiesBySentence: number[][] = doc.sentences.map(() => []);
  doc.entities.forEach((e, i) => entitiesBySentence[e.sentence]?.push(i));
  const tokenByStart = new Map<number, number>();
  doc.tokens.forEach((t, i) => tokenByStart.set(t.start, i));
  ix = { mentionsBySentence, entitiesBySentence, tokenByStart };
  indexCache.set(doc.mentions, ix);
  return ix;
}

/** Code all events of a document. Pure; never throws on text it cannot code. */
export function codeEvents(doc: Readonly<Doc>, lex: EventLexicon = eventLexicon()): DocEvent[] {
  const events: DocEvent[] = [];
  for (let si = 0; si < doc.sentences.length; si++) {
    events.push(...codeSentence(doc, si, lex, { pluralResolved: resolvePlurals(doc, si, events), complementOf: new Map() }));
  }
  return events;
}

/** Per-sentence context handed down to argument finding. */
interface SentenceContext {
  /** Plural anaphors ("the two leaders") of the sentence, by start offset, resolved to mentions. */
  pluralResolved: Map<number, Mention[]>;
  /** Head token of a trigger taken as the content of a request, intent or threat -> that trigger's head. */
  complementOf: Map<number, number>;
}

/**
 * Resolve "the two leaders" / "both sides" to the document's main dyad: the pair of
 * actor codes of the first two-party event (news puts the main event first).
 * The resolved mentions are the earliest named mentions of those codes.
 */
function resolvePlurals(doc: Readonly<Doc>, si: number, earlier: DocEvent[]): Map<number, Mention[]> {
  const out = new Map<number, Mention[]>();
  const plurals = docIndex(doc).mentionsBySentence[si].filter((m) => m.kind === 'pronoun');
  if (plurals.length === 0) return out;
  const counts = new Map<string, { n: number; first: number }>();
  earlier.forEach((e, idx) => {
    const codes = [...new Set([...e.actor, ...e.recipient].map((p) => p.code).filter((c): c is string => !!c))].sort();
    if (codes.length !== 2) return;
    const k = codes.join('|');
    const c = counts.get(k) ?? { n: 0, first: idx };
    c.n++;
    counts.set(k, c);
  });
  // news puts the main event first: the lede's two-party event names "the two leaders"
  let best: string | null = null;
  for (const [k, c] of counts) {
    const b = best ? counts.get(best)! : null;
    if (!b || c.first < b.first) best = k;
  }
  if (!best) return out;
  const pair = best.split('|').map((code) => doc.mentions.find((m) => m.code === code && m.kind === 'name')).filter((m): m is Mention => !!m);
  if (pair.length === 2) for (const p of plurals) out.set(p.start, pair);
  return out;
}

/** The code the head noun of the direct object after verb `v` gives in `table` (determiners, adjectives, possessives between), or null. */
function objectCode(doc: Readonly<Doc>, v: number, limit: number, table: Map<string, string> | undefined): { code: string; noun: string; at: number } | null {
  if (!table) return null;
  const tokens = doc.tokens;
  for (let k = v + 1; k < Math.min(limit, v + 6); k++) {
    const t = tokens[k];
    if (t.pos === 'NOUN') {
      const next = tokens[k + 1];
      if (next && next.sentence === t.sentence && next.pos === 'NOUN') continue; // compound noun: its last word heads it
      const code = table.get(t.lemma) ?? table.get(t.lower);
      return code ? { code, noun: t.lemma, at: k } : null;
    }
    if (!['DET', 'ADJ', 'NUM', 'PRON', 'PROPN'].includes(t.pos) && t.lower !== "'s") return null;
  }
  return null;
}

/** Is the verb at token `i` announced: will/would/shall/'ll (adverbs between) right before it? */
function announced(doc: Readonly<Doc>, i: number, sentStart: number): boolean {
  let k = i - 1;
  while (k >= sentStart && doc.tokens[k].pos === 'ADV') k--;
  return k >= sentStart && /^(will|would|shall|'ll)$/.test(doc.tokens[k].lower);
}

/** The dictionary's multi-word verb whose head word is token `i` (words adjacent, longest first), or null. */
function phrasalAt(doc: Readonly<Doc>, i: number, sentStart: number, limit: number, lex: EventLexicon): { from: number; to: number; entry: VerbEntry } | null {
  const cands = lex.phrasalVerbs.get(doc.tokens[i].lower);
  if (!cands) return null;
  for (const c of cands) {
    const from = i - c.head;
    const to = from + c.words.length;
    if (from < sentStart || to > limit) continue;
    let ok = true;
    for (let q = 0; q < c.words.length && ok; q++) ok = doc.tokens[from + q].lower === c.words[q];
    const entry = ok ? lex.verbs.get(c.lemma) : undefined;
    if (entry) return { from, to, entry };
  }
  return null;
}

function verbEntry(t: Token, lex: EventLexicon): VerbEntry | undefined {
  // a form the dictionary lists as a verb of its own, which no other verb claims ("met" [031:032]
  // beside "meet" [031:031]), is that verb, not its lemma's
  if (t.lower !== t.lemma && (lex.forms.get(t.lower) ?? t.lower) === t.lower) {
    const own = lex.verbs.get(t.lower);
    if (own) return own;
  }
  return lex.verbs.get(t.lemma) ?? lex.verbs.get(lex.forms.get(t.lower) ?? '');
}

/**
 * "their previously signed agreement", "Newly appointed Prime Minister X": a past
 * participle between a determiner (or the sentence start) and a noun acts as an adjective.
 */
function adjectivalParticiple(doc: Readonly<Doc>, i: number): boolean {
  const t = doc.tokens[i];
  if (!/(ed|en)$/.test(t.lower)) return false;
  const start = doc.sentences[t.sentence].tokenStart;
  // the second half of a hyphenated modifier: "its long-threatened invasion", "the Syrian-backed militia"
  const after = doc.tokens[i + 1];
  if (i > start && doc.tokens[i - 1].lower === '-' && doc.tokens[i - 1].end === t.start && after && after.sentence === t.sentence && ['NOUN', 'PROPN', 'ADJ'].includes(after.pos)) return true;
  let k = i - 1;
  while (k >= start && doc.tokens[k].pos === 'ADV') k--;
  const det = k >= start ? doc.tokens[k] : null;
  const next = doc.tokens[i + 1];
  // after a determiner, a possessive ("Jordan's proposed plan") or a preposition ("of suspected terrorists"),
  // or right after a finite verb ("reject proposed changes": no verb takes a bare participle object)
  const detLike = !det || det.pos === 'DET' || (det.pos === 'PRON' && /^(their|its|his|her|our|my|your)$/.test(det.lower))
    || det.lower === "'s" || det.lower === '’s' || (det.pos === 'ADP' && k === i - 1 && det.lower !== 'by')
    || (det.pos === 'VERB' && k === i - 1 && !BE.has(det.lower) && !HAVE.has(det.lower) && !/(ing)$/.test(det.lower));
  return detLike && !!next && next.sentence === t.sentence && ['NOUN', 'PROPN', 'ADJ'].includes(next.pos);
}

/** A token that acts as a verb here (not "following" as a preposition, not "growing" as an adjective). */
function isVerbal(doc: Readonly<Doc>, i: number, lex: EventLexicon): boolean {
  const t = doc.tokens[i];
  if (t.pos !== 'VERB' || lex.notVerbs.has(t.lower)) return false;
  if (t.lower.endsWith('ing')) {
    const prev = doc.tokens[i - 1];
    const next = doc.tokens[i + 1];
    const s = doc.sentences[t.sentence];
    const afterNoun = next && next.sentence === t.sentence && (next.pos === 'NOUN' || next.pos === 'ADJ');
    const modifierSlot = i === s.tokenStart || !prev || ['DET', 'ADJ', 'ADV', 'VERB', 'ADP', 'PUNCT', 'CCONJ'].includes(prev.pos) || prev.lower === "'s" || prev.lower === '’s';
    // "Jordan's visiting King Abdullah": after a possessive, an -ing word before a name modifies it
    const afterName = next && next.sentence === t.sentence && next.pos === 'PROPN' && prev && (prev.lower === "'s" || prev.lower === '’s');
    if (afterName) return false;
    if (afterNoun && modifierSlot && !(prev && BE.has(prev.lower) && prev.pos !== 'PART')) return false;
    // "negotiations on ending the war": a gerund after a topic preposition names a topic, not an event
    // (also "aimed at establishing ties", "joined them in demanding a vote": the gerund is an adjunct's topic)
    if (prev && ['on', 'about', 'of', 'for', 'toward', 'towards', 'regarding', 'at', 'in'].includes(prev.lower)) return false;
  }
  if (adjectivalParticiple(doc, i)) return false;
  return true;
}

function codeSentence(doc: Readonly<Doc>, si: number, lex: EventLexicon, ctx: SentenceContext): DocEvent[] {
  const s = doc.sentences[si];
  const tokens = doc.tokens;
  const mentions = docIndex(doc).mentionsBySentence[si];
  const triggers: Trigger[] = [];
  const consumed = new Set<number>();
  const demands = new Set<number>();
  /** Triggers that are part of another trigger's event (its content or its theme), not events of their own. */
  const absorbed = new Set<Trigger>();

  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i];
    if (consumed.has(i)) continue;
    if (isVerbal(doc, i, lex)) {
      if (lex.lightVerbs.has(t.lemma)) {
        const n = nounAfterLight(doc, i, s.tokenEnd, lex);
        // "launched a new bombing and shelling offensive": where the verb's own pattern matches a word
        // further into the object (its head, "* OFFENSIVE"), the event noun before it is a modifier
        const ve = n ? verbEntry(t, lex) : undefined;
        const own = ve ? matchPatterns(doc, i, s.tokenStart, clauseEnd(doc, i, s.tokenEnd), ve) : null;
        const headPattern = !!n && !!own && !own.discard && own.code !== null && own.rule.startsWith('events:verb-pattern') && own.consumed.length > 0 && Math.min(...own.consumed) > n.head && !gapHasVerbOrClause(tokens, n.head, Math.min(...own.consumed));
        if (n && !headPattern) {
          triggers.push({ ...n, light: i, rule: `events:light-verb:${t.lemma}+${n.rule}` });
          consumed.add(n.head);
          continue;
        }
      }
      // a multi-word verb of the dictionary ("called off", "wire tapped", "cordoned off")
      const ph = phrasalAt(doc, i, s.tokenStart, s.tokenEnd, lex);
      if (ph) {
        const m = matchPatterns(doc, i, s.tokenStart, clauseEnd(doc, ph.to - 1, s.tokenEnd), ph.entry, ph);
        if (!m.discard && (m.code !== null || m.reverse)) {
          triggers.push({ head: i, from: ph.from, to: ph.to, kind: 'verb', code: m.code, rule: m.rule, consumed: m.consumed, specificity: m.consumed.length + ph.to - ph.from, ...(m.slots ? { slots: m.slots } : {}), ...(m.reverse ? { reverse: m.reverse } : {}) });
          for (let k = ph.from; k < ph.to; k++) if (k !== i) consumed.add(k);
          i = ph.to - 1;
          continue;
        }
      }
      if (lex.controlVerbs.has(t.lemma) && i + 1 < s.tokenEnd && (tokens[i + 1].lower === 'to' || tokens[i + 1].pos === 'VERB')) continue;
      const v = verbEntry(t, lex);
      if (!v) continue;
      const m = matchPatterns(doc, i, s.tokenStart, clauseEnd(doc, i, s.tokenEnd), v);
      // PETRARCH2 semantics: a verb whose block has no default code is an event only through a pattern
      if (!m.discard && m.code === null && !m.reverse && lex.intentVerbs.has(v.lemma) && announced(doc, i, s.tokenStart)) {
        // "said it would send 200 engineers to Turkey": an announced transfer is an intent to provide aid (033)
        triggers.push({ head: i, from: i, to: i + 1, kind: 'verb', code: lex.intentVerbs.get(v.lemma)!, rule: `events:intent-verb:${v.lemma}`, consumed: [], specificity: 0 });
        continue;
      }
      const byObject = !m.discard && m.code === null && !m.reverse ? objectCode(doc, i, s.tokenEnd, lex.verbObjects.get(v.lemma)) : null;
      if (byObject) {
        // "accepted demands from the rebels": the verb is coded by its object's head noun
        triggers.push({ head: i, from: i, to: i + 1, kind: 'verb', code: byObject.code, rule: `events:verb-object:${v.lemma}+${byObject.noun}`, consumed: [byObject.at], specificity: 1 });
        continue;
      }
      if (m.discard || (m.code === null && !m.reverse)) continue;
      triggers.push({ head: i, from: i, to: i + 1, kind: 'verb', code: m.code, rule: m.rule, consumed: m.consumed, specificity: m.consumed.length, ...(m.slots ? { slots: m.slots } : {}), ...(m.reverse ? { reverse: m.reverse } : {}) });
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'VERB' && i > s.tokenStart && tokens[i - 1].pos === 'NOUN')) {
      if (consumed.has(i) || triggers.some((x) => x.head === i)) continue;
      const n = nounTrigger(doc, i, s.tokenStart, s.tokenEnd, lex);
      if (n) triggers.push(n);
    }
  }
  // a trigger word consumed by another trigger's pattern ("vowed ... support") is not an event of its own
  // ... except that a speech verb's pattern ("said * WITHDRAW") does not swallow the reported verb: the
  // reported verb is the event ("said it will withdraw": withdraw, with its own modality), the cue its attribution
  for (const tr of triggers) {
    const cue = tr.kind === 'verb' && lex.cueVerbs.has(tokens[tr.head].lemma);
    for (const c of tr.consumed) if (!(cue && triggers.some((o) => o !== tr && o.kind === 'verb' && o.head === c))) consumed.add(c);
  }
  // "demanded that Y end curbs", "threatened to attack", "agreed to provide aid": the complement of a
  // request, intent or threat is its content, not an event of its own (CAMEO codes the speech act)
  for (const tr of triggers) {
    const root = tr.code?.slice(0, 2);
    if (!root || !COMPLEMENT_ROOTS.has(root) || tr.kind !== 'verb') continue;
    const end = clauseEnd(doc, tr.head, s.tokenEnd);
    for (let k = tr.head + 1; k < end; k++) {
      if (tokens[k].lower !== 'that' && tokens[k].lower !== 'to') continue;
      for (const o of triggers) {
        if (o !== tr && o.head > k && o.head < end && o.head <= k + 8) {
          consumed.add(o.head);
          ctx.complementOf.set(o.head, tr.head);
        }
        // "threatened to hold a general strike": the light verb's noun is the content too
        if (o.light !== undefined && o.light > k && o.light < end && o.light <= k + 8) absorbed.add(o);
      }
      break;
    }
  }
  // background clauses give way to the sentence's main event: purpose infinitives ("to help defend"),
  // reduced relatives ("refugees fleeing", "the curfew imposed in Sudan")
  // (a light verb's noun counts as a main event: "began a hunger strike to protest ...")
  const verbTriggers = triggers.filter((tr) => (tr.kind === 'verb' && !consumed.has(tr.head)) || (tr.light !== undefined && !consumed.has(tr.light)));
  const anchorOf = (tr: Trigger) => tr.light ?? tr.head;
  for (const tr of verbTriggers) {
    if (tr.kind !== 'verb') continue;
    if (!verbTriggers.some((o) => o !== tr && !isBackground(doc, anchorOf(o), lex))) continue;
    if (isBackground(doc, tr.head, lex) && verbTriggers.some((o) => anchorOf(o) < tr.head && o !== tr)) consumed.add(tr.head);
    else if (isReducedRelative(doc, tr.head)) consumed.add(tr.head);
  }
  // "condemned the invasion", "provided aid to refugees fleeing the war in Liberia": an event noun after a
  // coded (non-speech) verb in its clause is that verb's theme or background, not an event of its own
  for (const n of triggers) {
    if (n.kind !== 'noun' || n.light !== undefined) continue;
    // the subject of its own clause ("after the invasion of Albania killed ten people") stands
    let a = n.to;
    while (a < s.tokenEnd && a < n.to + 8 && (['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(tokens[a].pos) || /^(of|by|against|on|in)$/.test(tokens[a].lower))) a++;
    const after = tokens[a];
    if (after && after.sentence === si && (after.pos === 'AUX' || (after.pos === 'VERB' && !/ing$/.test(after.lower)))) continue;
    for (const v of triggers) {
      if (v.kind !== 'verb' || !v.code || consumed.has(v.head) || lex.cueVerbs.has(tokens[v.head].lemma) || v.head >= n.from) continue;
      if (n.from < clauseEnd(doc, v.head, s.tokenEnd)) {
        absorbed.add(n);
        break;
      }
    }
  }
  // "X will withdraw unless Y arranges a ceasefire": an event in the condition of another is not asserted
  for (const tr of triggers) {
    const a = tr.light ?? tr.from;
    for (let k = a - 1; k > s.tokenStart; k--) {
      const w = tokens[k].lower;
      if (w !== 'if' && w !== 'unless') continue;
      if (triggers.some((o) => o !== tr && (o.light ?? o.head) < k && !absorbed.has(o))) absorbed.add(tr);
      break;
    }
  }
  const live = triggers.filter((tr) => !(consumed.has(tr.head) && tr.consumed.length === 0 && tr.light === undefined) || tr.kind === 'noun' && tr.light !== undefined);

  // "X said Y must Z": a statement whose complement says what another must do is a demand (CAMEO 10)
  for (const tr of live) {
    if (tr.kind !== 'verb' || !lex.cueVerbs.has(tokens[tr.head].lemma)) continue;
    const end = Math.min(s.tokenEnd, tr.head + 18);
    for (let k = tr.head + 1; k < end; k++) {
      const w = tokens[k].lower;
      if (w === 'must' || w === 'should' || (w === 'has' && tokens[k + 1]?.lower === 'to')) {
        tr.code = '100';
        tr.rule = `${tr.rule}+must-complement`;
        demands.add(tr.head);
        for (const o of live) if (o.head > k) consumed.add(o.head);
        break;
      }
    }
  }
  const out: DocEvent[] = [];
  // absorbed triggers are part of another event's phrase: they do not end its recipient search ("called for a boycott against Y")
  const asserted = live.filter((tr) => !absorbed.has(tr));
  const cueTriggers = new Set(live.filter((tr) => tr.kind === 'verb' && lex.cueVerbs.has(tokens[tr.head].lemma) && !demands.has(tr.head)).map((tr) => tr.head));
  for (const tr of live) {
    if (consumed.has(tr.head) && !demands.has(tr.head) && tr.light === undefined && tr.kind === 'verb') continue;
    if (absorbed.has(tr)) continue;
    const isCue = cueTriggers.has(tr.head);
    if (isCue && live.length > cueTriggers.size) continue; // reported speech: the cue is attribution, not an event
    const ev = tr.code === null && tr.reverse ? null : buildEvent(doc, si, tr, mentions, asserted, lex, ctx);
    if (ev) out.push(ev);
    if (ev && tr.reverse === tr.code) {
      // a symmetric pair ("spoke with" [046:046]) is one reciprocal event, not two
      if (ev.recipient.length) ev.rule = `${ev.rule}+reciprocal`;
    } else if (tr.reverse && (tr.code === null || tr.reverse.slice(0, 2) === tr.code.slice(0, 2))) {
      // (a pair within one CAMEO root is one interaction seen from both sides: visit/host, meet/be met;
      // a pair across roots, "send troops" [072:086], would infer a second act the text does not state)
      // the paired event the other way ("X met Y" [031:032]: Y>X 032), when there is someone to reverse
      const rev = buildEvent(doc, si, { ...tr, code: tr.reverse, rule: `${tr.rule}+reverse` }, mentions, asserted, lex, ctx, true);
      if (rev) out.push(rev);
    }
  }
  return dedupe(out);
}

/**
 * A purpose or complement infinitive: "to VERB" (adverbs may intervene), unless
 * the infinitive hangs on a control word ("is set to meet", "ready to host"),
 * where it is the event itself.
 */
function isBackground(doc: Readonly<Doc>, i: number, lex: EventLexicon): boolean {
  let k = i - 1;
  while (k >= 0 && doc.tokens[k].pos === 'ADV') k--;
  // "to help (him) defend", "to allow them to leave": a bare infinitive under a purpose "to help" / "to let"
  let h = k;
  if (h >= 0 && doc.tokens[h].pos === 'PRON') h--;
  if (h >= 1 && /^(help|let)$/.test(doc.tokens[h].lower) && doc.tokens[h - 1].lower === 'to') k = h - 1;
  if (!(k >= 0 && doc.tokens[k].lower === 'to' && doc.tokens[k].pos === 'PART')) return false;
  const head = doc.tokens[k - 1];
  return !(head && (lex.controlVerbs.has(head.lemma) || CONTROL_ADJ.has(head.lower)));
}

const CONTROL_ADJ = new Set(['set', 'ready', 'willing', 'able', 'unable', 'likely', 'due', 'prepared', 'expected', 'scheduled', 'poised', 'determined', 'eager', 'keen', 'about', 'going']);

/** A participle right after a noun with no auxiliary: "refugees fleeing the war", "the curfew imposed in Sudan". */
function isReducedRelative(doc: Readonly<Doc>, i: number): boolean {
  const t = doc.tokens[i];
  const prev = doc.tokens[i - 1];
  if (!prev || prev.sentence !== t.sentence) return false;
  const next = doc.tokens[i + 1];
  const ing = t.lower.endsWith('ing');
  const participle = ing || (/(ed|en)$/.test(t.lower) && next?.pos === 'ADP');
  if (!participle || !(prev.pos === 'NOUN' || (prev.pos === 'PROPN' && ing))) return false;
  // the noun phrase before it must itself be an object or in a prepositional phrase, not the clause subject
  const start = doc.sentences[t.sentence].tokenStart;
  let k = i - 1;
  while (k >= start && ['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM'].includes(doc.tokens[k].pos)) k--;
  for (; k >= start; k--) if (doc.tokens[k].pos === 'VERB' || doc.tokens[k].pos === 'ADP') return true;
  return false;
}

/** Same actors, recipients, code and sentence: keep the first (e.g. "held ... talks" and "talks"). */
function dedupe(events: DocEvent[]): DocEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const k = [e.cameo, e.actor.map((a) => a.code).join(','), e.recipient.map((a) => a.code).join(','), e.trigger.start].join('|');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Conjunctions that open an adverbial clause ("after X was seen", "when Y arrived", "unless Z ..."). */
/** Prepositions that relate the head to another party ("a row between X", "talks with Y"). */
const RELATIONAL_PREPS = new Set(['between', 'with', 'against', 'among', 'amongst', 'toward', 'towards', 'versus']);
const SUBORD_CLAUSE = new Set(['when', 'while', 'after', 'before', 'because', 'since', 'although', 'though', 'whereas', 'unless', 'until', 'if', 'as', 'once']);

/**
 * Does the conjunction at token `k` open a clause (a finite verb follows within nine tokens, with
 * no comma or infinitive before it), rather than a prepositional phrase ("after an 18-year break", "as president")?
 * "as" needs a determiner, pronoun or name right after it ("as the leaders sought ...").
 */
function subordinateClauseAt(doc: Readonly<Doc>, k: number, limit: number): boolean {
  const tokens = doc.tokens;
  const w = tokens[k].lower;
  if (w === 'as') {
    const nx = tokens[k + 1];
    if (!nx || !(nx.pos === 'DET' || nx.pos === 'PRON' || nx.pos === 'PROPN')) return false;
    const pv = tokens[k - 1];
    if (pv && /^(such|well|so|same)$/.test(pv.lower)) return false;
  }
  for (let j = k + 1; j < Math.min(limit, k + 10); j++) {
    const t = tokens[j];
    if (t.lower === ',' || CLAUSE_BREAK.has(t.lower)) return false;
    if (t.lower === 'to' && t.pos === 'PART') return false; // "after four years to allow ...": an infinitive, no clause
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower) && !adjectivalParticiple(doc, j))) return j > k + 1;
  }
  return false;
}

/** The end (exclusive token index) of the clause that starts before token `i`. */
function clauseEnd(doc: Readonly<Doc>, i: number, limit: number): number {
  const tokens = doc.tokens;
  for (let k = i + 1; k < limit; k++) {
    const w = tokens[k].lower;
    if (CLAUSE_BREAK.has(w)) return k;
    // "... delayed their meeting after a hafling was seen": a subordinate clause ends this one
    if (SUBORD_CLAUSE.has(w) && subordinateClauseAt(doc, k, limit)) return k;
    if (w === ',' && k + 1 < limit) {
      const nx = tokens[k + 1];
      if (REL.has(nx.lower) || SUBORD.has(nx.lower) || nx.pos === 'VERB' || (nx.pos === 'ADP' && nx.lower !== 'of') || nx.lower === 'the' && k + 2 < limit && ['kremlin'].includes(tokens[k + 2].lower)) return k;
      if (nx.pos === 'DET' || nx.pos === 'PROPN') {
        // ", the Kremlin announced" / ", officials said": an attribution tail
        for (let j = k + 1; j < Math.min(limit, k + 6); j++) if (tokens[j].pos === 'VERB') return k;
      }
    }
  }
  return limit;
}

/**
 * May a pattern skip tokens `[from, to)` between two of its words? Up to 4 tokens
 * always; up to 6 inside one phrase (no verb, auxiliary, comma or complement mark);
 * more only across a complement ("vowed in July that the country would support")
 * and never across another main verb or a comma.
 */
function gapOk(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from <= 4) {
    for (let k = from; k < to; k++) if (tokens[k].pos === 'VERB' && !tokens[k].lower.endsWith('ing') && !reducedRelativeParticiple(tokens, k, from)) return false;
    return true;
  }
  if (to - from <= 6) {
    // a longer noun phrase or adverbial ("lifted Friday a day-old blockade"): no verb, clause mark or complement
    let np = true;
    for (let k = from; k < to && np; k++) {
      const t = tokens[k];
      // (an -ing word before a noun or adjective is a modifier: "a new bombing and shelling offensive")
      const modifier = t.pos === 'VERB' && t.lower.endsWith('ing') && k + 1 <= to && (tokens[k + 1].pos === 'NOUN' || tokens[k + 1].pos === 'ADJ');
      if ((t.pos === 'VERB' && !modifier) || t.pos === 'AUX' || t.pos === 'SCONJ' || t.lower === ',' || t.lower === ';' || t.lower === 'that' || t.lower === 'to') np = false;
    }
    if (np) return true;
  }
  let complement = false;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t.pos === 'VERB' || t.lower === ',' || t.lower === ';') return false;
    if (t.lower === 'that' || t.lower === 'to') complement = true;
  }
  return complement;
}

/** True when tokens `(from, to)` hold a clause boundary or a preposition: the two words are not in one noun phrase. */
function gapHasVerbOrClause(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (['ADP', 'SCONJ', 'AUX', 'PUNCT', 'PRON', 'DET'].includes(tokens[k].pos) || (tokens[k].pos === 'VERB' && !tokens[k].lower.endsWith('ing'))) return true;
  return false;
}

/**
 * A participle that opens a reduced relative inside the gap, with its own preposition:
 * "assurances on cultural issues sent from X", "aid shipments delivered to X". The noun
 * before it stands in the gap too, so the participle cannot be the clause's main verb.
 */
function reducedRelativeParticiple(tokens: readonly Token[], k: number, from: number): boolean {
  return k > from && tokens[k - 1].pos === 'NOUN' && tokens[k + 1]?.pos === 'ADP' && tokens[k + 1].sentence === tokens[k].sentence && !tokens[k].lower.endsWith('s');
}

const FUNCTION_POS = new Set(['ADP', 'SCONJ', 'PART', 'DET', 'PRON', 'CCONJ', 'AUX']);

/**
 * How many tokens a pattern literal matches at token `k`: a synset phrase starting (dir 1) or
 * ending (dir -1) at `k` (longest first), else 1 for a one-word member, else 0.
 */
function literalAt(tokens: readonly Token[], k: number, words: Set<string>, phrases: string[][] | undefined, dir: 1 | -1, bound: number): number {
  if (phrases) {
    for (const ph of phrases) {
      const start = dir === 1 ? k : k - ph.length + 1;
      if (dir === 1 ? start + ph.length > bound : start < bound) continue;
      let ok = true;
      for (let q = 0; q < ph.length && ok; q++) ok = tokens[start + q].lower === ph[q] || tokens[start + q].lemma === ph[q];
      if (ok) return ph.length;
    }
  }
  return words.has(tokens[k].lower) || words.has(tokens[k].lemma) ? 1 : 0;
}

/** The coded mention of a slot range: the first one after (post) or the last one before (pre). */
function slotMention(doc: Readonly<Doc>, r: SlotRange): Mention | undefined {
  const ms = docIndex(doc).mentionsBySentence[doc.tokens[r.from]?.sentence ?? doc.tokens[r.to - 1]?.sentence ?? 0] ?? [];
  const inside = ms.filter((m) => m.tokenStart >= r.from && m.tokenEnd <= r.to);
  // "- * AT ^ +": "warned at the capital of X": the skipped phrase is never the slot's
  const rest = r.side === 'post' && r.skip ? inside.filter((m) => m.tokenStart >= (inside[r.skip! - 1]?.tokenEnd ?? r.to)) : inside;
  const coded = rest.filter((m) => m.code);
  return r.side === 'post' ? coded[0] : coded[coded.length - 1];
}

/**
 * The most specific pattern of `entry` around the verb at token `v` (for a multi-word verb, `span`
 * gives its tokens `[from, to)`: post-verb literals start after it, pre-verb ones end before it).
 */
function matchPatterns(doc: Readonly<Doc>, v: number, sentStart: number, end: number, entry: VerbEntry, span?: { from: number; to: number }) {
  const tokens = doc.tokens;
  const vFrom = span?.from ?? v;
  const vTo = span?.to ?? v + 1;
  let best: { code: string | null; reverse?: string; consumed: number[]; raw: string; slots?: SlotRange[] } | null = null;
  const votes = new Map<string, number>();
  const postEnd = Math.min(end, vTo + 13);
  const preStart = Math.max(sentStart, vFrom - 6);
  for (const p of entry.patterns) {
    // a pattern of slots only constrains nothing, except a compound slot ("- % * [030]": "X and Y agree")
    if (p.pre.length + p.post.length === 0 && !p.slots?.some((x) => x.kind === '%')) continue;
    const used: number[] = [];
    // literal positions, kept only for patterns with slots (the matcher is the coder's hot loop)
    const postIdx: number[] | null = p.slots ? [] : null;
    const preIdx: number[] | null = p.slots ? [] : null;
    let k = vTo;
    let ok = true;
    for (let j = 0; j < p.post.length; j++) {
      const lit = p.post[j];
      const ph = p.postPhrases?.[j];
      const from = k;
      let n = 0;
      if (ph) while (k < postEnd && (n = literalAt(tokens, k, lit, ph, 1, postEnd)) === 0) k++;
      else {
        while (k < postEnd && !lit.has(tokens[k].lower) && !lit.has(tokens[k].lemma)) k++;
        n = 1;
      }
      // PETRARCH2's "_": joined words are adjacent
      if (p.postAdj?.[j] && k !== from) {
        ok = false;
        break;
      }
      // across a complement clause only content words count: "demanded that the government end curbs on
      // the press" does not match "demand * ON"
      if (k < postEnd && k - from > 4 && FUNCTION_POS.has(tokens[k].pos)) {
        ok = false;
        break;
      }
      if (k >= postEnd || !gapOk(tokens, from, k)) {
        ok = false;
        break;
      }
      postIdx?.push(k);
      for (let q = 0; q < n; q++) used.push(k + q);
      k += n;
    }
    if (!ok) continue;
    k = vFrom - 1;
    for (let li = p.pre.length - 1; li >= 0; li--) {
      const lit = p.pre[li];
      const ph = p.prePhrases?.[li];
      const from = k;
      let n = 0;
      if (ph) while (k >= preStart && (n = literalAt(tokens, k, lit, ph, -1, preStart)) === 0) k--;
      else {
        while (k >= preStart && !lit.has(tokens[k].lower) && !lit.has(tokens[k].lemma)) k--;
        n = 1;
      }
      if (k < preStart || (p.preAdj?.[li] && k !== from)) {
        ok = false;
        break;
      }
      // a phrase ends at k: its first word is the literal's position
      preIdx?.unshift(k - n + 1);
      for (let q = 0; q < n; q++) used.push(k - q);
      k -= n;
    }
    if (!ok) continue;
    let slots: SlotRange[] | undefined;
    if (p.slots && postIdx && preIdx) {
      slots = p.slots.map((x) =>
        x.side === 'post'
          ? { kind: x.kind, side: 'post' as const, from: x.after === 0 ? vTo : postIdx[x.after - 1] + 1, to: x.after < postIdx.length ? postIdx[x.after] : end, ...('skip' in x && x.skip ? { skip: x.skip } : {}) }
          : { kind: x.kind, side: 'pre' as const, from: preIdx.length - x.before - 1 >= 0 ? preIdx[preIdx.length - x.before - 1] + 1 : sentStart, to: x.before > 0 ? preIdx[preIdx.length - x.before] : vFrom },
      );
      // "% *": the pattern needs a compound actor in its slot ("X and Y agree")
      const compoundOk = slots.every((r) => {
        if (r.kind !== '%') return true;
        const m = slotMention(doc, r);
        return !!m && coordinated(doc, m, docIndex(doc).mentionsBySentence[m.sentence], r.side === 'pre' ? -1 : 1).length >= 2;
      });
      if (!compoundOk) continue;
    }
    if (!best || used.length > best.consumed.length) {
      best = { code: p.code, reverse: p.reverse, consumed: used, raw: p.raw, slots };
      votes.clear();
    }
    if (used.length === best.consumed.length) votes.set(p.code ?? '---', (votes.get(p.code ?? '---') ?? 0) + 1);
  }
  if (best && votes.size > 1) {
    // equally specific patterns disagree: the code most patterns give wins (ties: first in the dictionary)
    let top = best.code ?? '---';
    for (const [c, n] of votes) if (n > (votes.get(top) ?? 0)) top = c;
    if (top !== (best.code ?? '---')) {
      const alt = entry.patterns.find((p) => (p.code ?? '---') === top);
      best = { code: top === '---' ? null : top, reverse: alt?.reverse, consumed: best.consumed, raw: alt?.raw ?? best.raw, slots: alt === undefined ? best.slots : undefined };
    }
  }
  if (best) {
    if (best.code === null && !best.reverse) return { discard: true, code: null, consumed: [], rule: '' };
    return { discard: false, code: best.code, reverse: best.reverse, consumed: best.consumed, slots: best.slots, rule: `events:verb-pattern:${entry.lemma}:${best.raw.trim()}` };
  }
  return { discard: false, code: entry.code, reverse: entry.reverse, consumed: [] as number[], rule: entry.code ? `events:verb-default:${entry.lemma}` : `events:verb-uncoded:${entry.lemma}` };
}

function nounAt(doc: Readonly<Doc>, i: number, limit: number, lex: EventLexicon): { to: number; entry: ReturnType<EventLexicon['nouns']['get']>; key: string } | null {
  const tokens = doc.tokens;
  let best: { to: number; entry: ReturnType<EventLexicon['nouns']['get']>; key: string } | null = null;
  let key = '';
  for (let j = i; j < Math.min(limit, i + 3); j++) {
    const e = lex.nouns.get(key + tokens[j].lower) ?? lex.nouns.get(key + tokens[j].lemma);
    const k2 = lex.nouns.has(key + tokens[j].lower) ? key + tokens[j].lower : key + tokens[j].lemma;
    // the second word of a compound may be mis-tagged as a verb ("phone calls")
    if (e && (tokens[j].pos === 'NOUN' || tokens[j].pos === 'PROPN' || (j > i && tokens[j].pos === 'VERB'))) best = { to: j + 1, entry: e, key: k2 };
    key += tokens[j].lower;
  }
  return best;
}

function nounTrigger(doc: Readonly<Doc>, i: number, sentStart: number, limit: number, lex: EventLexicon): Trigger | null {
  const tokens = doc.tokens;
  // try the noun itself and two-word compounds ending here ("phone call")
  for (const from of [i - 1, i]) {
    if (from < sentStart) continue;
    const n = nounAt(doc, from, Math.min(limit, i + 1), lex);
    if (!n || n.to !== i + 1) continue;
    const e = n.entry!;
    if (e.needs) {
      const near = new Set<string>();
      for (let k = Math.max(sentStart, from - 3); k < Math.min(limit, i + 3); k++) near.add(tokens[k].lower);
      if (!e.needs.some((w) => near.has(w))) continue;
    }
    let code = e.code ?? null;
    let rule = `events:noun:${n.key}`;
    if (!code && e.verb) {
      const v = lex.verbs.get(e.verb);
      if (v) {
        const m = matchPatterns(doc, i, sentStart, limit, v);
        code = m.code;
        rule = `events:noun-as-verb:${n.key}->${e.verb}`;
      }
    }
    return { head: i, from, to: i + 1, kind: 'noun', code, rule, consumed: [], specificity: 0 };
  }
  return null;
}

/** The event noun that is the object of a light verb at `v` ("held a phone call"). */
function nounAfterLight(doc: Readonly<Doc>, v: number, limit: number, lex: EventLexicon): Trigger | null {
  const tokens = doc.tokens;
  for (let k = v + 1; k < Math.min(limit, v + 6); k++) {
    const t = tokens[k];
    if (t.pos === 'NOUN' || t.pos === 'PROPN') {
      const n = nounTrigger(doc, k, v + 1, limit, lex);
      if (n) return n;
      if (k + 1 < limit) {
        const c = nounTrigger(doc, k + 1, k, limit, lex);
        if (c && c.from === k) return c; // "phone calls" with "calls" tagged as a verb
      }
      if (k + 1 < limit && (tokens[k + 1].pos === 'NOUN')) continue; // compound noun continues
      return null;
    }
    // determiners, possessives and modifiers before the noun ("mounted its long-threatened invasion")
    if (!['DET', 'ADJ', 'NUM', 'ADV', 'PUNCT', 'ADP', 'PART'].includes(t.pos) && t.lower !== 'in-person' && !/^(its|their|his|her|our)$/.test(t.lower) && !adjectivalParticiple(doc, k)) return null;
    if (t.pos === 'ADP' && t.lower !== 'in') return null;
  }
  return null;
}

/**
 * The participants a mention stands for: one, or one per code where the dictionary gives a group of
 * actors one entry ("the Shire" `FRO/BIL/SAM`: three actors, each with the mention's span).
 */
function participants(m: Mention): Participant[] {
  if (!m.code || !m.code.includes('/')) return [{ text: m.text, start: m.start, end: m.end, code: m.code, country: m.country, sector: m.sector }];
  return m.code.split('/').filter(Boolean).map((code) => ({ text: m.text, start: m.start, end: m.end, code, country: code.slice(0, 3), sector: code.slice(3, 6) || null }));
}

/** Start of the verb group (auxiliaries, adverbs, control verbs + "to") ending at token `v`. */
function verbGroupStart(doc: Readonly<Doc>, v: number, sentStart: number, lex: EventLexicon): number {
  const tokens = doc.tokens;
  let g = v;
  while (g - 1 >= sentStart) {
    const t = tokens[g - 1];
    if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || (t.pos === 'VERB' && lex.controlVerbs.has(t.lemma)) || t.lower === 'to' || BE.has(t.lower) || t.lower === 'also') g--;
    else break;
  }
  return g;
}

function isPossessor(doc: Readonly<Doc>, m: Mention): boolean {
  const t = doc.tokens[m.tokenEnd];
  return !!t && (t.lower === "'s" || t.lower === '’s' || t.lower === "'");
}

/** True when the mention sits in a prepositional phrase (its NP is preceded by a preposition). */
function inPP(doc: Readonly<Doc>, m: Mention, sentStart: number): boolean {
  const tokens = doc.tokens;
  const after = tokens[m.tokenEnd];
  // "before Putin will hold ...": a mention followed by its verb group is a clause subject
  // ... also after a preposition of affiliation ("inhabitants of the Golan Heights threatened", "students
  // throughout Indonesia staged"), whose country is the head's; not after a relational one ("a row
  // between X called ...": X is the other party, not the subject)
  if (after && after.sentence === m.sentence && (after.pos === 'AUX' || (after.pos === 'VERB' && !after.lower.endsWith('ing')))) {
    let j = m.tokenStart - 1;
    while (j >= sentStart && ['DET', 'ADJ', 'NUM'].includes(tokens[j].pos)) j--;
    if (!(j >= sentStart && RELATIONAL_PREPS.has(tokens[j].lower))) return false;
  }
  let k = m.tokenStart - 1;
  // walk back over coordination within a list: "with China, Belarus, and India"
  for (;;) {
    while (k >= sentStart && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'NUM')) k--;
    if (k >= sentStart && (tokens[k].lower === "'s" || tokens[k].lower === '’s')) {
      // "to Russia's Kursk Oblast": step over the possessor
      const owner = docIndex(doc).mentionsBySentence[m.sentence].find((x) => x.tokenEnd === k);
      if (!owner) break;
      k = owner.tokenStart - 1;
      continue;
    }
    break;
  }
  if (k < sentStart) return false;
  const t = tokens[k];
  if (t.pos === 'ADP' || t.pos === 'SCONJ') return t.lower !== 'that';
  // "A member of the parliament, Mohammed Mamoun, started ...": an appositive before the verb is the subject
  const next = tokens[m.tokenEnd + 1];
  if (t.lower === ',' && after?.lower === ',' && next && next.sentence === m.sentence && (next.pos === 'AUX' || (next.pos === 'VERB' && !next.lower.endsWith('ing')))) return false;
  if (t.lower === 'and' || t.lower === ',' || t.lower === 'or') {
    // part of a list: in a PP if the list's first member is
    const prev = docIndex(doc).mentionsBySentence[m.sentence].find((x) => x.tokenEnd <= k && x.tokenEnd >= k - 1);
    if (prev && prev !== m) return inPP(doc, prev, sentStart);
  }
  return false;
}

/** True when the mention directly follows a verb (skipping determiners/adjectives): it is that verb's object. */
function isObjectOfVerb(doc: Readonly<Doc>, m: Mention): boolean {
  const tokens = doc.tokens;
  let k = m.tokenStart - 1;
  const s = doc.sentences[m.sentence];
  while (k >= s.tokenStart && ['DET', 'ADJ', 'NUM'].includes(tokens[k].pos)) k--;
  return k >= s.tokenStart && tokens[k].pos === 'VERB' && !BE.has(tokens[k].lower) && !adjectivalParticiple(doc, k);
}

function coordinated(doc: Readonly<Doc>, first: Mention, pool: Mention[], dir: 1 | -1): Mention[] {
  const tokens = doc.tokens;
  const out = [first];
  let cur = first;
  let sawConj = false;
  let firstLinkConj = false;
  let lastLinkConj = false;
  for (;;) {
    let next: Mention | undefined;
    if (dir === 1) {
      let k = cur.tokenEnd;
      let sawLink = false;
      let conj = false;
      while (k < tokens.length && [',', 'and', 'or', 'nor', '-'].includes(tokens[k].lower)) {
        if (tokens[k].lower !== ',') conj = true;
        sawLink = true;
        k++;
      }
      if (sawLink) lastLinkConj = conj;
      // "Fornost and the evil awful Gondor": determiners and adjectives may open the next member
      let at = k;
      while (sawLink && at < tokens.length && at - k < 4 && (tokens[at].pos === 'DET' || tokens[at].pos === 'ADJ')) at++;
      if (sawLink) next = pool.find((x) => x.tokenStart === at);
    } else {
      // "the Philippines and the European Union (EU) agree": a bracketed alias stands for the name before it
      if (tokens[cur.tokenStart - 1]?.text === '(' && tokens[cur.tokenEnd]?.text === ')') {
        const named = pool.find((x) => x.tokenEnd === cur.tokenStart - 1 && x.code === cur.code);
        if (named) cur = named;
      }
      let k = cur.tokenStart - 1;
      // "Mordor, the awful Fornost, and ...": step back over the member's own determiners and adjectives
      while (k >= 0 && cur.tokenStart - k < 4 && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ') && tokens[k].sentence === cur.sentence) k--;
      let sawAnd = false;
      let conj = false;
      while (k >= 0 && [',', 'and', 'or', 'nor', '-'].includes(tokens[k].lower)) {
        if (tokens[k].lower !== ',') conj = true;
        sawAnd = true;
        k--;
      }
      if (sawAnd && out.length === 1) firstLinkConj = conj;
      if (sawAnd) next = pool.find((x) => x.tokenEnd === k + 1);
    }
    if (!next || !next.code || out.includes(next)) break;
    out.push(next);
    // one span may stand for several actors ("lawmakers" in "lawmakers and officials in X and Y")
    for (const x of pool) if (x !== next && x.code && x.tokenStart === next.tokenStart && x.tokenEnd === next.tokenEnd && !out.includes(x)) out.push(x);
    cur = next;
    if (dir === 1 && lastLinkConj) break; // "A, B and C": the conjunction closes the list
  }
  // a list ends in a conjunction: forwards the last link has it, backwards the first ("China, Belarus and India said")
  sawConj = dir === 1 ? lastLinkConj : firstLinkConj;
  // a comma alone does not make a list ("..., Putin has sought"): keep only the first member,
  // except for headline style "Putin, Kim discuss ..." at the start of a sentence
  const startsSentence = (m: Mention) => m.tokenStart === doc.sentences[m.sentence].tokenStart;
  const list = sawConj || (out.length === 2 && out.some(startsSentence)) ? out : [first];
  const uniq = list.filter((m, i) => list.findIndex((x) => x.code === m.code) === i);
  return dir === 1 ? uniq : uniq.reverse();
}

/** Resolve a nominal or pronoun mention with no code ("the country", "its") to the nearest coded earlier mention. */
function resolveAnaphor(doc: Readonly<Doc>, before: number, wantCountry: boolean): Mention | null {
  for (let k = doc.mentions.length - 1; k >= 0; k--) {
    const m = doc.mentions[k];
    if (m.end > before || !m.code) continue;
    if (wantCountry && m.sector) continue;
    return m;
  }
  return null;
}

/**
 * The antecedent of a subject pronoun at token `at`: the nearest earlier coded
 * mention in subject position (not in a PP, not a possessor) in this or the
 * previous sentence; he/she want a person-like mention (a name with a sector).
 */
function resolvePronoun(doc: Readonly<Doc>, at: number, pron: string): Mention | null {
  const si = doc.tokens[at].sentence;
  const ix = docIndex(doc);
  for (const s of [si, si - 1]) {
    if (s < 0) continue;
    const ms = ix.mentionsBySentence[s];
    for (let k = ms.length - 1; k >= 0; k--) {
      const m = ms[k];
      if (m.tokenEnd > at || !m.code || isPossessor(doc, m) || inPP(doc, m, doc.sentences[s].tokenStart)) continue;
      if ((pron === 'he' || pron === 'she') && !(m.entity !== null && doc.entities[m.entity]?.label === 'PER') && m.kind !== 'nominal') continue;
      if (pron === 'it' && m.entity !== null && doc.entities[m.entity]?.label === 'PER') continue;
      return m;
    }
  }
  return null;
}

/** The verb whose direct object starts at token `from` (only determiners, adjectives, numbers and possessives between), or -1. */
function governingVerb(doc: Readonly<Doc>, from: number, sentStart: number): number {
  let k = from - 1;
  while (k >= sentStart && (['DET', 'ADJ', 'NUM', 'NOUN'].includes(doc.tokens[k].pos) || /^(its|their|his|her|our)$/.test(doc.tokens[k].lower)) && from - k < 6) k--;
  return k >= sentStart && doc.tokens[k].pos === 'VERB' && !BE.has(doc.tokens[k].lower) ? k : -1;
}

function findActors(doc: Readonly<Doc>, tr: Trigger, si: number, mentions: Mention[], lex: EventLexicon, pluralResolved: Map<number, Mention[]>): { actors: Mention[]; passive: boolean } {
  const tokens = doc.tokens;
  const s = doc.sentences[si];
  const anchor = tr.light ?? tr.head;
  const participle = /(ed|en|wn|t)$/.test(tokens[anchor].lower);
  const passive = tr.kind === 'verb' && participle && ((anchor > s.tokenStart && BE.has(tokens[anchor - 1].lower)) || tokens[anchor + 1]?.lower === 'by');
  const g = verbGroupStart(doc, anchor, s.tokenStart, lex);
  if (tr.kind === 'noun' && tr.light === undefined) {
    // possessor or premodifier of the noun: "its invasion", "Moscow's war", "a Ukrainian incursion"
    const pre = mentions.filter((m) => {
      if (!m.code || m.tokenEnd > tr.from || m.tokenEnd < tr.from - 4) return false;
      for (let k = m.tokenEnd; k < tr.from; k++) {
        const t = tokens[k];
        if (!(t.pos === 'ADJ' || t.lower === "'s" || t.lower === '’s' || t.lower === '-' || t.pos === 'PUNCT' && t.lower === '-' || t.lower === 'full-scale')) return false;
      }
      return true;
    });
    if (pre.length > 0) {
      const m = pre[pre.length - 1];
      return { actors: coordinated(doc, m, mentions, -1), passive: false };
    }
    const its = tokens[tr.from - 1]?.lower === 'its' || tokens[tr.from - 2]?.lower === 'its' ? tokens[tr.from - 1].lower === 'its' ? tr.from - 1 : tr.from - 2 : -1;
    if (its >= 0) {
      const r = resolveAnaphor(doc, tokens[its].start, false);
      if (r) return { actors: [{ ...r, text: tokens[its].text, start: tokens[its].start, end: tokens[its].end }], passive: false };
    }
    // "talks between X and Y": all parties are actors
    const between = tokens[tr.to]?.lower === 'between' ? tr.to + 1 : -1;
    if (between > 0) {
      const first = mentions.find((m) => m.tokenStart >= between && m.tokenStart <= between + 1 && m.code);
      if (first) return { actors: coordinated(doc, first, mentions, 1), passive: false };
    }
    // "Israel and Lebanon renewed negotiations", "activists staged rallies": the noun is the object of a
    // verb, whose subject is the actor
    const gov = governingVerb(doc, tr.from, s.tokenStart);
    // ... unless that verb is an event of its own ("the leaders discussed the war": the war is not theirs)
    if (gov >= 0 && !verbEntry(tokens[gov], lex)?.code) return findActors(doc, { ...tr, light: gov }, si, mentions, lex, pluralResolved);
    return { actors: [], passive: false };
  }
  if (passive) {
    // "... was attacked by X"
    const by = tokens.slice(anchor + 1, Math.min(s.tokenEnd, anchor + 4)).findIndex((t) => t.lower === 'by');
    if (by >= 0) {
      const m = mentions.find((x) => x.tokenStart > anchor + 1 + by && x.tokenStart <= anchor + 3 + by && x.code && !isPossessor(doc, x));
      if (m) return { actors: coordinated(doc, m, mentions, 1), passive: true };
    }
    return { actors: [], passive: true };
  }
  // relative clause: "X, which sent ..."
  if (g - 1 >= s.tokenStart && REL.has(tokens[g - 1].lower)) {
    const ante = tokens[g - 2]?.lower === ',' ? g - 2 : g - 1;
    const m = mentions.find((x) => x.tokenEnd === ante && x.code);
    // "negotiations that exclude Kyiv": the antecedent is not an actor, so neither is anyone else
    return { actors: m ? [m] : [], passive: false };
  }
  // a pronoun subject right before the verb group ("Iraq said it is prepared to ...")
  const pron = tokens[g - 1];
  if (pron && pron.sentence === si && /^(it|they|he|she)$/.test(pron.lower)) {
    const r = resolvePronoun(doc, g - 1, pron.lower);
    if (r) return { actors: [{ ...r, text: pron.text, start: pron.start, end: pron.end, tokenStart: g - 1, tokenEnd: g }], passive: false };
  }
  // "as the leaders sought to ease tensions": the subject of a subordinate clause stands inside it
  let floor = -1;
  for (let k = g - 1; k >= s.tokenStart && g - k < 12; k--) {
    const w = tokens[k].lower;
    if (w === ',' || CLAUSE_BREAK.has(w)) break;
    if (SUBORD_CLAUSE.has(w) && (tokens[k].pos === 'SCONJ' || tokens[k].pos === 'ADP') && subordinateClauseAt(doc, k, g + 1)) {
      floor = k;
      break;
    }
  }
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k];
    if (m.tokenEnd > g) continue;
    if (m.tokenStart <= floor) break;
    if (isPossessor(doc, m) || inPP(doc, m, s.tokenStart) || isObjectOfVerb(doc, m)) continue;
    if (!m.code) {
      // "the country would ...": resolve a bare nominal to the nearest coded country
      if (/^(the )?(country|government|nation|regime|state)$/i.test(m.text)) {
        const r = resolveAnaphor(doc, m.start, true);
        if (r) return { actors: [{ ...r, text: m.text, start: m.start, end: m.end, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd }], passive: false };
      }
      // an uncoded nominal subject right before the verb ("experts say") means the actor is unknown
      // ... unless it stands in a phrase after the head ("police in Jericho confiscated": the head is the subject)
      if (m.kind === 'nominal' && m.tokenEnd >= g - 1 && !(tokens[m.tokenStart - 1]?.pos === 'ADP' && tokens[m.tokenStart - 1].sentence === si)) return { actors: [], passive: false };
      // a named subject that no dictionary codes ("President Dos Santos conceded"): the actor is known by
      // name only (code null), the event stands
      if (m.kind === 'name' && m.tokenEnd >= g - 1 && m.entity !== null && /^(PER|ORG)$/.test(doc.entities[m.entity]?.label ?? '')) return { actors: [m], passive: false };
      if (m.kind === 'pronoun') {
        const r = pluralResolved.get(m.start);
        if (r && r.length && m.tokenEnd >= g - 1) return { actors: r.map((x) => ({ ...x, text: m.text, start: m.start, end: m.end, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd })), passive: false };
      }
      continue;
    }
    return { actors: coordinated(doc, m, mentions, -1), passive: false };
  }
  return { actors: [], passive: false };
}

function findRecipients(doc: Readonly<Doc>, tr: Trigger, si: number, mentions: Mention[], live: readonly Trigger[], actors: Mention[], lex: EventLexicon, ctx: SentenceContext): Mention[] {
  const tokens = doc.tokens;
  const s = doc.sentences[si];
  let end = clauseEnd(doc, tr.head, s.tokenEnd);
  // stop at the next live trigger that this trigger's pattern did not consume
  for (const o of live) {
    if (o.head > tr.head && o.head < end && !tr.consumed.includes(o.head) && o.light !== tr.head && ctx.complementOf.get(o.head) !== tr.head) {
      // "condemned an attack by X soldiers": an event noun that is this verb's object is part of its recipient phrase
      if (o.kind === 'noun' && o.light === undefined && tr.kind === 'verb' && governingVerb(doc, o.from, s.tokenStart) === tr.head) continue;
      end = o.light ?? o.from;
    }
  }
  const maxConsumed = tr.consumed.length ? Math.max(...tr.consumed) : tr.head;
  const from = tr.to;
  for (const m of mentions) {
    if (m.tokenStart < from || m.tokenStart >= Math.max(end, maxConsumed + 1)) continue;
    if (!m.code || actors.some((a) => a.code === m.code && a.start === m.start)) continue;
    // "at a NATO summit": a name modifying a following noun is not the recipient
    if (tokens[m.tokenEnd]?.sentence === si && /^(summit|meeting|conference|forum|session|talks|gathering)$/.test(tokens[m.tokenEnd].lemma)) continue;
    const before = tokens[m.tokenStart - 1]?.lower;
    if (['in', 'at', 'near', 'inside'].includes(before) && m.entity !== null && /:place|:capital/.test(doc.entities[m.entity]?.rule ?? '')) continue;
    // "discussed the war in Ukraine", "talks on Gaza": a consultation's partners come as its object or
    // after with/to/between; a country inside the topic is not one
    if (tr.code?.startsWith('04') && ['in', 'on', 'over', 'about', 'regarding'].includes(before) && tokens[m.tokenStart - 2]?.pos === 'NOUN') continue;
    if (tr.kind === 'noun') {
      const prep = tokens[m.tokenStart - 1]?.lower;
      const prep2 = tokens[m.tokenStart - 2]?.lower;
      if (!lex.recipientPreps.has(prep) && !lex.recipientPreps.has(prep2) && prep !== 'the') continue;
    }
    if (actors.some((a) => a.code === m.code)) continue;
    // "ties with Gondor's government", "credentials to Ithilen's president": the possessor's role is the recipient
    const owned = isPossessor(doc, m) ? mentions.find((x) => x.tokenStart === m.tokenEnd + 1 && x.code && x.country === m.country && x.sector) : undefined;
    if (owned) return coordinated(doc, owned, mentions, 1).filter((x) => !actors.some((a) => a.code === x.code));
    return coordinated(doc, m, mentions, 1).filter((x) => !actors.some((a) => a.code === x.code));
  }
  return [];
}

/** True when an odd number of double quotation marks stands between `from` and `pos`. */
function insideQuotationMarks(text: string, from: number, pos: number): boolean {
  let open = false;
  for (let k = from; k < pos; k++) {
    const c = text[k];
    if (c === '"') open = !open;
    else if (c === '“') open = true;
    else if (c === '”') open = false;
  }
  return open;
}

/**
 * "Two days later, ...": a duration anchored on an earlier full date (the time tagger's
 * `anchor: timex:N`) gives the date it points to (luxon, UTC calendar arithmetic).
 */
function laterDate(doc: Readonly<Doc>, t: Timex): Timex | null {
  const m = /^timex:(\d+)$/.exec(t.anchor ?? '');
  const d = /^P(\d+)([DWMY])$/.exec(t.value);
  if (!m || !d || !/later|after/.test(t.rule)) return null;
  const base = doc.timexes[Number(m[1])]?.value ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(base)) return null;
  const unit = ({ D: 'days', W: 'weeks', M: 'months', Y: 'years' } as const)[d[2] as 'D' | 'W' | 'M' | 'Y'];
  const value = DateTime.fromISO(base, { zone: 'utc' }).plus({ [unit]: Number(d[1]) }).toISODate();
  return value ? { ...t, type: 'DATE', value } : null;
}

function findDate(doc: Readonly<Doc>, tr: Trigger, si: number, actors: Mention[]): Timex | null {
  const s = doc.sentences[si];
  const tokens = doc.tokens;
  const trigStart = tokens[tr.from].start;
  const clauseStop = tokens[clauseEnd(doc, tr.head, s.tokenEnd) - 1].end;
  const left = actors.length ? Math.min(...actors.map((a) => a.start)) : trigStart;
  let best: Timex | null = null;
  let bestDist = Infinity;
  for (const raw of doc.timexes) {
    if (raw.sentence !== si) continue;
    const t = raw.type === 'DURATION' ? laterDate(doc, raw) : raw;
    if (!t || (t.type !== 'DATE' && t.type !== 'TIME')) continue;
    if (insideQuotationMarks(doc.document.text, s.start, t.start)) continue; // a date inside quoted words is the speaker's
    let dist: number;
    if (t.start >= trigStart && t.end <= clauseStop) dist = t.start - trigStart;
    else if (t.end <= trigStart && t.start >= Math.min(left, trigStart) - 40) dist = (trigStart - t.end) * 1.5;
    else continue;
    if (dist < bestDist) {
      best = t;
      bestDist = dist;
    }
  }
  return best;
}

/** The country of the first place (capitals included) after in/at/near in the trigger's clause, or null. */
function placeCountry(doc: Readonly<Doc>, tr: Trigger, si: number): string | null {
  const tokens = doc.tokens;
  const stop = clauseEnd(doc, tr.head, doc.sentences[si].tokenEnd);
  const ix = docIndex(doc);
  for (const ei of ix.entitiesBySentence[si]) {
    const e = doc.entities[ei];
    if ((e.label !== 'GPE' && e.label !== 'LOC') || !e.actor?.country) continue;
    if (e.start < tokens[tr.to - 1].end || e.end > tokens[stop - 1].end) continue;
    const k = ix.tokenByStart.get(e.start) ?? -1;
    if (['in', 'at', 'near', 'inside'].includes(tokens[k - 1]?.lower ?? '')) return e.actor.country;
  }
  return null;
}

function findLocation(doc: Readonly<Doc>, tr: Trigger, si: number, recipients: Mention[]): DocEvent['location'] {
  const s = doc.sentences[si];
  const tokens = doc.tokens;
  const stop = clauseEnd(doc, tr.head, s.tokenEnd);
  const ix = docIndex(doc);
  for (const ei of ix.entitiesBySentence[si]) {
    const e = doc.entities[ei];
    if (e.label !== 'GPE' && e.label !== 'LOC') continue;
    if (e.start < tokens[tr.to - 1].end || e.end > tokens[stop - 1].end) continue;
    const k = ix.tokenByStart.get(e.start) ?? -1;
    const prev = tokens[k - 1]?.lower;
    const prev2 = tokens[k - 2]?.lower;
    const after = tokens[ix.tokenByStart.get(e.end) ?? -1] ?? tokens[k + 1];
    if (after && after.start === e.end && (after.lower === "'s" || after.lower === '’s')) continue;
    const isPlace = ['in', 'at', 'near', 'inside'].includes(prev) || (prev === "'s" && ['to', 'in', 'into'].includes(tokens[k - 3]?.lower ?? ''));
    const notRecipient = !recipients.some((r) => r.start === e.start);
    if (isPlace && notRecipient && e.rule.indexOf('capital') < 0) return { text: e.text, start: e.start, end: e.end, country: e.actor?.country ?? null };
    void prev2;
  }
  return null;
}

/** A finite verb in the past tense: an inflected form that is not -s or -ing, with no modal or "to" before it. */
function pastTense(doc: Readonly<Doc>, i: number, lex: EventLexicon): boolean {
  const t = doc.tokens[i];
  if (t.pos !== 'VERB' || t.lower === t.lemma || /(ing|s)$/.test(t.lower)) return false;
  const g = verbGroupStart(doc, i, doc.sentences[t.sentence].tokenStart, lex);
  for (let k = g; k < i; k++) if (/^(will|would|shall|should|may|might|can|could|must|to|'ll)$/.test(doc.tokens[k].lower)) return false;
  return true;
}

function modalityOf(doc: Readonly<Doc>, tr: Trigger, si: number, date: string | null, lex: EventLexicon): Modality[] {
  const tokens = doc.tokens;
  const s = doc.sentences[si];
  const anchor = tr.light ?? tr.head;
  const g = Math.max(s.tokenStart, anchor - 5);
  const window = tokens.slice(g, anchor).map((t) => t.lower);
  const before = tokens.slice(Math.max(s.tokenStart, tr.from - 3), tr.from).map((t) => t.lower);
  const mods = new Set<Modality>();
  const dct = doc.document.published;
  if (window.some((w) => lex.futureMarkers.has(w)) || before.some((w) => ['upcoming', 'planned', 'proposed', 'scheduled', 'forthcoming', 'ahead'].includes(w)) || (tokens[tr.from - 2]?.lower === 'ahead' && tokens[tr.from - 1]?.lower === 'of')) mods.add('future');
  // a date after the DCT makes the event future, unless the verb is in the past tense ("telephoned ... on Tuesday")
  if (date && dct && /^\d{4}-\d{2}-\d{2}/.test(date) && date.slice(0, 10) > dct && !(tr.kind === 'verb' && pastTense(doc, tr.head, lex))) mods.add('future');
  if (window.some((w) => lex.negationMarkers.has(w) && !['rejected', 'denied'].includes(w))) mods.add('negation');
  if (window.some((w) => lex.hypotheticalMarkers.has(w)) && !mods.has('future')) mods.add('hypothetical');
  if (window.some((w) => ['previously', 'formerly', 'having', 'once'].includes(w))) mods.add('historical');
  if (date && dct && /^\d{4}/.test(date) && date.slice(0, 7) < dct.slice(0, 7) && !mods.has('future')) mods.add('historical');
  return (['historical', 'future', 'hypothetical', 'negation'] as Modality[]).filter((m) => mods.has(m));
}

/**
 * "X will withdraw its force unless Y ...", "X may halt mediation if ...": a conflictual or
 * withdrawing action announced under a condition is a threat (CAMEO 13x; PLOVER THREATEN).
 */
function conditionalThreat(doc: Readonly<Doc>, tr: Trigger, si: number, code: string | null, modality: Modality[]): string | null {
  if (!code || !(modality.includes('future') || modality.includes('hypothetical'))) return null;
  const s = doc.sentences[si];
  let cond = false;
  for (let k = tr.head + 1; k < s.tokenEnd; k++) if (doc.tokens[k].lower === 'unless' || doc.tokens[k].lower === 'if') cond = true;
  if (!cond) return null;
  const root = code.slice(0, 2);
  if (root === '16' || root === '12') return '131'; // threaten non-force (sanctions, halting cooperation)
  if (root === '17') return '137'; // threaten repression
  if (['18', '19', '20'].includes(root)) return '138'; // threaten military force
  if (root === '08' || code.startsWith('087')) return '130';
  return null;
}

/**
 * "it is prepared to impose martial law", "he will extend the curfew", "will attack": a coercive
 * or violent action (CAMEO 17-20) the actor announces for the future is a threat (13x; PLOVER
 * THREATEN), as CAMEO codes announced conflictual actions. Negated ones are not.
 */
function announcedCoercion(doc: Readonly<Doc>, tr: Trigger, si: number, code: string | null, modality: Modality[]): string | null {
  if (!code || modality.includes('negation') || tr.kind !== 'verb') return null;
  const s = doc.sentences[si];
  const before = doc.tokens.slice(Math.max(s.tokenStart, tr.head - 5), tr.head).map((t) => t.lower);
  const stated = before.some((w) => w === 'will' || w === 'would' || w === "'ll" || w === 'shall' || w === 'prepared' || w === 'ready');
  if (!stated || !(modality.includes('future') || modality.includes('hypothetical'))) return null;
  const root = code.slice(0, 2);
  // (announced sanctions and cuts, root 16, are usually the policy itself: "announced it would prohibit all aid")
  if (root === '17') return '137'; // threaten repression
  if (['18', '19', '20'].includes(root)) return '138'; // threaten military force
  return null;
}

/** Tokens strictly between two token indices (same order). */
function tokensBetween(doc: Readonly<Doc>, a: number, b: number): Token[] {
  return doc.tokens.slice(Math.min(a, b) + 1, Math.max(a, b));
}

/** The code a table gives for `code`'s longest listed prefix (intent and rejection tables), or null. */
function prefixCode(code: string, table: Map<string, string>): string | null {
  for (let n = code.length; n >= 2; n--) {
    const c = table.get(code.slice(0, n));
    if (c) return c;
  }
  return null;
}

/**
 * The subject of the verb that `tr` is coordinated with ("condemned ... and promised"): `tr`'s
 * verb group directly follows "and"/"but" (no subject of its own) and an earlier verb trigger
 * of the sentence. Null when `tr` is not such a verb.
 */
function coordinatedVerbActors(doc: Readonly<Doc>, tr: Trigger, si: number, mentions: Mention[], live: readonly Trigger[], lex: EventLexicon, ctx: SentenceContext): Mention[] | null {
  const s = doc.sentences[si];
  const g = verbGroupStart(doc, tr.head, s.tokenStart, lex);
  const conj = doc.tokens[g - 1];
  if (!conj || conj.sentence !== si || (conj.lower !== 'and' && conj.lower !== 'but')) return null;
  const prev = [...live].reverse().find((o) => o.kind === 'verb' && o.head < g - 1 && o !== tr);
  if (!prev) return null;
  const { actors, passive } = findActors(doc, prev, si, mentions, lex, ctx.pluralResolved);
  return !passive && actors.length ? actors : null;
}

function buildEvent(doc: Readonly<Doc>, si: number, tr: Trigger, mentions: Mention[], live: readonly Trigger[], lex: EventLexicon, ctx: SentenceContext, reversed = false): DocEvent | null {
  const tokens = doc.tokens;
  let { actors, passive } = findActors(doc, tr, si, mentions, lex, ctx.pluralResolved);
  if (tr.kind === 'verb' && !passive) {
    // "X condemned A and promised B": a verb coordinated with an earlier verb shares its subject
    const shared = coordinatedVerbActors(doc, tr, si, mentions, live, lex, ctx);
    if (shared) actors = shared;
  }
  let recipients = findRecipients(doc, tr, si, mentions, live, actors, lex, ctx);
  if (passive) {
    // the grammatical subject of a passive is the recipient
    const g = verbGroupStart(doc, tr.head, doc.sentences[si].tokenStart, lex);
    const subj = [...mentions].reverse().find((m) => m.tokenEnd <= g && m.code && !inPP(doc, m, doc.sentences[si].tokenStart));
    recipients = subj ? [subj] : [];
  }
  if (tr.slots) {
    // the pattern's noun-phrase slots say where the target (+) and source ($) stand
    const slotOf = (kind: '+' | '$', side: 'pre' | 'post') => tr.slots!.find((x) => x.kind === kind && x.side === side);
    const pool = docIndex(doc).mentionsBySentence[si];
    const postSource = slotOf('$', 'post');
    const sm = postSource && slotMention(doc, postSource);
    if (sm) {
      // "- + * FROM $": the subject is the target, the source follows the preposition
      // (a passive subject stays the recipient: "X was freed from $")
      if (slotOf('+', 'pre') && actors.length) recipients = actors;
      else if (!passive && actors.length && !slotOf('+', 'post')) recipients = actors; // "X received money from $": the subject is the target
      actors = coordinated(doc, sm, pool, 1);
    }
    const postTarget = slotOf('+', 'post');
    const tm = postTarget && slotMention(doc, postTarget);
    if (tm && !actors.some((a) => a.start === tm.start)) recipients = coordinated(doc, tm, pool, 1);
  }
  recipients = recipients.filter((r) => !actors.some((a) => a.code === r.code));
  if (reversed) {
    // a paired reverse event: the recipient acts on the actor
    if (recipients.length === 0 || actors.length === 0) return null;
    [actors, recipients] = [recipients, actors];
  }
  let inferred = '';
  if (actors.length === 0 && !reversed && tr.code?.startsWith('14')) {
    // "About 5,000 people protested in Nairobi": an unnamed crowd protesting in a country's place is
    // that country's civilians (CVL); no country in the clause, no actor
    const g = verbGroupStart(doc, tr.light ?? tr.head, doc.sentences[si].tokenStart, lex);
    const subj = mentions.find((m) => !m.code && m.kind === 'nominal' && m.tokenEnd >= g - 1 && m.tokenEnd <= g);
    const country = subj ? placeCountry(doc, tr, si) : null;
    if (subj && country) {
      actors = [{ ...subj, code: country + 'CVL', country, sector: 'CVL' }];
      inferred = '+location-country';
    }
  }
  if (actors.length === 0) return null;
  // an actor known by name only makes an event only for a coded action, not for a statement
  // ("Ohio Mattress Co said": a speech verb or a CAMEO 01 code)
  if (actors.every((a) => !a.code) && (lex.cueVerbs.has(tokens[tr.head].lemma) || !tr.code || tr.code.startsWith('01'))) return null;
  // a generic verb coded only by its block default needs a target to be an event ("Ankara could be learning")
  // (several actors and no recipient make a reciprocal event: "Putin and Kim discussed ...")
  if (recipients.length === 0 && actors.length < 2 && tr.kind === 'verb' && tr.rule.startsWith('events:verb-default:') && !lex.soloVerbs.has(tokens[tr.head].lemma)) return null;
  // reciprocal nouns with several actors and no recipient stay compound ("talks between X and Y")
  const timex = findDate(doc, tr, si, actors);
  const dct = doc.document.published;
  const date = timex ? timex.value : dct;
  let modality = modalityOf(doc, tr, si, date, lex);
  // an announced transfer ("said it would send") is a stated plan: future, not a hypothesis
  if (tr.rule.startsWith('events:intent-verb:') && !modality.includes('future') && !tokensBetween(doc, doc.sentences[si].tokenStart - 1, doc.sentences[si].tokenEnd).some((t) => t.lower === 'if' || t.lower === 'unless')) {
    modality = (['historical', 'future', 'hypothetical', 'negation'] as Modality[]).filter((m) => m === 'future' || (m !== 'hypothetical' && modality.includes(m)));
  }
  let code = tr.code;
  let rule = tr.rule + inferred;
  if (code && code.startsWith('04') && tokensBetween(doc, tr.head, Math.min(doc.sentences[si].tokenEnd, tr.head + 5)).some((t) => t.lower === 'phone' || t.lower === 'telephone')) {
    // "spoke by phone with", "talked on the telephone to": CAMEO 041, discuss by telephone
    code = '041';
    rule = `${rule}+by-phone`;
  }
  if (code && /^(072|062|0332|0312)/.test(code) && tokensBetween(doc, tr.head, recipients[0]?.tokenStart ?? tr.head + 8).some((t) => t.lemma === 'border' || t.lemma === 'frontier')) {
    // "deployed troops to its border with Cambodia": a show of force, not aid to the neighbour
    code = '154';
    rule = `${rule}+border-posture`;
  }
  const threat = conditionalThreat(doc, tr, si, code, modality);
  const announced = threat ? null : announcedCoercion(doc, tr, si, code, modality);
  if (threat) {
    code = threat;
    rule = `${rule}+conditional-threat`;
  } else if (announced) {
    code = announced;
    rule = `${rule}+announced-threat`;
  } else if (code && modality.includes('negation')) {
    // "would not meet the demands", "refused to restore ties": a refused cooperative action is a rejection (12x)
    const rejection = prefixCode(code, lex.negatedCodes);
    if (rejection) {
      code = rejection;
      rule = `${rule}+negated`;
    }
  } else if (code && (modality.includes('future') || modality.includes('hypothetical'))) {
    // CAMEO codes a promised or planned cooperative action as an intent (03x; PLOVER AGREE)
    const intent = prefixCode(code, lex.intentCodes);
    if (intent) {
      code = intent;
      rule = `${rule}+intent`;
    }
  }
  const c = code ? lex.cameo.codes[code] ?? lex.cameo.codes[code.slice(0, 3)] : undefined;
  // a code of the dictionary that CAMEO lacks (validation dictionaries): coded, with no QuadClass or Goldstein
  const dictOnly = !c && !!code && lex.dictionaryCodes.has(code);
  const trigStart = tokens[tr.from].start;
  const trigEnd = tokens[tr.to - 1].end;
  const attribution: Attribution | null = findAttribution(doc, si, { start: trigStart, end: trigEnd });
  let confidence = tr.rule.includes('pattern') ? 0.8 : code ? 0.65 : 0.3;
  if (recipients.length > 0) confidence += 0.1;
  if (actors.some((a) => a.kind !== 'name')) confidence -= 0.1;
  if (attribution) confidence -= 0.05;
  confidence = Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100;
  return {
    cameo: c || dictOnly ? code : null,
    root: c ? c.root : dictOnly ? code!.slice(0, 2) : null,
    quadClass: c ? (c.quadClass as 1 | 2 | 3 | 4) : null,
    goldstein: c ? c.goldstein : null,
    plover: c?.plover ? { event: c.plover.event, mode: c.plover.mode ?? null, ...(c.plover.context ? { context: c.plover.context } : {}) } : null,
    status: c || dictOnly ? 'coded' : 'uncoded',
    actor: actors.flatMap(participants),
    recipient: recipients.flatMap(participants),
    date,
    dateDefaulted: !timex,
    location: findLocation(doc, tr, si, recipients),
    trigger: { text: doc.document.text.slice(trigStart, trigEnd), start: trigStart, end: trigEnd },
    attribution,
    modality,
    sentence: si,
    rule,
    confidence,
  };
}

/** An events component over a given lexicon (default: the project's, loaded on first use). */
export function makeEventsComponent(lexicon: () => EventLexicon = eventLexicon): Component {
  return {
    name: 'events',
    requires: ['tokens', 'sentences', 'entities', 'mentions', 'timexes', 'quotes'],
    assigns: ['events'],
    run: (doc) => ({ events: codeEvents(doc, lexicon()) }),
  };
}

/** Pipeline component: codes events. */
export const eventsComponent: Component = makeEventsComponent();

void phraseKey;
