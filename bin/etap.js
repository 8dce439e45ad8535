#!/usr/bin/env node
// Runs the TypeScript CLI without a build step: from one module bundled by esbuild (made on the
// first run and again whenever a source changes; see src/bundle/module-bundle.mjs), or, when it
// cannot be bundled or ETAP_BUNDLE is 0 (moduleBundle gives none), through tsx's loader, which
// takes about a second longer to load it.
import { moduleBundle } from '../src/bundle/module-bundle.mjs';

const CLI = new URL('../src/cli/main.ts', import.meta.url);
const bundle = moduleBundle(CLI);
if (bundle) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(CLI.href);
}
