import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleKey } from './bundle-key.mjs';

const BUILD_SCRIPT = fileURLToPath(new URL('./build-worker-bundle.mjs', import.meta.url));

/** Where bundles are kept: inside the project's node_modules, so the packages they import resolve from there. */
export const BUNDLE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/etap/', import.meta.url));

/** Bundles older than this, and not current, are deleted when a new one is built. */
const KEEP_OLD_MS = 60 * 60 * 1000;

export interface WorkerBundleOptions {
  /** Where bundles are kept; default BUNDLE_DIR. */
  dir?: string;
}

/**
 * The worker script `entry` (TypeScript) as one bundled ES module, current with its sources: the
 * bundle made before is used when every file it was made of is unchanged (one read of each, a few
 * milliseconds), and built again otherwise, by esbuild in a child process (a few hundred
 * milliseconds, once per change). Undefined when it cannot be had (esbuild missing, the directory
 * not writable, a build error): the caller then starts the worker through the TypeScript loader.
 *
 * Why: a worker started through tsx loads each of its ~150 modules through the loader's own
 * thread, and took about a second to be ready; bundled, about 0.6 s. An ingest's first second is
 * spent waiting for it.
 */
export function workerBundle(entry: URL, options: WorkerBundleOptions = {}): URL | undefined {
  const dir = options.dir ?? BUNDLE_DIR;
  const name = basename(fileURLToPath(entry)).replace(/\.[^.]+$/, '');
  try {
    return pathToFileURL(currentBundle(dir, name) ?? buildBundle(entry, dir, name));
  } catch {
    return undefined;
  }
}

/** The bundle made before, if it is still what its inputs make. */
function currentBundle(dir: string, name: string): string | undefined {
  try {
    const { inputs } = JSON.parse(readFileSync(join(dir, `${name}.inputs.json`), 'utf8')) as { inputs: string[] };
    const bundle = join(dir, `${name}-${bundleKey(inputs)}.mjs`);
    return existsSync(bundle) ? bundle : undefined;
  } catch {
    // No bundle yet, or an input gone: build.
    return undefined;
  }
}

function buildBundle(entry: URL, dir: string, name: string): string {
  const bundle = execFileSync(process.execPath, [BUILD_SCRIPT, fileURLToPath(entry), dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  pruneOld(dir, name, bundle);
  return bundle;
}

/** Deletes the entry's earlier bundles, but not recent ones: another process may be about to start a worker from one. */
function pruneOld(dir: string, name: string, keep: string): void {
  for (const file of readdirSync(dir)) {
    const path = join(dir, file);
    if (path === keep || !file.startsWith(`${name}-`) || !file.endsWith('.mjs')) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { force: true });
    } catch {
      // Deleted by another process meanwhile.
    }
  }
}
