import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Store } from '../../src/store/index.js';
import { createApp } from '../../src/server/app.js';
import { allDocs, V_ID, W_ID, X_ID, Y_ID, Z_ID } from './fixtures.js';

let store: Store;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeAll(() => {
  store = Store.open(':memory:');
  for (const d of allDocs()) store.putDocument(d);
  app = createApp(store, { log: (m) => logged.push(m), maxExtractBytes: 4096 });
});
afterAll(() => store.close());

async function get(path: string): Promise<{ status: number; body: any; res: Response }> {
  const res = await app.request(path);
  const text = await res.text();
  let body: any = text;
  if ((res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: res.status, body, res };
}

describe('documents', () => {
  it('lists documents newest first with paging and a total', async () => {
    const all = await get('/api/documents');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(5);
    expect(all.body.items.map((d: any) => d.id)).toEqual([W_ID, Y_ID, Z_ID, V_ID, X_ID]);
    const p = await get('/api/documents?limit=2&offset=1');
    expect(p.body).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(p.body.items.map((d: any) => d.id)).toEqual([Y_ID, Z_ID]);
    expect(all.body.items[0]).toEqual(expect.objectContaining({ events: 1, duplicateOf: null, chars: expect.any(Number) }));
    const nodup = await get('/api/documents?duplicates=false');
    expect(nodup.body.total).toBe(4);
  });

  it('returns one document as Doc JSON, 404 JSON for an unknown id', async () => {
    const r = await get(`/api/documents/${encodeURIComponent(X_ID)}`);
    expect(r.status).toBe(200);
    expect(r.body.document.id).toBe(X_ID);
    expect(r.body.events).toHaveLength(2);
    expect(r.body).not.toHaveProperty('tokens');
    const t = r.body.document.text as string;
    const ev = r.body.events[0];
    expect(t.slice(ev.trigger.start, ev.trigger.end)).toBe(ev.trigger.text);
    const missing = await get('/api/documents/sha256:0000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'not_found', message: expect.stringContaining('sha256:0000000000000000'), input: 'id' } });
  });

  it('recognises a near-duplicate and points it to its original', async () => {
    const z = await get(`/api/documents/${encodeURIComponent(Z_ID)}/summary`);
    expect(z.body).toMatchObject({ id: Z_ID, duplicateOf: X_ID, duplicates: [] });
    expect(z.body.similarity).toBeGreaterThanOrEqual(0.8);
    const x = await get(`/api/documents/${encodeURIComponent(X_ID)}/summary`);
    expect(x.body).toMatchObject({ duplicateOf: null, duplicates: [Z_ID] });
    const y = await get(`/api/documents/${encodeURIComponent(Y_ID)}/summary`);
    expect(y.body.duplicateOf).toBeNull();
  });
});

describe('events', () => {
  it('filters by actor, recipient, code, plover, QuadClass and date with a total', async () => {
    const all = await get('/api/events');
    expect(all.body.total).toBe(6);
    const accuse = await get('/api/events?actor=rur&recipient=BOR&code=11');
    expect(accuse.body.total).toBe(5);
    expect(new Set(accuse.body.items.map((e: any) => e.root))).toEqual(new Set(['11']));
    expect((await get('/api/events?code=043')).body.total).toBe(1);
    expect((await get('/api/events?plover=consult')).body.items.map((e: any) => e.cameo)).toEqual(['043']);
    expect((await get('/api/events?quadClass=1')).body.total).toBe(1);
    expect((await get('/api/events?from=2025-05-01')).body.items.map((e: any) => e.docId)).toEqual([W_ID]);
    expect((await get('/api/events?from=2025-03-01&to=2025-03-31')).body.total).toBe(5);
    expect((await get(`/api/events?doc=${encodeURIComponent(X_ID)}`)).body.total).toBe(2);
    expect((await get('/api/events?actor=BOR')).body.total).toBe(0);
  });

  it('pages and sorts', async () => {
    const p1 = await get('/api/events?limit=2&sort=-date');
    expect(p1.body).toMatchObject({ total: 6, limit: 2, offset: 0 });
    expect(p1.body.items[0].date).toBe('2025-05');
    const p3 = await get('/api/events?limit=2&offset=4&sort=-date');
    expect(p3.body.items).toHaveLength(2);
    const seen = new Set<string>();
    for (let off = 0; off < 6; off += 2) for (const e of (await get(`/api/events?limit=2&offset=${off}`)).body.items) seen.add(`${e.docId}:${e.idx}`);
    expect(seen.size).toBe(6);
    const g = await get('/api/events?sort=goldstein');
    expect(g.body.items.map((e: any) => e.goldstein)).toEqual([...g.body.items.map((e: any) => e.goldstein)].sort((a: number, b: number) => a - b));
  });

  it('each event carries its situation id and the number of sources', async () => {
    const r = await get(`/api/events?doc=${encodeURIComponent(Y_ID)}`);
    expect(r.body.items[0]).toMatchObject({ situationId: expect.any(Number), sources: 2, dateFrom: '2025-03-03', dateTo: '2025-03-03', title: 'Ruritania says its post was hit' });
    const same = await get(`/api/events?situation=${r.body.items[0].situationId}`);
    expect(same.body.items.map((e: any) => e.docId).sort()).toEqual([X_ID, Y_ID, Z_ID].sort());
  });

  it('exports CSV with a header and neutralised formulas', async () => {
    const r = await get('/api/events?format=csv&code=11');
    expect(r.status).toBe(200);
    expect(r.res.headers.get('content-type')).toContain('text/csv');
    expect(r.res.headers.get('content-disposition')).toContain('attachment');
    const lines = (r.body as string).trim().split('\n');
    expect(lines[0]).toBe('date,actor,recipient,cameo,quadClass,goldstein,plover,ploverMode,trigger,modality,attribution,confidence,situation,docId,title,published,sentence,rule');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain('RUR,BOR,111');
  });

  it('answers bad arguments with JSON error codes', async () => {
    const cases: Array<[string, number, string]> = [
      ['/api/events?from=2025-02-30', 400, 'invalid_date'],
      ['/api/events?to=03/04/2025', 400, 'invalid_date'],
      ['/api/events?from=2025-05&to=2025-04', 400, 'invalid_argument'],
      ['/api/events?limit=0', 400, 'invalid_argument'],
      ['/api/events?limit=abc', 400, 'invalid_argument'],
      ['/api/events?offset=-1', 400, 'invalid_argument'],
      ['/api/events?code=04a', 400, 'invalid_argument'],
      ['/api/events?actor=RUS%27%20OR%201%3D1', 400, 'invalid_argument'],
      ['/api/events?sort=sideways', 400, 'invalid_argument'],
      ['/api/events?quadClass=5', 400, 'invalid_argument'],
      ['/api/situation-events?minSources=0', 400, 'invalid_argument'],
      ['/api/dyads/RUR/B%20B/series', 400, 'invalid_argument'],
      ['/api/situation-events/99999', 404, 'not_found'],
      ['/api/nothing-here', 404, 'not_found'],
      ['/api/events?plover=nonsense', 400, 'invalid_argument'],
    ];
    for (const [path, status, code] of cases) {
      const r = await get(path);
      expect(r.status, path).toBe(status);
      expect(r.body.error.code, path).toBe(code);
      expect(typeof r.body.error.message, path).toBe('string');
    }
  });
});

describe('methods', () => {
  it('answers a known path asked with the wrong method with 405 and the allowed methods', async () => {
    const r = await app.request('/api/events', { method: 'DELETE' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD');
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
    const x = await app.request('/api/extract', { method: 'GET' });
    expect(x.status).toBe(405);
    expect(x.headers.get('allow')).toBe('POST');
    const doc = await app.request('/api/documents/sha256:0000000000000000', { method: 'PUT' });
    expect(doc.status).toBe(405);
    const none = await app.request('/api/nothing-here', { method: 'DELETE' });
    expect(none.status).toBe(404);
  });
});

describe('situation events (merged across documents)', () => {
  it('merges the same event from two articles, a wire copy adding a mention but no source', async () => {
    const r = await get('/api/situation-events?actor=RUR&code=11&sort=-sources');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(3); // the March event, the May one, and the one placed in Syldavia
    const top = r.body.items[0];
    expect(top).toMatchObject({ actor: ['RUR'], recipient: ['BOR'], root: '11', cameo: '111', date: '2025-03-03', location: 'BOR', sources: 2, mentionCount: 3 });
    expect(top.firstReport).toEqual({ docId: X_ID, published: '2025-03-03' });
    expect(top.mentions.map((m: any) => [m.docId, m.duplicateOf])).toEqual([[X_ID, null], [Y_ID, null], [Z_ID, X_ID]]);
    const y = top.mentions[1];
    expect(y.trigger.text).toBe('hit');
    expect(y.sentenceText.slice(y.trigger.start - y.sentenceSpan.start, y.trigger.end - y.sentenceSpan.start)).toBe('hit');
    const others = r.body.items.slice(1).map((s: any) => [s.date, s.location, s.sources]);
    expect(others).toEqual(expect.arrayContaining([['2025-05', null, 1], ['2025-03-03', 'SYL', 1]]));
  });

  it('filters situations by document and minimum sources, and returns one by id', async () => {
    const byDoc = await get(`/api/situation-events?doc=${encodeURIComponent(Y_ID)}`);
    expect(byDoc.body.total).toBe(1);
    const multi = await get('/api/situation-events?minSources=2');
    expect(multi.body.items.map((s: any) => s.sources)).toEqual([2]);
    const one = await get(`/api/situation-events/${multi.body.items[0].id}`);
    expect(one.body.mentionCount).toBe(3);
  });
});

describe('actors and dyads', () => {
  it('lists actors merged across documents with document counts', async () => {
    const r = await get('/api/actors');
    const rur = r.body.items.find((a: any) => a.code === 'RUR');
    expect(rur).toMatchObject({ name: 'Ruritania', events: 6, documents: 5 });
    expect(rur.names).toEqual(['Ruritania']);
  });

  it('gives a weekly series in both directions with Goldstein and QuadClass counts', async () => {
    const r = await get('/api/dyads/RUR/BOR/series');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ a: 'RUR', b: 'BOR', unit: 'events', imprecise: 1, undated: 0 });
    expect(r.body.weeks).toEqual([
      { week: '2025-W10', start: '2025-03-03', events: 5, aToB: 5, bToA: 0, goldstein: -1.04, quadClass: { 1: 1, 2: 0, 3: 4, 4: 0 } },
    ]);
    const rev = await get('/api/dyads/BOR/RUR/series');
    expect(rev.body.weeks[0]).toMatchObject({ aToB: 0, bToA: 5 });
    const sit = await get('/api/dyads/RUR/BOR/series?unit=situations');
    expect(sit.body.weeks[0].events).toBe(3); // the merged March event counts once
    expect((await get('/api/dyads/RUR/BOR/series?from=2025-04')).body.total).toBe(0);
  });

  it('builds the network and the places per country', async () => {
    const n = await get('/api/network');
    expect(n.body.nodes.map((x: any) => x.code).sort()).toEqual(['BOR', 'RUR']);
    expect(n.body.edges).toEqual([expect.objectContaining({ source: 'RUR', target: 'BOR', events: 6, quadClass: { 1: 1, 2: 0, 3: 5, 4: 0 } })]);
    const p = await get('/api/places');
    expect(p.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ country: 'BOR', stated: 2 }), expect.objectContaining({ country: 'SYL', events: 1, stated: 1 })]));
  });
});

