// The name a bundle gets from what it was made of (shared by module-bundle.mjs and
// build-bundle.mjs; plain JavaScript so that neither needs a TypeScript loader).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const BUILD_SCRIPT = new URL('./build-bundle.mjs', import.meta.url);

/**
 * Hex digest of the build script's bytes (its esbuild options) and of every input's path and
 * bytes, in order. Throws when an input cannot be read (deleted or renamed since).
 */
export function bundleKey(inputs) {
  const hash = createHash('sha256').update(readFileSync(BUILD_SCRIPT));
  for (const path of inputs) hash.update(`\n${path}\n`).update(readFileSync(path));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The file that lists what the bundle of the entry at `entryPath` was made of:
 * `<name>.<hash of the entry's path>.inputs.json`, so that checkouts sharing one node_modules (git
 * worktrees) each keep their own instead of rebuilding over each other's.
 */
export function manifestName(name, entryPath) {
  return `${name}.${createHash('sha256').update(entryPath).digest('hex').slice(0, 8)}.inputs.json`;
}
