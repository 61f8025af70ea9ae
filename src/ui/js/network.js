// Actor network: nodes sized by activity, edges coloured cooperation (green)
// versus conflict (red) by the share of QuadClass 3-4 events. Clicking an edge
// shows the dyad's weekly series; clicking a node filters the timeline.
import { api, QUAD } from './api.js';
import { go } from './app.js';
import { clear, h, hideTip, note, showTip } from './dom.js';

export async function renderNetwork(root, filters, stale) {
  const d3 = window.d3;
  const net = await api('/api/network', { ...filters, limit: 80 });
  if (stale()) return;
  root.appendChild(h('div', { class: 'view-head' },
    h('h1', {}, 'Actor network'),
    h('p', { class: 'sub' }, `${net.nodes.length} actors, ${net.edges.length} directed dyads. Node size: events; edge colour: cooperation (green) to conflict (red); width: events. Click an edge for its weekly series, a node to filter by it.`)));
  if (!net.nodes.length) {
    root.appendChild(note('No coded events with actors match these filters.'));
    return;
  }
  root.appendChild(h('div', { class: 'legend' },
    h('span', { class: 'key' }, h('i', { class: 'swatch coop' }), 'mostly cooperation'),
    h('span', { class: 'key' }, h('i', { class: 'swatch mixed' }), 'mixed'),
    h('span', { class: 'key' }, h('i', { class: 'swatch conflict' }), 'mostly conflict')));
  const series = h('div', { class: 'series-panel' }, note('Select an edge to see the events between two actors per week.'));
  const layout = h('div', { class: 'network-layout' }, graph(d3, net, series), series);
  root.appendChild(layout);
}

const conflictShare = (e) => {
  const n = e.quadClass[1] + e.quadClass[2] + e.quadClass[3] + e.quadClass[4];
  return n ? (e.quadClass[3] + e.quadClass[4]) / n : 0.5;
};
const edgeColor = (e) => window.d3.interpolateRgb('#1f8a4c', '#c0392b')(conflictShare(e));

function graph(d3, net, seriesPanel) {
  const width = Math.max(560, Math.min(900, document.documentElement.clientWidth - 420));
  const height = 560;
  const nodes = net.nodes.map((n) => ({ ...n }));
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const links = net.edges.filter((e) => byCode.has(e.source) && byCode.has(e.target)).map((e) => ({ ...e, data: e }));
  const r = d3.scaleSqrt().domain([0, d3.max(nodes, (n) => n.events) || 1]).range([5, 30]);
  const w = d3.scaleSqrt().domain([0, d3.max(links, (l) => l.events) || 1]).range([1.2, 9]);
  const sim = d3.forceSimulation(nodes)
    .force('link', d3.forceLink(links).id((n) => n.code).distance(110).strength(0.4))
    .force('charge', d3.forceManyBody().strength(-360))
    .force('x', d3.forceX(width / 2).strength(0.07))
    .force('y', d3.forceY(height / 2).strength(0.11))
    .force('collide', d3.forceCollide().radius((n) => r(n.events) + 14))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  for (const n of nodes) {
    n.x = Math.max(40, Math.min(width - 40, n.x));
    n.y = Math.max(30, Math.min(height - 30, n.y));
  }
  const svg = d3.create('svg').attr('class', 'network').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  const defs = svg.append('defs');
  defs.append('marker').attr('id', 'arrow').attr('viewBox', '0 -4 8 8').attr('refX', 8).attr('markerUnits', 'userSpaceOnUse').attr('markerWidth', 11).attr('markerHeight', 11).attr('orient', 'auto')
    .append('path').attr('d', 'M0,-4L8,0L0,4').attr('class', 'arrowhead');
  const path = (l) => {
    const dx = l.target.x - l.source.x;
    const dy = l.target.y - l.source.y;
    const dist = Math.hypot(dx, dy) || 1;
    const rt = r(l.target.events) + 3;
    const tx = l.target.x - (dx / dist) * rt;
    const ty = l.target.y - (dy / dist) * rt;
    // curve both directions of a dyad apart
    return `M${l.source.x},${l.source.y} A${dist * 1.6},${dist * 1.6} 0 0,1 ${tx},${ty}`;
  };
  svg.append('g').selectAll('path').data(links).join('path')
    .attr('class', 'edge')
    .attr('d', path)
    .attr('stroke', edgeColor)
    .attr('stroke-width', (l) => w(l.events))
    .attr('marker-end', 'url(#arrow)')
    .on('mousemove', (ev, l) => showTip(ev, [
      `${l.source.code} → ${l.target.code}: ${l.events} events`,
      `mean Goldstein ${l.goldstein ?? '—'}`,
      [1, 2, 3, 4].map((q) => `${QUAD[q].short} ${l.quadClass[q]}`).join(' · '),
    ]))
    .on('mouseleave', hideTip)
    .on('click', (ev, l) => {
      hideTip();
      showSeries(seriesPanel, l.source.code, l.target.code);
    });
  const g = svg.append('g').selectAll('g').data(nodes).join('g').attr('class', 'node').attr('transform', (n) => `translate(${n.x},${n.y})`);
  g.append('circle').attr('r', (n) => r(n.events)).attr('fill', (n) => nodeFill(n.goldstein))
    .on('mousemove', (ev, n) => showTip(ev, [`${n.code}${n.name ? ' · ' + n.name : ''}`, `${n.events} events, mean Goldstein ${n.goldstein ?? '—'}`, 'click: timeline of this actor']))
    .on('mouseleave', hideTip)
    .on('click', (ev, n) => {
      hideTip();
      go('timeline', { actor: n.code }, false);
    });
  g.append('text').attr('class', 'node-label').attr('dy', (n) => r(n.events) + 13).attr('text-anchor', 'middle').text((n) => n.code);
  return h('div', { class: 'chart-wrap' }, svg.node());
}

