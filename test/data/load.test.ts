import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SitrepError } from '../../src/errors.js';
import { dataDir, loadCameo, loadCountries, loadLeaders, loadPlaces, resetDataCache, type Leader } from '../../src/data/load.js';

const haveData = ['countries.json', 'places.json', 'leaders.json', 'cameo.json'].every((f) => existsSync(join(dataDir(), f)));

/** Countries matching a name, alias, demonym or capital (case-insensitive exact). */
function countriesFor(s: string): string[] {
  const k = s.toLowerCase();
  return loadCountries()
    .filter((c) => [c.name, c.officialName, ...c.aliases, ...c.demonyms, c.capital ?? '', ...(c.capitalAliases ?? [])].some((a) => a.toLowerCase() === k))
    .map((c) => c.iso3);
}
function placesFor(s: string): string[] {
  const k = s.toLowerCase();
  return [...new Set(loadPlaces().filter((p) => p.name.toLowerCase() === k || (p.aliases ?? []).some((a) => a.toLowerCase() === k)).map((p) => p.iso3))];
}
function holders(alias: string, iso3: string, role: Leader['role'], date: string): Leader[] {
  return loadLeaders().filter(
    (l) => l.iso3 === iso3 && l.role === role && (l.name === alias || l.aliases.includes(alias)) && (l.start === null || l.start <= date) && (l.end === null || date < l.end),
  );
}

