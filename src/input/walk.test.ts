import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputBytes } from './walk.js';

const root = mkdtempSync(join(tmpdir(), 'etap-walk-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder of reports: 100 + 200 bytes at the top, 400 in a subfolder, and files that are no reports. */
function folder(): string {
  const dir = mkdtempSync(join(root, 'reports-'));
  writeFileSync(join(dir, 'a.txt'), 'x'.repeat(100));
  writeFileSync(join(dir, 'b.json'), 'x'.repeat(200));
  writeFileSync(join(dir, 'notes.md'), 'x'.repeat(5000));
  writeFileSync(join(dir, '.hidden.txt'), 'x'.repeat(5000));
  mkdirSync(join(dir, 'more'));
  writeFileSync(join(dir, 'more', 'c.html'), 'x'.repeat(400));
  return dir;
}

describe('inputBytes', () => {
  it('counts the report files of folders (recursively) and files named, not other files', async () => {
    const dir = folder();
    expect(await inputBytes([dir], 10_000)).toBe(700);
    expect(await inputBytes([join(dir, 'a.txt'), join(dir, 'more')], 10_000)).toBe(500);
  });

  it('stops counting once past the limit', async () => {
    const dir = folder();
    const counted = await inputBytes([dir, dir, dir], 250);
    expect(counted).toBeGreaterThan(250);
    expect(counted).toBeLessThan(2100);
  });

  it('knows no size for stdin, and counts nothing for a path that cannot be read', async () => {
    expect(await inputBytes(['-'], 10_000)).toBeUndefined();
    expect(await inputBytes([join(root, 'missing')], 10_000)).toBe(0);
  });
});
