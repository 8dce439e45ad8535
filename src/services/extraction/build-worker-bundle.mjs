// Bundles a worker's TypeScript into one ES module with esbuild (see worker-bundle.ts, which runs
// this as a child process: esbuild plugins need its asynchronous API). Plain JavaScript, so it
// starts without a TypeScript loader.
//
//   node build-worker-bundle.mjs ENTRY.ts OUT_DIR
//
// Writes OUT_DIR/<name>-<key>.mjs and OUT_DIR/<name>.inputs.json (the files the bundle was made
// of, to tell later whether it is still current), and prints the bundle's path. Packages stay
// imports (resolved from OUT_DIR, which must lie inside the project's node_modules), and each
// module's import.meta.url is its source file's, so files it reads beside itself are found.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleKey } from './bundle-key.mjs';

const [entry, outDir] = process.argv.slice(2).map((path) => resolve(path));
const name = basename(entry).replace(/\.[^.]+$/, '');

/** Gives each of the project's modules its own file's import.meta.url instead of the bundle's. */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(builder) {
    builder.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
      const contents = readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: 'ts' };
    });
  },
};

const result = await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  keepNames: true,
  write: false,
  metafile: true,
  logLevel: 'silent',
  absWorkingDir: dirname(entry),
  plugins: [sourceUrls],
});

const inputs = Object.keys(result.metafile.inputs).map((path) => resolve(dirname(entry), path));
const key = bundleKey(inputs);
mkdirSync(outDir, { recursive: true });
const bundle = join(outDir, `${name}-${key}.mjs`);
// Written aside and renamed, so a process running at the same time never reads half a file.
const aside = `${bundle}.${process.pid}.tmp`;
writeFileSync(aside, result.outputFiles[0].contents);
renameSync(aside, bundle);
const manifest = join(outDir, `${name}.inputs.json`);
writeFileSync(`${manifest}.${process.pid}.tmp`, JSON.stringify({ inputs }));
renameSync(`${manifest}.${process.pid}.tmp`, manifest);
process.stdout.write(bundle);

