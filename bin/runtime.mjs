/**
 * Which code bin/sitrep.mjs runs: the JavaScript build in `<root>/dist`
 * (scripts/build.mjs) or the TypeScript sources in `<root>/src` through tsx.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Newest modification time (ms since the epoch) of `dir`, its folders and
 * files (a folder's time changes when a file in it is added or removed).
 */
function newest(dir) {
  let t = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return t;
}

/**
 * True when `<root>/dist/BUILD.json` (written last by the build) exists and is
 * at least as new as every file and folder under `<root>/src` (so an edited,
 * added or deleted source file sends the command to tsx), and `env.SITREP_USE_TSX`
 * is not `1`. Never throws for a missing dist/; a missing src/ counts as
 * nothing newer.
 * @param {string} root project folder
 * @param {Record<string, string | undefined>} env
 * @returns {boolean}
 */
export function distIsFresh(root, env = process.env) {
  const stamp = join(root, 'dist', 'BUILD.json');
  if (env.SITREP_USE_TSX === '1' || !existsSync(stamp)) return false;
  const src = join(root, 'src');
  return !existsSync(src) || statSync(stamp).mtimeMs >= newest(src);
}
