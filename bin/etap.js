#!/usr/bin/env node
// Runs the TypeScript CLI without a build step: from one module bundled by esbuild (made on the
// first run and again whenever a source changes; see src/bundle/module-bundle.mjs), or, when it
// cannot be bundled or ETAP_BUNDLE is 0, through tsx's loader, which takes about a second longer
// to load it.
import { moduleBundle } from '../src/bundle/module-bundle.mjs';

const CLI = new URL('../src/cli/main.ts', import.meta.url);
const bundle = process.env.ETAP_BUNDLE === '0' ? undefined : moduleBundle(CLI);
if (bundle) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(CLI.href);
}
