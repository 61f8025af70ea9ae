// API access and shared formatting.

export class ApiError extends Error {
  constructor(code, message, status) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/** Query string of the non-empty params. */
export function qs(params = {}) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

/** GET a JSON API path; throws ApiError with the server's error code. */
export async function api(path, params) {
  const res = await fetch(path + qs(params), { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body && body.error ? body.error : { code: 'internal', message: `HTTP ${res.status}` };
    throw new ApiError(e.code, e.message, res.status);
  }
  return body;
}

let codebookPromise = null;
/** CAMEO names, roots and PLOVER types (cached). */
export function codebook() {
  codebookPromise ??= api('/api/codebook');
  return codebookPromise;
}

export const QUAD = {
  1: { name: 'Verbal cooperation', short: 'verbal coop.', color: '#5aa469' },
  2: { name: 'Material cooperation', short: 'material coop.', color: '#1f6f43' },
  3: { name: 'Verbal conflict', short: 'verbal conflict', color: '#e49b36' },
  4: { name: 'Material conflict', short: 'material conflict', color: '#c0392b' },
};

/** Colour of a Goldstein value: red (conflict) - grey - green (cooperation). */
export function goldsteinColor(g) {
  if (g === null || g === undefined) return '#9aa0a6';
  const t = Math.max(-1, Math.min(1, g / 7));
  return t < 0 ? window.d3.interpolateRgb('#b9bec4', '#c0392b')(-t) : window.d3.interpolateRgb('#b9bec4', '#1f6f43')(t);
}

/** "MLI+NER" from participants (code, else text). */
export function parties(list) {
  return list && list.length ? list.map((p) => p.code ?? p.text).join(' + ') : '—';
}

/** "111 Accuse" with the codebook name. */
export function cameoLabel(code, cb) {
  if (!code) return 'uncoded';
  const name = cb && cb.codes[code];
  return name ? `${code} ${titleCase(name)}` : code;
}

export function titleCase(s) {
  return String(s).toLowerCase().replace(/(^|[\s/(-])([a-z])/g, (m, a, b) => a + b.toUpperCase());
}

/** A short document id for display. */
export function shortId(id) {
  return String(id).replace(/^sha256:/, '').slice(0, 8);
}
