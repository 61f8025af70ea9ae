/**
 * Training-time builders of the recognizer's gazetteers and label-refinement
 * lexicon. They read the shared reference lists (countries, GeoNames places,
 * leaders) and, when present, the project's own `data/countries.json`,
 * `data/places.json`, `data/leaders.json`; everything missing is skipped.
 * The result is stored inside the model file, so inference reads no lists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { tokenize } from '../../text/tokenize.js';
import type { TokenizedConllDoc } from './conll.js';
import { Gazetteer } from './gazetteer.js';

type Log = (...a: unknown[]) => void;

/** Region / geographic names that are LOC rather than GPE (OntoNotes style). */
export const LOC_NAMES = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Antarctica', 'Oceania',
  'Australasia', 'Middle East', 'Mideast', 'Near East', 'Far East', 'Gulf', 'Persian Gulf', 'Balkans', 'Caucasus', 'Scandinavia',
  'Eastern Europe', 'Western Europe', 'Central Europe', 'Southeast Asia', 'South Asia', 'East Asia', 'Central Asia',
  'West Africa', 'East Africa', 'North Africa', 'Southern Africa', 'Sub-Saharan Africa', 'Sahel', 'Sahara', 'Horn of Africa',
  'Pacific', 'Atlantic', 'Mediterranean', 'Black Sea', 'Baltic', 'Baltics', 'Caribbean', 'Arctic', 'Indian Ocean',
  'West Bank', 'Gaza Strip', 'Golan Heights', 'Kashmir', 'Donbas', 'Donbass', 'Crimea', 'Siberia', 'Kurdistan', 'Tibet',
  'Nile', 'Danube', 'Rhine', 'Amazon', 'Himalayas', 'Alps', 'Andes', 'Red Sea', 'South China Sea', 'Taiwan Strait',
  'Strait of Hormuz', 'Suez Canal', 'Panama Canal', 'English Channel', 'North Sea', 'Aegean', 'Adriatic', 'Yangtze', 'Mekong',
  'Jordan River', 'Euphrates', 'Tigris', 'Dnieper', 'Volga', 'Mississippi River', 'Rio Grande', 'Everest', 'Persian Gulf',
  'Western Sahara', 'Patagonia', 'Balkan', 'Levant', 'Maghreb', 'Arabian Peninsula', 'Korean Peninsula', 'Sinai',
];

/** Geographic head words: a LOC ending in one of these is LOC, not GPE. */
export const LOC_HEADS = [
  'river', 'sea', 'ocean', 'lake', 'mountain', 'mountains', 'mount', 'mt.', 'valley', 'gulf', 'bay', 'strait', 'straits', 'peninsula',
  'desert', 'coast', 'basin', 'island', 'islands', 'canal', 'channel', 'plain', 'plains', 'plateau', 'hills', 'range', 'delta',
  'forest', 'region', 'heights', 'cape', 'glacier', 'falls', 'reef', 'highlands', 'strip', 'corridor', 'pass',
];

