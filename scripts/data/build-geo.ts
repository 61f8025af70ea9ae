/**
 * Build the geography and leader reference files from the shared data:
 *
 * - `data/countries.json`  countries with ISO codes, aliases, demonyms, capitals;
 * - `data/places.json`     GeoNames cities (>= 100k or capitals / admin seats) and admin-1 regions;
 * - `data/leaders.json`    heads of state / government (and 2022 foreign ministers) with terms.
 *
 * Sources (see NOTICE): mledoze/countries, GeoNames (cities15000, admin1CodesASCII, countryInfo),
 * Wikidata capitals (waldenn/conzept extract), text_to_CAMEO countrynames, CountryInfo (demonyms,
 * capitals, abbreviations only), CIA World Factbook executive spells, everypolitician Wikidata
 * snapshots. Schemas: see `src/data/load.ts`.
 *
 * Output is deterministic: rows sorted, object keys sorted, one row per line.
 *
 * Run: `node --import tsx scripts/data/build-geo.ts`
 * Env: `SITREP_SHARED` (default `../shared` relative to the project root).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Country } from '../../src/data/load.js';
import { PROJECT_ROOT, findSharedData, sortKeys } from './common.js';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const OUT_DIR = join(PROJECT_ROOT, 'data');

/** The shared data directory (see findSharedData in ./common.ts). */
export function sharedDataDir(): string {
  return findSharedData('countries');
}

// ---------------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------------

