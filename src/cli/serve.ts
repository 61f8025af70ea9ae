/**
 * `sitrep serve [--db FILE] [--port N] [--host 127.0.0.1]`: the HTTP API and
 * web UI over a store (src/server/app.ts). Listens on 127.0.0.1 unless told
 * otherwise; stops cleanly on SIGINT / SIGTERM.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Command } from 'commander';
import { serve } from '@hono/node-server';
import { SitrepError } from '../errors.js';
import { Store } from '../store/index.js';
import { createApp, DEFAULT_MAX_EXTRACT_BYTES } from '../server/app.js';

/** A running server. */
export interface Running {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/**
 * Open the store and listen.
 * @throws SitrepError `store_failed` (no such store, not a store), `invalid_argument` (port in use, bad host)
 */
export async function startServer(o: { db: string; port: number; host: string; maxExtractBytes?: number; cache?: boolean }): Promise<Running> {
  if (o.db !== ':memory:' && !existsSync(o.db)) {
    throw new SitrepError('store_failed', `${o.db}: no such store (create one with: sitrep ingest FILES --db ${o.db})`, o.db);
  }
  const store = Store.open(o.db);
  const app = createApp(store, { maxExtractBytes: o.maxExtractBytes, cache: o.cache });
  try {
    const { server, info } = await new Promise<{ server: ReturnType<typeof serve>; info: AddressInfo }>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, (info) => resolve({ server: s, info }));
      s.once('error', (e: NodeJS.ErrnoException) => {
        const why = e.code === 'EADDRINUSE' ? `port ${o.port} is in use` : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' ? `cannot listen on host ${o.host}` : e.message;
        reject(new SitrepError('invalid_argument', why, '--port'));
      });
    });
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    const url = `http://${host}:${info.port}/`;
    let closed: Promise<void> | null = null;
    return {
      url,
      port: info.port,
      close: () =>
        (closed ??= new Promise<void>((resolve) => {
          server.close(() => {
            store.close();
            resolve();
          });
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        })),
    };
  } catch (e) {
    store.close();
    throw e;
  }
}

function portOption(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new SitrepError('invalid_argument', `--port must be a whole number from 0 to 65535, got "${v}"`, '--port');
  return n;
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('Serve the HTTP JSON API (OpenAPI at /openapi.json) and the web UI over a store')
    .option('--db <file>', 'SQLite database file', './sitrep.db')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8787')
    .option('--host <host>', 'address to listen on (127.0.0.1: this machine only)', '127.0.0.1')
    .option('--max-extract-bytes <n>', 'largest POST /api/extract body', String(DEFAULT_MAX_EXTRACT_BYTES))
    .option('--no-cache', 'do not keep API answers between requests (they are kept until the store changes)')
    .action(async (o: { db: string; port: string; host: string; maxExtractBytes: string; cache: boolean }) => {
      const max = Number(o.maxExtractBytes);
      if (!Number.isSafeInteger(max) || max < 1) throw new SitrepError('invalid_argument', `--max-extract-bytes must be a positive whole number, got "${o.maxExtractBytes}"`, '--max-extract-bytes');
      const running = await startServer({ db: o.db, port: portOption(o.port), host: o.host, maxExtractBytes: max, cache: o.cache });
      process.stdout.write(`sitrep serve: ${o.db} on ${running.url} (API: ${running.url}openapi.json; Ctrl-C stops)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void running.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
