/**
 * Loaders for the reference data files in `data/` (built by `npm run build:data` from
 * `/work/shared/data`; see `scripts/data/build-geo.ts`, `scripts/data/build-cameo.ts` and NOTICE).
 *
 * Each loader reads its file once and caches it in a module variable. The data directory is
 * resolved relative to this module (`../../data`), not the working directory; the environment
 * variable `SITREP_DATA_DIR` overrides it. A missing file throws
 * `SitrepError('data_missing', ...)`.
 *
 * Do not mutate returned objects: they are shared between callers.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SitrepError } from '../errors.js';

/** Directory holding the built JSON files. */
export function dataDir(): string {
  if (process.env.SITREP_DATA_DIR) return resolve(process.env.SITREP_DATA_DIR);
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');
}

function readJson<T>(file: string): T {
  const path = join(dataDir(), file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SitrepError('data_missing', `data/${file} is missing: run npm run build:data`, path);
    }
    throw new SitrepError('data_missing', `data/${file} cannot be read (${(err as Error).message}): run npm run build:data`, path);
  }
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new SitrepError('data_missing', `data/${file} is corrupt (${(err as Error).message}): run npm run build:data`, path);
  }
}

// ---------------------------------------------------------------------------------------------
// countries.json
// ---------------------------------------------------------------------------------------------

/**
 * One country or territory (`data/countries.json`, an array sorted by `iso3`; 250 rows).
 *
 * Sources: mledoze/countries (names, ISO codes, alt spellings, demonyms, capital, region; ODbL),
 * GeoNames countryInfo (name, capital; CC BY 4.0), Wikidata capitals (CC0), text_to_CAMEO
 * countrynames (CAMEO codes; MIT), CountryInfo (first nationality adjective, abbreviations such as
 * "D.P.R.K.", capital spellings), plus a small curated list of common English names (e.g. "U.S.",
 * "Britain", "DPRK") and person nouns ("Briton", "Pole"). Aliases claimed by two countries
 * are dropped except where one of them has it as its common `name` (e.g. "Congo" -> COG).
 */
export interface Country {
  /** ISO 3166-1 alpha-3 (Kosovo: user-assigned `XKX`, as in GeoNames / Wikidata). */
  iso3: string;
  /** ISO 3166-1 alpha-2 (Kosovo: `XK`). */
  iso2: string;
  /** Common English name, e.g. "North Korea", "United States". */
  name: string;
  /** Official English name, e.g. "Democratic People's Republic of Korea". */
  officialName: string;
  /** Other names and abbreviations ("U.S.", "America", "DPRK", "UK", "Britain"), Latin script, sorted; excludes `name`. */
  aliases: string[];
  /** Adjectives and person nouns, with plurals ("North Korean", "North Koreans", "British", "Briton"). */
  demonyms: string[];
  /** Capital city name (USA: "Washington, D.C."), or null. */
  capital: string | null;
  /** Other capital names: spellings, other seats ("Kiev", "Washington", "Pretoria"). */
  capitalAliases?: string[];
  /** mledoze region, e.g. "Asia", "Europe", "Americas". */
  region: string;
  /** mledoze subregion, e.g. "Eastern Asia"; "" when none. */
  subregion: string;
  /** Sovereign state per mledoze (`false` for territories, Kosovo, Palestine, Taiwan...). */
  independent: boolean;
  /** CAMEO country code when it differs from `iso3` (Kosovo `KSV`, Timor-Leste `TMP`, Puerto Rico `USAPRI`). */
  cameo?: string;
  /** Wikidata QID of the country item. */
  wikidata?: string;
}

// ---------------------------------------------------------------------------------------------
// places.json
// ---------------------------------------------------------------------------------------------

/**
 * One place (`data/places.json`, an array sorted by kind, name, iso3). About 11k rows:
 *
 * - `kind: "city"`: GeoNames cities15000 rows with population >= 100,000, national capitals
 *   (PPLC), admin-1 seats (PPLA) and government seats (PPLG);
 * - `kind: "admin1"`: all GeoNames admin-1 divisions ("Kursk Oblast", "Alaska", "Crimea" -> UKR,
 *   following GeoNames / UN convention);
 * - `kind: "region"`: a short curated list of disputed or named regions to the country that
 *   CAMEO/UN conventions assign (Crimea, Donbas -> UKR; Gaza Strip, West Bank -> PSE; Golan -> SYR...).
 *
 * Places whose name is another country's name or alias (the US state "Georgia", "Jamaica" NY)
 * are left out. Names are not unique: several rows may share a name (resolve by population).
 * Source: GeoNames (CC BY 4.0), https://www.geonames.org.
 */
