/**
 * bin/: which code the command runs (dist/ build or src/ through tsx), the
 * V8 flags it runs with, and that both code paths give the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { distIsFresh } from '../../bin/runtime.mjs';
import { V8_FLAGS } from '../../bin/flags.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('distIsFresh', () => {
  it('uses dist/ only when its stamp is at least as new as every source file', () => {
    const root = mkdtempSync(join(tmpdir(), 'sitrep-runtime-'));
    try {
      mkdirSync(join(root, 'src', 'deep'), { recursive: true });
      writeFileSync(join(root, 'src', 'deep', 'a.ts'), 'export {};\n');
      expect(distIsFresh(root, {})).toBe(false); // no build
      mkdirSync(join(root, 'dist'));
      writeFileSync(join(root, 'dist', 'BUILD.json'), '{}\n');
      utimesSync(join(root, 'src', 'deep', 'a.ts'), 1000, 1000);
      utimesSync(join(root, 'src', 'deep'), 1000, 1000);
      utimesSync(join(root, 'src'), 1000, 1000);
      utimesSync(join(root, 'dist', 'BUILD.json'), 2000, 2000);
      expect(distIsFresh(root, {})).toBe(true);
      utimesSync(join(root, 'src', 'deep'), 2500, 2500); // a file removed from src/deep after the build
      expect(distIsFresh(root, {})).toBe(false);
      utimesSync(join(root, 'src', 'deep'), 1000, 1000);
      expect(distIsFresh(root, { SITREP_USE_TSX: '1' })).toBe(false);
      utimesSync(join(root, 'src', 'deep', 'a.ts'), 3000, 3000); // edited after the build
      expect(distIsFresh(root, {})).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('bin/sitrep.mjs', () => {
  it('passes the V8 flags of bin/flags.mjs on its first line', () => {
    const first = readFileSync(resolve(ROOT, 'bin/sitrep.mjs'), 'utf8').split('\n')[0];
    expect(first).toBe(`#!/usr/bin/env -S node ${V8_FLAGS.join(' ')}`);
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toBe(`node ${V8_FLAGS.join(' ')} bin/sitrep.mjs demo`);
  });

  it('gives the same bytes from a JavaScript build and from the sources through tsx', () => {
    // a build of its own beside src/ (rebuilding dist/ would race the other test files that run bin/)
    const out = resolve(ROOT, `dist-test-${process.pid}`);
    try {
      const build = spawnSync(process.execPath, [resolve(ROOT, 'scripts/build.mjs'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
      expect(build.status, build.stderr).toBe(0);
      const article = resolve(ROOT, 'examples/articles/ankara-talks.txt');
      const driver = (main: string) => `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(['node', 'sitrep', 'extract', ${JSON.stringify(article)}]);`;
      const run = (args: string[]) => spawnSync(process.execPath, [...V8_FLAGS, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      const js = run(['--input-type=module', '-e', driver(pathToFileURL(join(out, 'cli/main.js')).href)]);
      const ts = run(['--import', 'tsx', '--input-type=module', '-e', driver(pathToFileURL(resolve(ROOT, 'src/cli/main.ts')).href)]);
      expect(js.status, js.stderr).toBe(0);
      expect(ts.status, ts.stderr).toBe(0);
      expect(JSON.parse(js.stdout).events.length).toBeGreaterThan(0);
      expect(js.stdout).toBe(ts.stdout);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
