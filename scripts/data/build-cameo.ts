/**
 * Build `data/cameo.json` from the shared reference data:
 *
 * - `cameo_resources/cameo_eventcodes_goldstein.tsv` (GDELT CAMEO codebook + Goldstein scale),
 * - `cameo_resources/plover/CAMEO2PLOVER-2021.txt` (CAMEO -> PLOVER event/mode/context table),
 * - `cameo_resources/text_to_CAMEO/agentnames.txt` (ICEWS sector labels -> CAMEO agent codes).
 *
 * Output is deterministic (sorted keys, one code per line). Schema: see `CameoData` in
 * `src/data/load.ts`.
 *
 * Run: `node --import tsx scripts/data/build-cameo.ts`
 * Env: `SITREP_SHARED` (default `../shared` relative to the project root).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PROJECT_ROOT, findSharedData, stable } from './common.js';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT_DIR = join(PROJECT_ROOT, 'data');

/** The shared data directory (see findSharedData in ./common.ts). */
export function sharedDataDir(): string {
  return findSharedData('cameo_resources');
}

/** Serialise `{key: map}` objects with one map entry per line (diff-friendly, still compact). */
function writeMapsJson(file: string, top: Record<string, Record<string, unknown>>): void {
  const parts: string[] = [];
  for (const k of Object.keys(top).sort()) {
    const m = top[k];
    const lines = Object.keys(m)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable(m[key])}`);
    parts.push(`${JSON.stringify(k)}:{\n${lines.join(',\n')}\n}`);
  }
  writeFileSync(file, `{\n${parts.join(',\n')}\n}\n`);
}

export interface PloverMap {
  event: string;
  mode: string | null;
  context: string[];
}

/** Parse CAMEO2PLOVER-2021.txt: `code: EVENT, mode, context # description`. */
export function parsePlover(text: string): { codes: Map<string, PloverMap>; roots: Map<string, string[]> } {
  const codes = new Map<string, PloverMap>();
  const roots = new Map<string, string[]>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('~')) continue;
    const m = /^(\d{2,4}):\s*(.*)$/.exec(line);
    if (!m) continue;
    const code = m[1];
    const body = m[2].split('#')[0];
    const fields = body.split(',').map((s) => s.trim());
    if (fields.length === 1) {
      // Section header, e.g. `08: CONCEDE` and `08: RETREAT`: the PLOVER events used under this root.
      const ev = fields[0];
      if (!ev) continue;
      const list = roots.get(code) ?? [];
      if (!list.includes(ev)) list.push(ev);
      roots.set(code, list);
      continue;
    }
    if (codes.has(code)) continue; // duplicate line (175 appears twice): keep the first
    const [event, mode = '', context = ''] = fields;
    codes.set(code, {
      event,
      mode: mode ? mode : null,
      context: context
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    });
  }
  return { codes, roots };
}

/** GDELT QuadClass from the two-digit root. */
export function quadClass(root: string): 1 | 2 | 3 | 4 {
  const r = Number(root);
  if (r <= 5) return 1;
  if (r <= 8) return 2;
  if (r <= 13) return 3;
  return 4;
}

/** CAMEO agent / sector (role) codes with their CAMEO manual names. */
const SECTOR_NAMES: Record<string, { name: string; kind: 'domestic' | 'international' | 'religion' }> = {
  GOV: { name: 'Government', kind: 'domestic' },
  MIL: { name: 'Military', kind: 'domestic' },
  COP: { name: 'Police', kind: 'domestic' },
  JUD: { name: 'Judiciary', kind: 'domestic' },
  LEG: { name: 'Legislature', kind: 'domestic' },
  SPY: { name: 'State intelligence', kind: 'domestic' },
  PTY: { name: 'Political party', kind: 'domestic' },
  OPP: { name: 'Political opposition', kind: 'domestic' },
  REB: { name: 'Rebels', kind: 'domestic' },
  INS: { name: 'Insurgents', kind: 'domestic' },
  SEP: { name: 'Separatists', kind: 'domestic' },
  RAD: { name: 'Radicals', kind: 'domestic' },
  MOD: { name: 'Moderates', kind: 'domestic' },
  UAF: { name: 'Unidentified armed forces', kind: 'domestic' },
  CRM: { name: 'Criminals', kind: 'domestic' },
  CVL: { name: 'Civilians', kind: 'domestic' },
  ELI: { name: 'Elites', kind: 'domestic' },
  BUS: { name: 'Business', kind: 'domestic' },
  MED: { name: 'Media', kind: 'domestic' },
  EDU: { name: 'Education', kind: 'domestic' },
  LAB: { name: 'Labor', kind: 'domestic' },
  AGR: { name: 'Agriculture', kind: 'domestic' },
  DEV: { name: 'Development', kind: 'domestic' },
  ENV: { name: 'Environment', kind: 'domestic' },
  HLH: { name: 'Health', kind: 'domestic' },
  HRI: { name: 'Human rights', kind: 'domestic' },
  REF: { name: 'Refugees', kind: 'domestic' },
  IGO: { name: 'Inter-governmental organization', kind: 'international' },
  NGO: { name: 'Non-governmental organization', kind: 'international' },
  NGM: { name: 'Non-governmental movement', kind: 'international' },
  MNC: { name: 'Multinational corporation', kind: 'international' },
  IMG: { name: 'International militarized group', kind: 'international' },
  REL: { name: 'Religious', kind: 'religion' },
};