export interface Place {
  /** GeoNames name (UTF-8), e.g. "Kyiv", "Kursk Oblast". */
  name: string;
  /** ISO 3166-1 alpha-3 of the country the place belongs to. */
  iso3: string;
  kind: 'city' | 'admin1' | 'region';
  /** Name of the admin-1 division containing a city; null for admin1/region rows or when unknown. */
  admin1: string | null;
  /** Population (persons) per GeoNames; cities only. */
  population?: number;
  /** WGS84 latitude / longitude in decimal degrees, rounded to 3 decimals; cities only. */
  lat?: number;
  lon?: number;
  /**
   * Other names: the ASCII name, short forms of admin-1 names ("Kursk" for "Kursk Oblast"), and
   * for capitals / cities >= 1M, ASCII GeoNames alternates close to the name ("Kiev", "Washington D.C.").
   */
  aliases?: string[];
  /** True for national capitals (GeoNames PPLC). */
  capital?: boolean;
  /** GeoNames admin-1 code ("RU.41"); admin1 rows only. */
  code?: string;
  /** CAMEO code when a sub-national CAMEO code exists (Gaza `PSEGZA`). */
  cameo?: string;
  source: 'geonames' | 'curated';
}

// ---------------------------------------------------------------------------------------------
// leaders.json
// ---------------------------------------------------------------------------------------------

/**
 * One term in office (`data/leaders.json`, an array sorted by iso3, role, start).
 *
 * Sources:
 * - `cia-factbook-2023-01..2026-01`: CIA World Factbook weekly executive-branch texts
 *   (public domain). The holder and the "(since D Month YYYY)" date are parsed from the text;
 *   UPPERCASE surnames are proper-cased. `end` is the successor's start date, else the first
 *   snapshot showing a change (`endApprox`). `end: null` = still in office at 2026-01-22.
 * - `wikidata-2022-10` / `wikidata-2026`: everypolitician Wikidata exports (CC0), used for QIDs
 *   and aliases of Factbook holders, and for terms that ended in 2022 or earlier (year precision:
 *   `startApprox`/`endApprox`, start = Jan 1, end = Dec 31 or the next exact start).
 * - `wikidata-fm-2022-12`: foreign ministers as of 2022-12-11 (`end` unknown -> null; check `lastSeen`).
 * - `curated`: a few terms outside the sources' windows (Trump 2017-2021).
 *
 * A person who heads several sovereign states (Charles III, Andorra's co-prince) has `secondary:
 * true` outside the most populous one; territories governed by another state's head are omitted.
 */
export interface Leader {
  /** Canonical name as used in English news, properly cased: "Vladimir Putin", "Kim Jong Un". */
  name: string;
  /** Other forms: full names, surname alone, transliterations ("Zelenskyy", "Kim Jong-un", "Putin"); sorted. */
  aliases: string[];
  /** ISO 3166-1 alpha-3 of the country whose office this is. */
  iso3: string;
  /** HOS head of state, HOG head of government, FM foreign minister. */
  role: 'HOS' | 'HOG' | 'FM';
  /** Title as the source gives it: "President", "Prime Minister", "Supreme Leader", "King"... */
  title: string;
  /** First day in office (YYYY-MM-DD) or null when unknown. */
  start: string | null;
  /** Day the term ended (YYYY-MM-DD; the successor's first day), or null if open / unknown. */
  end: string | null;
  /** `start` is only known to the month or year. */
  startApprox?: boolean;
  /** `end` is approximate (snapshot date or year end). */
  endApprox?: boolean;
  /** Last date (YYYY-MM-DD) the source confirmed the holding. */
  lastSeen?: string;
  /** The person also heads a larger state; prefer the other entry when the country is unknown. */
  secondary?: boolean;
  /** Wikidata QID of the person. */
  wikidata?: string;
  /** Source tag, see above. */
  source: string;
}

