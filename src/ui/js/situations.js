// Merged events: one event reported by several articles, with every report
// (article, trigger and sentence) linked to its evidence.
import { api, cameoLabel, codebook, QUAD } from './api.js';
import { docRoute, go } from './app.js';
import { h, note } from './dom.js';

const PAGE = 25;

export async function renderSituations(root, filters, params, stale) {
  const sort = params.sort || '-sources';
  const offset = Math.max(0, Number(params.offset) || 0);
  const [page, cb] = await Promise.all([api('/api/situation-events', { ...filters, sort, limit: PAGE, offset }), codebook()]);
  if (stale()) return;
  root.appendChild(h('div', { class: 'view-head' },
    h('h1', {}, 'Merged events'),
    h('p', { class: 'sub' }, `${page.total.toLocaleString()} events after merging reports of the same event (same actors, CAMEO family, compatible dates, same place). Sorted by ${sort === '-sources' ? 'number of sources' : 'date'}.`),
    h('a', { class: 'button secondary', href: '#', on: { click: (e) => { e.preventDefault(); go('situations', { sort: sort === '-sources' ? 'date' : '-sources' }); } } },
      sort === '-sources' ? 'Sort by date' : 'Sort by sources')));
  if (!page.items.length) {
    root.appendChild(note('No merged events match these filters.'));
    return;
  }
  root.appendChild(h('div', { class: 'cards' }, page.items.map((s) => card(s, cb))));
  root.appendChild(h('div', { class: 'pager' },
    h('button', { type: 'button', disabled: offset === 0, on: { click: () => go('situations', { sort, offset: Math.max(0, offset - PAGE) }) } }, '← Previous'),
    h('span', {}, `${offset + 1}–${Math.min(offset + PAGE, page.total)} of ${page.total}`),
    h('button', { type: 'button', disabled: offset + PAGE >= page.total, on: { click: () => go('situations', { sort, offset: offset + PAGE }) } }, 'Next →')));
}

export async function renderSituation(root, id, stale) {
  const [s, cb] = await Promise.all([api(`/api/situation-events/${id}`), codebook()]);
  if (stale()) return;
  root.appendChild(h('div', { class: 'view-head' }, h('h1', {}, `Merged event #${s.id}`)));
  root.appendChild(card(s, cb, true));
}

function card(s, cb, open = false) {
  const dupes = s.mentions.filter((m) => m.duplicateOf).length;
  return h('article', { class: `card q${s.quadClass ?? 0}`, dataset: { situation: String(s.id) } },
    h('header', {},
      h('span', { class: `chip q${s.quadClass ?? 0}`, title: s.quadClass ? QUAD[s.quadClass].name : '' }, cameoLabel(s.cameo, cb)),
      h('strong', {}, ` ${s.actor.join(' + ') || '—'} → ${s.recipient.join(' + ') || '—'}`),
      h('span', { class: 'muted' }, ` · ${s.date ?? 'undated'}${s.location ? ' · ' + s.location : ''}${s.goldstein !== null ? ' · Goldstein ' + s.goldstein : ''}`),
      h('span', { class: 'badge' }, `${s.sources} source${s.sources === 1 ? '' : 's'}`),
      h('a', { class: 'muted small', href: `#/situation/${s.id}` }, ` #${s.id}`)),
    h('p', { class: 'small muted' },
      `${s.mentionCount} report${s.mentionCount === 1 ? '' : 's'}` + (dupes ? `, ${dupes} from near-duplicate articles (not counted as sources)` : '') +
      (s.firstReport.published ? `; first reported ${s.firstReport.published}` : '')),
    h(open ? 'ol' : 'ul', { class: 'mentions' }, s.mentions.map((m) => h('li', {},
      h('a', { href: '#' + docRoute(m.docId, m.idx), class: 'mention-link' }, m.title ?? m.docId),
      h('span', { class: 'muted' }, ` ${m.published ?? ''}${m.duplicateOf ? ' · near-duplicate' : ''}`),
      m.sentenceText ? h('blockquote', {}, evidence(m)) : null))));
}

/** The sentence with the trigger emphasised (built from text nodes). */
function evidence(m) {
  const t = m.sentenceText;
  const s = m.sentenceSpan.start;
  const a = m.trigger.start - s;
  const b = m.trigger.end - s;
  if (a < 0 || b > t.length) return t;
  return h('span', {}, t.slice(0, a), h('mark', { class: 'trigger' }, t.slice(a, b)), t.slice(b));
}