describe('POST /api/extract', () => {
  it('analyses JSON and plain-text bodies', async () => {
    const text = 'Ruritania accused Borduria of shelling a border post on Monday.';
    const r = await app.request('/api/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, published: '2025-03-04', title: 'T' }) });
    expect(r.status).toBe(200);
    const doc = await r.json();
    expect(doc.document).toMatchObject({ text, published: '2025-03-04', title: 'T' });
    expect(Array.isArray(doc.events)).toBe(true);
    expect(Array.isArray(doc.sentences)).toBe(true);
    const p = await app.request('/api/extract?published=2025-03-04', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text });
    expect(p.status).toBe(200);
    expect((await p.json()).document.published).toBe('2025-03-04');
  });

  it('refuses bad, empty and oversized bodies with codes', async () => {
    const post = async (body: string, type = 'application/json') => {
      const r = await app.request('/api/extract', { method: 'POST', headers: { 'content-type': type }, body });
      return { status: r.status, body: await r.json() };
    };
    expect(await post('{"text": ')).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    expect(await post('{"title": "no text"}')).toMatchObject({ status: 400, body: { error: { code: 'invalid_article' } } });
    expect(await post('{"text": 5}')).toMatchObject({ status: 400, body: { error: { code: 'invalid_argument' } } });
    expect(await post('{"text": "   "}')).toMatchObject({ status: 400, body: { error: { code: 'input_empty' } } });
    expect(await post('{"text": "x", "published": "2025-13-40"}')).toMatchObject({ status: 400, body: { error: { code: 'invalid_date' } } });
    expect(await post('x'.repeat(5000), 'text/plain')).toMatchObject({ status: 413, body: { error: { code: 'input_too_large' } } });
  });

  it('reads media types case-insensitively and refuses bodies that are not text', async () => {
    const r = await app.request('/api/extract', { method: 'POST', headers: { 'content-type': 'APPLICATION/JSON' }, body: JSON.stringify({ text: 'Ruritania accused Borduria.' }) });
    expect(r.status).toBe(200);
    expect((await r.json()).document.text).toBe('Ruritania accused Borduria.');
    const bad = await app.request('/api/extract', { method: 'POST', headers: { 'content-type': 'Application/Json' }, body: JSON.stringify({ text: 5 }) });
    expect(bad.status).toBe(400);
    const bytes = async (body: Uint8Array, type = 'text/plain') => {
      const x = await app.request('/api/extract', { method: 'POST', headers: { 'content-type': type }, body: new Blob([body as Uint8Array<ArrayBuffer>]) });
      return { status: x.status, code: (await x.json()).error?.code };
    };
    const latin1 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x69, 0x6e, 0x20, 0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e]);
    expect(await bytes(latin1)).toEqual({ status: 400, code: 'input_not_text' });
    expect(await bytes(Uint8Array.from([0x61, 0x00, 0x62]))).toEqual({ status: 400, code: 'input_not_text' });
    // a declared charset is honoured
    const ok = await app.request('/api/extract', { method: 'POST', headers: { 'content-type': 'text/plain; charset=ISO-8859-1' }, body: new Blob([latin1]) });
    expect(ok.status).toBe(200);
    expect((await ok.json()).document.text).toBe('Café in München');
  });
});

