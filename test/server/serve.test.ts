import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand, startServer } from '../../src/cli/serve.js';
import { Store } from '../../src/store/index.js';
import { docX } from './fixtures.js';

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sitrep-serve-'));
  db = path.join(dir, 's.db');
  const s = Store.open(db);
  s.putDocument(docX());
  s.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sitrep serve', () => {
  it('declares its options with localhost as the default host', () => {
    const c = serveCommand();
    expect(c.name()).toBe('serve');
    const opt = (f: string) => c.options.find((o) => o.long === f);
    expect(opt('--host')?.defaultValue).toBe('127.0.0.1');
    expect(opt('--db')).toBeDefined();
    expect(opt('--port')).toBeDefined();
  });

  it('listens on 127.0.0.1 on a free port, answers, and closes', async () => {
    const run = await startServer({ db, port: 0, host: '127.0.0.1' });
    try {
      expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const r = await fetch(run.url + 'api/events');
      expect(r.status).toBe(200);
      expect((await r.json()).total).toBe(2);
      // a second server on the same port is refused with a code
      await expect(startServer({ db, port: run.port, host: '127.0.0.1' })).rejects.toMatchObject({ code: 'invalid_argument' });
    } finally {
      await run.close();
    }
  });

  it('refuses a store that does not exist', async () => {
    await expect(startServer({ db: path.join(dir, 'absent.db'), port: 0, host: '127.0.0.1' })).rejects.toMatchObject({ code: 'store_failed' });
  });
});
