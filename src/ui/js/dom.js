// DOM helpers. Text from the server (article text, titles, names) is only ever
// inserted as text nodes or textContent: never as markup.

/**
 * Create an element. `attrs`: `class`, `text` (textContent), `dataset` (object),
 * `on` (event -> handler), anything else as an attribute. Children: nodes or
 * strings (strings become text nodes); null/false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Remove every child of an element. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** A link to an in-app route. */
export function link(route, text, attrs = {}) {
  return h('a', { href: '#' + route, ...attrs }, text);
}

/** Show a floating tooltip with text lines near the pointer. */
export function showTip(event, lines) {
  const tip = document.getElementById('tooltip');
  clear(tip);
  lines.filter(Boolean).forEach((l, i) => tip.appendChild(h('div', { class: i === 0 ? 'tip-head' : '' }, l)));
  tip.hidden = false;
  const pad = 14;
  const { innerWidth: W, innerHeight: H } = window;
  const r = tip.getBoundingClientRect();
  let x = event.clientX + pad;
  let y = event.clientY + pad;
  if (x + r.width > W - 8) x = event.clientX - r.width - pad;
  if (y + r.height > H - 8) y = event.clientY - r.height - pad;
  tip.style.left = `${Math.max(4, x)}px`;
  tip.style.top = `${Math.max(4, y)}px`;
}

export function hideTip() {
  document.getElementById('tooltip').hidden = true;
}

/** A message block (loading, empty, error). */
export function note(text, kind = 'info') {
  return h('p', { class: `note note-${kind}` }, text);
}
