import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { moduleBundle } from './module-bundle.mjs';

// Builds run as they do; the tests only watch whether one was started.
vi.mock('node:child_process', async (original) => {
  const actual = await original<typeof import('node:child_process')>();
  return { ...actual, execFileSync: vi.fn(actual.execFileSync) };
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.mocked(execFileSync).mockClear();
});

/** A small TypeScript program of two modules, one reading a file beside itself, and a directory for its bundles. */
function project(): { source: string; bundles: string; entry: URL } {
  const source = mkdtempSync(join(tmpdir(), 'etap-bundle-src-'));
  const bundles = mkdtempSync(join(tmpdir(), 'etap-bundle-out-'));
  dirs.push(source, bundles);
  writeFileSync(join(source, 'part.ts'), `export const part: number = 20;\n`);
  writeFileSync(join(source, 'beside.txt'), 'read beside its module');
  writeFileSync(
    join(source, 'entry.ts'),
    `import { readFileSync } from 'node:fs';
import { part } from './part.ts';
export const answer: number = part + 22;
export const beside: string = readFileSync(new URL('./beside.txt', import.meta.url), 'utf8');\n`,
  );
  return { source, bundles, entry: pathToFileURL(join(source, 'entry.ts')) };
}

const bundlesIn = (dir: string) => readdirSync(dir).filter((file) => /^entry-[0-9a-f]{16}$/.test(file));

describe('moduleBundle', () => {
  it('bundles a TypeScript entry into one module that runs as its sources do, reading files beside them', async () => {
    const { bundles, entry } = project();
    const bundle = moduleBundle(entry, { dir: bundles });
    expect(bundle?.href).toMatch(/\/entry-[0-9a-f]{16}\/entry\.mjs$/);
    const loaded = (await import(bundle!.href)) as { answer: number; beside: string };
    expect(loaded.answer).toBe(42);
    expect(loaded.beside).toBe('read beside its module');
  });

  it('reuses the bundle while its sources are unchanged, and builds a new one when one changes', () => {
    const { source, bundles, entry } = project();
    const first = moduleBundle(entry, { dir: bundles })!;
    const builtAt = statSync(first).mtimeMs;
    expect(moduleBundle(entry, { dir: bundles })?.href).toBe(first.href);
    expect(statSync(first).mtimeMs).toBe(builtAt);
    // An imported module, not the entry, changes.
    writeFileSync(join(source, 'part.ts'), `export const part: number = 21;\n`);
    const second = moduleBundle(entry, { dir: bundles })!;
    expect(second.href).not.toBe(first.href);
    expect(bundlesIn(bundles)).toHaveLength(2); // the earlier one is recent: another process may be using it
  });

  it('deletes earlier bundles unused for a day when it builds a new one, and keeps those used lately', () => {
    const { source, bundles, entry } = project();
    const folderOf = (bundle: URL) => dirname(fileURLToPath(bundle));
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    const unused = moduleBundle(entry, { dir: bundles })!;
    utimesSync(folderOf(unused), twoDaysAgo, twoDaysAgo);
    writeFileSync(join(source, 'part.ts'), `export const part: number = 23;\n`);
    const used = moduleBundle(entry, { dir: bundles })!;
    expect(existsSync(unused)).toBe(false);
    // Built two days ago, but loaded again just now (as a process starting from it does).
    utimesSync(folderOf(used), twoDaysAgo, twoDaysAgo);
    expect(moduleBundle(entry, { dir: bundles })?.href).toBe(used.href);
    writeFileSync(join(source, 'part.ts'), `export const part: number = 24;\n`);
    const current = moduleBundle(entry, { dir: bundles })!;
    expect(existsSync(used)).toBe(true);
    expect(existsSync(current)).toBe(true);
  });

  it('keeps the bundles of two checkouts sharing the folder apart (git worktrees), neither rebuilding over the other', () => {
    const one = project();
    const other = project();
    writeFileSync(join(other.source, 'part.ts'), `export const part: number = 30;\n`);
    const bundles = one.bundles;
    const first = moduleBundle(one.entry, { dir: bundles })!;
    const second = moduleBundle(other.entry, { dir: bundles })!;
    expect(second.href).not.toBe(first.href);
    const built = [statSync(first).mtimeMs, statSync(second).mtimeMs];
    expect(moduleBundle(one.entry, { dir: bundles })?.href).toBe(first.href);
    expect(moduleBundle(other.entry, { dir: bundles })?.href).toBe(second.href);
    expect([statSync(first).mtimeMs, statSync(second).mtimeMs]).toEqual(built);
    expect(bundlesIn(bundles)).toHaveLength(2);
  });

  it('builds again when a module it was made of is gone', () => {
    const { source, bundles, entry } = project();
    const first = moduleBundle(entry, { dir: bundles })!;
    rmSync(join(source, 'part.ts'));
    writeFileSync(join(source, 'entry.ts'), `export const answer: number = 42;\n`);
    const second = moduleBundle(entry, { dir: bundles });
    expect(second).toBeDefined();
    expect(second!.href).not.toBe(first.href);
  });

  it('gives none, without starting a build, where no bundle can be written (a read-only install)', () => {
    const { source, entry } = project();
    // A folder that cannot be made: its parent is a file.
    writeFileSync(join(source, 'not-a-folder'), '');
    expect(moduleBundle(entry, { dir: join(source, 'not-a-folder', 'bundles') })).toBeUndefined();
    expect(execFileSync).not.toHaveBeenCalled();
    // Where one can, the same entry is built.
    const bundles = mkdtempSync(join(tmpdir(), 'etap-bundle-out-'));
    dirs.push(bundles);
    expect(moduleBundle(entry, { dir: bundles })).toBeDefined();
    expect(execFileSync).toHaveBeenCalledTimes(1);
  });

  it('gives none when the sources do not build, so the caller can fall back', () => {
    const { source, bundles, entry } = project();
    writeFileSync(join(source, 'part.ts'), `export const part: number = ;\n`);
    expect(moduleBundle(entry, { dir: bundles })).toBeUndefined();
    expect(bundlesIn(bundles)).toEqual([]);
  });
});