function nodeFill(g) {
  if (g === null || g === undefined) return '#cfd4da';
  const t = Math.max(-1, Math.min(1, g / 6));
  return t < 0 ? window.d3.interpolateRgb('#dfe3e8', '#e6a19a')(-t) : window.d3.interpolateRgb('#dfe3e8', '#9fd3b0')(t);
}

/** The weekly series of a dyad as stacked bars by QuadClass with the mean Goldstein. */
export async function showSeries(panel, a, b) {
  const d3 = window.d3;
  clear(panel);
  panel.appendChild(h('h2', {}, `${a} ⇄ ${b}`));
  let s;
  try {
    s = await api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series`);
  } catch (e) {
    panel.appendChild(note(e.message, 'error'));
    return;
  }
  panel.appendChild(h('p', { class: 'sub' },
    `${s.total} events in ${s.weeks.length} weeks` + (s.imprecise ? `; ${s.imprecise} dated only to a month or year` : '') + (s.undated ? `; ${s.undated} undated` : '')));
  if (!s.weeks.length) {
    panel.appendChild(note('No event between them is dated to a day or week.'));
  } else {
    const width = 320;
    const height = 180;
    const m = { top: 8, right: 8, bottom: 36, left: 28 };
    const x = d3.scaleBand().domain(s.weeks.map((w) => w.week)).range([m.left, width - m.right]).padding(0.2);
    const y = d3.scaleLinear().domain([0, d3.max(s.weeks, (w) => w.events)]).nice().range([height - m.bottom, m.top]);
    const svg = d3.create('svg').attr('class', 'series').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
    for (const w of s.weeks) {
      let acc = 0;
      for (const q of [1, 2, 3, 4]) {
        const n = w.quadClass[q];
        if (!n) continue;
        svg.append('rect').attr('x', x(w.week)).attr('width', x.bandwidth()).attr('y', y(acc + n)).attr('height', y(acc) - y(acc + n)).attr('fill', QUAD[q].color)
          .append('title').text(`${w.week}: ${n} ${QUAD[q].name.toLowerCase()}`);
        acc += n;
      }
    }
    svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - m.bottom})`).call(d3.axisBottom(x).tickValues(x.domain().filter((_, i, all) => all.length < 8 || i % Math.ceil(all.length / 6) === 0)))
      .selectAll('text').attr('transform', 'rotate(-30)').attr('text-anchor', 'end');
    svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(4));
    panel.appendChild(svg.node());
    panel.appendChild(h('table', { class: 'mini' },
      h('thead', {}, h('tr', {}, h('th', {}, 'week'), h('th', {}, `${a}→${b}`), h('th', {}, `${b}→${a}`), h('th', {}, 'Goldstein'))),
      h('tbody', {}, s.weeks.map((w) => h('tr', {}, h('td', {}, w.week), h('td', {}, w.aToB), h('td', {}, w.bToA), h('td', {}, w.goldstein ?? '—'))))));
  }
  panel.appendChild(h('p', {}, h('a', { href: `#/events?actor=${encodeURIComponent(a)}&recipient=${encodeURIComponent(b)}` }, `List the events ${a} → ${b}`)));
}
