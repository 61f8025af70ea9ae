/**
 * Actor resolution: links entity mentions to CAMEO actors (country + sector)
 * and builds actor mentions (noun phrases such as "North Korean state media").
 *
 * Rules (each fact records its rule name):
 * - `actors:gazetteer` — a lexicon phrase (country, demonym, capital, place,
 *   leader valid on the DCT, institution, Phoenix actor) found in the text;
 * - `actors:ner+gazetteer` — an entity from the recognizer whose span is a lexicon phrase;
 * - `actors:coref-name` — a later partial name ("Putin", "Kim") that matches an
 *   earlier resolved person in the same document;
 * - `mentions:np` — a noun phrase of premodifiers (country, demonym, possessive),
 *   agent nouns (sector: "president" GOV, "troops" MIL, "state media" MED) and a head name;
 * - `mentions:agent-of` — "the leaders of China, Belarus and India".
 * Leaders are matched only for terms that include the publication date (DCT);
 * former leaders get sector ELI (CAMEO "elites"); with no DCT every term matches.
 */
import type { Doc, Entity, Mention, NerLabel, Token } from '../doc.js';
import type { Component } from '../pipeline.js';
import { actorLexicon, validOn, type ActorLexicon, type GazEntry } from './lexicon.js';
import type { PhraseMatch } from '../text/phrases.js';

/** Words that are never a person's name on their own. */
const CALENDAR_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'tomorrow']);

const KIND_PRIORITY: Record<GazEntry['kind'], number> = {
  leader: 7,
  institution: 6,
  country: 5,
  capital: 4,
  demonym: 3,
  actor: 2,
  place: 1,
};

/** Pick the best entry for a matched phrase on date `dct`, or null when none fits. */
function bestEntry(values: GazEntry[], dct: string | null, surface: string): GazEntry | null {
  let best: GazEntry | null = null;
  let bestScore = -1;
  let lapsed: GazEntry | null = null;
  for (const v of values) {
    if (v.exact && v.exact !== surface) continue;
    let score = KIND_PRIORITY[v.kind] * 10;
    if (v.kind === 'leader' || v.kind === 'actor') {
      // a dated code valid on the DCT beats the entry's undated default ("[HOB]" vs "[HOBGOV 1995-1999]")
      if (validOn(v, dct)) score += v.from || v.to ? 6 : 5;
      else if (v.kind === 'actor') {
        if (v.label === 'PER' && v.country && v.to && dct && v.to < dct && (!lapsed || v.to > lapsed.to!)) lapsed = v;
        continue;
      }
    }
    if (v.kind === 'place') score += Math.min(4, Math.log10(1 + (v.population ?? 0)) / 2);
    if (v.secondary) score -= 3;
    if (score > bestScore) {
      best = v;
      bestScore = score;
    }
  }
  if (!best && lapsed && lapsed.sector !== 'ELI') {
    // every dated code of a person has run out by the DCT: a former office holder is one of the country's elite
    return { ...lapsed, code: lapsed.country + 'ELI', sector: 'ELI', from: undefined, to: undefined };
  }
  if (!best && lapsed) return { ...lapsed, from: undefined, to: undefined };
  if (best && best.kind === 'leader' && !validOn(best, dct)) {
    // a former (or future) leader: a member of the country's elite, not its government
    return { ...best, code: (best.country ?? '') + 'ELI', sector: 'ELI' };
  }
  return best;
}

function isCapitalised(t: Token): boolean {
  const c = t.text[0];
  return c !== c.toLowerCase();
}

interface GazHit {
  tokenStart: number;
  tokenEnd: number;
  entry: GazEntry;
}

