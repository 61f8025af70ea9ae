/**
 * Noun-phrase chunking around cues (from POS tags only) and linking of a
 * source mention to `doc.entities` / their actor codes.
 */
import type { Doc, Entity, Mention, TextSpan, Token } from '../doc.js';

/** Token range [s, e) (token indices into `doc.tokens`). */
export interface TokRange {
  s: number;
  e: number;
}

const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const PERSONAL = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who', 'which', 'that']);
const POSSESSIVE = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const NP_INNER_ADP = new Set(['of', 'for', 'at', 'from', 'with', 'to', 'on', 'in']);
const SOURCE_STOP = new Set(['that', 'this', 'which', 'what', 'there', 'it', 'here', 'so', 'then', 'also']);
const TEMPORAL = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'day', 'weekend', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.',
  'feb.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.', 'earlier', 'later', 'recently', 'previously', 'time', 'weeks',
  'months', 'years', 'days', 'hours', 'ago',
]);

export function isTemporalWord(lower: string): boolean {
  return TEMPORAL.has(lower);
}

function isNpTok(t: Token): boolean {
  if (NP_POS.has(t.pos)) return !SOURCE_STOP.has(t.lower) || t.pos === 'NOUN';
  if (t.pos === 'PART' && (t.lower === "'s" || t.lower === '’s' || t.lower === "'" || t.lower === '’')) return true;
  if (t.pos === 'PRON' && POSSESSIVE.has(t.lower)) return true;
  if (t.pos === 'PUNCT' && (t.text === '-' || t.text === '&' || t.text === '.' || t.text === '/')) return true;
  if (t.pos === 'SYM' || t.pos === 'X') return /\p{L}/u.test(t.text);
  if (t.pos === 'AUX' && /^[A-Z]/.test(t.text) && t.lower === 'will') return false;
  return false;
}

function isHeadTok(t: Token): boolean {
  return t.pos === 'NOUN' || t.pos === 'PROPN' || (t.pos === 'NUM' && /[a-z]/i.test(t.text)) || (t.pos === 'X' && /^\p{Lu}/u.test(t.text));
}

/**
 * The noun phrase that ends just before token `end` (exclusive), not going before `min`.
 * Returns null when the token before `end` cannot end a noun phrase.
 */
export function npLeft(tokens: Token[], min: number, end: number): TokRange | null {
  let i = end - 1;
  if (i < min) return null;
  const last = tokens[i];
  if (last.pos === 'PRON' && PERSONAL.has(last.lower)) {
    if (last.lower === 'it' || last.lower === 'that') return null;
    return { s: i, e: end };
  }
  // parenthetical like (R-SC) or (D) right before the cue
  if (last.text === ')') {
    let j = i - 1;
    while (j >= min && j > i - 8 && tokens[j].text !== '(') j--;
    if (j >= min && tokens[j].text === '(') i = j - 1;
    else return null;
  }
  // "the general", "the former" (an adjective-tagged head after a determiner)
  if (i - 1 >= min && tokens[i].pos === 'ADJ' && tokens[i - 1].pos === 'DET' && /^(the|a|an)$/.test(tokens[i - 1].lower) && !/^(same|other|latter|following|best|first|last|next)$/.test(tokens[i].lower)) {
    return { s: i - 1, e: end };
  }
  if (i < min || !isNpTok(tokens[i]) || tokens[i].pos === 'DET' || tokens[i].pos === 'ADJ') {
    // allow an adjective-final NP only for "the former" etc. — not supported
    if (!(i >= min && tokens[i].pos === 'NUM')) return null;
  }
  let s = i;
  let sawHead = isHeadTok(tokens[i]) || tokens[i].pos === 'NUM';
  let j = i - 1;
  while (j >= min) {
    const t = tokens[j];
    if (isNpTok(t)) {
      if (t.pos === 'PRON' && POSSESSIVE.has(t.lower)) {
        s = j;
        j--;
        break;
      }
      s = j;
      if (isHeadTok(t)) sawHead = true;
      j--;
      continue;
    }
    if (t.text === ')') {
      let k = j - 1;
      while (k >= min && k > j - 8 && tokens[k].text !== '(') k--;
      if (k >= min && tokens[k].text === '(' && k - 1 >= min && isNpTok(tokens[k - 1])) {
        j = k - 1;
        continue;
      }
      break;
    }
    // reduced relative: "a court document filed Thursday", "a poll released Monday"
    if (t.pos === 'VERB' && /ed$/.test(t.lower) && j - 1 >= min && (tokens[j - 1].pos === 'NOUN' || tokens[j - 1].pos === 'PROPN') && s === j + 1 && isTemporalWord(tokens[s].lower)) {
      s = j;
      j--;
      continue;
    }
    // "head of the union", "spokesman for the ministry"
    if (t.pos === 'ADP' && NP_INNER_ADP.has(t.lower) && j - 1 >= min && (tokens[j - 1].pos === 'NOUN' || tokens[j - 1].pos === 'PROPN') && t.lower !== 'on' && t.lower !== 'in' && t.lower !== 'to') {
      s = j;
      j--;
      continue;
    }
    // compound source "Google and Yahoo"
    if ((t.lower === 'and' || t.lower === '&') && j - 1 >= min && (tokens[j - 1].pos === 'PROPN' || tokens[j - 1].pos === 'NOUN') && (tokens[s].pos === 'PROPN' || tokens[s].pos === 'DET' || tokens[s].pos === 'NOUN')) {
      s = j;
      j--;
      continue;
    }
    break;
  }
  // trim leading ADP / conjunction, trailing punctuation
  while (s < end && (tokens[s].pos === 'ADP' || tokens[s].pos === 'CCONJ' || tokens[s].pos === 'PUNCT')) s++;
  let e = end;
  while (e > s + 1 && tokens[e - 1].pos === 'PUNCT' && tokens[e - 1].text !== ')' && tokens[e - 1].text !== '.') e--;
  if (s >= e || !sawHead) return null;
  return { s, e };
}

