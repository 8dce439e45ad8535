import { moduleBundle } from '../../src/bundle/module-bundle.mjs';

export type EtapModules = typeof import('./etap-entry.js');

const ENTRY = new URL('./etap-entry.ts', import.meta.url);

/**
 * The parts of etap the benchmarks time, loaded as `etap` runs them: from an esbuild bundle (see
 * moduleBundle), so a figure is the code users run and not the TypeScript loader's translation
 * of it. Through the loader when it cannot be bundled or ETAP_BUNDLE=0; `how` says which, for the
 * benchmark's first line.
 */
export async function etapModules(): Promise<{ etap: EtapModules; how: string }> {
  const bundle = moduleBundle(ENTRY);
  const etap = (await import(bundle?.href ?? ENTRY.href)) as EtapModules;
  return { etap, how: bundle ? 'etap bundled, as the CLI runs it' : 'etap through the TypeScript loader (not bundled)' };
}