export function buildCameo(shared: string): string {
  const res = join(shared, 'cameo_resources');
  const tsv = readFileSync(join(res, 'cameo_eventcodes_goldstein.tsv'), 'utf8');
  const { codes: plover, roots: ploverRoots } = parsePlover(readFileSync(join(res, 'plover', 'CAMEO2PLOVER-2021.txt'), 'utf8'));

  const codes: Record<string, Record<string, unknown>> = {};
  const rows = tsv.split(/\r?\n/).slice(1).filter(Boolean);
  for (const row of rows) {
    const [code, root, level, name, gold] = row.split('\t');
    if (!/^\d{2,4}$/.test(code)) throw new Error(`bad CAMEO code line: ${row}`);
    const entry: Record<string, unknown> = {
      name,
      root,
      level: Number(level),
      goldstein: Number(gold),
      quadClass: quadClass(root),
    };
    // PLOVER: own mapping, else nearest parent (4 -> 3 digits -> 3-digit "x0" -> root section).
    let pl: PloverMap | undefined = plover.get(code);
    let from: string | undefined;
    if (!pl) {
      const parents: string[] = [];
      if (code.length === 4) parents.push(code.slice(0, 3));
      if (code.length >= 3 && code.slice(0, 3) !== `${root}0`) parents.push(`${root}0`);
      for (const p of parents) {
        if (plover.has(p)) {
          pl = plover.get(p);
          from = p;
          break;
        }
      }
      if (!pl && code.length === 2) {
        const evs = ploverRoots.get(code);
        const zero = plover.get(`${code}0`);
        if (zero) {
          pl = zero;
          from = `${code}0`;
        } else if (evs && evs.length) {
          pl = { event: evs[0], mode: null, context: [] };
          from = code;
        }
      }
    }
    if (!pl && root === '02') {
      // CAMEO2PLOVER-2021 lists no 02 rows; the PLOVER manual's REQUEST covers CAMEO's appeals (02) as well as
      // its demands (10), so appeals map to REQUEST (a sitrep supplement, marked by ploverFrom "manual:REQUEST").
      pl = { event: 'REQUEST', mode: null, context: [] };
      from = 'manual:REQUEST';
    }
    entry.plover = pl ? { event: pl.event, mode: pl.mode, ...(pl.context.length ? { context: pl.context } : {}) } : null;
    if (pl && from) entry.ploverFrom = from;
    const rootEvents = ploverRoots.get(root);
    if (code.length === 2 && rootEvents && rootEvents.length > 1) entry.ploverRootEvents = rootEvents;
    codes[code] = entry;
  }

  // Sectors: CAMEO role codes plus the ICEWS sector labels that map onto them.
  const sectors: Record<string, Record<string, unknown>> = {};
  for (const [code, v] of Object.entries(SECTOR_NAMES)) sectors[code] = { name: v.name, kind: v.kind, icewsLabels: [] as string[] };
  const agentLabels: Record<string, Record<string, unknown>> = {};
  const agentFile = join(res, 'text_to_CAMEO', 'agentnames.txt');
  for (const line of readFileSync(agentFile, 'utf8').split(/\r?\n/)) {
    const [label, code] = line.split('\t').map((s) => (s ?? '').trim());
    if (!label || !code || !/^[A-Z]{3}(?:[A-Z]{3})*$/.test(code)) continue;
    if (code === 'ETN') continue; // Joshua Project ethnic groups: not sectors
    const primary = code.slice(0, 3);
    if (!sectors[primary]) continue; // ethnic / religious group codes (ARB, KUR, ...)
    agentLabels[label] = { code };
    (sectors[primary].icewsLabels as string[]).push(label);
  }
  for (const s of Object.values(sectors)) (s.icewsLabels as string[]).sort();

  mkdirSync(OUT_DIR, { recursive: true });
  const out = join(OUT_DIR, 'cameo.json');
  writeMapsJson(out, { codes, sectors, agentLabels });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = buildCameo(sharedDataDir());
  console.log(`wrote ${out}`);
}
