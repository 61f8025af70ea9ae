#!/usr/bin/env -S node --max-semi-space-size=4 --heap-growing-percent=30
// Entry point. Runs the JavaScript build in dist/ (made by `npm install`, see
// scripts/build.mjs) when it is at least as new as every file of src/, and
// the TypeScript sources through tsx otherwise (a checkout without a build,
// or sources edited since the last build). SITREP_USE_TSX=1 forces tsx.
// The V8 flags on the first line are explained in bin/flags.mjs.
import { fileURLToPath } from 'node:url';
import { distIsFresh } from './runtime.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// a closed pipe (`sitrep extract ... | head`) ends the program quietly
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(0);
  throw err;
});
let main;
if (distIsFresh(root)) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
