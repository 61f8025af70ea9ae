// The sitrep web UI: a hash router over views, with one filter bar shared by
// the event views. Routes: #/timeline, #/network, #/map, #/events,
// #/situations, #/documents, #/doc/<id>?event=<idx>, #/situation/<id>;
// filters travel in the route's query (?actor=MLI&code=11&from=2025-04-01).
import { api, codebook, qs, titleCase } from './api.js';
import { clear, h, note } from './dom.js';
import { renderTimeline } from './timeline.js';
import { renderNetwork } from './network.js';
import { renderMap } from './map.js';
import { renderTable } from './table.js';
import { renderSituations, renderSituation } from './situations.js';
import { renderDocuments, renderArticle } from './article.js';

export const FILTER_KEYS = ['actor', 'recipient', 'code', 'plover', 'from', 'to'];
const EVENT_VIEWS = new Set(['timeline', 'network', 'map', 'events', 'situations']);

/** decodeURIComponent, or null for a malformed escape. */
function safeDecode(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** The current route: `{view, id, params}`. */
export function route() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const parts = path.split('/').map(safeDecode);
  const params = Object.fromEntries(new URLSearchParams(query));
  // a malformed %-escape in the address: a view of its own that says so
  if (parts.includes(null)) return { view: 'bad-link', id: null, params: {} };
  return { view: parts[0] || 'timeline', id: parts[1] ?? null, params };
}

/** The filter values of the current route. */
export function currentFilters() {
  const { params } = route();
  const f = {};
  for (const k of FILTER_KEYS) if (params[k]) f[k] = params[k];
  return f;
}

/** Navigate to a view keeping (or replacing) the filters. */
export function go(view, extra = {}, keepFilters = true) {
  const params = { ...(keepFilters ? currentFilters() : {}), ...extra };
  location.hash = `#/${view}${qs(params)}`;
}

/** The route of an article with an event selected. */
export function docRoute(docId, idx) {
  return `/doc/${encodeURIComponent(docId)}${idx === undefined || idx === null ? '' : `?event=${idx}`}`;
}

const form = () => document.getElementById('filters');

function fillForm() {
  const f = currentFilters();
  for (const k of FILTER_KEYS) form().elements[k].value = f[k] ?? '';
}

async function setupFilters() {
  const [cb, actors] = await Promise.all([codebook(), api('/api/actors').catch(() => ({ items: [] }))]);
  const code = form().elements.code;
  for (const r of cb.roots) code.appendChild(h('option', { value: r.code }, `${r.code} ${titleCase(r.name)}`));
  const plover = form().elements.plover;
  for (const p of cb.plover) plover.appendChild(h('option', { value: p }, titleCase(p.replace(/_/g, ' '))));
  const list = document.getElementById('actor-list');
  for (const a of actors.items.slice(0, 500)) list.appendChild(h('option', { value: a.code }, a.name ? `${a.name} (${a.events})` : `${a.events} events`));
  fillForm();
  form().addEventListener('submit', (e) => {
    e.preventDefault();
    const { view } = route();
    const params = {};
    for (const k of FILTER_KEYS) {
      const v = form().elements[k].value.trim();
      if (v) params[k] = k === 'actor' || k === 'recipient' ? v.toUpperCase() : v;
    }
    location.hash = `#/${EVENT_VIEWS.has(view) ? view : 'timeline'}${qs(params)}`;
  });
  document.getElementById('reset').addEventListener('click', () => {
    const { view } = route();
    location.hash = `#/${EVENT_VIEWS.has(view) ? view : 'timeline'}`;
  });
}

async function showStats() {
  try {
    const s = await api('/api/stats');
    document.getElementById('stats').textContent = `${s.documents.toLocaleString()} articles · ${s.events.toLocaleString()} events`;
  } catch {
    /* the stats line is optional */
  }
}

let renderToken = 0;

async function render() {
  const r = route();
  const view = document.getElementById('view');
  const token = ++renderToken;
  for (const a of document.querySelectorAll('#tabs a')) {
    const active = a.dataset.view === r.view || (r.view === 'doc' && a.dataset.view === 'documents') || (r.view === 'situation' && a.dataset.view === 'situations');
    a.classList.toggle('active', active);
    if (active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.getElementById('filters').classList.toggle('dim', !EVENT_VIEWS.has(r.view));
  fillForm();
  clear(view);
  view.appendChild(note('Loading…'));
  const target = h('div', { class: `view view-${r.view}` });
  const stale = () => token !== renderToken;
  try {
    const filters = currentFilters();
    switch (r.view) {
      case 'timeline': await renderTimeline(target, filters, stale); break;
      case 'network': await renderNetwork(target, filters, stale); break;
      case 'map': await renderMap(target, filters, stale); break;
      case 'events': await renderTable(target, filters, r.params, stale); break;
      case 'situations': await renderSituations(target, filters, r.params, stale); break;
      case 'situation': await renderSituation(target, Number(r.id), stale); break;
      case 'documents': await renderDocuments(target, r.params, stale); break;
      case 'doc': await renderArticle(target, r.id, r.params, stale); break;
      case 'bad-link': target.appendChild(note('This link is malformed (a broken %-escape in the address): open a view from the tabs above.', 'error')); break;
      default: target.appendChild(note(`No view "${r.view}".`, 'error'));
    }
  } catch (e) {
    target.appendChild(note(`${e.code ? e.code + ': ' : ''}${e.message}`, 'error'));
  }
  if (stale()) return;
  clear(view);
  view.appendChild(target);
  view.dataset.ready = r.view;
  document.dispatchEvent(new CustomEvent('sitrep:rendered', { detail: r }));
}

window.addEventListener('hashchange', render);
window.addEventListener('DOMContentLoaded', async () => {
  await setupFilters().catch((e) => console.error(e));
  showStats();
  render();
});