describe.skipIf(!haveData)('reference data', () => {
  it('countries: tricky names, demonyms and capitals', () => {
    const prk = loadCountries().find((c) => c.iso3 === 'PRK')!;
    expect(prk.demonyms).toContain('North Korean');
    expect(prk.demonyms).toContain('North Koreans');
    expect(prk.capital).toBe('Pyongyang');
    for (const s of ['North Korea', 'North Korean', 'DPRK', 'Pyongyang']) expect(countriesFor(s)).toEqual(['PRK']);
    for (const s of ['South Korea', 'Seoul', 'South Korean']) expect(countriesFor(s)).toEqual(['KOR']);
    for (const s of ['Kyiv', 'Kiev', 'Ukrainian', 'Ukrainians']) expect(countriesFor(s)).toEqual(['UKR']);
    for (const s of ['Moscow', 'Russia', 'Russians']) expect(countriesFor(s)).toEqual(['RUS']);
    for (const s of ['Washington', 'U.S.', 'United States of America', 'America', 'American']) expect(countriesFor(s)).toEqual(['USA']);
    for (const s of ['UK', 'Britain', 'British']) expect(countriesFor(s)).toEqual(['GBR']);
    expect(countriesFor('Beijing')).toEqual(['CHN']);
    expect(loadCountries().find((c) => c.iso3 === 'XKX')?.cameo).toBe('KSV');
    expect(loadCountries().length).toBeGreaterThan(240);
  });

  it('places: cities and admin-1 regions to countries', () => {
    expect(placesFor('Kyiv')).toEqual(['UKR']);
    expect(placesFor('Kiev')).toContain('UKR');
    expect(placesFor('Kursk Oblast')).toEqual(['RUS']);
    expect(placesFor('Kursk')).toEqual(['RUS']);
    expect(placesFor('Alaska')).toEqual(['USA']);
    expect(placesFor('Crimea')).toEqual(['UKR']);
    expect(placesFor('Gaza Strip')).toEqual(['PSE']);
    const kyiv = loadPlaces().find((p) => p.name === 'Kyiv' && p.kind === 'city')!;
    expect(kyiv.capital).toBe(true);
    expect(kyiv.population).toBeGreaterThan(2_000_000);
    // the US state "Georgia" is left out: it is a country name
    expect(loadPlaces().some((p) => p.name === 'Georgia' && p.iso3 === 'USA')).toBe(false);
  });

  it('leaders: 2025 office holders', () => {
    expect(holders('Kim Jong Un', 'PRK', 'HOS', '2025-08-13')).toHaveLength(1);
    expect(holders('Kim Jong-un', 'PRK', 'HOS', '2025-08-13')).toHaveLength(1);
    expect(holders('Donald Trump', 'USA', 'HOS', '2025-06-01')).toHaveLength(1);
    expect(holders('Trump', 'USA', 'HOS', '2019-06-01')).toHaveLength(1);
    expect(holders('Joe Biden', 'USA', 'HOS', '2024-06-01')).toHaveLength(1);
    expect(holders('Joe Biden', 'USA', 'HOS', '2025-06-01')).toHaveLength(0);
    expect(holders('Zelensky', 'UKR', 'HOS', '2025-06-01')).toHaveLength(1);
    expect(holders('Zelenskyy', 'UKR', 'HOS', '2025-06-01')[0].name).toBe('Volodymyr Zelensky');
    expect(holders('Vladimir Putin', 'RUS', 'HOS', '2025-06-01')).toHaveLength(1);
    expect(holders('Xi Jinping', 'CHN', 'HOS', '2025-06-01')).toHaveLength(1);
    expect(holders('Narendra Modi', 'IND', 'HOG', '2025-06-01')).toHaveLength(1);
    expect(holders('Lukashenka', 'BLR', 'HOS', '2025-06-01')[0].name).toBe('Alexander Lukashenko');
    expect(holders('Emmanuel Macron', 'FRA', 'HOS', '2025-06-01')).toHaveLength(1);
    expect(holders('Keir Starmer', 'GBR', 'HOG', '2025-06-01')).toHaveLength(1);
    expect(holders('Benjamin Netanyahu', 'ISR', 'HOG', '2025-06-01')).toHaveLength(1);
    expect(holders('Ahmed al-Sharaa', 'SYR', 'HOS', '2025-06-01')).toHaveLength(1);
    expect(holders('Assad', 'SYR', 'HOS', '2025-06-01')).toHaveLength(0);
    expect(holders('Mohammed bin Salman', 'SAU', 'HOG', '2025-06-01')).toHaveLength(1);
    const trump = loadLeaders().find((l) => l.iso3 === 'USA' && l.role === 'HOS' && l.start === '2025-01-20')!;
    expect(trump.name).toBe('Donald Trump');
    expect(trump.end).toBeNull();
    for (const l of loadLeaders()) {
      expect(l.start === null || /^\d{4}-\d{2}-\d{2}$/.test(l.start)).toBe(true);
      expect(l.end === null || /^\d{4}-\d{2}-\d{2}$/.test(l.end)).toBe(true);
    }
    // Factbook UPPERCASE surnames are proper-cased (roman numerals stay)
    const shouting = loadLeaders().filter((l) => l.name.split(/[\s-]+/).some((w) => /^\p{Lu}{3,}$/u.test(w) && !/^[IVX]+$/.test(w)));
    expect(shouting.map((l) => l.name)).toEqual([]);
  });

  it('cameo: codebook, QuadClass and PLOVER', () => {
    const { codes, sectors } = loadCameo();
    expect(Object.keys(codes)).toHaveLength(311);
    expect(codes['041']).toMatchObject({ goldstein: 1, quadClass: 1, root: '04', level: 2, plover: { event: 'CONSULT', mode: 'phone' } });
    expect(codes['190'].quadClass).toBe(4);
    expect(codes['190'].plover?.event).toBe('ASSAULT');
    expect(codes['0874'].plover).toMatchObject({ event: 'RETREAT', mode: 'disarm' });
    expect(codes['04']).toMatchObject({ quadClass: 1, ploverFrom: '040', plover: { event: 'CONSULT' } });
    expect(codes['010'].plover).toBeNull();
    expect(codes['061'].quadClass).toBe(2);
    expect(codes['111'].quadClass).toBe(3);
    for (const s of ['GOV', 'MIL', 'MED', 'OPP', 'REB', 'BUS', 'CVL', 'JUD', 'LEG', 'IGO', 'NGO']) expect(sectors[s]?.name).toBeTruthy();
  });
});

describe('missing data', () => {
  afterEach(() => {
    delete process.env.SITREP_DATA_DIR;
    resetDataCache();
  });
  it('throws data_missing when a file is absent', () => {
    process.env.SITREP_DATA_DIR = mkdtempSync(join(tmpdir(), 'sitrep-nodata-'));
    resetDataCache();
    let err: unknown;
    try {
      loadCountries();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SitrepError);
    expect((err as SitrepError).code).toBe('data_missing');
    expect((err as SitrepError).message).toBe('data/countries.json is missing: run npm run build:data');
  });
});
