/**
 * A response cache for the read-only API: JSON answers of GET requests are
 * kept by normalised URL ({@link cacheKey}) until the store's data changes (Store.dataVersion: any commit by
 * this or another process), in least-recently-used order, within a size budget.
 * Clients get an ETag and may revalidate with If-None-Match (304).
 */
import { createHash } from 'node:crypto';

/**
 * The cache key of a request URL: its path and its query parameters sorted by name (a stable sort: repeated
 * names keep their order), so `?code=11&limit=5` and `?limit=5&code=11` share an answer.
 */
export function cacheKey(url: URL): string {
  const params = [...url.searchParams].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return params.length ? `${url.pathname}?${new URLSearchParams(params)}` : url.pathname;
}

export interface CachedResponse {
  body: Uint8Array;
  type: string;
  etag: string;
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private version = '';
  private bytes = 0;
  hits = 0;
  misses = 0;

  /**
   * @param maxBytes total size of the kept bodies (default 64 MiB)
   * @param maxBody largest body kept (default 1 MiB)
   */
  constructor(private readonly maxBytes = 64 * 1024 * 1024, private readonly maxBody = 1024 * 1024) {}

  /** The cached answer for a key at the current data version, or undefined. */
  get(key: string, version: string): CachedResponse | undefined {
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) {
      // refresh its place in the LRU order
      this.entries.delete(key);
      this.entries.set(key, hit);
      this.hits++;
    } else this.misses++;
    return hit;
  }

  /** Keep an answer (ignored when too large, or when the data changed meanwhile). */
  set(key: string, version: string, body: Uint8Array, type: string): CachedResponse {
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
    const entry = { body, type, etag };
    if (version !== this.version || body.byteLength > this.maxBody) return entry;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.body.byteLength;
    this.entries.set(key, entry);
    this.bytes += body.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.body.byteLength;
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}
