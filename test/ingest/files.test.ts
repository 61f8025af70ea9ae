import { Readable } from 'node:stream';
import { chmodSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SitrepError } from '../../src/errors.js';
import {
  detectHeadline,
  documentId,
  normalizeText,
  parseIsoDate,
  readInputs,
  toDocumentMeta,
} from '../../src/ingest/index.js';
import { collect, err, ok, tempDir } from './helpers.js';

// Invented text, written for these tests.
const HEADLINE = 'Harbour council approves new ferry link to island towns';
const BODY =
  'The regional council of Westmere voted on Tuesday to fund a ferry service.\n\n' +
  'Mayor Ilse Varga said the boats would run twice a day from next spring.';

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

describe('plain text', () => {
  it('takes a headline first line as title and keeps it in the text', async () => {
    const f = t.write('ferry.txt', `${HEADLINE}\n\n${BODY}\n`);
    const [r] = await collect([f]);
    const a = ok(r);
    expect(a.title).toBe(HEADLINE);
    expect(a.text).toBe(`${HEADLINE}\n\n${BODY}\n`);
    expect(a.text.startsWith(HEADLINE)).toBe(true);
    expect(a.published).toBeNull();
    expect(a.origin).toBe(f);
    expect(a).not.toHaveProperty('id');
  });

  it('headline followed by a single newline also counts', () => {
    expect(detectHeadline(`${HEADLINE}\n${BODY}`)).toBe(HEADLINE);
  });

  it('a first line that is a sentence is not a headline', () => {
    expect(detectHeadline('The council met on Tuesday.\nIt voted.')).toBeNull();
    expect(detectHeadline('Only one line here')).toBeNull();
    expect(detectHeadline('\nBody after a blank first line')).toBeNull();
    expect(detectHeadline(`${'word '.repeat(40)}\nBody.`)).toBeNull();
    expect(detectHeadline('Will the ferry run on time?\nOfficials think so.')).toBe('Will the ferry run on time?');
  });

  it('normalises BOM, CRLF and NFC, nothing else', async () => {
    const f = t.write('crlf.txt', '\uFEFFCafe\u0301 owners protest rent rise\r\n\r\n  Owners gathered outside.\r\n');
    const a = ok((await collect([f]))[0]);
    expect(a.text).toBe('Caf\u00e9 owners protest rent rise\n\n  Owners gathered outside.\n');
    expect(a.title).toBe('Caf\u00e9 owners protest rent rise');
    expect(normalizeText('a\rb\r\nc')).toBe('a\nb\nc');
  });

  it('uses a sibling .json metadata file', async () => {
    const f = t.write('story.txt', `${HEADLINE}\n\n${BODY}`);
    t.write('story.json', JSON.stringify({ title: 'Metadata title', published: '2024-03-05T22:10:00-05:00', note: 'ignored' }));
    const a = ok((await collect([f]))[0]);
    expect(a.title).toBe('Metadata title');
    expect(a.published).toBe('2024-03-05'); // local date of the stated offset
  });

  it('opts.published overrides every date', async () => {
    const f = t.write('story.txt', BODY);
    t.write('story.json', JSON.stringify({ published: '2024-03-05' }));
    const a = ok((await collect([f], { published: '2023-12-31T23:59:59Z' }))[0]);
    expect(a.published).toBe('2023-12-31');
  });

  it('an invalid opts.published throws invalid_date before reading', async () => {
    await expect(collect([t.write('x.txt', BODY)], { published: '31/12/2023' })).rejects.toMatchObject({ code: 'invalid_date' });
  });

  it('a bad date in a metadata file is an invalid_date error of the input naming the metadata file', async () => {
    const f = t.write('bad.txt', BODY);
    const side = t.write('bad.json', JSON.stringify({ published: '2024-02-30' }));
    const e = err((await collect([f]))[0]);
    expect(e.error).toBeInstanceOf(SitrepError);
    expect(e.error.code).toBe('invalid_date');
    expect(e.error.message).toContain(side);
    expect(e.origin).toBe(f);
  });

  it('an empty metadata file (an output file the shell just created) counts as none', async () => {
    const f = t.write('story.txt', `${HEADLINE}\n\n${BODY}`);
    t.write('story.json', '');
    const a = ok((await collect([f]))[0]);
    expect(a.title).toBe(HEADLINE);
  });

  it('a publication year before 1000 is an invalid_date', async () => {
    await expect(collect([t.write('y.txt', BODY)], { published: '0000-01-01' })).rejects.toMatchObject({ code: 'invalid_date' });
  });


  it('binary files are input_not_text', async () => {
    const nul = t.write('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    const latin = t.write('latin.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])); // "café" in Latin-1
    const rs = await collect([nul, latin]);
    expect(err(rs[0]).error.code).toBe('input_not_text');
    expect(err(rs[1]).error.code).toBe('input_not_text');
  });

  it('UTF-16 files with a byte order mark are read as text; a broken one is input_not_text', async () => {
    const body = 'Envoys of Ruritania met in Strelsau on Monday.\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    const odd = Buffer.concat([le, Buffer.from([0x41])]); // half a code unit at the end
    const rs = await collect([t.write('le.txt', le), t.write('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be])), t.write('odd.txt', odd)]);
    expect(ok(rs[0]).text).toBe(body);
    expect(ok(rs[1]).text).toBe(body);
    expect(err(rs[2]).error.code).toBe('input_not_text');
    expect(err(rs[2]).error.message).toMatch(/odd\.txt: not valid utf-16le/);
  });

  it('missing path, empty file, folder-as-text and size limit errors', async () => {
    const empty = t.write('empty.txt', '  \n\n ');
    const big = t.write('big.txt', 'x'.repeat(2000));
    const rs = await collect([path.join(t.dir, 'missing.txt'), empty, big], { maxBytes: 1000 });
    expect(rs.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['input_not_found', 'input_empty', 'input_too_large']);
  });

  it('unreadable file is input_unreadable', async () => {
    if (process.getuid?.() === 0) return; // root reads anything
    const f = t.write('secret.txt', BODY);
    chmodSync(f, 0o000);
    expect(err((await collect([f]))[0]).error.code).toBe('input_unreadable');
  });

  it('one bad input never stops the batch', async () => {
    const good = t.write('good.txt', BODY);
    const rs = await collect([path.join(t.dir, 'nope'), good, 'ftp://example.org/a']);
    expect(rs.map((r) => r.ok)).toEqual([false, true, false]);
    expect(err(rs[2]).error.code).toBe('url_fetch_failed');
  });
});

describe('JSON Lines', () => {
  it('yields good lines and names file:line for bad ones', async () => {
    const lines = [
      JSON.stringify({ id: 'a1', text: BODY, title: 'First', published: '2025-01-02', url: 'https://news.example/a1', source: 'Example News' }),
      '',
      '{"text": "broken',
      JSON.stringify({ title: 'no text' }),
      JSON.stringify({ text: 42 }),
      JSON.stringify({ id: 7, html: '<html><body><article><p>Fishing boats returned to port early on Friday.</p></article></body></html>' }),
      JSON.stringify({ text: BODY, published: 'yesterday' }),
      '[1,2]',
    ];
    const f = t.write('batch.jsonl', lines.join('\r\n') + '\n');
    const rs = await collect([f]);
    expect(rs).toHaveLength(7); // the blank line is skipped
    const a = ok(rs[0]);
    expect(a).toMatchObject({ id: 'a1', title: 'First', published: '2025-01-02', url: 'https://news.example/a1', source: 'Example News', text: BODY, origin: `${f}:1` });
    const e3 = err(rs[1]);
    expect(e3.origin).toBe(`${f}:3`);
    expect(e3.error.code).toBe('invalid_json');
    expect(e3.error.message).toContain(`${f}:3`);
    expect(err(rs[2]).error.code).toBe('invalid_article');
    expect(err(rs[2]).origin).toBe(`${f}:4`);
    expect(err(rs[3]).error.code).toBe('invalid_article');
    const h = ok(rs[4]);
    expect(h.id).toBe('7');
    expect(h.text).toBe('Fishing boats returned to port early on Friday.');
    expect(h.title).toBeNull(); // records are not scanned for headlines
    expect(err(rs[5]).error.code).toBe('invalid_date');
    expect(err(rs[5]).origin).toBe(`${f}:7`);
    expect(err(rs[6]).error.code).toBe('invalid_article');
  });

  it('applies the size limit per line', async () => {
    const f = t.write('b.ndjson', [JSON.stringify({ text: 'y'.repeat(500) }), JSON.stringify({ text: 'short text' })].join('\n'));
    const rs = await collect([f], { maxBytes: 100 });
    expect(err(rs[0]).error.code).toBe('input_too_large');
    expect(ok(rs[1]).text).toBe('short text');
  });

  it('a .json file holds one article or an array', async () => {
    const one = t.write('one.json', JSON.stringify({ text: BODY, title: 'One' }));
    const many = t.write('many.json', JSON.stringify([{ text: 'First item text.' }, { nope: 1 }]));
    const rs = await collect([one, many]);
    expect(ok(rs[0]).title).toBe('One');
    expect(ok(rs[1]).origin).toBe(`${many}[0]`);
    expect(err(rs[2]).origin).toBe(`${many}[1]`);
  });
});

describe('folders', () => {
  it('reads supported files recursively in path order; metadata json is not an input', async () => {
    t.write('b.txt', 'Second story\n\nText b.');
    t.write('a/z.html', '<html><head><title>Z</title></head><body><p>Text z in a folder.</p></body></html>');
    t.write('a/c.txt', 'Text a/c.');
    t.write('a/c.json', JSON.stringify({ published: '2025-05-06' }));
    t.write('B.txt', 'Upper case B.');
    t.write('notes.md', 'ignored');
    t.write('.hidden.txt', 'ignored');
    t.write('d/e/f.jsonl', JSON.stringify({ text: 'Deep line.' }) + '\n');
    const rs = await collect([t.dir]);
    const rel = rs.map((r) => path.relative(t.dir, r.ok ? r.article.origin : r.origin));
    expect(rel).toEqual(['B.txt', 'a/c.txt', 'a/z.html', 'b.txt', 'd/e/f.jsonl:1']);
    expect(ok(rs[1]).published).toBe('2025-05-06');
    const flat = await collect([t.dir], { recursive: false });
    expect(flat.map((r) => path.relative(t.dir, ok(r).origin))).toEqual(['B.txt', 'b.txt']);
  });

  it('survives a symlink loop and reports a dangling link (never a silent skip), reading the rest', async () => {
    t.write('sub/x.txt', 'Text in sub.');
    symlinkSync(t.dir, path.join(t.dir, 'sub', 'loop'));
    symlinkSync(path.join(t.dir, 'gone.txt'), path.join(t.dir, 'dangling.txt'));
    symlinkSync(path.join(t.dir, 'gone.md'), path.join(t.dir, 'dangling.md')); // not an input kind: ignored like any .md
    const rs = await collect([t.dir]);
    expect(rs).toHaveLength(2);
    const e = err(rs[0]);
    expect(e.error.code).toBe('input_not_found');
    expect(e.error.message).toContain('broken symbolic link');
    expect(path.relative(t.dir, ok(rs[1]).origin)).toBe('sub/x.txt');
  });

  it('an empty folder is one input_empty error', async () => {
    t.write('only.md', 'x');
    expect(err((await collect([t.dir]))[0]).error.code).toBe('input_empty');
  });
});

describe('stdin', () => {
  it('reads one plain-text article', async () => {
    const stdin = Readable.from([Buffer.from(`${HEADLINE}\n\n`), Buffer.from(BODY)]);
    const rs = await collect(['-'], { stdin });
    const a = ok(rs[0]);
    expect(a.origin).toBe('stdin');
    expect(a.title).toBe(HEADLINE);
    expect(a.text).toBe(`${HEADLINE}\n\n${BODY}`);
  });

  it('reads HTML', async () => {
    const stdin = Readable.from(['<!DOCTYPE html><html><head><meta property="og:title" content="Piped"></head><body><p>Piped paragraph text.</p></body></html>']);
    const a = ok((await collect(['-'], { stdin }))[0]);
    expect(a.title).toBe('Piped');
    expect(a.text).toBe('Piped paragraph text.');
  });

  it('reads JSON Lines when the input starts with {', async () => {
    const stdin = Readable.from(['\n{"text": "Line one text."}\n', 'not json\n{"text": "Line three text."}']);
    const rs = await collect(['-'], { stdin });
    expect(rs.map((r) => (r.ok ? r.article.origin : r.origin))).toEqual(['stdin:2', 'stdin:3', 'stdin:4']);
    expect(err(rs[1]).error.code).toBe('invalid_json');
  });

  it('empty stdin is input_empty', async () => {
    expect(err((await collect(['-'], { stdin: Readable.from([]) }))[0]).error.code).toBe('input_empty');
  });
});

describe('ids and dates', () => {
  it('documentId is sha256 of title + newline + text, 16 hex', () => {
    const id = documentId('Body.', 'Title');
    expect(id).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(id).toBe(documentId('Body.', 'Title'));
    expect(id).not.toBe(documentId('Body.', null));
    expect(documentId('Body.', null)).toBe(documentId('Body.', ''));
  });

  it('toDocumentMeta', async () => {
    const a = ok((await collect([t.write('m.txt', `${HEADLINE}\n${BODY}`)]))[0]);
    expect(toDocumentMeta(a)).toEqual({ id: documentId(a.text, HEADLINE), title: HEADLINE, published: null, url: null, source: null, text: a.text });
  });

  it('parseIsoDate keeps the written calendar date', () => {
    expect(parseIsoDate('2025-08-13')).toBe('2025-08-13');
    expect(parseIsoDate('2025-08-13T23:30:00-04:00')).toBe('2025-08-13');
    expect(parseIsoDate('2025-08-13T01:30:00+09:00')).toBe('2025-08-13');
    expect(parseIsoDate('2025-08-13T10:00:00.123Z')).toBe('2025-08-13');
    expect(parseIsoDate('2025-08-13 10:00')).toBe('2025-08-13');
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2025-02-29', '2025-13-01', '2025-08', '13/08/2025', 'August 13, 2025', '2025-08-13T25:00', '']) {
      expect(parseIsoDate(bad)).toBeNull();
    }
  });

  it('readInputs rejects a bad maxBytes', async () => {
    await expect(collect([], { maxBytes: -1 })).rejects.toMatchObject({ code: 'invalid_argument' });
    // a generator that is never iterated reads nothing
    readInputs(['/nonexistent']);
  });
});