function gazetteerHits(doc: Readonly<Doc>, lex: ActorLexicon): GazHit[] {
  const dct = doc.document.published;
  const hits: GazHit[] = [];
  const tokens = doc.tokens;
  // a name is capitalised: its first word, the word after a determiner ("the AU") or a particle
  // ("al-Qaeda", "d'Ivoire"); lower-case common words ("turkey", "china") are not names
  const accept = (m: PhraseMatch<GazEntry>) => {
    const first = tokens[m.tokenStart];
    if (isCapitalised(first) || m.values.some((v) => v.exact)) return true;
    const surface = doc.document.text.slice(first.start, tokens[m.tokenEnd - 1].end);
    if (/^(al|el|ad|as|ash|an|ar|at|az|d|l)\s?[-'’]\s?[A-Z]/.test(surface)) return true;
    return false;
  };
  for (const s of doc.sentences) {
    for (const m of lex.names.scan(tokens, s.tokenStart, s.tokenEnd, accept)) {
      const surface = doc.document.text.slice(tokens[m.tokenStart].start, tokens[m.tokenEnd - 1].end);
      const e = bestEntry(m.values, dct, surface);
      if (e) hits.push({ tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, entry: e });
    }
  }
  return hits;
}

function entityFromHit(doc: Readonly<Doc>, h: GazHit, rule: string, label?: NerLabel): Entity {
  const t = doc.tokens;
  const start = t[h.tokenStart].start;
  const end = t[h.tokenEnd - 1].end;
  return {
    text: doc.document.text.slice(start, end),
    start,
    end,
    label: label ?? h.entry.label,
    sentence: t[h.tokenStart].sentence,
    rule,
    actor: { code: h.entry.code, country: h.entry.country, sector: h.entry.sector, name: h.entry.name },
  };
}

/** Refine a CoNLL-style label with what the gazetteer knows. */
function refineLabel(ner: NerLabel, e: GazEntry): NerLabel {
  if (e.kind === 'leader') return 'PER';
  if (e.kind === 'institution') return e.label;
  if (e.kind === 'demonym') return 'NORP';
  if (e.kind === 'country' || e.kind === 'capital' || e.kind === 'place') return ner === 'ORG' ? 'ORG' : 'GPE';
  return ner;
}

/**
 * Merge recognizer entities with gazetteer hits, then resolve coreferent names.
 * Returns entities sorted by start offset.
 */
export function resolveEntities(doc: Readonly<Doc>, lex: ActorLexicon = actorLexicon()): Entity[] {
  const hits = gazetteerHits(doc, lex);
  const tokens = doc.tokens;
  const out: Entity[] = doc.entities.map((e) => ({ ...e }));
  const recognized = doc.entities.length > 0;
  // hits come in text order and never overlap each other, so only recognized entities can overlap
  // one: walk them with a pointer (linear, not quadratic, in long documents)
  const ner = out.slice().sort((a, b) => a.start - b.start);
  let p = 0;
  for (const h of hits) {
    const start = tokens[h.tokenStart].start;
    const end = tokens[h.tokenEnd - 1].end;
    while (p < ner.length && ner[p].end <= start) p++;
    const overlapping: Entity[] = [];
    for (let q = p; q < ner.length && ner[q].start < end; q++) if (start < ner[q].end) overlapping.push(ner[q]);
    // a one-word person name ("Friday", "Bush") counts only where the recognizer saw a person
    if (h.tokenEnd - h.tokenStart === 1 && (h.entry.kind === 'leader' || (h.entry.kind === 'actor' && h.entry.label === 'PER'))) {
      const word = tokens[h.tokenStart].lower;
      // in office on the DCT: a current leader, or a dictionary actor whose dated code holds on the DCT
      const current = (h.entry.kind === 'leader' && h.entry.sector === 'GOV') || (h.entry.kind === 'actor' && !!(h.entry.from || h.entry.to));
      // (an undated entry that codes a country's sector, "Washington" USAGOV, also counts where the recognizer saw a place or an organisation)
      const institutional = h.entry.kind === 'actor' && !!h.entry.country && !!h.entry.sector && !h.entry.from && !h.entry.to;
      if (CALENDAR_WORDS.has(word) || (!current && recognized && !overlapping.some((e) => e.label === 'PER' || (institutional && (e.label === 'GPE' || e.label === 'ORG'))))) continue;
    }
    if (overlapping.length === 0) {
      out.push(entityFromHit(doc, h, `actors:gazetteer:${h.entry.kind}`));
      continue;
    }
    for (const e of overlapping) {
      if (e.start === start && e.end === end) {
        e.label = refineLabel(e.label, h.entry);
        e.actor = { code: h.entry.code, country: h.entry.country, sector: h.entry.sector, name: h.entry.name };
        e.rule = e.rule + `+gazetteer:${h.entry.kind}`;
      } else if (e.start >= start && e.end <= end) {
        // the lexicon phrase is longer than the recognized span ("Kim Jong" vs "Kim Jong Un")
        Object.assign(e, entityFromHit(doc, h, `actors:gazetteer:${h.entry.kind}`, refineLabel(e.label, h.entry)));
      } else if (!e.actor && e.label !== 'PER' && (h.entry.kind === 'country' || (h.entry.kind === 'actor' && !!h.entry.country)) && restIsAgents(doc, e, h, lex)) {
        // "MSF Arnor", "Arnor security officials": the recognized span is agent words around an actor
        Object.assign(e, entityFromHit(doc, h, `actors:gazetteer:${h.entry.kind}`));
      } else if (!e.actor && e.end === end && (h.entry.kind === 'country' || h.entry.kind === 'actor') && sentenceInitialModifier(doc, h.tokenStart, e.start, lex)) {
        // "Evil Mordor, ...": a sentence-initial word the recognizer took into the name only because
        // it is capitalised there; the dictionary name is the entity
        Object.assign(e, entityFromHit(doc, h, `actors:gazetteer:${h.entry.kind}+sentence-initial`, refineLabel(e.label, h.entry)));
      } else if (!e.actor && (h.entry.kind === 'leader' || h.entry.kind === 'institution')) {
        // a name inside a longer recognized span ("President Putin"): keep the span, take the actor
        e.actor = { code: h.entry.code, country: h.entry.country, sector: h.entry.sector, name: h.entry.name };
        e.rule = e.rule + '+gazetteer-inner';
      } else if (!e.actor && (e.label === 'ORG' || e.label === 'MISC' || e.label === 'NORP') && e.start === start && (h.entry.kind === 'demonym' || h.entry.kind === 'country') && h.entry.country) {
        // "Palestinian Islamic Jihad", "Iraqi National Congress": an organisation named after its country;
        // "Iraqi Kurds", "Nigerian Christians": a group of the country's people
        e.actor = { code: h.entry.country, country: h.entry.country, sector: null, name: e.text };
        e.rule = e.rule + '+country-prefix';
      }
    }
  }
  // drop exact duplicates that merging may create, keep order by start
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const dedup: Entity[] = [];
  for (const e of out) {
    const prev = dedup[dedup.length - 1];
    if (prev && prev.start === e.start && prev.end === e.end) continue;
    if (prev && e.start < prev.end) continue; // nested or overlapping: the earlier, longer one wins
    dedup.push(e);
  }
  resolveNameCoref(dedup);
  resolveSurnames(dedup, lex, doc.document.published);
  return dedup;
}

/**
 * True when the one token before `at` opens its sentence at character `start` and is no title or
 * agent word: a modifier capitalised only by its position ("Evil Mordor, ..."). The gazetteer
 * matches longest first, so the two words together are no dictionary name.
 */
function sentenceInitialModifier(doc: Readonly<Doc>, at: number, start: number, lex: ActorLexicon): boolean {
  const t = doc.tokens[at - 1];
  if (!t || t.start !== start || doc.sentences[t.sentence].tokenStart !== at - 1) return false;
  return /^\p{L}+$/u.test(t.text) && !lex.agents.get(t.lower) && !INITIAL_NAME_WORDS.has(t.lower);
}

/** Titles and name-part words that open a name at the start of a sentence ("President Ruto said", "South Sudan"). */
const INITIAL_NAME_WORDS = new Set(['president', 'king', 'queen', 'prince', 'princess', 'general', 'gen', 'premier', 'chancellor', 'senator', 'sen', 'governor', 'mayor', 'minister', 'dr', 'mr', 'mrs', 'ms', 'sheikh', 'emir', 'pope', 'ayatollah', 'lord', 'lady', 'sir', 'saint', 'st', 'san', 'santa', 'new', 'north', 'south', 'east', 'west', 'upper', 'lower', 'greater', 'great']);

/** Are the tokens of entity `e` outside the gazetteer hit `h` all agent phrases ("MSF" in "MSF Arnor")? */
function restIsAgents(doc: Readonly<Doc>, e: Entity, h: GazHit, lex: ActorLexicon): boolean {
  const tokens = doc.tokens;
  let k = h.tokenStart - 1;
  while (k >= 0 && tokens[k].start >= e.start) k--;
  let i = k + 1;
  let sawAgent = false;
  while (i < tokens.length && tokens[i].end <= e.end) {
    if (i === h.tokenStart) {
      i = h.tokenEnd;
      continue;
    }
    const am = lex.agents.matchAt(tokens, i, tokens.length);
    if (!am || tokens[am.tokenEnd - 1].end > e.end) return false;
    sawAgent = true;
    i = am.tokenEnd;
  }
  return sawAgent;
}

/**
 * Persons still unresolved ("President Bush") are looked up by surname among Phoenix
 * government figures valid on the DCT; only a single country of office is accepted.
 */
function resolveSurnames(entities: Entity[], lex: ActorLexicon, dct: string | null): void {
  for (const e of entities) {
    if (e.label !== 'PER' || e.actor) continue;
    const last = e.text.toLowerCase().split(/\s+/).pop()!;
    const cands = (lex.surnames.get(last) ?? []).filter((c) => dct !== null && validOn(c, dct) && (c.from || c.to));
    const countries = new Set(cands.map((c) => c.country));
    if (cands.length === 0 || countries.size !== 1) continue;
    const c = cands.find((x) => x.sector === 'GOV') ?? cands[0];
    e.actor = { code: c.code, country: c.country, sector: c.sector, name: c.name };
    e.rule = e.rule + '+surname';
  }
}

/** Later partial person names ("Putin", "Kim") take the actor of an earlier full name. */
function resolveNameCoref(entities: Entity[]): void {
  // indexes over earlier resolved persons (linear in the number of mentions, not quadratic)
  const byPart = new Map<string, number[]>();
  const byName = new Map<string, number>();
  const partsOf = (t: string) => t.split(/[\s-]+/);
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    if (e.label !== 'PER') continue;
    const parts = partsOf(e.text);
    // the earliest earlier full name that contains every part of this one
    let partial = -1;
    for (const j of byPart.get(parts[0]) ?? []) {
      const p = entities[j];
      const pParts = partsOf(p.text);
      if (p.text !== e.text && parts.length < pParts.length && parts.every((w) => pParts.includes(w))) {
        partial = j;
        break;
      }
    }
    const same = e.actor ? byName.get(e.actor.name) ?? -1 : -1;
    if (partial >= 0 && (same < 0 || partial <= same)) {
      // a partial name takes the earlier full name's actor, even over a lexicon guess ("Kim")
      e.actor = entities[partial].actor;
      e.corefOf = entities[partial].corefOf ?? partial;
      if (!e.rule.includes('coref')) e.rule = e.rule + '+coref-name';
    } else if (same >= 0 && entities[same].text !== e.text && e.corefOf === undefined) {
      e.corefOf = entities[same].corefOf ?? same;
    }
    if (e.actor) {
      for (const w of new Set(parts)) {
        const list = byPart.get(w) ?? [];
        list.push(i);
        byPart.set(w, list);
      }
      if (!byName.has(e.actor.name)) byName.set(e.actor.name, i);
    }
  }
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'two', 'both', 'several', 'some', 'senior', 'top', 'other', 'former']);

