// A TypeScript entry as one bundled ES module, for the CLI (bin/etap.js) and the extraction
// workers. Plain JavaScript, so that bin/etap.js can use it before any TypeScript loader is set up.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleKey, manifestName } from './bundle-key.mjs';

const BUILD_SCRIPT = fileURLToPath(new URL('./build-bundle.mjs', import.meta.url));

/** Where bundles are kept: inside the project's node_modules, so the packages they import resolve from there. */
export const BUNDLE_DIR = fileURLToPath(new URL('../../node_modules/.cache/etap/', import.meta.url));

/**
 * Bundles not used for this long, and not current, are deleted when a new one is built. A
 * bundle is marked used (its folder's time set to now) whenever a process loads it: a process
 * loads the chunks of its bundle as it needs them (a command's services, the pipeline when a
 * worker dies), so a bundle must outlive the processes running from it, `etap serve` among them.
 */
const KEEP_UNUSED_MS = 24 * 60 * 60 * 1000;

/**
 * The TypeScript module `entry` as one bundled ES module, current with its sources: the bundle
 * made before is used when every file it was made of is unchanged (one read of each, a few
 * milliseconds), and built again otherwise, by esbuild in a child process (a few hundred
 * milliseconds, once per change). Undefined when it cannot be had (esbuild missing, the directory
 * not writable, a build error), or not wanted (ETAP_BUNDLE=0): the caller then loads the entry
 * through the TypeScript loader.
 *
 * Why: through tsx, each of a program's modules is loaded through the loader's own thread. An
 * extraction worker (~150 modules) took about a second to be ready, bundled about 0.6 s; `etap
 * --help` took a second, bundled a third of that.
 *
 * @param {URL} entry
 * @param {{ dir?: string }} [options] `dir`: where bundles are kept (default BUNDLE_DIR)
 * @returns {URL | undefined}
 */
export function moduleBundle(entry, options = {}) {
  if (process.env.ETAP_BUNDLE === '0') return undefined;
  const dir = options.dir ?? BUNDLE_DIR;
  const name = basename(fileURLToPath(entry)).replace(/\.[^.]+$/, '');
  try {
    const bundle = currentBundle(dir, name, fileURLToPath(entry)) ?? (writable(dir) ? buildBundle(entry, dir, name) : undefined);
    return bundle === undefined ? undefined : pathToFileURL(bundle);
  } catch {
    return undefined;
  }
}

/**
 * True when bundles can be written in `dir` (made if missing). Where they cannot (a read-only
 * install), a build would fail only after esbuild had run in a child process, on every start.
 */
function writable(dir) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The bundle made before, if it is still what its inputs make. */
function currentBundle(dir, name, entryPath) {
  try {
    const { inputs } = JSON.parse(readFileSync(join(dir, manifestName(name, entryPath)), 'utf8'));
    const folder = join(dir, `${name}-${bundleKey(inputs)}`);
    const bundle = join(folder, `${name}.mjs`);
    if (!existsSync(bundle)) return undefined;
    markUsed(folder);
    return bundle;
  } catch {
    // No bundle yet, or an input gone: build.
    return undefined;
  }
}

function markUsed(folder) {
  try {
    const now = new Date();
    utimesSync(folder, now, now);
  } catch {
    // Read-only: it is only kept the shorter.
  }
}

function buildBundle(entry, dir, name) {
  const bundle = execFileSync(process.execPath, [BUILD_SCRIPT, fileURLToPath(entry), dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  pruneOld(dir, name, bundle);
  return bundle;
}

/** After `<entry name>-`: a bundle's key, and `.<pid>.tmp` on one a build left half-written (`.mjs` on the one-file bundles of before). */
const BUNDLE_NAME = /^[0-9a-f]{16}(?:\.\d+\.tmp|\.mjs)?$/;

/** Deletes the entry's earlier bundles (and any left half-written), but not ones used lately: a process may be running from one. */
function pruneOld(dir, name, keep) {
  for (const file of readdirSync(dir)) {
    const path = join(dir, file);
    if (path === dirname(keep) || !file.startsWith(`${name}-`) || !BUNDLE_NAME.test(file.slice(name.length + 1))) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_UNUSED_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Deleted by another process meanwhile.
    }
  }
}