// ---------------------------------------------------------------------------------------------
// cameo.json
// ---------------------------------------------------------------------------------------------

/** PLOVER mapping of a CAMEO code (CAMEO2PLOVER-2021, PLOVER manual draft 0.8; CC BY-SA 4.0). */
export interface PloverMapping {
  /** PLOVER event type, e.g. CONSULT, AGREE, ASSAULT (as written in the table; roots 09/11 map to ACCUSE, 10 to REQUEST). */
  event: string;
  /** PLOVER mode (e.g. "phone", "visit"), or null. */
  mode: string | null;
  /** PLOVER context values (e.g. ["military", "legal"]), when given. */
  context?: string[];
}

/** One CAMEO event code (GDELT CAMEO 1.1b3 codebook with Goldstein scale). */
export interface CameoCode {
  /** Codebook description, e.g. "Discuss by telephone". */
  name: string;
  /** Two-digit root, e.g. "04". */
  root: string;
  /** 1 = root (2 digits), 2 = 3 digits, 3 = 4 digits. */
  level: 1 | 2 | 3;
  /** Goldstein conflict-cooperation score in [-10, 10]. */
  goldstein: number;
  /** GDELT QuadClass from the root: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4. */
  quadClass: 1 | 2 | 3 | 4;
  /** PLOVER mapping, or null where the table has none (roots 01 and 02, statements and appeals). */
  plover: PloverMapping | null;
  /** Set when `plover` was taken from a parent code (e.g. root "04" from "040"). */
  ploverFrom?: string;
  /** For roots that split over several PLOVER events (08: CONCEDE, RETREAT). */
  ploverRootEvents?: string[];
}

/** A CAMEO agent / sector (role) code. */
export interface CameoSector {
  /** CAMEO manual name, e.g. "Government", "Military". */
  name: string;
  kind: 'domestic' | 'international' | 'religion';
  /** ICEWS sector labels mapped to this code by text_to_CAMEO agentnames.txt (noisy; informative only). */
  icewsLabels: string[];
}

/** `data/cameo.json`. Codes are strings: "010" is not "10". */
export interface CameoData {
  /** All 311 CAMEO codes by code string. */
  codes: Record<string, CameoCode>;
  /** CAMEO sector codes (GOV, MIL, MED, OPP, REB, BUS, CVL, JUD, LEG, IGO, NGO, ...). */
  sectors: Record<string, CameoSector>;
  /** ICEWS sector label -> CAMEO agent code (possibly compound, e.g. "Defense / Security Ministry" -> "GOVMIL"). */
  agentLabels: Record<string, { code: string }>;
}

// ---------------------------------------------------------------------------------------------

let countries: Country[] | undefined;
let leaders: Leader[] | undefined;
let cameo: CameoData | undefined;

/** All countries and territories (`data/countries.json`). */
export function loadCountries(): Country[] {
  return (countries ??= readJson<Country[]>('countries.json'));
}

/**
 * Cities, admin-1 divisions and curated regions (`data/places.json`). Read afresh on
 * every call and not cached: it is used once, to build the actor lexicon.
 */
export function loadPlaces(): Place[] {
  return readJson<Place[]>('places.json');
}

/** Heads of state / government and foreign ministers with terms (`data/leaders.json`). */
export function loadLeaders(): Leader[] {
  return (leaders ??= readJson<Leader[]>('leaders.json'));
}

/** CAMEO codebook with Goldstein, QuadClass and PLOVER mapping, plus sector codes (`data/cameo.json`). */
export function loadCameo(): CameoData {
  return (cameo ??= readJson<CameoData>('cameo.json'));
}

let ploverEvents: string[] | undefined;

/** The PLOVER event types the CAMEO2PLOVER table maps to (`data/cameo.json`), sorted. */
export function loadPloverEventTypes(): readonly string[] {
  return (ploverEvents ??= [...new Set(Object.values(loadCameo().codes).flatMap((c) => (c.plover?.event ? [c.plover.event] : [])))].sort());
}

/** Clear the caches (tests). */
export function resetDataCache(): void {
  countries = leaders = undefined;
  cameo = undefined;
  ploverEvents = undefined;
}