/**
 * Build actor mentions: noun phrases around entities and agent nouns.
 * `entities` must be the resolved entities of `doc` (see {@link resolveEntities}).
 */
export function buildMentions(doc: Readonly<Doc>, entities: readonly Entity[], lex: ActorLexicon = actorLexicon()): Mention[] {
  const tokens = doc.tokens;
  const text = doc.document.text;
  const dct = doc.document.published;
  // token index -> entity index
  const entAt = new Int32Array(tokens.length).fill(-1);
  let ti = 0;
  entities.forEach((e, idx) => {
    while (ti < tokens.length && tokens[ti].end <= e.start) ti++;
    for (let k = ti; k < tokens.length && tokens[k].start < e.end; k++) entAt[k] = idx;
  });
  const mentions: Mention[] = [];
  let agentOfEnd = 0;
  for (const s of doc.sentences) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      // collect a group of contiguous NP parts
      const parts: Array<{ kind: 'ent' | 'agent' | 'poss' | 'det'; from: number; to: number; entity?: number; agent?: string; prefix?: boolean }> = [];
      let j = i;
      while (j < s.tokenEnd) {
        const t = tokens[j];
        if (entAt[j] >= 0) {
          const ei = entAt[j];
          let k = j;
          while (k < s.tokenEnd && entAt[k] === ei) k++;
          parts.push({ kind: 'ent', from: j, to: k, entity: ei });
          j = k;
          continue;
        }
        if (parts.length > 0 && (t.lower === "'s" || t.lower === '’s' || t.lower === "'")) {
          parts.push({ kind: 'poss', from: j, to: j + 1 });
          j++;
          continue;
        }
        // (a phrase ending in a verb is a clause, "police arrest", unless the word is capitalised inside a
        // name: "the Ministry of Silly Walks")
        const am = lex.agents.matchAt(tokens, j, s.tokenEnd, (m) => tokens[m.tokenEnd - 1].pos !== 'VERB' || nameWord(tokens[m.tokenEnd - 1], s.tokenStart, m.tokenEnd - 1));
        if (am) {
          parts.push({ kind: 'agent', from: j, to: am.tokenEnd, agent: am.values[0].code, ...(am.values[0].prefix ? { prefix: true } : {}) });
          j = am.tokenEnd;
          continue;
        }
        if (parts.length === 0 && DETERMINERS.has(t.lower)) {
          parts.push({ kind: 'det', from: j, to: j + 1 });
          j++;
          continue;
        }
        if (parts.length > 0 && t.pos === 'ADJ' && j + 1 < s.tokenEnd && (entAt[j + 1] >= 0 || lex.agents.matchAt(tokens, j + 1, s.tokenEnd))) {
          j++; // "senior Russian officials", "former U.S. president"
          continue;
        }
        break;
      }
      const pl = pluralAnaphor(doc, i, s.tokenEnd);
      if (pl) {
        mentions.push(pl);
        i = pl.tokenEnd;
        continue;
      }
      // split at possessives: "Russia's allies" -> "Russia" is the mention; what follows starts a new group
      const possAt = parts.findIndex((p) => p.kind === 'poss');
      const group = possAt >= 0 ? parts.slice(0, possAt) : parts;
      const content = group.filter((p) => p.kind !== 'det');
      if (content.length > 0) {
        const m = composeMention(doc, group, entities, lex, dct);
        if (m) {
          const of = agentOf(doc, m, entities, entAt, s.tokenEnd, lex);
          if (of.length > 0) {
            // "lawmakers and officials in Kenya and Uganda": a coordinated agent before shares the countries
            const prev = mentions[mentions.length - 1];
            const sec = prev && prev.kind === 'nominal' && !prev.code && prev.tokenEnd + 1 === m.tokenStart && tokens[prev.tokenEnd]?.lower === 'and' ? agentIn(doc, prev, lex) : null;
            if (sec) {
              mentions.pop();
              for (const o of of) if (o.country) mentions.push({ ...prev, code: o.country + sec, country: o.country, sector: sec, name: o.name, rule: 'mentions:np-coordinated-agent-of' });
            }
            mentions.push(...of);
            agentOfEnd = of[of.length - 1].tokenEnd; // the listed countries are mentioned already
          } else {
            mentions.push(m);
            // "Danish media and government", "Russian police and soldiers": a second agent shares the country
            const and = m.tokenEnd;
            if (m.kind === 'nominal' && m.country && m.sector && tokens[and]?.lower === 'and' && and + 1 < s.tokenEnd && entAt[and + 1] < 0) {
              const am = lex.agents.matchAt(tokens, and + 1, s.tokenEnd, (x) => tokens[x.tokenEnd - 1].pos !== 'VERB');
              if (am && (am.tokenEnd >= s.tokenEnd || entAt[am.tokenEnd] < 0)) {
                const sec = am.values[0].code.slice(-3);
                const st = tokens[and + 1].start;
                const en = tokens[am.tokenEnd - 1].end;
                mentions.push({ ...m, text: doc.document.text.slice(st, en), start: st, end: en, rule: 'mentions:np-coordinated-agent', code: m.country + sec, sector: sec, tokenStart: and + 1, tokenEnd: am.tokenEnd });
                agentOfEnd = am.tokenEnd;
              }
            }
          }
          // "China's foreign ministry", "Mali's military government": the possessor's country owns the role
          const prev = mentions[mentions.length - 2];
          if (m.kind === 'nominal' && !m.country && m.sector === null && prev && prev.country && prev.tokenEnd + 1 === m.tokenStart && /^['’]s?$/.test(doc.tokens[prev.tokenEnd]?.text ?? '')) {
            const sector = agentIn(doc, m, lex) ?? sectorFromText(m.text, lex);
            if (sector) Object.assign(m, { code: prev.country + sector, country: prev.country, sector, name: lex.countryName.get(prev.country) ?? prev.country, rule: 'mentions:possessor-role' });
          } else if (m.kind === 'name' && prev && prev.country && titledName(group) && possessorOf(doc, prev, m)) {
            // "Ithilen's (new) minister Calimehtar": the possessor names the government the titled
            // person serves, over the country the person's own dictionary entry gives
            const sector = agentIn(doc, m, lex);
            if (sector) Object.assign(m, { code: prev.country + sector.slice(-3), country: prev.country, sector: sector.slice(-3), rule: 'mentions:possessor-title-name' });
          }
        }
      }
      const consumed = possAt >= 0 ? parts[possAt].to : j;
      i = Math.max(consumed, i + 1, agentOfEnd);
    }
  }
  // "the European Union (EU)": a bracketed short name right after a coded name is its alias
  for (let q = 1; q < mentions.length; q++) {
    const a = mentions[q];
    const m = mentions[q - 1];
    if (a.code || !m.code || m.kind !== 'name' || a.tokenStart !== m.tokenEnd + 1 || tokens[m.tokenEnd]?.text !== '(' || tokens[a.tokenEnd]?.text !== ')') continue;
    if (a.tokenEnd - a.tokenStart > 3 || !/^\p{Lu}/u.test(a.text)) continue;
    mentions[q] = { ...a, code: m.code, country: m.country, sector: m.sector, name: m.name, rule: 'mentions:bracketed-alias' };
  }
  void text;
  return mentions;
}

