/**
 * The actor gazetteer: every name sitrep can resolve to a CAMEO actor, built
 * once per process from the project's data files (see NOTICE for sources):
 * countries and demonyms (`data/countries.json`), places (`data/places.json`,
 * GeoNames), heads of state and government with their terms
 * (`data/leaders.json`, CIA World Factbook and Wikidata), Phoenix/PETRARCH2
 * actor names and agent (sector) nouns (`data/actors.json`, `data/agents.json`),
 * and the project's own institutions list (`data/lexicon/institutions.json`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCountries, loadLeaders, loadPlaces } from '../data/load.js';
import { loadActors, loadAgents } from '../data/dictionaries.js';
import { PhraseLexicon } from '../text/phrases.js';
import type { NerLabel } from '../doc.js';

/** What a gazetteer phrase names. */
export type GazKind = 'country' | 'demonym' | 'capital' | 'place' | 'leader' | 'institution' | 'actor';

/** One gazetteer entry behind a phrase. */
export interface GazEntry {
  kind: GazKind;
  label: NerLabel;
  /** CAMEO actor code (country + sector), e.g. RUSGOV, or a bare ISO3 for countries. */
  code: string;
  /** ISO 3166-1 alpha-3 or null for international actors. */
  country: string | null;
  sector: string | null;
  /** Canonical name. */
  name: string;
  /** For leaders and dated Phoenix codes: validity as YYYY-MM-DD (inclusive), null = open. */
  from?: string | null;
  to?: string | null;
  /** For leaders: HOS, HOG or FM. */
  role?: string;
  /** Case-sensitive surface form required (e.g. "WHO"). */
  exact?: string;
  /** Places: population, to prefer the largest of homonyms. */
  population?: number;
  /** Leaders: the person also heads a larger state (Macron as co-prince of Andorra); the other entry is preferred. */
  secondary?: boolean;
}

/** An agent (sector) noun such as "troops" (MIL) or "state media" (MED). */
export interface AgentEntry {
  code: string;
  phrase: string;
  /** PETRARCH's `NGO~`: the code goes before the actor's ("MSF Arnor" -> NGOARN), not after it. */
  prefix?: boolean;
}

/** The loaded gazetteers. */
export interface ActorLexicon {
  names: PhraseLexicon<GazEntry>;
  agents: PhraseLexicon<AgentEntry>;
  /** ISO3 -> country name. */
  countryName: Map<string, string>;
  /** ISO3 -> leaders (for "the Russian president" -> Vladimir Putin). */
  leadersByCountry: Map<string, GazEntry[]>;
  /**
   * Surname (lower case) -> government-sector entries of Phoenix person names with
   * two or more words ("bush" -> George W. Bush USAGOV 2001-2009, ...), consulted only for
   * recognized person names that the gazetteer did not resolve.
   */
  surnames: Map<string, GazEntry[]>;
}

let cached: ActorLexicon | null = null;

const INSTITUTIONS = fileURLToPath(new URL('../../data/lexicon/institutions.json', import.meta.url));
const DEMONYMS_EXTRA = fileURLToPath(new URL('../../data/lexicon/demonyms.extra.json', import.meta.url));

/** Load (once) and return the actor gazetteer. @throws SitrepError `data_missing` when a data file is absent. */
export function actorLexicon(): ActorLexicon {
  if (!cached) cached = buildActorLexicon();
  return cached;
}

/** Dictionaries an actor lexicon is built from (defaults: the project's data files). */
export interface ActorSources {
  countries?: ReturnType<typeof loadCountries>;
  places?: ReturnType<typeof loadPlaces>;
  leaders?: ReturnType<typeof loadLeaders>;
  actors?: ReturnType<typeof loadActors>;
  agents?: ReturnType<typeof loadAgents>;
  /** Include the project's institutions list (default true). */
  institutions?: boolean;
  /** Phoenix-style actor names of one word are indexed too (default false: too ambiguous in news). */
  singleWordActors?: boolean;
}

/**
 * Build an actor lexicon from the given dictionaries (for example PETRARCH2's
 * validation dictionaries, with empty country, place and leader lists).
 */
