// World map: events per country from the world outline the project ships
// (world-atlas countries-110m, Natural Earth). A country's events are those
// whose stated location is there, else whose recipient (or actor) is from there.
import { api } from './api.js';
import { go } from './app.js';
import { h, hideTip, note, showTip } from './dom.js';

let worldPromise = null;
function world() {
  worldPromise ??= Promise.all([
    fetch('/vendor/countries-110m.json').then((r) => r.json()),
    fetch('/vendor/iso-numeric.json').then((r) => r.json()),
  ]);
  return worldPromise;
}

export async function renderMap(root, filters, stale) {
  const d3 = window.d3;
  const topojson = window.topojson;
  const [[topo, iso], places] = await Promise.all([world(), api('/api/places', filters)]);
  if (stale()) return;
  const counts = new Map(places.items.map((p) => [p.country, p]));
  const placed = places.items.reduce((n, p) => n + p.events, 0);
  root.appendChild(h('div', { class: 'view-head' },
    h('h1', {}, 'Where events happen'),
    h('p', { class: 'sub' }, `${placed.toLocaleString()} events placed in ${places.items.length} countries (stated location, else the recipient's or actor's country). Click a country to see its events.`)));
  const features = topojson.feature(topo, topo.objects.countries).features;
  const width = Math.max(640, Math.min(1100, document.documentElement.clientWidth - 460));
  const height = Math.round(width * 0.52);
  const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const max = d3.max(places.items, (p) => p.events) || 1;
  const ramp = d3.scaleSequentialLog(d3.interpolateOrRd).domain([1, Math.max(2, max)]);
  const color = (n) => ramp.interpolator()(0.2 + 0.8 * ((Math.log(n) - Math.log(1)) / (Math.log(Math.max(2, max)) || 1)));
  const svg = d3.create('svg').attr('class', 'map').attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  svg.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }));
  svg.append('path').attr('class', 'graticule').attr('d', path(d3.geoGraticule10()));
  svg.append('g').selectAll('path').data(features).join('path')
    .attr('class', (f) => (counts.has(iso[f.id]) ? 'country has-events' : 'country'))
    .attr('data-iso', (f) => iso[f.id] ?? '')
    .attr('d', path)
    .attr('fill', (f) => {
      const p = counts.get(iso[f.id]);
      return p ? color(Math.max(1, p.events)) : '#eef0f3';
    })
    .on('mousemove', (ev, f) => {
      const code = iso[f.id];
      const p = counts.get(code);
      showTip(ev, [
        `${f.properties.name}${code ? ` (${code})` : ''}`,
        p ? `${p.events} events (${p.stated} with a stated location), ${p.conflict} conflict` : 'no events',
        p && p.goldstein !== null ? `mean Goldstein ${p.goldstein}` : null,
      ]);
    })
    .on('mouseleave', hideTip)
    .on('click', (ev, f) => {
      const code = iso[f.id];
      if (code && counts.has(code)) {
        hideTip();
        go('events', { actor: code }, false);
      }
    });
  const layout = h('div', { class: 'map-layout' }, h('div', { class: 'chart-wrap' }, svg.node()), side(places.items, counts, features, iso));
  root.appendChild(layout);
  if (!places.items.length) root.appendChild(note('No coded event can be placed in a country with these filters.'));
}

function side(items, counts, features, iso) {
  const onMap = new Set(features.map((f) => iso[f.id]).filter(Boolean));
  return h('div', { class: 'side' },
    h('h2', {}, 'Countries'),
    h('table', { class: 'mini' },
      h('thead', {}, h('tr', {}, h('th', {}, 'code'), h('th', {}, 'events'), h('th', {}, 'conflict'), h('th', {}, 'Goldstein'))),
      h('tbody', {}, items.slice(0, 40).map((p) => h('tr', {},
        h('td', {}, h('a', { href: `#/events?actor=${encodeURIComponent(p.country)}` }, p.country), onMap.has(p.country) ? null : h('span', { class: 'muted', title: 'not a country on the map (region or organisation)' }, ' *')),
        h('td', {}, p.events), h('td', {}, p.conflict), h('td', {}, p.goldstein ?? '—'))))),
    items.some((p) => !onMap.has(p.country)) ? h('p', { class: 'muted small' }, '* a region or organisation code, not on the map') : null);
}