describe('one error handler, OpenAPI, headers', () => {
  it('serves an OpenAPI 3 description of every API route', async () => {
    const r = await get('/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    for (const p of ['/api/documents', '/api/documents/{id}', '/api/events', '/api/situation-events', '/api/actors', '/api/dyads/{a}/{b}/series', '/api/extract']) {
      expect(r.body.paths, p).toHaveProperty([p]);
    }
    const params = r.body.paths['/api/events'].get.parameters.map((x: any) => x.name);
    expect(params).toEqual(expect.arrayContaining(['actor', 'recipient', 'code', 'plover', 'from', 'to', 'limit', 'offset', 'sort']));
    expect(r.body.paths['/api/extract'].post.responses).toHaveProperty('413');
  });

  it('turns an unexpected failure into a 500 internal error without details', async () => {
    const spy = vi.spyOn(store, 'actorDirectory').mockImplementation(() => {
      throw new TypeError('secret detail');
    });
    try {
      const res = await createApp(store, { log: (m) => logged.push(m), cache: false }).request('/api/actors');
      const r = { status: res.status, body: await res.json() };
      expect(r.status).toBe(500);
      expect(r.body.error.code).toBe('internal');
      expect(r.body.error.message).not.toContain('secret');
      expect(logged.some((l) => l.includes('secret detail'))).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps answers until the store changes, with ETags', async () => {
    const own = Store.open(':memory:');
    try {
      const docs = allDocs();
      own.putDocument(docs[0]);
      const cached = createApp(own);
      const first = await cached.request('/api/events?code=11');
      const etag = first.headers.get('etag');
      expect(etag).toBeTruthy();
      expect((await first.json()).total).toBe(1);
      const again = await cached.request('/api/events?code=11');
      expect(again.headers.get('x-cache')).toBe('hit');
      expect(again.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect((await cached.request('/api/events?code=11', { headers: { 'If-None-Match': etag! } })).status).toBe(304);
      // the key is the normalised query: parameters in another order share the answer
      const paged = await (await cached.request('/api/events?code=11&limit=5')).text();
      const reordered = await cached.request('/api/events?limit=5&code=11');
      expect(reordered.headers.get('x-cache')).toBe('hit');
      expect(await reordered.text()).toBe(paged);
      expect(JSON.parse(paged).limit).toBe(5);
      expect((await cached.request('/api/events?code=04&limit=5')).headers.get('x-cache')).toBeNull();
      own.putDocument(docs[2]);
      const after = await cached.request('/api/events?code=11');
      expect(after.headers.get('x-cache')).toBeNull();
      expect((await after.json()).total).toBe(2);
    } finally {
      own.close();
    }
  });

  it('sends a Content-Security-Policy that forbids inline scripts, and serves the UI and its libraries', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    const csp = r.res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("object-src 'none'");
    expect(r.res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.body).toContain('/ui/js/app.js');
    expect((await get('/api/events')).res.headers.get('content-security-policy')).toBe(csp);
    for (const f of ['/ui/js/app.js', '/ui/style.css', '/vendor/d3.min.js', '/vendor/topojson-client.min.js']) expect((await app.request(f)).status, f).toBe(200);
    const world = await get('/vendor/countries-110m.json');
    expect(world.body.type).toBe('Topology');
    const iso = await get('/vendor/iso-numeric.json');
    expect(iso.body['466']).toBe('MLI');
    expect((await get('/vendor/..%2Fpackage.json')).status).toBe(404);
    expect((await get('/ui/..%2F..%2Fpackage.json')).status).toBe(404);
  });
});