const PLURAL_ANAPHOR = /^(the two|both|the) (leaders|sides|countries|presidents|governments|nations|men|allies)$/;

/** "the two leaders", "both sides": a plural anaphor, resolved by the event coder from the document's main dyad. */
function pluralAnaphor(doc: Readonly<Doc>, i: number, limit: number): Mention | null {
  const t = doc.tokens;
  for (const n of [3, 2]) {
    if (i + n > limit) continue;
    const words = t.slice(i, i + n).map((x) => x.lower).join(' ');
    if (!PLURAL_ANAPHOR.test(words) || (n === 2 && words.startsWith('the '))) continue;
    const start = t[i].start;
    const end = t[i + n - 1].end;
    return {
      text: doc.document.text.slice(start, end),
      start,
      end,
      sentence: t[i].sentence,
      rule: 'mentions:plural-anaphor',
      code: null,
      country: null,
      sector: null,
      name: null,
      entity: null,
      kind: 'pronoun',
      tokenStart: i,
      tokenEnd: i + n,
    };
  }
  return null;
}

function composeMention(
  doc: Readonly<Doc>,
  group: Array<{ kind: string; from: number; to: number; entity?: number; agent?: string; prefix?: boolean }>,
  entities: readonly Entity[],
  lex: ActorLexicon,
  dct: string | null,
): Mention | null {
  const tokens = doc.tokens;
  let country: string | null = null;
  let sector: string | null = null;
  let code: string | null = null;
  let name: string | null = null;
  let head: number | null = null;
  let lastAgent: string | null = null;
  let prefixAgent: string | null = null;
  for (const p of group) {
    if (p.kind === 'ent') {
      const e = entities[p.entity!];
      if (!e.actor) {
        if (e.label === 'PER' || e.label === 'ORG') head = p.entity!;
        continue;
      }
      if (e.label === 'PER' || e.label === 'ORG') {
        head = p.entity!;
        code = e.actor.code;
        country = e.actor.country ?? country;
        sector = e.actor.sector;
        name = e.actor.name;
      } else {
        // GPE / NORP premodifier or a bare country
        if (head === null) {
          country = e.actor.country ?? country;
          if (!lastAgent) {
            code = e.actor.code;
            sector = e.actor.sector;
            name = e.actor.name;
            head = p.entity!;
          }
        }
      }
    } else if (p.kind === 'agent') {
      if (p.prefix) prefixAgent = p.agent!;
      else lastAgent = p.agent!;
    }
  }
  const last = group[group.length - 1];
  const lastIsAgent = last.kind === 'agent' && !!lastAgent && !(last as { prefix?: boolean }).prefix;
  if (head !== null && entities[head].actor && entities[head].label === 'PER' && lastAgent && code && sector === null && country && code === country && group.some((p) => p.kind === 'agent' && p.to <= group.find((q) => q.entity === head)!.from)) {
    // "Bree Prime Minister Romendacil": a person the dictionary codes with a bare country, titled by an
    // agent noun, takes the agent's sector (PETRARCH2 agent composition)
    sector = lastAgent.slice(-3);
    code = country + sector;
  }
  if (head !== null && !entities[head].actor && (entities[head].label === 'PER' || entities[head].label === 'ORG') && country && lastAgent) {
    // "Palestinian Prime Minister Ismail Haniyeh": an unknown name with a country and a role
    sector = lastAgent.slice(-3);
    code = country + sector;
    name = entities[head].text;
  }
  if (lastIsAgent || (lastAgent && head !== null && entities[head].label !== 'PER' && entities[head].label !== 'ORG')) {
    // the head is an agent noun: "North Korean state media", "the Russian president", "Ukrainian officials"
    const sec = lastAgent!.slice(-3);
    if (head === null || (entities[head].label !== 'PER' && entities[head].label !== 'ORG')) {
      sector = sec;
      code = country ? country + sec : null;
      name = country ? lex.countryName.get(country) ?? country : null;
      if (country && sec === 'GOV' && /president|leader|dictator|prime minister|premier|chancellor|king/.test(textOf(doc, group))) {
        const role = /prime minister|premier|chancellor/.test(textOf(doc, group)) ? 'HOG' : 'HOS';
        const l = (lex.leadersByCountry.get(country) ?? []).find((x) => x.role === role && validOn(x, dct) && dct !== null);
        if (l && /\b(president|leader|dictator|prime minister|premier|chancellor|king)\b$/.test(textOf(doc, group).toLowerCase())) name = l.name;
      }
      head = null;
    }
  }
  if (head === null && sector && formerBefore(tokens, group)) {
    // "former security officials", "Arnor former prosecutors": a role someone no longer holds makes
    // them an elite (CAMEO ELI), not the government, court or military they served; the country stays
    sector = 'ELI';
    code = country ? country + 'ELI' : null;
  }
  if (prefixAgent) {
    // PETRARCH's prefix agents: "MSF Arnor" NGOARN, "an MSF Arnor diplomat" NGOARNGOV, "MSF" alone NGO
    code = prefixAgent + (code ?? country ?? '');
  }
  const start = tokens[group[0].from].start;
  const end = tokens[last.to - 1].end;
  const kind: Mention['kind'] = head !== null ? 'name' : 'nominal';
  return {
    text: doc.document.text.slice(start, end),
    start,
    end,
    sentence: tokens[group[0].from].sentence,
    rule: 'mentions:np',
    code,
    country: code ? country : null,
    sector: code ? sector : null,
    name,
    entity: head,
    kind,
    tokenStart: group[0].from,
    tokenEnd: last.to,
  };
}

