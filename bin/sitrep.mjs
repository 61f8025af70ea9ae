#!/usr/bin/env node
// Entry point: loads the TypeScript CLI through tsx (no build step needed).
import { register } from 'tsx/esm/api';

// a closed pipe (`sitrep extract ... | head`) ends the program quietly
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(0);
  throw err;
});
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
