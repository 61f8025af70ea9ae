/**
 * Store commands: `sitrep ingest`, `sitrep events`, `sitrep actors`.
 */
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { extractAll, describeFailure } from './extract.js';
import { Store } from '../store/index.js';
import { choice, dateOption } from './main.js';
import { SitrepError } from '../errors.js';

const DEFAULT_DB = './sitrep.db';

/** @throws SitrepError `invalid_argument` (a usage error, exit 2) when `--db` is empty. */
function checkDb(db: string): void {
  if (!db.trim()) throw new SitrepError('invalid_argument', '--db must name a database file', '--db');
}

/** CSV field quoting (RFC 4180). */
function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Print rows as an aligned table, JSON, or CSV. */
export function printRows(rows: Array<Record<string, unknown>>, columns: string[], format: string): void {
  const out = process.stdout;
  if (format === 'json') {
    out.write(JSON.stringify(rows, null, 2) + '\n');
    return;
  }
  if (format === 'csv') {
    out.write(columns.join(',') + '\n');
    for (const r of rows) out.write(columns.map((c) => csvField(r[c])).join(',') + '\n');
    return;
  }
  const cells = rows.map((r) => columns.map((c) => {
    const v = r[c];
    const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return s.length > 48 ? s.slice(0, 45) + '...' : s;
  }));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  out.write(columns.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd() + '\n');
  for (const row of cells) out.write(row.map((s, i) => s.padEnd(widths[i])).join('  ').trimEnd() + '\n');
}

function parseLimit(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new SitrepError('invalid_argument', `--limit must be a positive whole number, got "${v}"`, '--limit');
  return n;
}

export function storeCommands(): Command[] {
  const ingest = new Command('ingest')
    .description('Extract articles and store them in an SQLite database (re-ingesting a stored article changes nothing)')
    .argument('<path...>', 'files, folders (recursive), .jsonl files, URLs, or - for stdin')
    .option('--db <file>', 'SQLite database file', DEFAULT_DB)
    .option('--published <date>', 'publication date (YYYY-MM-DD) used as every article\'s reference date (overrides dates in the inputs)')
    .action(async (paths: string[], o: { db: string; published?: string }) => {
      if (o.published !== undefined) dateOption(o.published, '--published');
      checkDb(o.db);
      const store = Store.open(o.db);
      let stopping = false;
      const onSigint = () => {
        stopping = true;
      };
      process.once('SIGINT', onSigint);
      const tty = process.stderr.isTTY === true;
      const bar = tty
        ? new cliProgress.SingleBar({ format: 'ingest {value} documents | {events} events | {errors} errors | {stored} new', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
        : null;
      let docs = 0, events = 0, errors = 0, stored = 0;
      bar?.start(0, 0, { events: 0, errors: 0, stored: 0 });
      try {
        for await (const x of extractAll(paths, { published: o.published })) {
          docs++;
          if (!x.ok) {
            errors++;
            bar?.stop();
            process.stderr.write(describeFailure(x).replace(/^sitrep: /, 'sitrep: skipped: ') + '\n');
            bar?.start(0, docs, { events, errors, stored });
          } else {
            try {
              const r = store.putDocument(x.doc);
              if (r.stored) {
                stored++;
                events += x.doc.events.length;
              }
            } catch (e) {
              errors++;
              process.stderr.write(`sitrep: skipped ${x.origin}: store_failed: ${(e as Error).message}\n`);
            }
          }
          bar?.update(docs, { events, errors, stored });
          if (stopping) break;
        }
      } finally {
        bar?.stop();
        process.off('SIGINT', onSigint);
        store.close();
      }
      process.stdout.write(`${docs} documents read, ${stored} stored (${docs - stored - errors} already present), ${events} events, ${errors} errors${stopping ? ' (interrupted)' : ''}\n`);
      if (stopping) process.exitCode = 130; // interrupted: the documents stored so far are complete
      else if (errors > 0) process.exitCode = 1;
    });

  const events = new Command('events')
    .description('Query stored events')
    .option('--db <file>', 'SQLite database file', DEFAULT_DB)
    .option('--actor <code>', 'actor CAMEO code or prefix (RUS matches RUSGOV)')
    .option('--recipient <code>', 'recipient CAMEO code or prefix')
    .option('--code <prefix>', 'CAMEO event code prefix (04 matches 040-046)')
    .option('--from <date>', 'first date (YYYY-MM-DD)')
    .option('--to <date>', 'last date (YYYY-MM-DD)')
    .option('--limit <n>', 'maximum rows')
    .addOption(choice('--format <format>', 'output format', ['table', 'json', 'csv'], 'table'))
    .action((o: { db: string; actor?: string; recipient?: string; code?: string; from?: string; to?: string; limit?: string; format: string }) => {
      if (o.from) dateOption(o.from, '--from');
      if (o.to) dateOption(o.to, '--to');
      checkDb(o.db);
      const store = Store.open(o.db, { readonly: true });
      try {
        const rows = store.queryEvents({ actor: o.actor, recipient: o.recipient, code: o.code, from: o.from, to: o.to, limit: parseLimit(o.limit) });
        const flat = rows.map((r) => ({
          date: o.format === 'table' && r.dateDefaulted ? `${r.date}*` : r.date,
          actor: r.actor.map((p) => p.code ?? p.text).join('+'),
          recipient: r.recipient.map((p) => p.code ?? p.text).join('+'),
          cameo: r.cameo ?? 'uncoded',
          plover: r.plover?.event ?? '',
          goldstein: r.goldstein,
          modality: r.modality.join(' '),
          trigger: r.trigger.text,
          document: r.docId,
          ...(o.format === 'table' ? {} : { dateDefaulted: r.dateDefaulted, location: r.location?.text ?? '', quadClass: r.quadClass, attribution: r.attribution?.source?.text ?? '', confidence: r.confidence, sentence: r.sentence, rule: r.rule }),
        }));
        const cols = o.format === 'table' ? ['date', 'actor', 'recipient', 'cameo', 'plover', 'goldstein', 'modality', 'trigger', 'document'] : ['date', 'actor', 'recipient', 'cameo', 'plover', 'goldstein', 'modality', 'trigger', 'document', 'dateDefaulted', 'location', 'quadClass', 'attribution', 'confidence', 'sentence', 'rule'];
        printRows(o.format === 'json' ? (rows as unknown as Array<Record<string, unknown>>) : flat, cols, o.format);
        if (o.format === 'table' && rows.some((r) => r.dateDefaulted)) process.stdout.write('(* date defaulted to the publication date)\n');
      } finally {
        store.close();
      }
    });

  const actors = new Command('actors')
    .description('List stored actors with their event counts')
    .option('--db <file>', 'SQLite database file', DEFAULT_DB)
    .addOption(choice('--format <format>', 'output format', ['table', 'json', 'csv'], 'table'))
    .action((o: { db: string; format: string }) => {
      checkDb(o.db);
      const store = Store.open(o.db, { readonly: true });
      try {
        printRows(store.listActors() as unknown as Array<Record<string, unknown>>, ['code', 'name', 'country', 'sector', 'events'], o.format);
      } finally {
        store.close();
      }
    });
  return [ingest, events, actors];
}