/** Nationality, religious and political group names (NORP) beyond the demonyms. */
export const NORP_NAMES = [
  'Muslim', 'Muslims', 'Moslem', 'Moslems', 'Islamic', 'Islamist', 'Islamists', 'Christian', 'Christians', 'Catholic', 'Catholics',
  'Protestant', 'Protestants', 'Orthodox', 'Jewish', 'Jew', 'Jews', 'Hindu', 'Hindus', 'Sikh', 'Sikhs', 'Buddhist', 'Buddhists',
  'Sunni', 'Sunnis', 'Shia', 'Shiite', 'Shiites', "Shi'ite", "Shi'ites", 'Alawite', 'Alawites', 'Druze', 'Evangelical', 'Evangelicals',
  'Arab', 'Arabs', 'Arabic', 'Kurd', 'Kurds', 'Kurdish', 'Palestinian', 'Palestinians', 'Pashtun', 'Tamil', 'Tamils', 'Tutsi', 'Tutsis',
  'Hutu', 'Hutus', 'Serb', 'Serbs', 'Croat', 'Croats', 'Bosniak', 'Bosniaks', 'Albanian', 'Albanians', 'Uighur', 'Uighurs', 'Uyghur',
  'Uyghurs', 'Rohingya', 'Yazidi', 'Yazidis', 'Chechen', 'Chechens', 'Basque', 'Basques', 'Catalan', 'Catalans', 'Flemish', 'Walloon',
  'Tatar', 'Tatars', 'Cossack', 'Cossacks', 'Bedouin', 'Berber', 'Berbers', 'Zulu', 'Hispanic', 'Hispanics', 'Latino', 'Latinos',
  'Republican', 'Republicans', 'Democrat', 'Democrats', 'Democratic', 'Conservative', 'Conservatives', 'Tory', 'Tories',
  'Labour', 'Socialist', 'Socialists', 'Communist', 'Communists', 'Liberal', 'Liberals', 'Gaullist', 'Gaullists', 'Zionist', 'Zionists',
  'Marxist', 'Marxists', 'Maoist', 'Maoists', 'Sandinista', 'Sandinistas', 'Bolshevik', 'Bolsheviks', 'Nazi', 'Nazis', 'Fascist',
  'Fascists', 'Peronist', 'Peronists', 'Chavista', 'Chavistas', 'Shiite Muslim', 'Sunni Muslim', 'European', 'Europeans', 'Western',
  'Westerners', 'Asian', 'Asians', 'African', 'Africans', 'Latin American', 'Latin Americans', 'Soviet', 'Soviets', 'Yugoslav',
  'Eurasian', 'Scandinavian', 'Baltic', 'Balkan', 'Caucasian', 'Slav', 'Slavs', 'Slavic', 'Anglo', 'Arabian', 'Persian', 'Persians',
  'Pakistani', 'Afghan', 'Afghans', 'Brit', 'Brits', 'English', 'Scottish', 'Scots', 'Welsh', 'Irish', 'Dutch', 'French', 'Swiss',
  'Chinese', 'Japanese', 'Vietnamese', 'Portuguese', 'Lebanese', 'Sudanese', 'Taiwanese', 'Burmese', 'Congolese', 'Senegalese',
  'Maltese', 'Nepalese', 'Sinhalese', 'Yemeni', 'Yemenis', 'Iraqi', 'Iraqis', 'Israeli', 'Israelis', 'Saudi', 'Saudis', 'Kuwaiti',
  'Emirati', 'Omani', 'Qatari', 'Bahraini', 'Somali', 'Somalis', 'Bangladeshi', 'Bangladeshis', 'Thai', 'Thais', 'Filipino', 'Filipinos',
  'Kazakh', 'Kazakhs', 'Uzbek', 'Uzbeks', 'Tajik', 'Tajiks', 'Turkmen', 'Kyrgyz', 'Azeri', 'Azeris', 'Briton', 'Britons', 'Spaniard',
  'Spaniards', 'Dane', 'Danes', 'Swede', 'Swedes', 'Finn', 'Finns', 'Pole', 'Poles', 'Turk', 'Turks', 'Greek', 'Greeks', 'Czech',
  'Czechs', 'Slovak', 'Slovaks', 'Kiwi', 'Kiwis', 'Aussie', 'Aussies', 'Yankee', 'Yankees', 'Inuit', 'Aboriginal', 'Aborigines',
  'Mormon', 'Mormons', 'Anglican', 'Anglicans', 'Methodist', 'Baptist', 'Lutheran', 'Coptic', 'Copts', 'Maronite', 'Maronites',
  'Wahhabi', 'Salafi', 'Salafist', 'Salafists', 'Jihadist', 'Jihadists', 'Hasidic', 'Haredi',
];

/** Political group plurals that the recognizer may tag ORG but are NORP. */
export const NORP_FROM_ORG = [
  'republicans', 'democrats', 'conservatives', 'tories', 'socialists', 'communists', 'liberals', 'gaullists', 'labourites',
  'sandinistas', 'bolsheviks', 'peronists', 'chavistas', 'zionists',
];

