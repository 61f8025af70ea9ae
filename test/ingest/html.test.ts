import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/ingest/index.js';
import { collect, ok, tempDir } from './helpers.js';

// Invented page, written for these tests.
const P1 = 'Engineers reopened the northern rail bridge on Monday after three weeks of repairs to its steel frame.';
const P2 = 'The transport minister, Karin Holt, told reporters that freight trains would resume first.';
const P3 = 'Passenger services are expected to follow once the signalling system has been tested.';

function page(head: string, extraBody = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Bridge reopens | The Valley Courier</title>
  ${head}
</head>
<body>
  <header class="site-header"><a href="/">The Valley Courier</a></header>
  <nav class="menu"><ul><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
  <main>
    <article>
      <h1>Northern rail bridge reopens after repairs</h1>
      <p>${P1}</p>
      <script>window.trackingPixel = "SCRIPT_SHOULD_NOT_APPEAR";</script>
      <p>${P2.replace('Karin Holt', '<strong>Karin Holt</strong>')}</p>
      <style>.x { content: "STYLE_SHOULD_NOT_APPEAR"; }</style>
      <p>${P3}<br>Updates will follow.</p>
      ${extraBody}
    </article>
  </main>
  <aside class="related"><h3>Related</h3><ul><li><a href="/a">Council budget row</a></li></ul></aside>
  <footer><p>Copyright 2025 The Valley Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>`;
}

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

describe('HTML', () => {
  it('keeps the article, drops boilerplate and scripts, keeps paragraph breaks', () => {
    const ex = extractHtml(page(''));
    expect(ex.text).toContain(`${P1}\n\n${P2}\n\n${P3}\nUpdates will follow.`);
    expect(ex.text).not.toContain('SCRIPT_SHOULD_NOT_APPEAR');
    expect(ex.text).not.toContain('STYLE_SHOULD_NOT_APPEAR');
    expect(ex.text).not.toContain('trackingPixel');
    expect(ex.text).not.toContain('Copyright');
    expect(ex.text).not.toContain('Weather');
    expect(ex.text).not.toContain('Council budget row');
    expect(ex.text).not.toMatch(/<[a-z]/i);
  });

  it('title, date, url and source from meta tags', () => {
    const ex = extractHtml(
      page(`<meta property="og:title" content="Rail bridge reopens">
  <meta property="article:published_time" content="2025-06-02T23:15:00-07:00">
  <meta property="og:site_name" content="The Valley Courier">
  <link rel="canonical" href="/news/bridge-reopens">`),
      'https://courier.example/amp/bridge?utm=1',
    );
    expect(ex.title).toBe('Rail bridge reopens');
    expect(ex.published).toBe('2025-06-02');
    expect(ex.url).toBe('https://courier.example/news/bridge-reopens');
    expect(ex.source).toBe('The Valley Courier');
  });

  it('title and date from JSON-LD; the JSON-LD script never becomes text', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'The Valley Courier' },
        {
          '@type': 'NewsArticle',
          headline: 'Bridge back in service',
          datePublished: '2025-06-03T08:00:00+02:00',
          publisher: { '@type': 'Organization', name: 'Valley Courier Ltd' },
        },
      ],
    };
    const ex = extractHtml(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, `<script type="application/ld+json">{"@type":"Thing","name":"LD_IN_BODY"}</script>`));
    expect(ex.title).toBe('Bridge back in service');
    expect(ex.published).toBe('2025-06-03');
    expect(ex.source).toBe('Valley Courier Ltd');
    expect(ex.url).toBeNull();
    expect(ex.text).not.toContain('LD_IN_BODY');
    expect(ex.text).not.toContain('NewsArticle');
  });

  it('falls back to <title> and ignores unparseable meta dates', () => {
    const ex = extractHtml(page('<meta property="article:published_time" content="last Tuesday">'));
    expect(ex.title).toMatch(/Bridge reopens/);
    expect(ex.published).toBeNull();
  });

  it('an .html file becomes an article; a sniffed HTML .txt too', async () => {
    const f = t.write('bridge.html', page('<meta property="og:title" content="Rail bridge reopens">'));
    const g = t.write('bridge-copy.txt', page(''));
    const [a, b] = (await collect([f, g])).map(ok);
    expect(a.title).toBe('Rail bridge reopens');
    expect(a.text).toContain(P2);
    expect(b.text).toContain(P3);
    expect(b.text).not.toContain('<p>');
  });

  it('a non-UTF-8 page declaring its charset in a meta tag is decoded', async () => {
    const head = '<html><head><meta charset="windows-1252"><title>Caf</title></head><body><p>The caf';
    const tail = ' on the square reopened after the flood.</p></body></html>';
    const bytes = Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from([0xe9]), Buffer.from(tail, 'latin1')]);
    const a = ok((await collect([t.write('cafe.html', bytes)]))[0]);
    expect(a.text).toBe('The caf\u00e9 on the square reopened after the flood.');
  });

  it('a short fragment without <html> still yields text', () => {
    expect(extractHtml('<p>Short note about the storm.</p><p>Second line.</p>').text).toBe('Short note about the storm.\n\nSecond line.');
  });

  it('a page without text is input_empty', async () => {
    const f = t.write('blank.html', '<html><head><title>Nothing</title></head><body><script>var a=1;</script></body></html>');
    const [r] = await collect([f]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('input_empty');
  });
});

describe('pathological HTML', () => {
  it('extracts text from markup nested 8,000 deep without overflowing the stack', () => {
    const n = 8000;
    const html = `<html><head><title>Deep</title></head><body>${'<div>'.repeat(n)}<p>The council met in Lagos on Monday.</p>${'</div>'.repeat(n)}</body></html>`;
    const r = extractHtml(html);
    expect(r.text).toBe('The council met in Lagos on Monday.');
  });
});