/** Write an array as JSON, one row per line, keys sorted. */
function writeRows(file: string, rows: unknown[]): void {
  writeFileSync(file, `[\n${rows.map((r) => JSON.stringify(sortKeys(r))).join(',\n')}\n]\n`);
}
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Remove diacritics (é -> e); keeps other characters. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[‘’ʻʼ`]/g, "'");
}
const LATIN = /^[\p{Script=Latin}0-9 .,'’()&-]+$/u;
const isLatin = (s: string): boolean => LATIN.test(s);

/** Sorted, de-duplicated list without the excluded values (case-sensitive). */
function uniq(xs: Iterable<string>, exclude: Iterable<string> = []): string[] {
  const ex = new Set(exclude);
  const out = new Set<string>();
  for (const x of xs) {
    const t = x.replace(/\s+/g, ' ').trim();
    if (t && !ex.has(t)) out.add(t);
  }
  return [...out].sort(cmp);
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
}

function lev(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[n];
}

/** "NORTH_KOREAN_" -> "North Korean" (CountryInfo entries). */
function titleCaseUnderscore(s: string): string {
  return s
    .replace(/_+$/, '')
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/(^|[\s(-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase())
    .replace(/\b(Of|The|And|Da|De|Du|Del)\b/g, (w) => w.toLowerCase())
    .replace(/^(of|the|and|da|de|du|del)\b/, (w) => w[0].toUpperCase() + w.slice(1));
}

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

interface Mledoze {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  independent: boolean | null;
  capital?: string[];
  altSpellings?: string[];
  region: string;
  subregion?: string;
  demonyms?: { eng?: { m?: string; f?: string } };
}

interface GeoCountry {
  iso2: string;
  iso3: string;
  name: string;
  capital: string;
  population: number;
}

function readGeoCountries(shared: string): Map<string, GeoCountry> {
  const out = new Map<string, GeoCountry>();
  for (const line of readFileSync(join(shared, 'geonames', 'countryInfo.txt'), 'utf8').split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split('\t');
    out.set(f[0], { iso2: f[0], iso3: f[1], name: f[4], capital: f[5], population: Number(f[7]) || 0 });
  }
  return out;
}

interface CountryInfoRec {
  code: string;
  iso3: string;
  nationality: string[];
  capital: string[];
  majorCities: string[];
}

/** Parse Schrodt's almost-XML CountryInfo: codes, <Nationality> and <Capital> only. */
function readCountryInfo(shared: string): CountryInfoRec[] {
  const text = readFileSync(join(shared, 'cameo_resources', 'countryinfo', 'CountryInfo.120116.txt'), 'latin1');
  const body = text.slice(text.indexOf('-->') + 3);
  const out: CountryInfoRec[] = [];
  for (const block of body.split('<Country>').slice(1)) {
    const end = block.indexOf('</Country>');
    const b = end >= 0 ? block.slice(0, end) : block;
    const tag = (t: string): string[] => {
      const m = new RegExp(`<${t}>([\\s\\S]*?)</${t}>`).exec(b);
      if (!m) return [];
      return m[1]
        .split(/\r?\n/)
        .map((l) => l.split('#')[0].trim())
        .filter(Boolean);
    };
    const code = /<CountryCode>([A-Z]+)<\/CountryCode>/.exec(b)?.[1];
    const iso3 = /<ISO3166-alpha3>([A-Z]{3})<\/ISO3166-alpha3>/.exec(b)?.[1];
    if (!code || !iso3) continue;
    out.push({ code, iso3, nationality: tag('Nationality'), capital: tag('Capital'), majorCities: tag('MajorCities') });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Curated additions (common English names used in news; facts, not source text)
// ---------------------------------------------------------------------------------------------

const EXTRA_ALIASES: Record<string, string[]> = {
  USA: ['U.S.', 'US', 'U.S.A.', 'USA', 'America', 'United States', 'United States of America', 'the United States', 'the U.S.', 'the US'],
  GBR: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom', 'the UK', 'the U.K.'],
  RUS: ['Russia', 'Russian Federation'],
  KOR: ['South Korea', 'S. Korea', 'S.Korea', 'Republic of Korea', 'ROK', 'R.O.K.'],
  PRK: ['North Korea', 'N. Korea', 'N.Korea', 'DPRK', 'D.P.R.K.', "Democratic People's Republic of Korea"],
  CHN: ['China', 'PRC', "People's Republic of China", 'mainland China'],
  TWN: ['Taiwan', 'Republic of China'],
  IRN: ['Iran', 'Islamic Republic of Iran'],
  SYR: ['Syria', 'Syrian Arab Republic'],
  COD: ['DRC', 'DR Congo', 'D.R. Congo', 'Democratic Republic of Congo', 'Democratic Republic of the Congo', 'Congo-Kinshasa'],
  COG: ['Republic of the Congo', 'Congo-Brazzaville', 'Congo Republic'],
  CIV: ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"],
  CZE: ['Czech Republic', 'Czechia'],
  TUR: ['Turkey', 'Türkiye', 'Turkiye'],
  MMR: ['Myanmar', 'Burma'],
  NLD: ['Netherlands', 'the Netherlands', 'Holland'],
  ARE: ['UAE', 'U.A.E.', 'United Arab Emirates', 'the Emirates'],
  SAU: ['Saudi Arabia', 'Saudi', 'KSA'],
  PSE: ['Palestine', 'State of Palestine', 'Palestinian territories', 'Palestinian Territories', 'occupied Palestinian territories'],
  VAT: ['Vatican', 'Holy See', 'Vatican City'],
  MKD: ['North Macedonia', 'Macedonia'],
  SWZ: ['Eswatini', 'Swaziland'],
  CPV: ['Cape Verde', 'Cabo Verde'],
  TLS: ['East Timor', 'Timor-Leste'],
  LAO: ['Laos'],
  VNM: ['Vietnam', 'Viet Nam'],
  BIH: ['Bosnia', 'Bosnia and Herzegovina', 'Bosnia-Herzegovina'],
  XKX: ['Kosovo'],
  VEN: ['Venezuela'],
  BOL: ['Bolivia'],
  MDA: ['Moldova'],
  GEO: ['Georgia'],
};

/** Demonyms / person nouns not derivable from the sources' adjectives (plurals are added automatically). */
const EXTRA_DEMONYMS: Record<string, string[]> = {
  USA: ['American', 'U.S.'],
  GBR: ['British', 'Briton', 'Brit', 'English', 'Scottish', 'Welsh', 'Englishman', 'Scot'],
  PRK: ['North Korean', 'N. Korean'],
  KOR: ['South Korean', 'S. Korean'],
  POL: ['Pole'],
  SWE: ['Swede'],
  DNK: ['Dane'],
  FIN: ['Finn'],
  TUR: ['Turk'],
  ESP: ['Spaniard'],
  NLD: ['Dutchman', 'Dutch'],
  FRA: ['Frenchman'],
  IRL: ['Irishman'],
  NZL: ['Kiwi'],
  PHL: ['Filipino', 'Filipina'],
  BIH: ['Bosnian'],
  CZE: ['Czech'],
  SAU: ['Saudi'],
  UKR: ['Ukrainian'],
  RUS: ['Russian'],
  PSE: ['Palestinian'],
  ISR: ['Israeli'],
  CHN: ['Chinese'],
  XKX: ['Kosovar', 'Kosovan'],
  TWN: ['Taiwanese'],
  COD: ['Congolese'],
  ARE: ['Emirati'],
};

const EXTRA_CAPITAL_ALIASES: Record<string, string[]> = {
  USA: ['Washington', 'Washington, D.C.', 'Washington D.C.', 'Washington DC'],
  UKR: ['Kyiv', 'Kiev'],
  CHN: ['Beijing', 'Peking'],
  IND: ['New Delhi', 'Delhi'],
  MMR: ['Naypyidaw', 'Nay Pyi Taw'],
};

/** CAMEO country codes that differ from ISO 3166 alpha-3 (text_to_CAMEO / CountryInfo). */
const CAMEO_OVERRIDES: Record<string, string> = { XKX: 'KSV', TLS: 'TMP' };

/** Plural of a demonym noun: Russian -> Russians; Chinese/British/French/Swiss stay as they are. */
export function demonymPlural(d: string): string | null {
  if (/(ese|ish|ch|sh|ss|s|x|z)$/i.test(d) || /\.$/.test(d) || /man$/.test(d)) return null;
  if (/man$/i.test(d)) return d.replace(/man$/i, 'men');
  return `${d}s`;
}

// ---------------------------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------------------------

/** A row of data/countries.json: the loader's type is the schema. */
export type CountryRow = Country;

function buildCountries(shared: string): CountryRow[] {
  const ml = JSON.parse(readFileSync(join(shared, 'countries', 'countries.json'), 'utf8')) as Mledoze[];
  const geo = readGeoCountries(shared);
  const geoByIso3 = new Map([...geo.values()].map((g) => [g.iso3, g]));
  const wd = readCsv(join(shared, 'wikidata_countries', 'country_wikidata_capitals.csv'));
  const ci = readCountryInfo(shared);
  const cameoNames = readFileSync(join(shared, 'cameo_resources', 'text_to_CAMEO', 'countrynames.txt'), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.split('\t'))
    .filter((f) => f.length >= 2 && /^[A-Z]{3,6}$/.test(f[1]));

  const rows: CountryRow[] = [];
  for (const c of ml) {
    const iso3 = c.cca3 === 'UNK' ? 'XKX' : c.cca3; // Kosovo: GeoNames/Wikidata user-assigned code
    const iso2 = c.cca2;
    const name = c.name.common;
    const aliases = new Set<string>([name, c.name.official]);
    for (const a of c.altSpellings ?? []) {
      if (a.length <= 2 || !isLatin(a)) continue; // 2-letter ISO codes match too much text ("IN", "IT")
      aliases.add(a);
    }
    const g = geoByIso3.get(iso3);
    if (g) aliases.add(g.name);
    for (const w of wd.filter((r) => r.iso3.toUpperCase() === iso3)) if (w.name && w.name.length > 4) aliases.add(w.name);
    let cameo: string | undefined = CAMEO_OVERRIDES[iso3];
    for (const [n, code] of cameoNames) {
      if (n === 'NULL') continue;
      const nameMatch = [...aliases].some((a) => fold(a).toLowerCase() === fold(n).toLowerCase());
      if (code === iso3) aliases.add(n);
      else if (nameMatch && code.length === 6) cameo = code; // e.g. Puerto Rico -> USAPRI
    }
    const demonyms = new Set<string>();
    const capitalAliases = new Set<string>();
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (d) demonyms.add(d);
    for (const rec of ci.filter((r) => r.iso3 === iso3)) {
      if (rec.code.length === 6 && !cameo) cameo = rec.code;
      // CountryInfo: its first <Nationality> entry is the adjective; abbreviations are kept as aliases.
      // Its other entries (misspellings, foreign-language names) are not used.
      const first = rec.nationality[0];
      if (first && /(AN|ESE|ISH|I|CH|ER|IC|OT)_?$/.test(first) && !/_(ISLANDS?|REPUBLIC)_?$/.test(first)) demonyms.add(titleCaseUnderscore(first));
      for (const n of rec.nationality) {
        const t = n.replace(/_+$/, '');
        if (/^[A-Z](\.[A-Z])+\.?$/.test(t) || /^(DPRK|ROK|PRC|DRC|UAE|USA|KSA|FYROM|UK|US)$/.test(t)) aliases.add(t.replace(/_/g, ' '));
      }
      for (const cap of rec.capital) {
        const t = cap.replace(/_+$/, '');
        if (/^[A-Z][A-Z .'-]+$/.test(t)) capitalAliases.add(titleCaseUnderscore(t));
      }
    }
    for (const a of EXTRA_ALIASES[iso3] ?? []) aliases.add(a);
    for (const d of EXTRA_DEMONYMS[iso3] ?? []) demonyms.add(d);
    for (const d of [...demonyms]) {
      const p = demonymPlural(d);
      if (p) demonyms.add(p);
    }
    const caps = (c.capital ?? []).filter(Boolean);
    let capital: string | null = caps[0] ?? g?.capital ?? null;
    if (iso3 === 'USA') capital = 'Washington, D.C.';
    for (const x of caps.slice(1)) capitalAliases.add(x);
    if (g?.capital) capitalAliases.add(g.capital);
    for (const w of wd.filter((r) => r.iso3.toUpperCase() === iso3)) {
      if (w.capital_name && !/^Q\d+$/.test(w.capital_name) && !/Washi,/.test(w.capital_name)) capitalAliases.add(w.capital_name);
    }
    for (const a of EXTRA_CAPITAL_ALIASES[iso3] ?? []) capitalAliases.add(a);
    if (capital) capitalAliases.add(fold(capital));
    const qid = wd.find((r) => r.iso3.toUpperCase() === iso3 && r.source === 'conzept')?.wikidata_qid ?? wd.find((r) => r.iso3.toUpperCase() === iso3)?.wikidata_qid;
    const capAl = uniq(capitalAliases, capital ? [capital] : []);
    rows.push({
      iso3,
      iso2,
      name,
      officialName: c.name.official,
      aliases: uniq(aliases, [name]),
      demonyms: uniq(demonyms),
      capital,
      ...(capAl.length ? { capitalAliases: capAl } : {}),
      region: c.region,
      subregion: c.subregion ?? '',
      independent: c.independent === true,
      ...(cameo && cameo !== iso3 ? { cameo } : {}),
      ...(qid ? { wikidata: qid } : {}),
    });
  }
  // An alias claimed by several countries (e.g. "Congo", "Korea") is ambiguous: keep it only where
  // it is the country's own common name, else drop it everywhere.
  const owners = new Map<string, Set<string>>();
  for (const r of rows) for (const a of [r.name, ...r.aliases]) {
    const k = a.toLowerCase();
    if (!owners.has(k)) owners.set(k, new Set());
    owners.get(k)!.add(r.iso3);
  }
  for (const r of rows) {
    r.aliases = r.aliases.filter((a) => {
      const o = owners.get(a.toLowerCase())!;
      if (o.size === 1) return true;
      const named = rows.filter((x) => o.has(x.iso3) && x.name.toLowerCase() === a.toLowerCase());
      return named.length === 1 && named[0].iso3 === r.iso3;
    });
  }
  // A demonym of several countries ("American": USA and the Northern Mariana Islands) stays only
  // with the sovereign one when exactly one is sovereign; genuinely shared ones ("Congolese") stay.
  const dOwners = new Map<string, CountryRow[]>();
  for (const r of rows) for (const d of r.demonyms) {
    const k = d.toLowerCase();
    if (!dOwners.has(k)) dOwners.set(k, []);
    dOwners.get(k)!.push(r);
  }
  for (const r of rows) {
    r.demonyms = r.demonyms.filter((d) => {
      const o = dOwners.get(d.toLowerCase())!;
      const sov = o.filter((x) => x.independent);
      return o.length === 1 || sov.length !== 1 || sov[0] === r;
    });
  }
  rows.sort((a, b) => cmp(a.iso3, b.iso3));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------

export interface PlaceRow {
  name: string;
  iso3: string;
  kind: 'city' | 'admin1' | 'region';
  admin1: string | null;
  population?: number;
  lat?: number;
  lon?: number;
  aliases?: string[];
  capital?: boolean;
  code?: string;
  cameo?: string;
  source: 'geonames' | 'curated';
}

const ADMIN_SUFFIX =
  /\s+(Oblast'?|Oblast|Krai|Kray|Region|Province|Governorate|Prefecture|State|District|County|Department|Voivodeship|Autonomous Okrug|Autonomous Region|Republic|Municipality|Division|Territory|Emirate|Canton|Län|City|Special Administrative Region|Autonomous Republic)$/i;

/** Disputed / named regions to report-convention countries (UN / CAMEO convention). */
const CURATED_REGIONS: Array<{ name: string; iso3: string; aliases?: string[]; cameo?: string }> = [
  { name: 'Crimea', iso3: 'UKR', aliases: ['Crimean Peninsula', 'Autonomous Republic of Crimea'] },
  { name: 'Donbas', iso3: 'UKR', aliases: ['Donbass'] },
  { name: 'Gaza Strip', iso3: 'PSE', aliases: ['Gaza'], cameo: 'PSEGZA' },
  { name: 'West Bank', iso3: 'PSE' },
  { name: 'East Jerusalem', iso3: 'PSE' },
  { name: 'Golan Heights', iso3: 'SYR', aliases: ['Golan'] },
  { name: 'Transnistria', iso3: 'MDA', aliases: ['Transdniestria', 'Pridnestrovie'] },
  { name: 'Abkhazia', iso3: 'GEO' },
  { name: 'South Ossetia', iso3: 'GEO' },
  { name: 'Nagorno-Karabakh', iso3: 'AZE', aliases: ['Karabakh', 'Artsakh'] },
  { name: 'Northern Cyprus', iso3: 'CYP' },
  { name: 'Tibet', iso3: 'CHN', cameo: 'CHNTIB' },
  { name: 'Xinjiang', iso3: 'CHN' },
  { name: 'Kharkiv Oblast', iso3: 'UKR', aliases: ['Kharkiv region'] },
  { name: 'Western Sahara', iso3: 'ESH' },
];

function buildPlaces(shared: string, countries: CountryRow[]): PlaceRow[] {
  const geo = readGeoCountries(shared);
  const iso3Of = (cc: string): string | undefined => geo.get(cc)?.iso3;
  const countryNames = new Map<string, string>();
  for (const c of countries) for (const a of [c.name, ...c.aliases]) countryNames.set(a.toLowerCase(), c.iso3);
  // A place whose name is another country's name ("Georgia" the US state) would mislead resolution.
  const clashes = (name: string, iso3: string): boolean => {
    const o = countryNames.get(name.toLowerCase());
    return o !== undefined && o !== iso3;
  };
  const dropped: string[] = [];
  // English city spellings used in news coding (CountryInfo capitals / major cities): the only
  // GeoNames alternates kept, so "Kiev" and "Kharkov" stay but "Moskau" and "Mosca" do not.
  const englishCityNames = new Set<string>();
  for (const r of readCountryInfo(shared)) for (const c of [...r.capital, ...r.majorCities]) englishCityNames.add(c.replace(/_+$/, '').replace(/_/g, ' ').toLowerCase());

  const admin1 = new Map<string, string>();
  const rows: PlaceRow[] = [];
  for (const line of readFileSync(join(shared, 'geonames', 'admin1CodesASCII.txt'), 'utf8').split(/\r?\n/)) {
    if (!line) continue;
    const [code, name, ascii] = line.split('\t');
    const cc = code.split('.')[0];
    const iso3 = iso3Of(cc);
    if (!iso3) continue;
    admin1.set(code, name);
    if (clashes(name, iso3)) {
      dropped.push(`${name} (admin1 ${code})`);
      continue;
    }
    const aliases = new Set<string>();
    if (ascii && ascii !== name) aliases.add(ascii);
    for (const n of [name, ascii]) {
      const short = n?.replace(ADMIN_SUFFIX, '').replace(/^(Oblast|Provincia|Province|Estado|Departamento|Région|Region) (de |del |of )?/i, '');
      if (short && short !== n && short.length >= 3 && !clashes(short, iso3)) aliases.add(short);
      // "Kursk region", "Donetsk Oblast": how news names the regions of the former USSR
      const base = short && short !== n ? short : n;
      if (base && /^(RU|UA|BY|KZ)$/.test(cc) && /^[A-Z][a-z'’-]+$/.test(base)) {
        aliases.add(`${base} region`);
        aliases.add(`${base} Oblast`);
      }
    }
    const al = uniq(aliases, [name]);
    rows.push({ name, iso3, kind: 'admin1', admin1: null, code, source: 'geonames', ...(al.length ? { aliases: al } : {}) });
  }

  for (const line of readFileSync(join(shared, 'geonames', 'cities15000.txt'), 'utf8').split(/\r?\n/)) {
    if (!line) continue;
    const f = line.split('\t');
    const [, name, ascii, alt, lat, lon, , fcode, cc, , a1] = f;
    const population = Number(f[14]) || 0;
    const isCapital = fcode === 'PPLC';
    if (!(population >= 100000 || isCapital || fcode === 'PPLA' || fcode === 'PPLG')) continue;
    const iso3 = iso3Of(cc);
    if (!iso3) continue;
    if (clashes(name, iso3)) {
      dropped.push(`${name} (city ${cc}, pop ${population})`);
      continue;
    }
    const aliases = new Set<string>();
    if (ascii && ascii !== name) aliases.add(ascii);
    {
      // Cheap English-ish variants: ASCII alternates close to the name (Kyiv/Kiev, Odesa/Odessa) or
      // extensions of it ("Washington D.C.").
      const base = (ascii || name).toLowerCase();
      for (const a of (alt ?? '').split(',')) {
        if (!/^[A-Z][A-Za-z.' -]{2,40}$/.test(a) || /[A-Z]{2}/.test(a)) continue;
        const la = a.toLowerCase();
        const near = la.length >= 4 && englishCityNames.has(la) && lev(la, base) <= 3;
        const ext = la.startsWith(`${base} `) && la.length <= base.length + 6;
        if ((near || ext) && !clashes(a, iso3)) aliases.add(a);
      }
    }
    const al = uniq(aliases, [name]).slice(0, 12);
    rows.push({
      name,
      iso3,
      kind: 'city',
      admin1: admin1.get(`${cc}.${a1}`) ?? null,
      population,
      lat: Math.round(Number(lat) * 1000) / 1000,
      lon: Math.round(Number(lon) * 1000) / 1000,
      source: 'geonames',
      ...(isCapital ? { capital: true } : {}),
      ...(al.length ? { aliases: al } : {}),
    });
  }
  for (const r of CURATED_REGIONS) {
    rows.push({ name: r.name, iso3: r.iso3, kind: 'region', admin1: null, source: 'curated', ...(r.aliases ? { aliases: [...r.aliases].sort(cmp) } : {}), ...(r.cameo ? { cameo: r.cameo } : {}) });
  }
  rows.sort((a, b) => cmp(a.kind, b.kind) || cmp(a.name, b.name) || cmp(a.iso3, b.iso3) || (b.population ?? 0) - (a.population ?? 0) || cmp(a.code ?? '', b.code ?? '') || (a.lat ?? 0) - (b.lat ?? 0));
  if (process.env.SITREP_VERBOSE) console.log(`places: dropped ${dropped.length} clashing with country names: ${dropped.join('; ')}`);
  droppedPlaces = dropped;
  return rows;
}
export let droppedPlaces: string[] = [];

// ---------------------------------------------------------------------------------------------
// Leaders
// ---------------------------------------------------------------------------------------------

export interface LeaderRow {
  name: string;
  aliases: string[];
  iso3: string;
  role: 'HOS' | 'HOG' | 'FM';
  title: string;
  start: string | null;
  end: string | null;
  startApprox?: boolean;
  endApprox?: boolean;
  lastSeen?: string;
  secondary?: boolean;
  wikidata?: string;
  source: string;
}

const MONTHS: Record<string, string> = {
  january: '01', february: '02', march: '03', april: '04', may: '05', june: '06',
  july: '07', august: '08', september: '09', october: '10', november: '11', december: '12',
};

/** "7 May 2012" -> 2012-05-07; "April 2018" -> 2018-04-01 (approx). */
function parseDay(s: string): { date: string; approx: boolean } | null {
  let m = /(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})/.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) return { date: `${m[3]}-${MONTHS[m[2].toLowerCase()]}-${m[1].padStart(2, '0')}`, approx: false };
  m = /([A-Za-z]+)\s+(\d{4})/.exec(s);
  if (m && MONTHS[m[1].toLowerCase()]) return { date: `${m[2]}-${MONTHS[m[1].toLowerCase()]}-01`, approx: true };
  m = /\b(\d{4})\b/.exec(s);
  if (m) return { date: `${m[1]}-01-01`, approx: true };
  return null;
}

const TITLE_WORDS = new Set(
  (
    'President Vice Prime Minister Premier King Queen Emperor Amir Emir Sultan Supreme Leader Chancellor Governor General ' +
    'Chief Executive Taoiseach State Affairs Commission Council Chair Chairman Chairwoman Interim Acting Transition Transitional Federal Grand Duke ' +
    "Prince Princess Pope Sheikh Sr. Gen. Col. Lt. Maj. Brig. Captain Captains Regent Co-prince Co-Prince Lord Lady of Mann Sir Dame Ms Mr Mrs Dr. " +
    "Caretaker People's Assembly Administration Crown Heir Apparent Sovereign Supreme Secretary First Deputy Head Government Cabinet Lieutenant Mayor " +
    'Administrator Commissioner Ulu Archbishop Bishop Monsignor Field Marshal Admiral Colonel Senior Junior Provisional High National Revolutionary ' +
    'Transitional Presidential Representative Military Committee Salvation Ruler Paramount Coordinator Director Grand Master Holy Father Raja Yang di-Pertuan Agong ' +
    'Presidency Confederation Swiss Ministers Territorial Republic Federation Union China Emirates Interior Defense Foreign Affairs Ratu Dr'
  ).split(/\s+/),
);
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'ould', 'von', 'van', 'der', 'den', 'de', 'da', 'del', 'della', 'di', 'du', 'dos', 'das', 'la', 'le', 'y', 'ben', 'abu', 'ag', 'mac']);
const SUFFIXES = new Set(['Jr.', 'Sr.', 'Jr', 'II', 'III', 'IV']);
const NO_SURNAME_ALIAS = new Set(['muhammad', 'mohammed', 'mohammad', 'ahmed', 'ahmad', 'ali', 'abdullah', 'hassan', 'hussein', 'khalid', 'saif', 'mansur', 'hamad', 'salman', 'tamim', 'nawaf', 'mishal', 'charles', 'harald', 'carl', 'philippe', 'felipe', 'willem-alexander', 'frederik', 'margrethe', 'albert', 'hans-adam', 'naruhito', 'vajiralongkorn', 'abdallah']);

/** A token holding an all-caps name part (>= 2 letters), e.g. PUTIN, al-ASAD, Nandi-NDAITWAH. */
function hasCaps(tok: string): boolean {
  return tok.split(/[-'’]/).some((p) => /^\p{Lu}{2,}\.?,?$/u.test(p.replace(/[",]/g, '')));
}
const ROMAN = /^[IVX]+$/;

/** Proper-case one Factbook name token: PUTIN -> Putin, al-ASAD -> al-Asad, III stays. */
function properToken(tok: string, first: boolean): string {
  if (ROMAN.test(tok) && !first) return tok;
  return tok
    .split(/([-'’])/)
    .map((p) => {
      if (!/\p{Lu}{2,}/u.test(p) || /\p{Ll}/u.test(p)) return p;
      const low = p.toLowerCase();
      if (!first && PARTICLES.has(low)) return low;
      return low.charAt(0).toUpperCase() + low.slice(1);
    })
    .join('')
    .replace(/'(\p{Ll})/u, (_m, c: string) => `'${c.toUpperCase()}`);
}

