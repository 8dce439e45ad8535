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
