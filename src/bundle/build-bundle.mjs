// Bundles a TypeScript entry (the CLI, an extraction worker) into one ES module with esbuild (see
// module-bundle.mjs, which runs this as a child process: esbuild plugins need its asynchronous
// API). Plain JavaScript, so it starts without a TypeScript loader.
//
//   node build-bundle.mjs ENTRY.ts OUT_DIR
//
// Writes the bundle into OUT_DIR/<name>-<key>/: <name>.mjs, and a chunk for each part of the
// program that is only imported dynamically (a CLI command's services, say), so that what a run
// does not use is neither evaluated nor has its packages loaded. Writes OUT_DIR/<name>.<path hash>.inputs.json
// (the files the bundle was made of, to tell later whether it is still current), and prints the
// entry module's path. Packages stay imports (resolved from OUT_DIR, which must lie inside the
// project's node_modules), and each module's import.meta.url is its source file's, so files it
// reads beside itself are found.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleKey, manifestName } from './bundle-key.mjs';

const [entry, outDir] = process.argv.slice(2).map((path) => resolve(path));
const name = basename(entry).replace(/\.[^.]+$/, '');

/** Gives each of the project's modules its own file's import.meta.url instead of the bundle's. */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(builder) {
    builder.onLoad({ filter: /\.(?:[cm]?ts|m?js)$/ }, (args) => {
      const contents = readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js' };
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
  // No keepNames: it names each function made at run time with a defineProperty (every closure made
  // per sentence in the pipeline), and nothing of etap reads a function's name; a stack trace may show
  // "count2" where two modules both have a "count".
  keepNames: false,
  splitting: true,
  outdir: join(outDir, 'out'),
  entryNames: '[name]',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  write: false,
  metafile: true,
  logLevel: 'silent',
  absWorkingDir: dirname(entry),
  plugins: [sourceUrls],
});

const inputs = Object.keys(result.metafile.inputs).map((path) => resolve(dirname(entry), path));
const key = bundleKey(inputs);
const folder = join(outDir, `${name}-${key}`);
// Written aside and renamed, so a process running at the same time never reads half a bundle.
const aside = `${folder}.${process.pid}.tmp`;
for (const file of result.outputFiles) {
  const path = join(aside, relative(join(outDir, 'out'), file.path));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.contents);
}
try {
  renameSync(aside, folder);
} catch (error) {
  // Another process made the same bundle meanwhile: the two are alike, and its is kept.
  rmSync(aside, { recursive: true, force: true });
  if (!existsSync(join(folder, `${name}.mjs`))) throw error;
}
const manifest = join(outDir, manifestName(name, entry));
writeFileSync(`${manifest}.${process.pid}.tmp`, JSON.stringify({ inputs }));
renameSync(`${manifest}.${process.pid}.tmp`, manifest);
process.stdout.write(join(folder, `${name}.mjs`));

