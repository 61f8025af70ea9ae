/**
 * Static files of the web UI: src/ui/* at /ui/*, a fixed list of library
 * files from node_modules at /vendor/*, and the ISO 3166 numeric -> alpha-3
 * table the map needs. Only files known at start-up are served (no path from a
 * request ever reaches the file system).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
const UI_DIR = fileURLToPath(new URL('../ui/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

/** A file of a package: through its package.json location (works whatever its `exports` say). */
function packageFile(pkg: string, rel: string): string {
  let dir: string;
  try {
    dir = path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    dir = path.join(ROOT, 'node_modules', pkg);
  }
  return path.join(dir, rel);
}

/** Library files the UI loads, by the name under /vendor/. */
const VENDOR: Record<string, () => string> = {
  'd3.min.js': () => packageFile('d3', 'dist/d3.min.js'),
  'topojson-client.min.js': () => packageFile('topojson-client', 'dist/topojson-client.min.js'),
  'countries-110m.json': () => packageFile('world-atlas', 'countries-110m.json'),
};

function load(file: string): StaticFile {
  return { body: readFileSync(file), type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
}

function listUi(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listUi(full, prefix + name + '/'));
    else if (TYPES[path.extname(name)]) out.push(prefix + name);
  }
  return out;
}

/** The static files, loaded once. */
export class StaticFiles {
  private readonly ui = new Map<string, StaticFile>();
  private readonly vendor = new Map<string, StaticFile>();
  private iso: StaticFile | null = null;

  constructor(private readonly dev = false) {
    for (const rel of listUi(UI_DIR)) this.ui.set(rel, load(path.join(UI_DIR, rel)));
  }

  /** A file of src/ui by its relative path (`index.html`, `js/app.js`), or null. Re-read from disk in dev mode. */
  uiFile(rel: string): StaticFile | null {
    const f = this.ui.get(rel);
    if (!f) return null;
    return this.dev ? load(path.join(UI_DIR, rel)) : f;
  }

  /** A library file by its /vendor/ name, or null. */
  vendorFile(name: string): StaticFile | null {
    if (!Object.hasOwn(VENDOR, name)) return null;
    let f = this.vendor.get(name);
    if (!f) this.vendor.set(name, (f = load(VENDOR[name]())));
    return f;
  }

  /** `{"004": "AFG", ...}`: ISO 3166-1 numeric to alpha-3 (world-atlas ids are numeric). */
  isoNumeric(): StaticFile {
    if (!this.iso) {
      const map: Record<string, string> = {};
      for (const [numeric, alpha2] of Object.entries(countries.getNumericCodes())) {
        const a3 = countries.alpha2ToAlpha3(alpha2);
        if (a3) map[numeric] = a3;
      }
      // world-atlas uses 3-digit ids; Kosovo has none in ISO (CAMEO uses KOS)
      this.iso = { body: Buffer.from(JSON.stringify(map)), type: TYPES['.json'] };
    }
    return this.iso;
  }
}
