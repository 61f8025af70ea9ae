/**
 * The web UI end to end in headless Chromium (Debian's /usr/bin/chromium via
 * playwright-core; no browser is downloaded): a real server on a free
 * 127.0.0.1 port over a temporary store holding the example articles and an
 * article whose text carries markup. Skipped when /usr/bin/chromium is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../src/analyze.js';
import { documentId } from '../../src/ingest/index.js';
import { Store } from '../../src/store/index.js';
import { startServer, type Running } from '../../src/cli/serve.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

/** An article (written for this test) whose text holds markup that must never run. */
const HOSTILE_TITLE = 'Markup test <script>window.__pwned = "title"</script>';
const HOSTILE_TEXT =
  'Officials in Bamako quoted a message reading <script>window.__pwned = "script"</script> and ' +
  '<img src="x" onerror="window.__pwned = \'img\'"> in a statement on Tuesday.\n' +
  'Mali accused Algeria of spreading false reports on Tuesday.';

if (!HAS_CHROMIUM) {
  console.warn(`test/ui/e2e.test.ts: ${CHROMIUM} is absent: the browser tests are skipped (apt-get install chromium)`);
}

describe.skipIf(!HAS_CHROMIUM)('web UI in headless Chromium', () => {
  let dir: string;
  let server: Running;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const blocked: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sitrep-ui-'));
    const db = path.join(dir, 'ui.db');
    const store = Store.open(db);
    const ex = path.join(ROOT, 'examples', 'articles');
    for (const f of readdirSync(ex).filter((x) => x.endsWith('.txt')).sort()) {
      const text = readFileSync(path.join(ex, f), 'utf8');
      const metaFile = path.join(ex, f.replace(/\.txt$/, '.json'));
      const meta = existsSync(metaFile) ? JSON.parse(readFileSync(metaFile, 'utf8')) : {};
      store.putDocument(analyze({ id: documentId(text, meta.title ?? null), title: meta.title ?? null, published: meta.published ?? null, url: null, source: meta.source ?? null, text }));
    }
    store.putDocument(analyze({ id: documentId(HOSTILE_TEXT, HOSTILE_TITLE), title: HOSTILE_TITLE, published: '2025-04-09', url: 'javascript:alert(1)', source: null, text: HOSTILE_TEXT }));
    store.close();
    server = await startServer({ db, port: 0, host: '127.0.0.1' });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy|Refused/i.test(m.text())) blocked.push(m.text());
    });
    page.on('dialog', (d) => {
      pageErrors.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ready = (view: string) => page.waitForSelector(`#view[data-ready="${view}"]`, { timeout: 30_000 });

  it('clicks from the timeline to the event’s evidence span in its article', async () => {
    await page.goto(server.url + '#/timeline');
    await ready('timeline');
    expect(await page.locator('svg.timeline circle.dot').count()).toBeGreaterThan(0);
    const dot = page.locator('svg.timeline circle.dot').first();
    const docId = (await dot.getAttribute('data-doc'))!;
    const idx = Number(await dot.getAttribute('data-idx'));
    await dot.click();
    await ready('doc');
    await page.waitForSelector('.article-text mark.trigger.active');
    const doc = await (await fetch(`${server.url}api/documents/${encodeURIComponent(docId)}`)).json();
    const event = doc.events[idx];
    const highlighted = (await page.locator('.article-text mark.trigger.active').allTextContents()).join('');
    expect(highlighted).toBe(event.trigger.text);
    expect(doc.document.text.slice(event.trigger.start, event.trigger.end)).toBe(highlighted);
    // the sentence holding the evidence is marked, and the event is selected in the side list
    const sentence = await page.locator('.article-text .sent.in-sentence').textContent();
    expect(sentence).toContain(event.trigger.text);
    expect(await page.locator(`.doc-events li.selected[data-event="${idx}"]`).count()).toBe(1);
    expect(page.url()).toContain(`event=${idx}`);
  });

  it('highlights numeric claims and lists each with the event it measures', async () => {
    const list = await (await fetch(`${server.url}api/documents?limit=50`)).json();
    let found: { id: string; q: { text: string; event: number } } | null = null;
    for (const d of list.items) {
      const doc = await (await fetch(`${server.url}api/documents/${encodeURIComponent(d.id)}`)).json();
      const q = doc.quantities.find((x: { event: number | null }) => x.event !== null);
      if (q) {
        found = { id: d.id, q };
        break;
      }
    }
    expect(found).not.toBeNull();
    await page.goto(`${server.url}#/doc/${encodeURIComponent(found!.id)}`);
    await ready('doc');
    const spans = await page.locator('.article-text .qty').allTextContents();
    expect(spans.join('')).toContain(found!.q.text);
    const figures = await page.locator(`.doc-events li[data-event="${found!.q.event}"] .ev-figures`).textContent();
    expect(figures).toMatch(/^Figures: /);
    expect(pageErrors).toEqual([]);
  });

  it('says so when the address holds a malformed escape', async () => {
    await page.goto(`${server.url}#/doc/%E0%A4%A`);
    await ready('bad-link');
    expect(await page.locator('#view').textContent()).toContain('malformed');
    expect(pageErrors).toEqual([]);
  });

  it('shows markup from an article as text and runs none of it', async () => {
    const id = documentId(HOSTILE_TEXT, HOSTILE_TITLE);
    await page.goto(`${server.url}#/doc/${encodeURIComponent(id)}`);
    await ready('doc');
    const shown = await page.locator('.article-text').textContent();
    expect(shown).toBe(HOSTILE_TEXT);
    expect(await page.locator('.article-title').textContent()).toBe(HOSTILE_TITLE);
    expect(await page.locator('main script, main img, .article-text *:not(span):not(mark)').count()).toBe(0);
    // the javascript: URL is not made a link
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    // also in the lists that show titles
    await page.goto(server.url + '#/documents');
    await ready('documents');
    expect(await page.locator('a.doc-link', { hasText: '<script>' }).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });

  it('renders the network, the map, the events table and the merged events', async () => {
    await page.goto(server.url + '#/network');
    await ready('network');
    expect(await page.locator('svg.network .node').count()).toBeGreaterThan(1);
    expect(await page.locator('svg.network path.edge').count()).toBeGreaterThan(0);
    await page.goto(server.url + '#/map');
    await ready('map');
    expect(await page.locator('svg.map path.country').count()).toBeGreaterThan(150);
    expect(await page.locator('svg.map path.country.has-events').count()).toBeGreaterThan(0);
    await page.goto(server.url + '#/events?actor=MLI');
    await ready('events');
    expect(await page.locator('table.events tbody tr').count()).toBeGreaterThan(0);
    const csv = await page.locator('#csv-export').getAttribute('href');
    expect(csv).toContain('format=csv');
    expect(csv).toContain('actor=MLI');
    const res = await fetch(new URL(csv!, server.url));
    expect(res.headers.get('content-type')).toContain('text/csv');
    await page.goto(server.url + '#/situations');
    await ready('situations');
    expect(await page.locator('article.card').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);
  });

  it('keeps a screenshot of an article with its evidence highlighted', async () => {
    await page.goto(server.url + '#/timeline');
    await ready('timeline');
    await page.locator('.event-list a.ev-link').first().click();
    await ready('doc');
    await page.waitForSelector('.article-text mark.trigger.active');
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'ui.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).toBe(true);
  });
});