/** A title followed by a name: "minister Calimehtar", "the foreign minister Sergei Lavrov". */
function titledName(group: Array<{ kind: string }>): boolean {
  const content = group.filter((p) => p.kind !== 'det');
  return content.length >= 2 && content[0].kind === 'agent' && content[content.length - 1].kind === 'ent';
}

/**
 * True when `prev` is a possessor of `m`: "X's" directly before it, or with only adjectives,
 * adverbs and conjunctions between ("Ithilen's awful and evil minister").
 */
function possessorOf(doc: Readonly<Doc>, prev: Mention, m: Mention): boolean {
  const t = doc.tokens;
  if (!/^['’]s?$/.test(t[prev.tokenEnd]?.text ?? '')) return false;
  for (let k = prev.tokenEnd + 1; k < m.tokenStart; k++) if (t[k].pos !== 'ADJ' && t[k].pos !== 'ADV' && t[k].pos !== 'CCONJ') return false;
  return true;
}

/** A capitalised word that does not open the sentence (part of a name, whatever its tag). */
function nameWord(t: Token, sentStart: number, at: number): boolean {
  return at > sentStart && /^\p{Lu}/u.test(t.text);
}

/** Words that mark a role as held in the past ("former ministers", "ex-officials"). */
const FORMER = new Set(['former', 'ex', 'ex-']);

/** Token index where the group's last agent part starts (-1 without one). */
function lastAgentFrom(group: Array<{ kind: string; from: number }>): number {
  for (let i = group.length - 1; i >= 0; i--) if (group[i].kind === 'agent') return group[i].from;
  return -1;
}

/** True when "former"/"ex-" stands in the group before its last agent noun ("former Gondor prosecutors"). */
function formerBefore(tokens: readonly Token[], group: Array<{ kind: string; from: number }>): boolean {
  const at = lastAgentFrom(group);
  for (let k = group[0].from; k < at; k++) if (FORMER.has(tokens[k].lower)) return true;
  return false;
}

function textOf(doc: Readonly<Doc>, group: Array<{ from: number; to: number }>): string {
  return doc.document.text.slice(doc.tokens[group[0].from].start, doc.tokens[group[group.length - 1].to - 1].end);
}

/**
 * "the leaders of China, Belarus, and India": one mention per country, with the agent's sector;
 * "rebels in the Ivory Coast", "soldiers from Gondor": one mention spanning agent and country.
 */
function agentOf(doc: Readonly<Doc>, m: Mention, entities: readonly Entity[], entAt: Int32Array, limit: number, lex: ActorLexicon): Mention[] {
  if (m.kind !== 'nominal' || m.country || !m.sector && m.code === null && !/\w/.test(m.text)) return [];
  const tokens = doc.tokens;
  let k = m.tokenEnd;
  const prep = tokens[k]?.lower;
  if (k >= limit || (prep !== 'of' && prep !== 'from' && prep !== 'in')) return [];
  const sector = m.sector ?? sectorFromText(m.text, lex);
  if (!sector) return [];
  k++;
  if (prep !== 'of') {
    if (tokens[k]?.lower === 'the') k++;
    const ei = entAt[k];
    const e = ei >= 0 ? entities[ei] : null;
    if (!e?.actor?.country || e.label !== 'GPE') return [];
    let end = k;
    while (end < limit && entAt[end] === ei) end++;
    const out: Mention[] = [{ ...m, text: doc.document.text.slice(m.start, e.end), end: e.end, tokenEnd: end, rule: `mentions:agent-${prep}`, code: e.actor.country + sector, country: e.actor.country, sector }];
    // "lawmakers in Fornost and Gondor": the agent applies to every listed country
    for (;;) {
      let j = end;
      while (j < limit && (tokens[j].lower === ',' || tokens[j].lower === 'and')) j++;
      if (j === end || tokens[j - 1].lower !== 'and' && tokens[j - 1].lower !== ',') break;
      const ej = entAt[j] >= 0 ? entities[entAt[j]] : null;
      if (!ej?.actor?.country || (ej.label !== 'GPE' && ej.actor.code !== ej.actor.country)) break;
      let k2 = j;
      while (k2 < limit && entAt[k2] === entAt[j]) k2++;
      out.push({ text: ej.text, start: ej.start, end: ej.end, sentence: ej.sentence, rule: `mentions:agent-${prep}-list`, code: ej.actor.country + sector, country: ej.actor.country, sector, name: ej.actor.name, entity: entAt[j], kind: 'name', tokenStart: j, tokenEnd: k2 });
      end = k2;
    }
    return out;
  }
  const out: Mention[] = [];
  while (k < limit) {
    const ei = entAt[k];
    if (ei < 0) break;
    const e = entities[ei];
    if (!e.actor?.country || (e.label !== 'GPE' && e.label !== 'ORG')) break;
    out.push({
      text: e.text,
      start: e.start,
      end: e.end,
      sentence: e.sentence,
      rule: 'mentions:agent-of',
      code: e.actor.country + sector,
      country: e.actor.country,
      sector,
      name: e.actor.name,
      entity: ei,
      kind: 'name',
      tokenStart: k,
      tokenEnd: k,
    });
    while (k < limit && entAt[k] === ei) k++;
    out[out.length - 1].tokenEnd = k;
    if (k < limit && tokens[k].lower === ',') k++;
    if (k < limit && (tokens[k].lower === 'and' || tokens[k].lower === 'or')) k++;
  }
  // the first country's mention spans the agent phrase ("the government of Gondor"), so that a
  // conjunct before it ("Ithilen and the government of Gondor") coordinates with the whole phrase
  if (out.length > 0) out[0] = { ...out[0], text: doc.document.text.slice(m.start, out[0].end), start: m.start, tokenStart: m.tokenStart };
  return out;
}

/** The code of the last (suffix) agent phrase among a mention's tokens ("main opposition groups" MOP), or null. */
function agentIn(doc: Readonly<Doc>, m: Mention, lex: ActorLexicon): string | null {
  let out: string | null = null;
  for (let i = m.tokenStart; i < m.tokenEnd; ) {
    const am = lex.agents.matchAt(doc.tokens, i, m.tokenEnd);
    if (am && !am.values[0].prefix) {
      out = am.values[0].code;
      i = am.tokenEnd;
    } else i++;
  }
  return out;
}

function sectorFromText(t: string, lex: ActorLexicon): string | null {
  const words = t.toLowerCase().split(/\s+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const v = lex.agents.get(words[i]);
    if (v) return v[0].code.slice(-3);
  }
  return null;
}

/** An actors component over a given lexicon (default: the project's, loaded on first use). */
export function makeActorsComponent(lexicon?: () => ActorLexicon): Component {
  return {
    name: 'actors',
    requires: ['tokens', 'sentences', 'entities'],
    assigns: ['entities', 'mentions'],
    run(doc) {
      const lex = (lexicon ?? actorLexicon)();
      const entities = resolveEntities(doc, lex);
      return { entities, mentions: buildMentions(doc, entities, lex) };
    },
  };
}

/** Pipeline component: resolves entities to actors and builds actor mentions. */
export const actorsComponent: Component = makeActorsComponent();
