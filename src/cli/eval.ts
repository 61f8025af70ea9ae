/**
 * `sitrep eval ner|timex|quotes|events [--data DIR]`: scores sitrep on the
 * gold sets in `../shared/data` (or DIR) and prints the figures.
 */
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SitrepError } from '../errors.js';

/** Default location of the shared gold data: `../shared/data` beside the project root. */
export const DEFAULT_DATA_DIR = resolve(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared', 'data');

function dataDir(d: string | undefined): string {
  const dir = resolve(d ?? process.env.SITREP_DATA ?? DEFAULT_DATA_DIR);
  if (!existsSync(dir)) throw new SitrepError('input_not_found', `gold data folder ${dir} does not exist (use --data DIR)`, dir);
  return dir;
}

export function evalCommand(): Command {
  const ev = new Command('eval').description('Evaluate against gold data (CoNLL-2003, TempEval-3/MEANTIME, PolNeAR, PLOVER/PETRARCH2)');
  ev.command('ner')
    .description('NER: conlleval-style span P/R/F1 on CoNLL-2003 test and CoNLL++, from raw text')
    .option('--data <dir>', 'shared data folder')
    .option('--corpus <name>', 'conll2003 | conllpp | all', 'all')
    .action(async (o: { data?: string; corpus: string }) => {
      const m = await import('../eval/ner.js');
      const r = await m.evalNer({ dataDir: dataDir(o.data), corpus: o.corpus as 'all' });
      process.stdout.write(m.formatNerReport(r) + '\n');
    });
  ev.command('timex')
    .description('TIMEX3: strict/relaxed span P/R/F1, type accuracy and value F1 on TempEval-3 and MEANTIME')
    .option('--data <dir>', 'shared data folder')
    .option('--split <split>', 'dev | test | all', 'all')
    .option('--corpus <name>', 'tempeval3 | meantime | all', 'all')
    .option('--errors [kinds]', 'also list the mismatches of the dev split, one a line (kinds: comma-separated missed,spurious,span,type,value; default all)')
    .action(async (o: { data?: string; split: string; corpus: string; errors?: string | boolean }) => {
      const m = await import('../eval/timex.js');
      if (o.errors !== undefined && o.split !== 'dev' && o.split !== 'all') {
        throw new SitrepError('invalid_argument', '--errors lists dev-split mismatches only (the test split is held out)', o.split);
      }
      const split = o.errors !== undefined ? 'dev' : (o.split as 'all');
      const r = await m.evalTimex({ dataDir: dataDir(o.data), split, corpus: o.corpus as 'all', details: o.errors !== undefined });
      process.stdout.write(m.formatTimexReport(r) + '\n');
      if (r.errors) {
        const kinds = typeof o.errors === 'string' ? o.errors.split(',').map((k) => k.trim()) : undefined;
        process.stdout.write(m.formatTimexErrors(r.errors, kinds) + '\n');
      }
    });
  ev.command('quotes')
    .description('Attribution: content/cue P/R/F1 and source accuracy on PolNeAR')
    .option('--data <dir>', 'shared data folder')
    .option('--split <split>', 'dev | test | all', 'all')
    .action(async (o: { data?: string; split: string }) => {
      const m = await import('../eval/quotes.js');
      const r = await m.evalQuotes({ dataDir: dataDir(o.data), split: o.split as 'all' });
      process.stdout.write(m.formatQuotesReport(r) + '\n');
    });
  ev.command('events')
    .description('Events: PLOVER gold records and PETRARCH2 unit-test records')
    .option('--data <dir>', 'shared data folder')
    .action(async (o: { data?: string }) => {
      const m = await import('../eval/events.js');
      const r = await m.evalEvents({ dataDir: dataDir(o.data) });
      process.stdout.write(m.formatEventsReport(r) + '\n');
    });
  return ev;
}
