import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, err, ok } from './helpers.js';

// Invented text, written for these tests.
const ARTICLE_HTML = `<!DOCTYPE html><html><head>
<title>Harvest | Farm Weekly</title>
<meta property="og:title" content="Wheat harvest starts early in the south">
<meta property="article:published_time" content="2025-07-21T06:00:00+10:00">
<link rel="canonical" href="https://farm.example/harvest-early">
</head><body><nav><a href="/">Home</a></nav>
<article><p>Growers in the southern plains began cutting wheat ten days earlier than usual.</p>
<p>A spokesman for the growers' union said dry weather had sped up ripening.</p></article>
<footer>Farm Weekly footer</footer></body></html>`;

let server: http.Server;
let base = '';
const pending = new Set<http.ServerResponse>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const u = req.url ?? '/';
    if (u === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(ARTICLE_HTML);
    } else if (u === '/plain') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('River levels fall after storm\n\nThe river dropped by a metre overnight.');
    } else if (u === '/latin1') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' });
      res.end(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73, 0x2e])); // "Café opens."
    } else if (u === '/big-declared') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '50000' });
      res.end('z'.repeat(50000));
    } else if (u === '/big-chunked') {
      // no content-length: the limit must be enforced while streaming
      res.writeHead(200, { 'content-type': 'text/plain' });
      let n = 0;
      const tick = (): void => {
        if (n++ >= 50 || res.destroyed) return void res.end();
        res.write('w'.repeat(1000), () => setImmediate(tick));
      };
      tick();
    } else if (u === '/slow') {
      pending.add(res); // never answers
    } else if (u === '/slow-body') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('Starts fine but never ends. ');
      pending.add(res);
    } else if (u === '/image') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else if (u === '/redirect') {
      res.writeHead(302, { location: '/plain' });
      res.end();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const r of pending) r.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('URL inputs', () => {
  it('fetches HTML by content-type with metadata', async () => {
    const a = ok((await collect([`${base}/article`]))[0]);
    expect(a.origin).toBe(`${base}/article`);
    expect(a.title).toBe('Wheat harvest starts early in the south');
    expect(a.published).toBe('2025-07-21');
    expect(a.url).toBe('https://farm.example/harvest-early');
    expect(a.source).toBe('127.0.0.1'); // host name when the page names no site
    expect(a.text).toBe(
      'Growers in the southern plains began cutting wheat ten days earlier than usual.\n\n' +
        "A spokesman for the growers' union said dry weather had sped up ripening.",
    );
  });

  it('fetches plain text (after a redirect) and honours the charset', async () => {
    const [p, l] = (await collect([`${base}/redirect`, `${base}/latin1`])).map(ok);
    expect(p.title).toBe('River levels fall after storm');
    expect(p.url).toBe(`${base}/plain`);
    expect(l.text).toBe('Caf\u00e9 opens.');
  });

  it('enforces the size limit from content-length and while streaming', async () => {
    const rs = await collect([`${base}/big-declared`, `${base}/big-chunked`], { maxBytes: 10_000 });
    expect(err(rs[0]).error.code).toBe('input_too_large');
    expect(err(rs[1]).error.code).toBe('input_too_large');
  });

  it('times out on headers and on a stalled body', async () => {
    const t0 = Date.now();
    const rs = await collect([`${base}/slow`, `${base}/slow-body`, `${base}/plain`], { timeoutMs: 300 });
    expect(Date.now() - t0).toBeLessThan(5000);
    for (const r of rs.slice(0, 2)) {
      const e = err(r);
      expect(e.error.code).toBe('url_fetch_failed');
      expect(e.error.message).toMatch(/timed out after 300 ms/);
    }
    expect(rs[2].ok).toBe(true);
  });

  it('HTTP errors, non-text types, other schemes and refused connections', async () => {
    const rs = await collect([`${base}/missing`, `${base}/image`, 'file:///etc/hostname', 'http://127.0.0.1:1/x']);
    expect(rs.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['url_fetch_failed', 'input_not_text', 'url_fetch_failed', 'url_fetch_failed']);
    expect(err(rs[0]).error.message).toContain('404');
  });
});