/** Country names, so that "President of French Polynesia X" keeps the place in the title (set by buildLeaders). */
const PLACE_NAMES = new Set<string>();

export interface ParsedName {
  full: string; // properly cased full name as written
  canonical: string;
  surname: string; // properly cased caps part
  surnameCore: string; // last caps segment (Hoseini-KHAMENEI -> Khamenei)
  given: string[];
  trailing: string[];
  nick: string | null;
  surnameFirst: boolean;
  title: string;
  key: string;
}

/** Parse one Factbook person clause, e.g. `President Vladimir Vladimirovich PUTIN (since 7 May 2012)`. */
export function parseFactbookPerson(clause: string): ParsedName | null {
  // drop glosses before the name: "Taoiseach (Prime Minister) Leo VARADKAR"
  const deglossed = clause.replace(/^([^(]*?)\((?![^)]*\d)[^)]*\)\s*(?=[^(]*\p{Lu}{2,})/u, '$1');
  const head = deglossed.split('(')[0].replace(/\s+/g, ' ').trim();
  const nickM = /"([^"]+)"/.exec(head);
  const toks = head.replace(/"[^"]+"/g, ' ').replace(/\s+/g, ' ').trim().split(' ');
  const ci = toks.findIndex((t) => hasCaps(t) && !/^(KWP|UN|US|UK|EU)$/.test(t));
  if (ci < 0) {
    // No UPPERCASE surname ("Prime Minister Milos Vucevic (since ...)"): take the run of
    // capitalised non-title words and treat its last word as the surname.
    const st = toks.findIndex((t) => /^\p{Lu}\p{Ll}/u.test(t) && !TITLE_WORDS.has(t));
    if (st < 0) return null;
    let en = st;
    while (en + 1 < toks.length && (/^\p{Lu}[\p{Ll}'’-]+$/u.test(toks[en + 1]) || /^(al|el|bin)-/.test(toks[en + 1])) && !TITLE_WORDS.has(toks[en + 1])) en++;
    if (en === st && st === 0 && toks.length > 1) return null;
    if (en === st && st > 0) return null; // a single word after a title: too uncertain
    const last = toks[en].replace(/^((?:al|el|bin)-)?(.*)$/u, (_m, pre: string | undefined, w: string) => (pre ?? '') + w.toUpperCase());
    if (!/\p{Lu}{2,}/u.test(last)) return null;
    return parseFactbookPerson([...toks.slice(0, en), last, ...toks.slice(en + 1)].join(' ') + clause.slice(clause.indexOf('(') >= 0 ? clause.indexOf('(') - 1 : clause.length));
  }
  // walk back over given names / particles
  let s = ci;
  while (s > 0) {
    const t = toks[s - 1].replace(/,$/, '');
    if (toks[s - 1].endsWith(',')) break;
    if (TITLE_WORDS.has(t) || /^\(/.test(t)) break;
    if ((/^\p{Lu}[\p{L}'’.-]*$/u.test(t) && !hasCaps(t)) || /^\p{Lu}\.$/u.test(t) || PARTICLES.has(t.toLowerCase())) {
      s--;
      continue;
    }
    break;
  }
  // walk forward over caps tokens, trailing names, particles, suffixes
  let e = ci;
  let capsEnd = ci;
  while (e + 1 < toks.length) {
    const prev = toks[e];
    const t = toks[e + 1].replace(/,$/, '');
    if (prev.endsWith(',') && !SUFFIXES.has(t)) break;
    if (hasCaps(t) || (ROMAN.test(t) && e === capsEnd)) {
      e++;
      if (e === capsEnd + 1) capsEnd = e;
      continue;
    }
    if (SUFFIXES.has(t) || PARTICLES.has(t.toLowerCase()) || /^(al|el|bin|ibn|abu|ben)-\p{Lu}/u.test(t) || (/^\p{Lu}[\p{Ll}'’-]+$/u.test(t) && !TITLE_WORDS.has(t))) {
      e++;
      continue;
    }
    break;
  }
  const clean = (t: string): string => t.replace(/,$/, '');
  // "President of French Polynesia Moetai BROTHERSON": the place belongs to the title
  if (s > 0 && /^(of|the)$/.test(toks[s - 1])) {
    for (let k = ci - s; k >= 1; k--) {
      if (PLACE_NAMES.has(toks.slice(s, s + k).join(' ').toLowerCase())) {
        s += k;
        break;
      }
    }
  }
  const given = toks.slice(s, ci).map(clean);
  const caps = toks.slice(ci, capsEnd + 1).map(clean);
  const trailing = toks.slice(capsEnd + 1, e + 1).map(clean);
  const suffix = trailing.filter((t) => SUFFIXES.has(t));
  const trail = trailing.filter((t) => !SUFFIXES.has(t));
  // particles immediately before the caps run belong to the surname (von der LEYEN, Ould DIAY)
  const surnameParts: string[] = [];
  while (given.length && PARTICLES.has(given[given.length - 1].toLowerCase())) surnameParts.unshift(given.pop()!);
  const surnameFirst = given.length === 0;
  const capsProper = caps.map((t, i) => properToken(t, i === 0 && surnameParts.length === 0));
  const surname = [...surnameParts, ...capsProper].join(' ');
  const coreTok = capsProper[capsProper.length - 1] ?? '';
  const coreParts = caps[caps.length - 1]?.split(/[-'’]/) ?? [];
  const capsSeg = coreParts.filter((p) => /^\p{Lu}{2,}$/u.test(p));
  const surnameCore = capsSeg.length && capsSeg.length < coreParts.length ? properToken(capsSeg.join('-'), true) : surname;
  void coreTok;
  const givenP = given.map((t) => (hasCaps(t) ? properToken(t, true) : t));
  const trailP = trail.map((t) => (hasCaps(t) ? properToken(t, false) : t));
  const full = [...givenP, surname, ...trailP].join(' ') + (suffix.length ? `, ${suffix.join(' ')}` : '');
  let canonical: string;
  if (surnameFirst) canonical = [surname, ...trailP].join(' ');
  else canonical = `${givenP.find((g) => !/^\p{Lu}\.$/u.test(g)) ?? givenP[0]} ${surname}`;
  const title = toks
    .slice(0, s)
    .join(' ')
    .replace(/[,;]\s*$/, '')
    .replace(/^(co-chiefs of state|represented by)\s*/i, '')
    .trim();
  const key = fold(canonical).toLowerCase().replace(/[^a-z]/g, '');
  return { full, canonical, surname, surnameCore, given: givenP, trailing: trailP, nick: nickM ? nickM[1] : null, surnameFirst, title, key };
}

/** Aliases generated from a parsed name. */
function nameAliases(p: ParsedName): string[] {
  const out = new Set<string>([p.full, p.canonical, p.full.replace(/, (Jr\.|Sr\.|II|III)$/, '')]);
  const givenNoInit = p.given.filter((g) => !/^\p{Lu}\.$/u.test(g) && !/(ovich|evich|ovna|evna|yevich)$/.test(g));
  if (!p.surnameFirst) {
    for (const g of givenNoInit) out.add(`${g} ${p.surname}`);
    out.add(`${p.given.join(' ')} ${p.surname}`);
    if (p.trailing.length) out.add(`${p.given.join(' ')} ${p.surname} ${p.trailing.join(' ')}`);
  } else if (p.trailing.length >= 2 && /^\p{Lu}/u.test(p.trailing[0])) {
    // Kim Jong Un -> Kim Jong-un, Kim Jong-Un
    const [a, ...rest] = p.trailing;
    out.add(`${p.surname} ${a}-${rest.map((r) => r.toLowerCase()).join('-')}`);
    out.add(`${p.surname} ${a}-${rest.join('-')}`);
  }
  const bare = p.surname.replace(/\s+[IVX]+$/, '').toLowerCase();
  if (!ROMAN.test(p.surname.split(' ').pop() ?? '') && !NO_SURNAME_ALIAS.has(bare) && !NO_SURNAME_ALIAS.has(p.surnameCore.toLowerCase())) {
    out.add(p.surname);
    if (p.surnameCore !== p.surname && p.surnameCore.length > 2) {
      out.add(p.surnameCore);
      for (const g of givenNoInit.slice(0, 1)) out.add(`${g} ${p.surnameCore}`);
    }
  }
  if (p.nick) {
    const nick = p.nick.charAt(0) + p.nick.slice(1).toLowerCase();
    out.add(nick);
    out.add(`${nick} ${p.surname}`);
  }
  for (const a of [...out]) {
    const f = fold(a);
    if (f !== a) out.add(f);
  }
  return [...out];
}

/** Curated canonical names / aliases for leaders whose common English form differs from the Factbook's. */
const LEADER_OVERRIDES: Array<{ iso3: string; key: string; name?: string; aliases: string[]; role?: 'HOS' | 'HOG'; start?: string }> = [
  // Factbook lists Syria's HOS as vacant until 2026-01; al-Sharaa was named president on 2025-01-29 (public record).
  { iso3: 'SYR', key: 'shara', role: 'HOS', name: 'Ahmed al-Sharaa', aliases: ['al-Sharaa', 'Sharaa', "Ahmad al-Shara'", 'Ahmed al-Shara', 'Abu Mohammed al-Jolani', 'al-Jolani', 'Jolani'], start: '2025-01-29' },
  { iso3: 'USA', key: 'biden', name: 'Joe Biden', aliases: ['Joe Biden', 'Joseph Biden', 'Joseph R. Biden', 'Biden'] },
  { iso3: 'USA', key: 'trump', name: 'Donald Trump', aliases: ['Donald Trump', 'Donald J. Trump', 'Trump'] },
  { iso3: 'UKR', key: 'zelenskyy', name: 'Volodymyr Zelensky', aliases: ['Zelensky', 'Zelenskyy', 'Zelenskiy', 'Zelenski', 'Volodymyr Zelenskyy', 'Volodymyr Zelenskiy', 'Volodymyr Oleksandrovych Zelensky'] },
  { iso3: 'PRK', key: 'kim', name: 'Kim Jong Un', aliases: ['Kim Jong-un', 'Kim Jong-Un', 'Kim Jong Un', 'Kim'] },
  { iso3: 'BLR', key: 'lukashenka', name: 'Alexander Lukashenko', aliases: ['Lukashenko', 'Lukashenka', 'Aleksandr Lukashenko', 'Alyaksandr Lukashenka', 'Alexander Lukashenka'] },
  { iso3: 'RUS', key: 'putin', name: 'Vladimir Putin', aliases: ['Putin', 'Vladimir Vladimirovich Putin', 'Vladimir V. Putin'] },
  { iso3: 'CHN', key: 'xi', name: 'Xi Jinping', aliases: ['Xi', 'Xi Jinping'] },
  { iso3: 'IND', key: 'modi', name: 'Narendra Modi', aliases: ['Modi', 'Narendra Damodardas Modi'] },
  { iso3: 'ISR', key: 'netanyahu', name: 'Benjamin Netanyahu', aliases: ['Netanyahu', 'Benjamin Netanyahu', 'Benyamin Netanyahu', 'Bibi Netanyahu'] },
  { iso3: 'SAU', key: 'salman', name: 'Mohammed bin Salman', aliases: ['Mohammed bin Salman', 'Muhammad bin Salman', 'MBS'] },
  { iso3: 'SAU', key: 'saud', name: 'King Salman', aliases: ['King Salman', 'Salman bin Abdulaziz', 'Salman bin Abd al-Aziz Al Saud'] },
  { iso3: 'IRN', key: 'khamenei', name: 'Ali Khamenei', aliases: ['Khamenei', 'Ayatollah Ali Khamenei', 'Ali Hosseini Khamenei'] },
  { iso3: 'TUR', key: 'erdogan', name: 'Recep Tayyip Erdogan', aliases: ['Erdogan', 'Erdoğan', 'Recep Tayyip Erdoğan'] },
  { iso3: 'SYR', key: 'asad', name: 'Bashar al-Assad', aliases: ['Assad', 'al-Assad', 'Bashar Assad', 'Bashar al-Asad'] },
  { iso3: 'NIC', key: 'ortega', name: 'Daniel Ortega', aliases: ['Daniel Ortega', 'Ortega'] },
  { iso3: 'KOR', key: 'yoon', name: 'Yoon Suk Yeol', aliases: ['Yoon Suk-yeol', 'Yoon'] },
  { iso3: 'KOR', key: 'lee', name: 'Lee Jae-myung', aliases: ['Lee Jae Myung', 'Lee Jae-myung'] },
  { iso3: 'GBR', key: 'starmer', name: 'Keir Starmer', aliases: ['Starmer', 'Sir Keir Starmer'] },
  { iso3: 'FRA', key: 'macron', name: 'Emmanuel Macron', aliases: ['Macron'] },
  { iso3: 'VEN', key: 'maduro', name: 'Nicolás Maduro', aliases: ['Maduro', 'Nicolas Maduro'] },
  { iso3: 'ARE', key: 'nuhayyan', name: 'Mohamed bin Zayed Al Nahyan', aliases: ['Mohamed bin Zayed', 'MBZ', 'Sheikh Mohamed bin Zayed'] },
  { iso3: 'BGD', key: 'hasina', name: 'Sheikh Hasina', aliases: ['Sheikh Hasina', 'Hasina', 'Sheikh Hasina Wazed'] },
];

/** First-term and other terms known from public record but outside the shared sources' windows. */
const CURATED_TERMS: Array<Omit<LeaderRow, 'aliases'> & { aliases: string[] }> = [
  { name: 'Donald Trump', aliases: ['Trump', 'Donald J. Trump'], iso3: 'USA', role: 'HOS', title: 'President', start: '2017-01-20', end: '2021-01-20', source: 'curated' },
  { name: 'Donald Trump', aliases: ['Trump', 'Donald J. Trump'], iso3: 'USA', role: 'HOG', title: 'President', start: '2017-01-20', end: '2021-01-20', source: 'curated' },
];

interface FbRow {
  iso3: string;
  role: 'HOS' | 'HOG';
  first_seen: string;
  last_seen: string;
  next_change_seen: string;
  text: string;
}

function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ';' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

/** Primary holder of a Factbook role text: name + start. */
function parseFactbookText(text: string, role: 'HOS' | 'HOG'): { p: ParsedName; start: { date: string; approx: boolean } | null } | null {
  const main = splitTop(text.split(/;\s*note\b/)[0])[0]?.split(/,?\s+represented by\b/)[0];
  if (!main || /^vacant\b/i.test(main)) return null;
  if (/-elect\b/i.test(main.split('(')[0])) return null; // not yet in office
  const p = parseFactbookPerson(main);
  if (!p) return null;
  // "(since 7 May 2012)", "(chief of state since ...; head of government since ...)", "(assumed office on ...)"
  let start: { date: string; approx: boolean } | null = null;
  const paren = /\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g;
  let m: RegExpExecArray | null;
  const cands: string[] = [];
  while ((m = paren.exec(main))) cands.push(m[1]);
  const want = role === 'HOS' ? /chief of state since ([^;)]+)/i : /head of government since ([^;)]+)/i;
  for (const c of cands) {
    const w = want.exec(c);
    if (w) start = parseDay(w[1]);
  }
  if (!start)
    for (const c of cands) {
      const s = /(?:since|assumed office on|assumes office on|took office on)\s+([^;)]+)/i.exec(c);
      if (s) {
        start = parseDay(s[1]);
        if (start) break;
      }
    }
  if (!start) {
    const per = /for the period (\d{1,2}\s+[A-Za-z]+\s+\d{4})/.exec(main);
    if (per) start = parseDay(per[1]);
  }
  if (!start) {
    const b = /(?:became [^;()]*? on|since|assumed office on)\s+(\d{1,2}\s+[A-Za-z]+\s+\d{4})/.exec(main);
    if (b) start = parseDay(b[1]);
  }
  // "LEE Ju Ho (Acting President and Prime Minister since 2 May 2025 ...)": title inside the parenthesis
  if (!p.title) {
    const t = /\((\p{Lu}[\p{L} ]*?)\s+since\b/u.exec(main);
    if (t && /President|Minister|Premier|King|Queen|Chancellor|Leader/.test(t[1])) p.title = t[1];
  }
  const t2 = /\bbecame ((?:Acting |Interim )?(?:President|Prime Minister))/.exec(main);
  if (t2 && (role === 'HOS' || !p.title)) p.title = t2[1];
  return { p, start };
}

function buildLeaders(shared: string, countries: CountryRow[], geoPop: Map<string, number>): LeaderRow[] {
  const dir = join(shared, 'leaders');
  for (const c of countries) for (const a of [c.name, c.officialName, ...c.aliases]) PLACE_NAMES.add(a.toLowerCase());
  const fb = readCsv(join(dir, 'factbook_executive_spells_2023-01_2026-01.csv'))
    .filter((r) => r.iso3)
    .map<FbRow>((r) => ({
      iso3: r.iso3 === 'UNK' ? 'XKX' : r.iso3,
      role: r.role === 'chief_of_state' ? 'HOS' : 'HOG',
      first_seen: r.first_seen,
      last_seen: r.last_seen,
      next_change_seen: r.next_change_seen,
      text: r.text_clean,
    }));
  const groups = new Map<string, FbRow[]>();
  for (const r of fb) {
    const k = `${r.iso3}|${r.role}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  const out: LeaderRow[] = [];
  let unparsed = 0;
  for (const [k, rs] of [...groups.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    const [iso3, role] = k.split('|') as [string, 'HOS' | 'HOG'];
    rs.sort((a, b) => cmp(a.first_seen, b.first_seen));
    // runs of consecutive rows with the same holder
    interface Run {
      p: ParsedName;
      names: ParsedName[];
      start: { date: string; approx: boolean } | null;
      first: string;
      last: string;
      nextChange: string;
      titles: string[];
    }
    const runs: Array<Run | null> = [];
    for (const r of rs) {
      const parsed = parseFactbookText(r.text, role);
      if (!parsed) {
        if (!/^vacant/i.test(r.text) && !/-elect\b/.test(r.text)) unparsed++;
        runs.push(null);
        continue;
      }
      const prev = runs[runs.length - 1];
      const same = prev && (prev.p.key === parsed.p.key || (parsed.start && prev.start && parsed.start.date === prev.start.date));
      if (prev && same) {
        prev.names.push(parsed.p);
        if (parsed.start) prev.start = parsed.start; // later wording wins (corrections)
        prev.last = r.last_seen;
        prev.nextChange = r.next_change_seen;
        if (parsed.p.title) prev.titles.push(parsed.p.title);
      } else {
        runs.push({ p: parsed.p, names: [parsed.p], start: parsed.start, first: r.first_seen, last: r.last_seen, nextChange: r.next_change_seen, titles: parsed.p.title ? [parsed.p.title] : [] });
      }
    }
    const allTitles = runs.flatMap((r) => r?.titles ?? []);
    // A successor cannot take office before the predecessor did: such a "since" date is a source
    // typo (Romania: "since 23 June 2005" for 2025); fall back to the first snapshot showing it.
    for (let i = 1; i < runs.length; i++) {
      const run = runs[i];
      const prev = runs.slice(0, i).reverse().find((x) => x);
      if (run && prev && run.start && prev.start && run.start.date < prev.start.date) run.start = { date: run.first, approx: true };
      // A successor without a "since" date ("Ahmad al-Shara'"): the first snapshot naming them.
      if (run && prev && !run.start) run.start = { date: run.first, approx: true };
    }
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i];
      if (!run) continue;
      const next = runs.slice(i + 1).find((x) => x !== undefined);
      let end: string | null = null;
      let endApprox = false;
      if (run.nextChange) {
        const succ = runs[i + 1];
        if (succ && succ.start && (!run.start || succ.start.date >= run.start.date) && succ.start.date <= run.nextChange) {
          end = succ.start.date;
          endApprox = succ.start.approx;
        } else {
          end = run.nextChange;
          endApprox = true;
        }
      }
      void next;
      const titles = run.titles.length ? run.titles : allTitles;
      const title = titles.length ? mostCommon(titles.map(cleanTitle)) : role === 'HOS' ? 'Head of State' : 'Head of Government';
      const aliases = new Set<string>();
      for (const n of run.names) for (const a of nameAliases(n)) aliases.add(a);
      const latest = run.names[run.names.length - 1];
      out.push({
        name: latest.canonical,
        aliases: [...aliases],
        iso3,
        role,
        title,
        start: run.start?.date ?? null,
        end,
        ...(run.start?.approx ? { startApprox: true } : {}),
        ...(endApprox ? { endApprox: true } : {}),
        lastSeen: run.last,
        source: 'cia-factbook-2023-01..2026-01',
      });
    }
  }
  if (process.env.SITREP_VERBOSE) console.log(`leaders: ${unparsed} Factbook rows without a parseable holder`);

  // Wikidata snapshots: aliases + QIDs for Factbook holders, and terms that ended before 2023.
  const wdc = readCsv(join(shared, 'wikidata_countries', 'country_wikidata_capitals.csv'));
  const qidToIso = new Map<string, string>(wdc.map((r) => [r.wikidata_qid, r.iso3.toUpperCase()]));
  const nameToIso = new Map<string, string>();
  for (const c of countries) for (const a of [c.name, c.officialName, ...c.aliases]) nameToIso.set(fold(a).toLowerCase(), c.iso3);
  const wdRows: Array<{ iso3: string; pos: string; posLabel: string; qid: string; label: string; start: string; end: string; src: string }> = [];
  for (const [file, src] of [
    ['everypolitician_world_leaders_wikidata_2022-10-10.csv', 'wikidata-2022-10'],
    ['everypolitician_world_leaders_wikidata_2026snapshot.csv', 'wikidata-2026'],
  ] as const) {
    for (const r of readCsv(join(dir, file))) {
      const iso3 = qidToIso.get(r.countryid) ?? nameToIso.get(fold(r.country).toLowerCase());
      if (!iso3 || !r.officeholderLabel || /^Q\d+$/.test(r.officeholderLabel)) continue;
      wdRows.push({ iso3, pos: r.position, posLabel: r.positionLabel, qid: r.officeholder, label: r.officeholderLabel, start: r.start_year, end: r.end_year, src });
    }
  }
  const roleOf = (label: string): 'HOS' | 'HOG' =>
    /prime minister|premier|chancellor|head of government|taoiseach|chairman of the council of ministers|chief minister|first minister/i.test(label) && !/president of the government of spain/i.test(label) ? 'HOG' : 'HOS';
  const seenWd = new Set<string>();
  const overridden = applyOverrides(out);
  const words = (x: string): string[] => fold(x).toLowerCase().replace(/[^a-z ]/g, ' ').split(/\s+/).filter((w) => w && !PARTICLES.has(w));
  const fbWords = new Map<LeaderRow, Set<string>>(out.map((l) => [l, new Set([l.name, ...l.aliases].flatMap(words))]));
  for (const w of wdRows) {
    const W = words(w.label);
    // Same person: the label's first word is one of the holder's name words, and (for multi-word
    // labels) at least two words are shared. "Moon Jae-in" does not match "Lee Jae-myung".
    const matches = out.filter((l) => {
      if (l.iso3 !== w.iso3 || !l.source.startsWith('cia')) return false;
      const F = fbWords.get(l)!;
      if (!W.length || !F.has(W[0])) return false;
      return W.length === 1 || W.filter((x) => F.has(x)).length >= 2;
    });
    if (matches.length) {
      for (const m of matches) {
        if (!m.aliases.includes(w.label)) m.aliases.push(w.label);
        m.wikidata = w.qid;
        // The Wikidata label is the common English form ("Cyril Ramaphosa", "Luís Montenegro",
        // "Pham Minh Chinh"); the Factbook form stays an alias. Curated overrides still win.
        if (!overridden.has(m) && !/ of /.test(w.label) && w.label.split(' ').length >= 2 && /\p{Ll}/u.test(w.label) && w.label === w.label.trim()) {
          if (!m.aliases.includes(m.name)) m.aliases.push(m.name);
          m.name = w.label;
        }
      }
      continue;
    }
    // Unmatched: keep only terms that ended before the Factbook window (2022 or earlier).
    if (!w.end || Number(w.end) > 2022 || !w.start) continue;
    const k = `${w.iso3}|${w.qid}|${w.pos}|${w.start}`;
    if (seenWd.has(k)) continue;
    seenWd.add(k);
    const parts = w.label.split(' ');
    const aliases = new Set([w.label, fold(w.label)]);
    const last = parts[parts.length - 1];
    if (parts.length > 1 && !/ of /.test(w.label) && !ROMAN.test(last) && !/-\p{Ll}/u.test(last) && !NO_SURNAME_ALIAS.has(last.toLowerCase())) aliases.add(last);
    out.push({
      name: w.label,
      aliases: [...aliases],
      iso3: w.iso3,
      role: roleOf(w.posLabel),
      title: w.posLabel.replace(/\s+of\s+.*$/, '').replace(/^monarch$/, 'Monarch'),
      start: `${w.start}-01-01`,
      end: `${w.end}-12-31`,
      startApprox: true,
      endApprox: true,
      wikidata: w.qid,
      source: w.src,
    });
  }

  // Foreign ministers, Wikidata 2022-12 (holders as of that date; later status unknown).
  for (const r of readCsv(join(dir, 'everypolitician_foreign_ministers_wikidata_2022-12.csv'))) {
    if (!r.name || /^Q\d+$/.test(r.name)) continue;
    const iso3 = qidToIso.get(r.country) ?? nameToIso.get(fold(r.countryLabel).toLowerCase());
    if (!iso3) continue;
    const parts = r.name.split(' ');
    const aliases = new Set([r.name, fold(r.name)]);
    if (parts.length > 1) aliases.add(parts[parts.length - 1]);
    out.push({
      name: r.name,
      aliases: [...aliases],
      iso3,
      role: 'FM',
      title: r.positionLabel.replace(/\s+of\s+(the\s+)?(People's Republic of China|Republic of China|[A-Z].*)$/, '') || 'Foreign Minister',
      start: /^\d{4}-\d{2}-\d{2}/.test(r.start) ? r.start.slice(0, 10) : null,
      end: null,
      lastSeen: '2022-12-11',
      ...(r.person ? { wikidata: r.person } : {}),
      source: 'wikidata-fm-2022-12',
    });
  }

  for (const t of CURATED_TERMS) out.push({ ...t, aliases: [...t.aliases] });

  applyOverrides(out);
  clipApproxTerms(out);

  // Territories whose HOS is another state's leader (King Charles III for Bermuda, Macron for
  // French territories) are dropped; a person who is HOS of several sovereign states (Commonwealth
  // realms, Andorra's co-prince) is marked `secondary` outside the most populous one.
  const indep = new Map(countries.map((c) => [c.iso3, c.independent]));
  const names = (l: LeaderRow): Set<string> => new Set([l.name, ...l.aliases].map((a) => fold(a).toLowerCase()));
  const samePerson = (a: LeaderRow, b: LeaderRow): boolean => {
    if (a.role !== b.role || a.start !== b.start || a.source !== b.source) return false;
    const na = names(a);
    return [...names(b)].some((x) => x.length > 3 && na.has(x) && (x.includes(' ') || /\biii$/.test(x)));
  };
  const drop = new Set<LeaderRow>();
  const hos = out.filter((l) => l.role !== 'FM');
  for (const l of hos) {
    const others = hos.filter((x) => x !== l && x.iso3 !== l.iso3 && samePerson(l, x));
    if (!others.length) continue;
    const sovereign = [l, ...others].filter((x) => indep.get(x.iso3));
    if (!sovereign.length) continue;
    if (!indep.get(l.iso3)) {
      drop.add(l);
      continue;
    }
    const best = [...sovereign].sort((a, b) => (geoPop.get(b.iso3) ?? 0) - (geoPop.get(a.iso3) ?? 0) || cmp(a.iso3, b.iso3))[0];
    if (best !== l) l.secondary = true;
  }
  const final = out.filter((l) => !drop.has(l));
  final.sort((a, b) => cmp(a.iso3, b.iso3) || cmp(a.role, b.role) || cmp(a.start ?? '', b.start ?? '') || cmp(a.name, b.name) || cmp(a.source, b.source));
  return final;
}

/** Apply LEADER_OVERRIDES: canonical English names and extra aliases (idempotent). */
function applyOverrides(out: LeaderRow[]): Set<LeaderRow> {
  const touched = new Set<LeaderRow>();
  for (const l of out) {
    const keys = new Set(l.aliases.map((a) => fold(a).toLowerCase().replace(/[^a-z]/g, '')));
    for (const o of LEADER_OVERRIDES) {
      if (o.iso3 !== l.iso3 || l.role === 'FM') continue;
      const hit = keys.has(o.key) || l.aliases.some((a) => fold(a).toLowerCase().replace(/[^a-z ]/g, '').split(' ').includes(o.key)) || fold(l.name).toLowerCase().replace(/[^a-z ]/g, '').split(' ').includes(o.key);
      if (!hit) continue;
      if (o.key === 'kim' && !/jong/i.test(l.name)) continue;
      if (o.key === 'lee' && !/jae/i.test(l.name)) continue;
      if (o.key === 'salman' && !/bin salman/i.test(l.name)) continue;
      if (o.key === 'saud' && !/^(king )?salman\b/i.test(l.name.replace(/^King /, 'King '))) continue;
      if (o.key === 'nuhayyan' && !/^Muhammad bin Zayid/i.test(l.name)) continue;
      if (o.role && o.role !== l.role) continue;
      if (o.start && l.startApprox && l.start && o.start < l.start) {
        l.start = o.start;
        delete l.startApprox;
        if (!l.source.endsWith('+curated')) l.source += '+curated';
      }
      if (o.name) {
        l.aliases.push(l.name);
        l.name = o.name;
        touched.add(l);
      }
      l.aliases.push(...o.aliases);
    }
    l.aliases = uniq(l.aliases, [l.name]);
  }
  return touched;
}

/** Year-precision (Wikidata) terms: clip the end to the next exactly-dated term of the same office. */
function clipApproxTerms(out: LeaderRow[]): void {
  for (const l of out) {
    if (!l.endApprox || !l.end || !l.start) continue;
    const nexts = out
      .filter((x) => x !== l && x.iso3 === l.iso3 && x.role === l.role && x.start && !x.startApprox && x.start > l.start! && x.start < l.end!)
      .map((x) => x.start!)
      .sort(cmp);
    if (nexts.length) l.end = nexts[0];
  }
}

function cleanTitle(t: string): string {
  return (
    t
      .replace(/\s+/g, ' ')
      .replace(/^(the|and)\s+/i, '')
      .replace(/(,?\s*(Sr\.|Gen\.|Col\.|Lt\.|Maj\.|Brig\.|Adm\.|Capt\.|Sheikh|Sir|Dame|Dr\.?|Ratu|Ms|Mr|Mrs))+\s*$/, '')
      .replace(/,$/, '')
      .trim() || t
  );
}
function mostCommon(xs: string[]): string {
  const c = new Map<string, number>();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  return [...c.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0][0];
}

// ---------------------------------------------------------------------------------------------

export function buildGeo(shared: string): string[] {
  mkdirSync(OUT_DIR, { recursive: true });
  const countries = buildCountries(shared);
  const places = buildPlaces(shared, countries);
  const geoPop = new Map([...readGeoCountries(shared).values()].map((g) => [g.iso3, g.population]));
  const leaders = buildLeaders(shared, countries, geoPop);
  const files = [join(OUT_DIR, 'countries.json'), join(OUT_DIR, 'places.json'), join(OUT_DIR, 'leaders.json')];
  writeRows(files[0], countries);
  writeRows(files[1], places);
  writeRows(files[2], leaders);
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const f of buildGeo(sharedDataDir())) console.log(`wrote ${f}`);
}