/** Historical / news names of countries missing from ISO lists. */
const EXTRA_COUNTRIES = [
  'U.S.', 'U.S.A.', 'US', 'USA', 'America', 'U.K.', 'UK', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland',
  'Holland', 'Soviet Union', 'USSR', 'Yugoslavia', 'Czechoslovakia', 'East Germany', 'West Germany', 'Zaire', 'Burma', 'Ceylon',
  'Rhodesia', 'Persia', 'Siam', 'Ivory Coast', 'South Korea', 'North Korea', 'Czech Republic', 'Russian Federation', 'Vatican',
  'Palestine', 'Macedonia', 'Congo', 'Swaziland', 'East Timor', 'Taiwan', 'Hong Kong', 'Macau', 'Macao', 'Tibet', 'Kosovo',
  'UAE', 'U.A.E.', 'Emirates', 'Bosnia', 'Herzegovina', 'Bosnia-Herzegovina', 'Trinidad', 'Tobago', 'Zanzibar',
];

function readJson(path: string): unknown | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Collect string values under the given keys anywhere in a JSON value. */
function collectStrings(v: unknown, keys: Set<string>, out: string[], depth = 0, under = false): void {
  if (depth > 8 || v === null || v === undefined) return;
  if (typeof v === 'string') {
    if (under && v.length >= 2 && v.length <= 80) out.push(v);
    return;
  }
  if (Array.isArray(v)) {
    for (const x of v) collectStrings(x, keys, out, depth + 1, under);
    return;
  }
  if (typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) collectStrings(x, keys, out, depth + 1, under || keys.has(k));
  }
}

/** Names grouped by gazetteer category, as raw strings. */
export interface RawLists {
  [category: string]: string[];
}

function pluralDemonym(d: string): string[] {
  if (/(ese|ish|ch|ss|i|Swiss)$/.test(d)) return [d];
  if (/an$/.test(d) || /i$/.test(d)) return [d + 's'];
  return [d + 's'];
}

