/**
 * The `sitrep` command line (commander). Every command reports failures
 * through one handler: `sitrep: <code>: <message>` on stderr, exit status 1
 * (2 for usage errors), never a stack trace.
 */
import { Command, CommanderError, Option } from 'commander';
import { SitrepError, asSitrepError } from '../errors.js';
import { extractCommand } from './extract.js';
import { demoCommand } from './demo.js';
import { storeCommands } from './store.js';
import { evalCommand } from './eval.js';
import { serveCommand } from './serve.js';

/** Build the program (exported for in-process tests). */
export function program(): Command {
  const p = new Command('sitrep')
    .description('Read news reports and rebuild the political situation they describe: actors, CAMEO/PLOVER events, TIMEX3 dates, quotes and numeric claims, with evidence.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)');
  p.addCommand(demoCommand());
  p.addCommand(extractCommand());
  for (const c of storeCommands()) p.addCommand(c);
  p.addCommand(serveCommand());
  p.addCommand(evalCommand());
  p.exitOverride();
  for (const c of p.commands) c.exitOverride();
  return p;
}

/** Run the CLI with `argv` (as process.argv); resolves to the exit status. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander has already printed its message (help, version, or usage error)
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2;
    }
    const e = asSitrepError(err);
    process.stderr.write(`sitrep: ${e.code}: ${e.message}${e.input && !e.message.includes(e.input) ? ` (${e.input})` : ''}\n`);
    if (e.code === 'internal' && process.env.SITREP_DEBUG && err instanceof Error) process.stderr.write(String(err.stack) + '\n');
    return e.code === 'invalid_argument' || e.code === 'invalid_date' ? 2 : 1;
  }
}

/** A commander option limited to fixed choices. */
export function choice(flags: string, description: string, choices: string[], def?: string): Option {
  const o = new Option(flags, description).choices(choices);
  return def ? o.default(def) : o;
}

/** Validate a YYYY-MM-DD option value. @throws SitrepError invalid_date */
export function dateOption(value: string, name: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value + 'T00:00:00Z')) || new Date(value + 'T00:00:00Z').toISOString().slice(0, 10) !== value) {
    throw new SitrepError('invalid_date', `${name} must be a calendar date YYYY-MM-DD, got "${value}"`, name);
  }
  return value;
}
