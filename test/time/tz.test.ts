import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './tz-fixture.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

describe('time zone independence', () => {
  const local = run();
  for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Tokyo']) {
    it(`gives the same values under TZ=${tz}`, () => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'tz-fixture.ts')], {
        cwd: root,
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(out).toBe(local);
    });
  }
});
