// Articles: the list, and one article with entities, dates, quotes, numeric
// claims and event triggers highlighted. Each event links to its evidence (trigger and
// sentence); each merged event to all its reports. The article text is only
// ever inserted as text nodes.
import { api, cameoLabel, codebook, parties, QUAD, shortId } from './api.js';
import { docRoute } from './app.js';
import { clear, h, link, note } from './dom.js';

const PAGE = 50;

export async function renderDocuments(root, params, stale) {
  const offset = Math.max(0, Number(params.offset) || 0);
  const page = await api('/api/documents', { limit: PAGE, offset });
  if (stale()) return;
  root.appendChild(h('div', { class: 'view-head' }, h('h1', {}, 'Articles'), h('p', { class: 'sub' }, `${page.total.toLocaleString()} stored articles, newest first.`)));
  if (!page.items.length) {
    root.appendChild(note('The store holds no article yet: run sitrep ingest.'));
    return;
  }
  root.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'events' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Published'), h('th', {}, 'Title'), h('th', {}, 'Source'), h('th', {}, 'Events'), h('th', {}, 'Id'))),
    h('tbody', {}, page.items.map((d) => h('tr', {},
      h('td', { class: 'nowrap' }, d.published ?? '—'),
      h('td', {}, link(docRoute(d.id), d.title ?? '(untitled)', { class: 'doc-link' }),
        d.duplicateOf ? h('span', { class: 'badge muted-badge', title: `near-duplicate (similarity ${d.similarity}) of ${d.duplicateOf}` }, 'copy') : null),
      h('td', {}, d.source ?? ''),
      h('td', { class: 'num' }, d.events),
      h('td', { class: 'mono muted' }, shortId(d.id))))))));
  if (page.total > PAGE) {
    root.appendChild(h('div', { class: 'pager' },
      h('a', { class: 'button secondary', href: `#/documents?offset=${Math.max(0, offset - PAGE)}` }, '← Previous'),
      h('span', {}, `${offset + 1}–${Math.min(offset + PAGE, page.total)} of ${page.total}`),
      h('a', { class: 'button secondary', href: `#/documents?offset=${offset + PAGE}` }, 'Next →')));
  }
}