export function buildActorLexicon(src: ActorSources = {}): ActorLexicon {
  const countries = src.countries ?? loadCountries();
  const names = new PhraseLexicon<GazEntry>(7);
  const agents = new PhraseLexicon<AgentEntry>(4);
  const countryName = new Map<string, string>();
  const leadersByCountry = new Map<string, GazEntry[]>();

  for (const c of countries) {
    const iso3 = c.cameo ?? c.iso3;
    countryName.set(c.iso3, c.name);
    const base = { country: c.iso3, sector: null, name: c.name };
    for (const n of new Set([c.name, ...c.aliases])) names.add(n, { kind: 'country', label: 'GPE', code: iso3, ...base });
    for (const d of new Set(c.demonyms)) names.add(d, { kind: 'demonym', label: 'NORP', code: iso3, ...base });
    for (const cap of new Set([c.capital, ...(c.capitalAliases ?? [])])) {
      if (cap) names.add(cap, { kind: 'capital', label: 'GPE', code: iso3 + 'GOV', country: c.iso3, sector: 'GOV', name: c.name });
    }
  }
  const common = new Set(['west', 'east', 'north', 'south', 'centre', 'center', 'central', 'western', 'eastern', 'northern', 'southern', 'capital', 'coast', 'islands', 'lakes', 'plateau', 'river', 'forest', 'mountain', 'valley', 'border', 'upper', 'lower', 'littoral', 'federal', 'national', 'union', 'york', 'sport', 'pacific', 'atlantic', 'colon', 'victoria', 'george', 'hope', 'split', 'mobile', 'reading', 'nice', 'bath', 'orange', 'march', 'may', 'florida', 'santa', 'san', 'saint', 'st.', 'independence', 'liberty', 'unity', 'progress', 'arena', 'city']);
  if (src.institutions !== false) {
    const extra = JSON.parse(readFileSync(DEMONYMS_EXTRA, 'utf8')) as { demonyms: Record<string, string> };
    for (const [d, iso3] of Object.entries(extra.demonyms)) {
      if (!countryName.has(iso3) || names.get(d)?.some((e) => e.kind === 'demonym')) continue;
      names.add(d, { kind: 'demonym', label: 'NORP', code: iso3, country: iso3, sector: null, name: countryName.get(iso3)! });
    }
  }
  for (const p of src.places ?? loadPlaces()) {
    // single common words that GeoNames also names places with ("West", "Forest", "George") are not places in news text
    if (common.has(p.name.toLowerCase())) continue;
    if (p.kind === 'city' && !p.name.includes(' ') && (p.population ?? 0) < 150_000 && !(p as { capital?: boolean }).capital) continue;
    names.add(p.name, {
      kind: 'place',
      label: 'GPE',
      code: p.iso3,
      country: p.iso3,
      sector: null,
      name: p.name,
      population: p.population ?? 0,
    });
  }
  for (const l of src.leaders ?? loadLeaders()) {
    const e: GazEntry = {
      kind: 'leader',
      label: 'PER',
      code: l.iso3 + 'GOV',
      country: l.iso3,
      sector: 'GOV',
      name: l.name,
      from: l.start,
      to: l.end,
      role: l.role,
      ...(l.secondary ? { secondary: true } : {}),
    };
    // a one-word alias must be the surname (last word of the canonical name): "Putin", not "Vladimir" or "Omar"
    const surname = l.name.split(/\s+/).pop()!.toLowerCase();
    for (const n of new Set([l.name, ...l.aliases])) {
      if (!/\s/.test(n.trim()) && n.toLowerCase() !== surname && !/^[A-Z]{2,}$/.test(n) && !KNOWN_MONONYMS.has(n.toLowerCase())) continue;
      names.add(n, e);
    }
    const list = leadersByCountry.get(l.iso3) ?? [];
    list.push(e);
    leadersByCountry.set(l.iso3, list);
  }
  const inst = src.institutions === false ? { institutions: [] } : (JSON.parse(readFileSync(INSTITUTIONS, 'utf8')) as {
    institutions: Array<{ phrase: string; code: string; label: NerLabel; name: string; caseSensitive?: string }>;
  });
  for (const i of inst.institutions) {
    const country = /^[A-Z]{3}/.test(i.code) && countryName.has(i.code.slice(0, 3)) ? i.code.slice(0, 3) : null;
    const sector = country ? i.code.slice(3) || null : null;
    names.add(i.phrase, { kind: 'institution', label: i.label, code: i.code, country, sector, name: i.name, exact: i.caseSensitive });
  }
  // Phoenix names that begin with a title or demonym ("russian president vladimir putin") would hide
  // the mention structure (demonym + title + name) that sitrep builds itself, so they are skipped.
  const surnames = new Map<string, GazEntry[]>();
  const demonymWords = new Set<string>();
  for (const c of countries) for (const d of c.demonyms) demonymWords.add(d.toLowerCase().split(' ')[0]);
  for (const a of (src.actors ?? loadActors()).actors) {
    if (a.codes.length === 0) continue;
    for (const full of a.names) {
      // "the security council", "the hermit kingdom": the article is not part of the name (and the
      // gazetteer only accepts capitalised starts), so the rest of the phrase is indexed
      const n = full.startsWith('the ') ? full.slice(4) : full;
      const words = n.split(' ');
      // single words in Phoenix are too ambiguous for news text, except a hyphenated name ("al-qaeda")
      // and an acronym written in capitals ("UNITA", "FARC": matched case-sensitively)
      let exact: string | undefined;
      if (words.length < 2 && !src.singleWordActors) {
        if (/^[a-z]{3,6}$/.test(n)) exact = n.toUpperCase();
        else if (!/^[a-z]+(-[a-z]+)+$/.test(n) || n.length < 6) continue;
      }
      if (words.length >= 2 && !TITLE_WORDS.has(words[0]) && !demonymWords.has(words[0])) {
        const last = words[words.length - 1];
        for (const c of a.codes) {
          const country = countryName.has(c.code.slice(0, 3)) ? c.code.slice(0, 3) : null;
          if (!country || !/^...(GOV|ELI|MIL)/.test(c.code)) continue;
          const list = surnames.get(last) ?? [];
          list.push({ kind: 'actor', label: 'PER', code: c.code.slice(0, 6), country, sector: c.code.slice(3, 6), name: titleCase(n), from: c.from, to: c.to });
          surnames.set(last, list);
        }
      }
      // ("prince of dol amroth", "king of the belgians": a title held over a domain is a name in
      // itself, which the mention structure cannot rebuild from its parts, so it is kept)
      if ((TITLE_WORDS.has(words[0]) && words[1] !== 'of') || demonymWords.has(words[0])) continue;
      for (const c of a.codes) {
        const country = countryName.has(c.code.slice(0, 3)) || src.singleWordActors ? c.code.slice(0, 3) : null;
        names.add(n, {
          kind: 'actor',
          // a bare country code names a state ("Arnor", "Hamas" aside): a GPE, not a person
          // (a single-word acronym or hyphenated name is an organisation: "UNITA", "al-Qaeda")
          // (a group entry, "the Shire" FRO/BIL/SAM, is not a person either)
          // (nor is a name written with the article, "the AU", "the Shire": an institution or a place)
          label: c.code.length === 3 && country ? 'GPE' : (words.length < 2 && !src.singleWordActors) || c.code.includes('/') || full.startsWith('the ') ? 'ORG' : 'PER',
          code: c.code,
          country,
          sector: country ? c.code.slice(3, 6) || null : null,
          name: titleCase(n),
          from: c.from,
          to: c.to,
          ...(exact ? { exact } : {}),
        });
      }
    }
  }
  for (const a of (src.agents ?? loadAgents()).agents) agents.add(a.phrase, { code: a.code.replace(/^~|~$/g, ''), phrase: a.phrase, ...(a.position === 'prefix' ? { prefix: true } : {}) });
  return { names, agents, countryName, leadersByCountry, surnames };
}

/** One-word leader names that news uses alone although they are not the surname. */
const KNOWN_MONONYMS = new Set(['lula', 'zelenskyy', 'zelenskiy', 'kim', 'xi', 'erdogan', 'erdoğan', 'mbs', 'amlo', 'bolsonaro', 'lukashenka', 'sisi']);

const TITLE_WORDS = new Set(['president', 'prime', 'minister', 'foreign', 'defense', 'defence', 'king', 'queen', 'prince', 'general', 'gen', 'gen.', 'chancellor', 'premier', 'secretary', 'senator', 'sen.', 'former', 'supreme', 'leader', 'chairman', 'vice', 'deputy', 'ambassador', 'governor', 'mayor', 'the', 'dr', 'dr.', 'mr', 'mr.', 'mrs', 'ms', 'sheikh', 'emir', 'crown']);

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** True when a dated entry is valid on `date` (YYYY-MM-DD); undated entries and a null date always pass. */
export function validOn(e: Pick<GazEntry, 'from' | 'to'>, date: string | null): boolean {
  if (!date) return true;
  if (e.from && date < e.from) return false;
  if (e.to && date > e.to) return false;
  return true;
}
