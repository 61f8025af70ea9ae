/**
 * The command line, run as a user runs it (node bin/sitrep.mjs), on the
 * bundled example articles and on bad input.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = resolve(ROOT, 'bin/sitrep.mjs');
const EX = resolve(ROOT, 'examples/articles');

function sitrep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('sitrep extract', () => {
  it('prints one document as JSON with offsets into its text', () => {
    const r = sitrep(['extract', join(EX, 'ankara-talks.txt')]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.document.published).toBe('2025-06-18');
    expect(doc.document.title).toMatch(/^Erdogan and Starmer/);
    expect(doc.document.id).toMatch(/^sha256:[0-9a-f]{16}$/);
    const erdogan = doc.entities.find((e: { text: string }) => e.text.includes('Erdogan'));
    expect(erdogan.actor.code).toBe('TURGOV');
    expect(doc.document.text.slice(erdogan.start, erdogan.end)).toBe(erdogan.text);
    const tuesday = doc.timexes.find((t: { text: string }) => t.text === 'Tuesday');
    expect(tuesday.value).toBe('2025-06-17');
    expect(doc.events.some((e: { root: string; actor: { code: string }[] }) => e.root === '04' && e.actor.some((a) => a.code === 'TURGOV'))).toBe(true);
  });

  it('leaves relative dates underspecified when no publication date is known', () => {
    const f = join(tmp, 'nodate.txt');
    writeFileSync(f, 'The minister met his Polish counterpart in Warsaw on Aug. 12 and again last year.\n');
    const doc = JSON.parse(sitrep(['extract', f]).out);
    expect(doc.document.published).toBeNull();
    expect(doc.timexes.find((t: { text: string }) => t.text.includes('Aug. 12')).value).toBe('XXXX-08-12');
  });

  it('uses --published as the reference date', () => {
    const f = join(tmp, 'dated.txt');
    writeFileSync(f, 'The minister met his Polish counterpart in Warsaw on Aug. 12.\n');
    const doc = JSON.parse(sitrep(['extract', f, '--published', '2024-09-01']).out);
    expect(doc.timexes[0].value).toBe('2024-08-12');
  });

  it('writes one JSON line per input article, in order, errors included', () => {
    const f = join(tmp, 'batch.jsonl');
    writeFileSync(
      f,
      [
        JSON.stringify({ id: 'a', text: 'Germany and France signed a defence agreement on Monday.', published: '2025-03-05' }),
        '{ not json',
        JSON.stringify({ id: 'c', title: 'No text here' }),
        JSON.stringify({ id: 'd', html: '<html><body><article><p>Japan protested to China over the incident.</p></article></body></html>', published: '2025-03-06' }),
      ].join('\n') + '\n',
    );
    const r = sitrep(['extract', f, '--format', 'jsonl']);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].document.published).toBe('2025-03-05');
    expect(lines[1].error.code).toBe('invalid_json');
    expect(lines[1].origin).toMatch(/batch\.jsonl:2$/);
    expect(lines[1].events).toBeUndefined();
    expect(lines[2].error.code).toBe('invalid_article');
    expect(lines[3].document.text).toContain('Japan protested to China');
  });

  it('reads standard input', () => {
    const r = sitrep(['extract', '-', '--published', '2025-01-10', '--format', 'text'], 'Chinese troops held exercises near Taiwan on Thursday, the defence ministry said.\n');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('2025-01-09');
  });

  it('names the input and the problem for bad input, without a stack trace', () => {
    const r = sitrep(['extract', join(tmp, 'missing.txt')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/input_not_found: .*missing\.txt/);
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
    const bad = sitrep(['extract', join(EX, 'ankara-talks.txt'), '--published', '2025-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/invalid_date: --published/);
    const fmt = sitrep(['extract', join(EX, 'ankara-talks.txt'), '--format', 'xml']);
    expect(fmt.code).toBe(2);
    expect(fmt.err).toMatch(/xml/);
  });
});

describe('sitrep ingest, events, actors', () => {
  it('stores articles once, reports bad ones, and queries events', () => {
    const db = join(tmp, 'store.db');
    const bad = join(tmp, 'bad.jsonl');
    writeFileSync(bad, '{"text": 5}\n');
    const r = sitrep(['ingest', EX, bad, '--db', db]);
    expect(r.err).toMatch(/invalid_article.*bad\.jsonl:1/);
    expect(r.out).toMatch(/3 documents read, 2 stored .* 1 errors/);
    expect(existsSync(db)).toBe(true);
    const again = sitrep(['ingest', EX, '--db', db]);
    expect(again.out).toMatch(/2 documents read, 0 stored \(2 already present\)/);
    const ev = sitrep(['events', '--db', db, '--actor', 'TUR', '--format', 'json']);
    expect(ev.code, ev.err).toBe(0);
    const rows = JSON.parse(ev.out);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.actor.some((a: { code: string }) => a.code.startsWith('TUR'))).toBe(true);
    const csv = sitrep(['events', '--db', db, '--code', '04', '--from', '2025-06-01', '--to', '2025-06-30', '--format', 'csv']);
    const [header, ...data] = csv.out.trim().split('\n');
    expect(header.split(',')).toContain('cameo');
    expect(data.length).toBeGreaterThan(0);
    for (const line of data) expect(line).toMatch(/,04\d/);
    const actors = sitrep(['actors', '--db', db, '--format', 'json']);
    const list = JSON.parse(actors.out);
    expect(list.find((a: { code: string }) => a.code === 'TURGOV').events).toBeGreaterThan(0);
  });

  it('reports a missing database clearly', () => {
    const r = sitrep(['events', '--db', join(tmp, 'nope', 'x.db')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/store_failed|input_not_found/);
  });
});

describe('sitrep extract export formats', () => {
  it('writes PLOVER records with provenance and GDELT 2.0 rows of 61 columns', () => {
    const pl = sitrep(['extract', join(EX, 'ankara-talks.txt'), '--format', 'plover']);
    expect(pl.code, pl.err).toBe(0);
    const recs = pl.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.length).toBeGreaterThan(2);
    for (const r of recs) {
      expect(r.source.sentenceText.length).toBeGreaterThan(0);
      expect(r.source.sentenceText).toContain(r.eventText);
      expect(Array.isArray(r.modality)).toBe(true);
    }
    expect(recs.some((r) => r.event === 'CONSULT' && r.actor.some((a: { code: string }) => a.code === 'TURGOV'))).toBe(true);
    const gd = sitrep(['extract', join(EX, 'ankara-talks.txt'), '--format', 'gdelt']);
    const rows = gd.out.replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r).toHaveLength(61);
      expect(r[1]).toMatch(/^\d{8}$/);
      expect(r[26]).toMatch(/^\d{3,4}$/); // EventCode
    }
  });
});
