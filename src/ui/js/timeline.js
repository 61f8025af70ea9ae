// Timeline: events on a time axis in four lanes (QuadClass), with the list of
// the same events below. Clicking an event opens its article at the evidence.
import { api, cameoLabel, codebook, QUAD, parties } from './api.js';
import { docRoute } from './app.js';
import { h, hideTip, note, showTip } from './dom.js';

const MAX = 1000;

export async function renderTimeline(root, filters, stale) {
  const d3 = window.d3;
  const [page, cb] = await Promise.all([api('/api/events', { ...filters, limit: MAX, sort: 'date' }), codebook()]);
  if (stale()) return;
  const dated = page.items.filter((e) => e.dateFrom && e.cameo);
  root.appendChild(
    h('div', { class: 'view-head' },
      h('h1', {}, 'Timeline'),
      h('p', { class: 'sub' },
        `${page.total.toLocaleString()} events match` +
        (page.total > MAX ? `; the first ${MAX.toLocaleString()} by date are shown` : '') +
        (dated.length < page.items.length ? ` (${page.items.length - dated.length} without a calendar date or code are only listed)` : ''))),
  );
  if (!page.items.length) {
    root.appendChild(note('No events match these filters.'));
    return;
  }
  root.appendChild(legend());
  if (dated.length) root.appendChild(chart(d3, dated, cb));
  root.appendChild(list(page.items, cb));
}

function legend() {
  return h('div', { class: 'legend' }, ...Object.entries(QUAD).map(([k, q]) => h('span', { class: 'key' }, h('i', { class: `swatch q${k}` }), q.name)));
}

function mid(e) {
  const a = Date.parse(e.dateFrom);
  const b = Date.parse(e.dateTo ?? e.dateFrom);
  return new Date((a + b) / 2);
}

function chart(d3, events, cb) {
  const width = Math.max(640, Math.min(1600, document.documentElement.clientWidth - 60));
  const lane = 46;
  const margin = { top: 12, right: 20, bottom: 28, left: 140 };
  const height = margin.top + margin.bottom + lane * 4;
  const times = events.flatMap((e) => [Date.parse(e.dateFrom), Date.parse(e.dateTo ?? e.dateFrom)]);
  let [t0, t1] = d3.extent(times);
  if (t0 === t1) {
    t0 -= 4 * 864e5;
    t1 += 4 * 864e5;
  }
  const pad = (t1 - t0) * 0.03;
  const x = d3.scaleUtc().domain([t0 - pad, t1 + pad]).range([margin.left, width - margin.right]);
  const y = (q) => margin.top + lane * (q - 1) + lane / 2;
  const svg = d3.create('svg').attr('class', 'timeline').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height)
    .attr('role', 'img').attr('aria-label', 'Events over time by QuadClass');
  for (const q of [1, 2, 3, 4]) {
    svg.append('rect').attr('class', `lane lane-${q}`).attr('x', margin.left).attr('y', margin.top + lane * (q - 1)).attr('width', width - margin.left - margin.right).attr('height', lane);
    svg.append('text').attr('class', 'lane-label').attr('x', margin.left - 10).attr('y', y(q)).attr('dy', '0.35em').attr('text-anchor', 'end').text(QUAD[q].name);
  }
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`).call(d3.axisBottom(x).ticks(Math.min(10, width / 110)));
  // events dated to a month or more: a bar over their range
  const ranged = events.filter((e) => e.dateTo && e.dateTo !== e.dateFrom);
  svg.append('g').selectAll('line').data(ranged).join('line')
    .attr('class', 'range')
    .attr('x1', (e) => x(Date.parse(e.dateFrom))).attr('x2', (e) => x(Date.parse(e.dateTo) + 864e5))
    .attr('y1', (e) => y(e.quadClass) + jitter(e) ).attr('y2', (e) => y(e.quadClass) + jitter(e))
    .attr('stroke', (e) => QUAD[e.quadClass].color);
  svg.append('g').selectAll('circle').data(events).join('circle')
    .attr('class', 'dot')
    .attr('data-doc', (e) => e.docId).attr('data-idx', (e) => e.idx)
    .attr('tabindex', 0)
    .attr('cx', (e) => x(mid(e))).attr('cy', (e) => y(e.quadClass) + jitter(e)).attr('r', 6)
    .attr('fill', (e) => QUAD[e.quadClass].color)
    .on('mousemove', (ev, e) => showTip(ev, [
      `${e.date} · ${cameoLabel(e.cameo, cb)}`,
      `${parties(e.actor)} → ${parties(e.recipient)}`,
      `“${e.trigger.text}” — ${e.title ?? e.docId}`,
    ]))
    .on('mouseleave', hideTip)
    .on('click', (ev, e) => {
      hideTip();
      location.hash = '#' + docRoute(e.docId, e.idx);
    })
    .on('keydown', (ev, e) => {
      if (ev.key === 'Enter') location.hash = '#' + docRoute(e.docId, e.idx);
    });
  return h('div', { class: 'chart-wrap' }, svg.node());
}

/** A stable vertical offset within the lane, so simultaneous events do not hide each other. */
function jitter(e) {
  let s = 0;
  const k = `${e.docId}:${e.idx}`;
  for (let i = 0; i < k.length; i++) s = (s * 31 + k.charCodeAt(i)) | 0;
  return ((Math.abs(s) % 29) - 14);
}

function list(events, cb) {
  return h('ol', { class: 'event-list' },
    events.map((e) => h('li', { class: `ev q${e.quadClass ?? 0}` },
      h('span', { class: 'ev-date' }, e.date ?? 'undated'),
      h('a', { class: 'ev-link', href: '#' + docRoute(e.docId, e.idx), dataset: { doc: e.docId, idx: String(e.idx) } },
        h('span', { class: 'ev-parties' }, `${parties(e.actor)} → ${parties(e.recipient)}`),
        h('span', { class: 'ev-code' }, cameoLabel(e.cameo, cb)),
        h('span', { class: 'ev-trigger' }, `“${e.trigger.text}”`)),
      h('span', { class: 'ev-doc' }, e.title ?? e.docId))));
}