/** Only http(s) URLs become links. */
function safeUrl(u) {
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export async function renderArticle(root, id, params, stale) {
  const [doc, summary, sits, cb] = await Promise.all([
    api(`/api/documents/${encodeURIComponent(id)}`),
    api(`/api/documents/${encodeURIComponent(id)}/summary`),
    api('/api/situation-events', { doc: id, limit: 1000 }),
    codebook(),
  ]);
  if (stale()) return;
  const d = doc.document;
  const situationOf = new Map();
  for (const s of sits.items) for (const m of s.mentions) if (m.docId === d.id) situationOf.set(m.idx, s);

  const url = d.url ? safeUrl(d.url) : null;
  root.appendChild(h('div', { class: 'article-head' },
    h('h1', { class: 'article-title' }, d.title ?? '(untitled)'),
    h('p', { class: 'sub' },
      d.published ? `Published ${d.published}` : 'No publication date',
      d.source ? ` · ${d.source}` : '',
      url ? [' · ', h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : '',
      ` · ${d.id}`),
    summary.duplicateOf
      ? h('p', { class: 'notice' }, 'Near-duplicate (wire copy, similarity ', String(summary.similarity), ') of ', link(docRoute(summary.duplicateOf), 'this article'), ': its events do not count as extra sources.')
      : null,
    summary.duplicates.length
      ? h('p', { class: 'notice' }, `${summary.duplicates.length} near-duplicate${summary.duplicates.length > 1 ? 's' : ''} of this article: `, summary.duplicates.map((x, i) => [i ? ', ' : '', link(docRoute(x), shortId(x))]))
      : null));

  const layers = h('div', { class: 'layers', role: 'group', 'aria-label': 'Highlight' },
    ...[['ent', 'Entities'], ['tx', 'Dates'], ['quote', 'Quotes'], ['qty', 'Numbers'], ['trigger', 'Events']].map(([k, label]) =>
      h('label', { class: `layer layer-${k}` }, h('input', { type: 'checkbox', checked: true, on: { change: (e) => text.classList.toggle(`hide-${k}`, !e.target.checked) } }), ` ${label}`)));

  const text = buildText(doc);
  const side = h('aside', { class: 'article-side' });
  const layout = h('div', { class: 'article-layout' }, h('div', { class: 'article-main' }, layers, text), side);
  root.appendChild(layout);

  const evList = h('ol', { class: 'doc-events' });
  side.appendChild(h('h2', {}, `Events (${doc.events.length})`));
  if (!doc.events.length) side.appendChild(note('No events found in this article.'));
  side.appendChild(evList);
  doc.events.forEach((e, i) => evList.appendChild(eventItem(d, e, i, situationOf.get(i), cb, doc)));
  side.appendChild(entitiesBlock(doc));
  side.appendChild(quotesBlock(doc));

  const select = (i, scroll) => {
    for (const el of text.querySelectorAll('.active, .in-sentence')) el.classList.remove('active', 'in-sentence');
    for (const el of evList.querySelectorAll('li.selected')) el.classList.remove('selected');
    const e = doc.events[i];
    if (!e) return;
    for (const el of text.querySelectorAll('[data-events]')) if (el.dataset.events.split(' ').includes(String(i))) el.classList.add('active');
    const sent = text.querySelector(`[data-sentence="${e.sentence}"]`);
    if (sent) sent.classList.add('in-sentence');
    const item = evList.children[i];
    item?.classList.add('selected');
    text.dataset.selected = String(i);
    if (scroll) {
      text.querySelector('.trigger.active')?.scrollIntoView({ block: 'center' });
      item?.scrollIntoView({ block: 'nearest' });
    }
  };
  const choose = (i) => {
    history.replaceState(null, '', '#' + docRoute(d.id, i));
    select(i, true);
  };
  evList.addEventListener('click', (ev) => {
    const li = ev.target.closest('li[data-event]');
    if (li && !ev.target.closest('a')) choose(Number(li.dataset.event));
  });
  text.addEventListener('click', (ev) => {
    const el = ev.target.closest('[data-events]');
    if (el) choose(Number(el.dataset.events.split(' ')[0]));
  });
  if (params.event !== undefined && params.event !== '') requestAnimationFrame(() => select(Number(params.event), true));
}

/**
 * The article text as sentence spans holding text segments; a segment covered by annotations is a span
 * with their classes (entities, dates, quotes, event triggers with `data-events`).
 */
function buildText(doc) {
  const t = doc.document.text;
  const ann = [];
  const add = (start, end, cls, title, event) => {
    if (!(start >= 0 && end > start && end <= t.length)) return;
    ann.push({ start, end, cls, title, event });
  };
  doc.entities.forEach((e) => add(e.start, e.end, `ent ent-${e.label}`, `${e.label}${e.actor ? ` · ${e.actor.code} · ${e.actor.name}` : ''}`));
  doc.timexes.forEach((x) => add(x.start, x.end, 'tx', `${x.type} ${x.value}`));
  doc.quotes.forEach((q) => add(q.start, q.end, `quote ${q.direct ? 'direct' : 'indirect'}`, `${q.direct ? 'direct' : 'indirect'} quote${q.speaker ? ' · ' + q.speaker.text : ''}`));
  (doc.quantities ?? []).forEach((q) => add(q.start, q.end, 'qty', quantityTitle(doc, q)));
  doc.events.forEach((e, i) => add(e.trigger.start, e.trigger.end, 'trigger', `${e.cameo ?? 'uncoded'} · ${parties(e.actor)} → ${parties(e.recipient)}`, i));
  const cuts = new Set([0, t.length]);
  for (const a of ann) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const sentences = doc.sentences.map((s, i) => ({ ...s, i }));
  for (const s of sentences) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].filter((x) => x >= 0 && x <= t.length).sort((a, b) => a - b);
  const box = h('div', { class: 'article-text', dataset: { docId: doc.document.id } });
  let si = 0;
  let holder = box;
  let holderEnd = -1;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    if (a >= holderEnd) {
      while (si < sentences.length && sentences[si].end <= a) si++;
      const s = sentences[si];
      if (s && s.start <= a && a < s.end) {
        holder = h('span', { class: 'sent', dataset: { sentence: String(s.i) } });
        holderEnd = s.end;
        box.appendChild(holder);
      } else {
        holder = box;
        holderEnd = s ? s.start : t.length;
      }
    }
    const piece = t.slice(a, b);
    const cover = ann.filter((x) => x.start <= a && x.end >= b);
    if (!cover.length) {
      holder.appendChild(document.createTextNode(piece));
      continue;
    }
    const classes = new Set(cover.flatMap((x) => x.cls.split(' ')));
    const events = cover.filter((x) => x.event !== undefined).map((x) => x.event);
    const el = h(events.length ? 'mark' : 'span', {
      class: [...classes].join(' '),
      title: cover.map((x) => x.title).join('\n'),
      dataset: events.length ? { events: events.join(' ') } : undefined,
    });
    el.textContent = piece;
    holder.appendChild(el);
  }
  return box;
}

/** "~12000 soldiers": a quantity's value, range or bound with its unit. */
function quantityValue(q) {
  const v = q.value !== undefined ? String(q.value) : q.max === undefined ? `≥${q.min}` : q.min === undefined ? `≤${q.max}` : `${q.min}–${q.max}`;
  return `${q.approximate ? '~' : ''}${v}${q.unit ? ' ' + q.unit : ''}`;
}