/** Read the raw name lists from the shared data (and the project's data files, when present). */
export function readRawLists(dataDir: string, projectDataDir?: string, log?: Log): RawLists {
  const lists: RawLists = { country: [], demonym: [], city: [], admin1: [], person: [], org: [], region: [...LOC_NAMES], norp: [...NORP_NAMES] };
  // countries
  const countries = readJson(join(dataDir, 'countries', 'countries.json')) as any[] | null;
  if (Array.isArray(countries)) {
    for (const c of countries) {
      lists.country.push(c.name?.common, c.name?.official);
      for (const a of c.altSpellings ?? []) if (typeof a === 'string' && (a.length >= 4 || /^[A-Z]{3}$/.test(a))) lists.country.push(a);
      for (const cap of c.capital ?? []) lists.city.push(cap);
      const d = c.demonyms?.eng;
      if (d) for (const x of new Set([d.m, d.f])) if (x) lists.demonym.push(x, ...pluralDemonym(x));
    }
  } else log?.('gazetteer: no countries.json in shared data');
  lists.country.push(...EXTRA_COUNTRIES);
  // GeoNames
  const cities = join(dataDir, 'geonames', 'cities15000.txt');
  if (existsSync(cities)) {
    for (const line of readFileSync(cities, 'utf8').split('\n')) {
      const c = line.split('\t');
      if (c.length < 15) continue;
      const pop = Number(c[14]) || 0;
      lists.city.push(c[1], c[2]);
      if (pop >= 200000) for (const a of c[3].split(',')) if (/^[A-Z][A-Za-z .'-]+$/.test(a) && a.length >= 3) lists.city.push(a);
    }
  }
  const admin1 = join(dataDir, 'geonames', 'admin1CodesASCII.txt');
  if (existsSync(admin1)) {
    for (const line of readFileSync(admin1, 'utf8').split('\n')) {
      const c = line.split('\t');
      if (c.length >= 3) lists.admin1.push(c[1], c[2]);
    }
  }
  // leaders
  for (const f of ['everypolitician_world_leaders_wikidata_2026snapshot.csv', 'everypolitician_world_leaders_wikidata_2022-10-10.csv', 'everypolitician_foreign_ministers_wikidata_2022-12.csv']) {
    const p = join(dataDir, 'leaders', f);
    if (!existsSync(p)) continue;
    const rows = readFileSync(p, 'utf8').split('\n');
    const head = rows[0].split(',');
    const col = head.indexOf(head.includes('officeholderLabel') ? 'officeholderLabel' : 'name');
    for (const r of rows.slice(1)) {
      const c = r.split(',');
      const name = c[col];
      if (name && !/^Q\d+$/.test(name)) lists.person.push(name);
    }
  }
  // the project's own data files (optional)
  if (projectDataDir) {
    const nameKeys = new Set(['name', 'names', 'aliases', 'alias', 'common', 'official', 'officialName', 'altSpellings', 'shortName', 'label']);
    const pc = readJson(join(projectDataDir, 'countries.json'));
    if (pc) {
      const out: string[] = [];
      collectStrings(pc, nameKeys, out);
      lists.country.push(...out.filter((s) => /^[A-Z]/.test(s)));
      const dem: string[] = [];
      collectStrings(pc, new Set(['demonym', 'demonyms', 'adjective', 'adjectives', 'nationality']), dem);
      lists.demonym.push(...dem.filter((s) => /^[A-Z]/.test(s)));
      log?.(`gazetteer: project countries.json: ${out.length} names, ${dem.length} demonyms`);
    }
    const pp = readJson(join(projectDataDir, 'places.json'));
    if (pp) {
      const out: string[] = [];
      collectStrings(pp, nameKeys, out);
      lists.city.push(...out.filter((s) => /^[A-Z]/.test(s)));
      log?.(`gazetteer: project places.json: ${out.length} names`);
    }
    const pl = readJson(join(projectDataDir, 'leaders.json'));
    if (pl) {
      const out: string[] = [];
      collectStrings(pl, new Set(['name', 'names', 'aliases', 'person', 'officeholder']), out);
      lists.person.push(...out.filter((s) => /^[A-Z][^ ]* [A-Z]/.test(s)));
      log?.(`gazetteer: project leaders.json: ${out.length} names`);
    }
    // PETRARCH-style actor dictionary: dated role holders are people; MNC/IGO/NGO entries organisations
    const pa = readJson(join(projectDataDir, 'actors.json')) as { actors?: { codes?: { code?: string; from?: string | null; to?: string | null }[]; names?: string[] }[] } | null;
    if (pa && Array.isArray(pa.actors)) {
      let np = 0;
      let no = 0;
      for (const a of pa.actors) {
        const codes = a.codes ?? [];
        const names = (a.names ?? []).filter((x) => typeof x === 'string');
        if (codes.some((c) => c.from || c.to)) {
          for (const x of names) if (x.includes(' ')) (lists.person.push(x), np++);
        } else if (codes.some((c) => /^(MNC|IGO|NGO)/.test(c.code ?? ''))) {
          for (const x of names) (lists.org.push(x), no++);
        }
      }
      log?.(`gazetteer: project actors.json: ${np} people, ${no} organisations`);
    }
  }
  // compromise's lexicon (a dev dependency; skipped when not installed): first names, surnames, organisations, teams
  try {
    const nlp = createRequire(import.meta.url)('compromise') as { model(): { one: { lexicon: Record<string, string | string[]> } } };
    const lex = nlp.model().one.lexicon;
    let n = 0;
    for (const w of Object.keys(lex).sort()) {
      const tags = ([] as string[]).concat(lex[w]);
      const add = (cat: string) => ((lists[cat] ??= []).push(w), n++);
      if (tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) add('first');
      if (tags.includes('LastName')) add('surname');
      if (tags.includes('Person')) add('person');
      if (tags.includes('Organization') && w.length > 3) add('org');
      if (tags.includes('SportsTeam')) add('team');
    }
    log?.(`gazetteer: compromise lexicon: ${n} names`);
  } catch {
    log?.('gazetteer: compromise not installed, its lexicon skipped');
  }
  for (const k of Object.keys(lists)) lists[k] = [...new Set(lists[k].filter((s) => typeof s === 'string' && s.trim()))].sort();
  return lists;
}

/** Tokenize names with the project tokenizer; returns lower-cased keys (tokens joined by spaces). */
export function nameKeys(names: readonly string[]): string[] {
  const out: string[] = [];
  const CH = 2000;
  for (let i = 0; i < names.length; i += CH) {
    const chunk = names.slice(i, i + CH).map((s) => s.replace(/\s+/g, ' ').trim());
    const starts: number[] = [];
    let o = 0;
    for (const s of chunk) {
      starts.push(o);
      o += s.length + 1;
    }
    const groups: string[][] = chunk.map(() => []);
    let li = 0;
    for (const t of tokenize(chunk.join('\n')).tokens) {
      while (li + 1 < starts.length && t.start >= starts[li + 1]) li++;
      groups[li].push(t.lower);
    }
    for (const g of groups) out.push(g.join(' '));
  }
  return out;
}

/** The external gazetteer (categories: country, demonym, city, admin1, person, surname, region, norp). */
export function buildGazetteer(opts: { dataDir: string; projectDataDir?: string; log?: Log }): Gazetteer {
  const lists = readRawLists(opts.dataDir, opts.projectDataDir, opts.log);
  const g = new Gazetteer();
  for (const cat of Object.keys(lists).sort()) {
    const keys = nameKeys(lists[cat]);
    for (const k of keys) if (k) g.add(k, cat);
    if (cat === 'person') {
      for (const k of keys) {
        const parts = k.split(' ');
        if (parts.length >= 2 && parts[parts.length - 1].length > 2) g.add(parts[parts.length - 1], 'surname');
        if (parts.length >= 2 && /^[a-z]{3,}$/.test(parts[0])) g.add(parts[0], 'first');
      }
    }
    opts.log?.(`gazetteer ${cat}: ${keys.length}`);
  }
  return g;
}

/** A gazetteer of the entity names in (part of) the training set: categories trPER, trORG, trLOC, trMISC. */
export function trainGazetteer(docs: readonly TokenizedConllDoc[]): Gazetteer {
  const g = new Gazetteer();
  for (const d of docs) {
    for (const s of d.gold) {
      const toks = d.tokens.filter((t) => t.start >= s.start && t.end <= s.end);
      if (!toks.length) continue;
      g.add(toks.map((t) => t.lower).join(' '), 'tr' + s.type);
      if (s.type === 'PER' && toks.length > 1) {
        g.add(toks[0].lower, 'trPERf');
        g.add(toks[toks.length - 1].lower, 'trPERl');
      }
    }
  }
  return g;
}

/** Lists for label refinement (lower-cased token keys): gpe, loc, norp, norpOrg, locHead. */
export function buildLexicon(opts: { dataDir: string; projectDataDir?: string }): Record<string, string[]> {
  const lists = readRawLists(opts.dataDir, opts.projectDataDir);
  const uniq = (a: string[]) => [...new Set(a.filter(Boolean))].sort();
  return {
    gpe: uniq(nameKeys([...lists.country, ...lists.city, ...lists.admin1])),
    loc: uniq(nameKeys(lists.region)),
    norp: uniq(nameKeys([...lists.demonym, ...lists.norp])),
    norpOrg: [...NORP_FROM_ORG].sort(),
    locHead: [...LOC_HEADS].sort(),
    country: uniq(nameKeys(lists.country)),
    surname: uniq(nameKeys(lists.person).map((k) => k.split(' ').pop() ?? '')),
  };
}
