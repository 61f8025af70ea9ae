/**
 * Fetch one URL with a byte limit and a timeout (Node 20 global fetch).
 */
import { SitrepError } from '../errors.js';

/** A fetched body. */
export interface Fetched {
  bytes: Uint8Array;
  /** Lower-case media type without parameters (`text/html`), or null when the server sent none. */
  mediaType: string | null;
  /** The `charset` parameter of the content-type, if any. */
  charset: string | null;
  /** The URL after redirects. */
  finalUrl: string;
}

/** Default size limit for one input: 5 MB (5 * 1024 * 1024 bytes). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Default timeout for one URL (connection, headers and body): 15 000 ms. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** True when `input` looks like a URL (`scheme://...`) rather than a path. */
export function looksLikeUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

/**
 * GET an http/https URL, streaming the body and counting bytes.
 * @param url the URL as given by the user.
 * @param maxBytes size limit in bytes for the body.
 * @param timeoutMs limit in milliseconds for the whole exchange, body included.
 * @throws SitrepError `url_fetch_failed` for another scheme, a malformed URL, a network error,
 *   an HTTP status other than 2xx, or a timeout; `input_too_large` when the body
 *   (announced by content-length or counted while streaming) exceeds `maxBytes`.
 */
export async function fetchUrl(url: string, maxBytes: number, timeoutMs: number): Promise<Fetched> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SitrepError('url_fetch_failed', `${url}: not a valid URL`, url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SitrepError('url_fetch_failed', `${url}: unsupported URL scheme "${parsed.protocol.replace(/:$/, '')}" (only http and https)`, url);
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const tooLarge = (): SitrepError =>
    new SitrepError('input_too_large', `${url}: response is larger than the limit of ${maxBytes} bytes`, url);
  try {
    let res: Response;
    try {
      res = await fetch(parsed, {
        signal: controller.signal,
        redirect: 'follow',
        headers: { 'user-agent': 'sitrep/0.1 (+news report reader)', accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1' },
      });
    } catch (e) {
      throw fetchError(url, e, timedOut, timeoutMs);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new SitrepError('url_fetch_failed', `${url}: HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`, url);
    }
    const len = Number(res.headers.get('content-length'));
    if (Number.isFinite(len) && len > maxBytes) {
      controller.abort();
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (res.body) {
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > maxBytes) {
            controller.abort();
            throw tooLarge();
          }
          chunks.push(value);
        }
      } catch (e) {
        if (e instanceof SitrepError) throw e;
        throw fetchError(url, e, timedOut, timeoutMs);
      }
    }
    const bytes = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) {
      bytes.set(c, off);
      off += c.byteLength;
    }
    const ct = res.headers.get('content-type');
    const [mt, ...params] = (ct ?? '').split(';');
    const charsetParam = params.map((p) => p.trim()).find((p) => /^charset=/i.test(p));
    return {
      bytes,
      mediaType: mt.trim() ? mt.trim().toLowerCase() : null,
      charset: charsetParam ? charsetParam.slice(8).replace(/^"|"$/g, '').trim() || null : null,
      finalUrl: res.url || parsed.href,
    };
  } finally {
    clearTimeout(timer);
  }
}

function fetchError(url: string, e: unknown, timedOut: boolean, timeoutMs: number): SitrepError {
  if (timedOut) return new SitrepError('url_fetch_failed', `${url}: timed out after ${timeoutMs} ms`, url);
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  const detail = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  return new SitrepError('url_fetch_failed', `${url}: ${detail}`, url);
}