function quantityTitle(doc, q) {
  const e = q.event !== null && q.event !== undefined ? doc.events[q.event] : null;
  return `number: ${quantityValue(q)}${q.attribution?.source ? ' · per ' + q.attribution.source.text : ''}${e ? ` · measures “${e.trigger.text}” (${e.cameo ?? 'uncoded'})` : ''}`;
}

function eventItem(d, e, i, sit, cb, doc) {
  const figures = (doc.quantities ?? []).filter((q) => q.event === i);
  const q = e.quadClass ?? 0;
  return h('li', { class: `doc-event q${q}`, dataset: { event: String(i) }, tabindex: 0 },
    h('div', {},
      h('span', { class: `chip q${q}`, title: q ? QUAD[q].name : 'uncoded' }, cameoLabel(e.cameo, cb)),
      e.plover ? h('span', { class: 'muted small' }, ` ${e.plover.event}${e.plover.mode ? ' / ' + e.plover.mode : ''}`) : null),
    h('div', { class: 'ev-parties' }, `${parties(e.actor)} → ${parties(e.recipient)}`),
    h('div', { class: 'small' },
      h('span', { class: 'ev-trigger' }, `“${e.trigger.text}”`),
      ` · ${e.date ?? 'undated'}${e.dateDefaulted ? ' (publication date)' : ''}`,
      e.location ? ` · in ${e.location.text}` : '',
      e.modality.length ? ` · ${e.modality.join(', ')}` : '',
      e.attribution?.source ? ` · according to ${e.attribution.source.text}` : ''),
    figures.length ? h('div', { class: 'small ev-figures' }, 'Figures: ', figures.map((q, k) => [k ? '; ' : '', h('span', { class: 'qty' }, quantityValue(q)), q.attribution?.source ? ` per ${q.attribution.source.text}` : ''])) : null,
    h('div', { class: 'small muted' }, `Goldstein ${e.goldstein ?? '—'} · confidence ${e.confidence.toFixed(2)} · ${e.rule}`),
    sit ? mergedBlock(d, i, sit) : null);
}

function mergedBlock(d, i, sit) {
  const others = sit.mentions.filter((m) => !(m.docId === d.id && m.idx === i));
  return h('div', { class: 'merged' },
    h('a', { href: `#/situation/${sit.id}`, class: 'small' }, `Merged event #${sit.id}: ${sit.sources} source${sit.sources === 1 ? '' : 's'}`),
    sit.firstReport.docId && sit.firstReport.docId !== d.id ? h('span', { class: 'small muted' }, ` · first reported ${sit.firstReport.published ?? ''}`) : null,
    others.length
      ? h('ul', { class: 'small' }, others.map((m) => h('li', {},
          h('a', { href: '#' + docRoute(m.docId, m.idx), class: 'mention-link' }, m.docId === d.id ? `same article: “${m.trigger.text}”` : `${m.title ?? shortId(m.docId)}`),
          m.published ? h('span', { class: 'muted' }, ` ${m.published}`) : null,
          m.duplicateOf ? h('span', { class: 'muted' }, ' (near-duplicate)') : null)))
      : null);
}

function entitiesBlock(doc) {
  const byCode = new Map();
  for (const e of doc.entities) {
    const key = e.actor ? e.actor.code : `${e.label}:${e.text}`;
    const cur = byCode.get(key) ?? { label: e.label, name: e.actor?.name ?? e.text, code: e.actor?.code ?? null, n: 0 };
    cur.n++;
    byCode.set(key, cur);
  }
  const items = [...byCode.values()].sort((a, b) => b.n - a.n);
  return h('details', { class: 'block', open: true },
    h('summary', {}, `Entities (${doc.entities.length})`),
    h('ul', { class: 'entity-list small' }, items.map((x) => h('li', {},
      h('span', { class: `ent ent-${x.label}` }, x.name),
      x.code ? [' ', h('a', { href: `#/timeline?actor=${encodeURIComponent(x.code)}`, class: 'mono' }, x.code)] : h('span', { class: 'muted' }, ` ${x.label}`),
      x.n > 1 ? h('span', { class: 'muted' }, ` ×${x.n}`) : null))));
}

function quotesBlock(doc) {
  if (!doc.quotes.length && !doc.timexes.length) return h('span');
  return h('div', {},
    h('details', { class: 'block' },
      h('summary', {}, `Dates (${doc.timexes.length})`),
      h('ul', { class: 'small' }, doc.timexes.map((x) => h('li', {}, h('span', { class: 'tx' }, x.text), h('span', { class: 'muted mono' }, ` ${x.type} ${x.value}`))))),
    h('details', { class: 'block' },
      h('summary', {}, `Quotes (${doc.quotes.length})`),
      h('ul', { class: 'small' }, doc.quotes.map((q) => h('li', {},
        h('span', { class: 'muted' }, `${q.speaker ? q.speaker.text : 'unattributed'}${q.direct ? '' : ' (indirect)'}: `),
        h('span', { class: 'quote' }, q.text))))));
}

export { clear };
