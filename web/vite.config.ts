import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Ships world-atlas's country outlines (Natural Earth, public domain) with the dashboard, so the map needs no network. */
function basemap(): Plugin {
  return {
    name: 'etap-basemap',
    generateBundle() {
      const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
      this.emitFile({ type: 'asset', fileName: 'basemap/countries-50m.json', source: readFileSync(file) });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), basemap()],
  logLevel: 'warn',
  // A production React build even when the build runs inside vitest (which sets NODE_ENV=test).
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Keeps every script an external file: the CSP allows no inline scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
