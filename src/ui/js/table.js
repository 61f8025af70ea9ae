// Events table: sortable, paged, with CSV export of everything that matches.
import { api, cameoLabel, codebook, parties, qs, QUAD } from './api.js';
import { docRoute, go } from './app.js';
import { h, note } from './dom.js';

const PAGE = 50;
const SORTABLE = { date: 'date', goldstein: 'goldstein', confidence: 'confidence', published: 'published' };

export async function renderTable(root, filters, params, stale) {
  const sort = params.sort || 'date';
  const offset = Math.max(0, Number(params.offset) || 0);
  const [page, cb] = await Promise.all([api('/api/events', { ...filters, sort, limit: PAGE, offset }), codebook()]);
  if (stale()) return;
  const csvHref = `/api/events${qs({ ...filters, sort, format: 'csv' })}`;
  root.appendChild(h('div', { class: 'view-head' },
    h('h1', {}, 'Events'),
    h('p', { class: 'sub' }, `${page.total.toLocaleString()} events match.`),
    h('a', { class: 'button', href: csvHref, download: 'sitrep-events.csv', id: 'csv-export' }, 'Export CSV')));
  if (!page.items.length) {
    root.appendChild(note('No events match these filters.'));
    return;
  }
  const header = (label, key) => {
    if (!key) return h('th', {}, label);
    const cur = sort.replace(/^-/, '') === key;
    const next = cur && !sort.startsWith('-') ? `-${key}` : key;
    return h('th', { class: cur ? 'sorted' : '', 'aria-sort': cur ? (sort.startsWith('-') ? 'descending' : 'ascending') : null },
      h('a', { href: '#', on: { click: (e) => { e.preventDefault(); go('events', { sort: next }); } } }, label, cur ? (sort.startsWith('-') ? ' ▼' : ' ▲') : ''));
  };
  root.appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'events' },
    h('thead', {}, h('tr', {},
      header('Date', SORTABLE.date), header('Actor'), header('Recipient'), header('CAMEO'), header('PLOVER'),
      header('Goldstein', SORTABLE.goldstein), header('Trigger'), header('Sources'), header('Article', SORTABLE.published), header('Conf.', SORTABLE.confidence))),
    h('tbody', {}, page.items.map((e) => h('tr', {},
      h('td', { class: 'nowrap' }, e.date ?? '—'),
      h('td', {}, parties(e.actor)),
      h('td', {}, parties(e.recipient)),
      h('td', {}, h('span', { class: `chip q${e.quadClass ?? 0}`, title: e.quadClass ? QUAD[e.quadClass].name : 'uncoded' }, cameoLabel(e.cameo, cb))),
      h('td', {}, e.plover ? e.plover.event + (e.plover.mode ? ` (${e.plover.mode})` : '') : '—'),
      h('td', { class: 'num' }, e.goldstein ?? '—'),
      h('td', {}, h('a', { href: '#' + docRoute(e.docId, e.idx) }, e.trigger.text)),
      h('td', { class: 'num' }, e.situationId ? h('a', { href: `#/situation/${e.situationId}`, title: 'the merged event and all its reports' }, String(e.sources ?? 1)) : '—'),
      h('td', {}, h('a', { href: '#' + docRoute(e.docId) }, e.title ?? e.docId), e.published ? h('div', { class: 'muted small nowrap' }, e.published) : null),
      h('td', { class: 'num' }, e.confidence.toFixed(2))))))));
  const pages = Math.ceil(page.total / PAGE);
  const cur = Math.floor(offset / PAGE) + 1;
  root.appendChild(h('div', { class: 'pager' },
    h('button', { type: 'button', disabled: offset === 0, on: { click: () => go('events', { sort, offset: Math.max(0, offset - PAGE) }) } }, '← Previous'),
    h('span', {}, `page ${cur} of ${pages}`),
    h('button', { type: 'button', disabled: offset + PAGE >= page.total, on: { click: () => go('events', { sort, offset: offset + PAGE }) } }, 'Next →')));
}