/** The noun phrase that starts at token `start` (no further than `max`, exclusive). */
export function npRight(tokens: Token[], start: number, max: number, opts: { appositive?: boolean } = {}): TokRange | null {
  let i = start;
  if (i >= max) return null;
  const first = tokens[i];
  if (first.pos === 'PRON' && PERSONAL.has(first.lower)) {
    if (first.lower === 'it' || first.lower === 'that' || first.lower === 'which') return null;
    return { s: i, e: i + 1 };
  }
  if (!isNpTok(first)) return null;
  let e = i;
  let sawHead = false;
  while (i < max) {
    const t = tokens[i];
    if (isNpTok(t)) {
      if (isHeadTok(t)) sawHead = true;
      i++;
      e = i;
      continue;
    }
    if (t.text === '(' && sawHead) {
      let k = i + 1;
      while (k < max && k < i + 8 && tokens[k].text !== ')') k++;
      if (k < max && tokens[k].text === ')') {
        i = k + 1;
        e = i;
        continue;
      }
      break;
    }
    if (t.pos === 'ADP' && NP_INNER_ADP.has(t.lower) && sawHead && i + 1 < max && isNpTok(tokens[i + 1]) && !isTemporalWord(tokens[i + 1].lower) && !(tokens[i + 1].pos === 'DET' && i + 2 < max && isTemporalWord(tokens[i + 2].lower))) {
      if (t.lower === 'on' || t.lower === 'to' || t.lower === 'with') break;
      i++;
      continue;
    }
    if ((t.lower === 'and' || t.lower === '&') && sawHead && i + 1 < max && (tokens[i + 1].pos === 'PROPN' || tokens[i + 1].pos === 'DET')) {
      i++;
      continue;
    }
    break;
  }
  if (!sawHead) return null;
  while (e > start + 1 && tokens[e - 1].pos === 'PUNCT' && tokens[e - 1].text !== ')') e--;
  // appositive: ", a spokesman for the ministry" up to the sentence end or next comma
  if (opts.appositive && e < max && tokens[e].text === ',' && e + 1 < max) {
    const ap = npRight(tokens, e + 1, max);
    if (ap && (tokens[e + 1].pos === 'DET' || tokens[e + 1].pos === 'ADJ' || tokens[e + 1].pos === 'NOUN' || tokens[e + 1].pos === 'NUM') && tokens[e + 1].lower !== 'that') {
      const after = ap.e < max ? tokens[ap.e] : null;
      if (!after || after.pos === 'PUNCT') e = ap.e;
    }
  }
  return { s: start, e };
}

// ---------------------------------------------------------------------------
// linking a source mention to an entity / actor

