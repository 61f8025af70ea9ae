/**
 * `sitrep demo`: runs the main job on the example articles shipped in
 * `examples/articles` (written for the project) and prints a summary.
 */
import { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { extractAll, cameoName, describeFailure } from './extract.js';
import { formatSummary } from './format.js';

/** Folder of the bundled example articles. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/articles', import.meta.url));

export function demoCommand(): Command {
  return new Command('demo').description('Run sitrep on the bundled example articles and print what it found').action(async () => {
    let n = 0;
    for await (const x of extractAll([EXAMPLES_DIR], {})) {
      if (x.ok) {
        process.stdout.write(formatSummary(x.doc, cameoName) + '\n\n');
        n++;
      } else process.stderr.write(describeFailure(x) + '\n');
    }
    process.stdout.write(`${n} example articles analysed. Try: npx sitrep extract examples/articles/ankara-talks.txt --format json\n`);
  });
}