const PER_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'hers']);
const PERSON_TITLES = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'president', 'senator', 'official', 'candidate', 'leader',
  'governor', 'chancellor', 'premier', 'secretary', 'ambassador', 'general', 'commander', 'chairman', 'chairwoman',
  'chief', 'prime', 'mayor', 'congressman', 'congresswoman', 'nominee', 'businessman', 'billionaire', 'king', 'queen',
  'representative', 'lawmaker', 'diplomat', 'envoy', 'director', 'adviser', 'advisor', 'aide', 'democrat', 'republican',
  'frontrunner', 'front-runner', 'speaker', 'judge', 'attorney', 'former', 'real', 'mogul', 'star', 'host', 'pope',
]);
const ORG_NOUNS = new Set([
  'ministry', 'government', 'department', 'agency', 'campaign', 'committee', 'company', 'party', 'administration',
  'council', 'office', 'kremlin', 'embassy', 'military', 'army', 'regime', 'cabinet', 'parliament', 'court', 'firm',
  'organization', 'organisation', 'group', 'union', 'alliance', 'coalition', 'commission', 'authority', 'authorities',
  'state', 'country', 'newspaper', 'network', 'paper', 'board', 'bank', 'white', 'pentagon', 'police',
]);
const SECTOR_NOUNS: Record<string, string> = {
  official: 'GOV', officials: 'GOV', government: 'GOV', ministry: 'GOV', minister: 'GOV', ministers: 'GOV',
  spokesman: 'GOV', spokeswoman: 'GOV', authorities: 'GOV', diplomat: 'GOV', diplomats: 'GOV', president: 'GOV',
  military: 'MIL', army: 'MIL', troops: 'MIL', soldiers: 'MIL', commander: 'MIL', commanders: 'MIL', generals: 'MIL',
  forces: 'MIL', police: 'COP', rebels: 'REB', insurgents: 'REB', opposition: 'OPP', media: 'MED', newspaper: 'MED',
  lawmakers: 'LEG', legislators: 'LEG', parliament: 'LEG', judge: 'JUD', court: 'JUD', activists: 'ACT',
};

export type Speaker = TextSpan & { code: string | null; country: string | null };

function actorOf(doc: Readonly<Doc>, e: Entity): { code: string; country: string | null; sector: string | null } | null {
  if (e.actor) return e.actor;
  if (e.corefOf !== undefined && doc.entities[e.corefOf]?.actor) return doc.entities[e.corefOf].actor!;
  return null;
}

const LABEL_RANK: Record<string, number> = { PER: 5, ORG: 4, GPE: 3, NORP: 2, LOC: 1, MISC: 0 };

/** The entity that best represents a source span [start, end), if any overlaps it. */
export function entityFor(doc: Readonly<Doc>, start: number, end: number): Entity | null {
  let best: Entity | null = null;
  let bestScore = -1;
  for (const e of doc.entities) {
    if (e.end <= start || e.start >= end) continue;
    const score = (actorOf(doc, e) ? 10 : 0) + (LABEL_RANK[e.label] ?? 0) + (e.start >= start && e.end <= end ? 1 : 0);
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}

/** Most recent entity before `pos` with a label in `labels` (prefers ones with an actor within the same distance). */
function recentEntity(doc: Readonly<Doc>, pos: number, labels: Set<string>): Entity | null {
  let best: Entity | null = null;
  for (const e of doc.entities) {
    if (e.end > pos) continue;
    if (!labels.has(e.label)) continue;
    if (!best || e.start > best.start) best = e;
  }
  return best;
}

/** The coded actor mention that best covers [start, end): most overlap, then contained, then longest. */
export function mentionFor(doc: Readonly<Doc>, start: number, end: number): Mention | null {
  let best: Mention | null = null;
  let bestScore = -1;
  for (const m of doc.mentions ?? []) {
    if (!m.code || m.end <= start || m.start >= end) continue;
    const ov = Math.min(end, m.end) - Math.max(start, m.start);
    const score = ov * 4 + (m.start >= start && m.end <= end ? 2 : 0) + (m.kind === 'name' ? 1 : 0);
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

/** Build the speaker object for a source mention span, resolving its actor code where possible. */
export function linkSpeaker(doc: Readonly<Doc>, tokens: Token[], r: TokRange): Speaker {
  const start = tokens[r.s].start;
  const end = tokens[r.e - 1].end;
  const text = doc.document.text.slice(start, end);
  const words = tokens.slice(r.s, r.e).map((t) => t.lower);
  const head = words[words.length - 1];
  // an actor mention (built by the actors component) covering the source decides first
  const m = mentionFor(doc, start, end);
  if (m) return { text, start, end, code: m.code, country: m.country };
  let ent: Entity | null = null;
  if (r.e - r.s === 1 && PER_PRONOUNS.has(head)) {
    ent = recentEntity(doc, start, new Set(['PER']));
  } else {
    ent = entityFor(doc, start, end);
    if (!ent && (words[0] === 'the' || words[0] === 'a' || POSSESSIVE.has(words[0]))) {
      if (words.some((w) => ORG_NOUNS.has(w)) && words[0] === 'the') ent = recentEntity(doc, start, new Set(['ORG', 'GPE']));
      else if (PERSON_TITLES.has(head) && words[0] === 'the') ent = recentEntity(doc, start, new Set(['PER']));
    }
  }
  if (!ent) return { text, start, end, code: null, country: null };
  const actor = actorOf(doc, ent);
  if (!actor) return { text, start, end, code: null, country: null };
  let code = actor.code;
  // a bare country actor ("Ukrainian officials") takes its sector from the head noun
  if (!actor.sector && actor.country && code === actor.country) {
    const sec = SECTOR_NOUNS[head];
    if (sec) code = actor.country + sec;
  }
  return { text, start, end, code, country: actor.country };
}
