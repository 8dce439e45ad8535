import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { openCommandStore } from '../store-options.js';

/** Loaded when a command runs, not when the CLI starts: the API loads grouping and the gazetteer. */
const serverModules = () => Promise.all([import('../../api/server.js'), import('../../services/overview.service.js')]);

export interface ServeOptions {
  port?: number;
  host?: string;
  tiles?: string;
}

/**
 * Opens the CLI's store and serves the API and dashboard until the process is stopped; builds
 * the dashboard first when `web/dist` is missing (a fresh checkout). Resolves with the URL.
 */
export async function serve(command: Command, options: ServeOptions): Promise<string> {
  const [{ startServer, WEB_ROOT }, { prepareOverviews }] = await serverModules();
  if (!existsSync(`${WEB_ROOT}/index.html`)) await buildDashboard();
  const store = await openCommandStore(command);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ store, port: options.port, host: options.host, tileUrl: options.tiles });
  } catch (error) {
    await store.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(`port ${options.port} on ${options.host ?? '127.0.0.1'} is in use (another etap serve?): pass --port N`);
    throw error;
  }
  // In the background: until it is read, filtered map and timeline views wait for it.
  prepareOverviews(store).catch((error: unknown) => process.stderr.write(`could not read the overview index: ${error instanceof Error ? error.message : String(error)}\n`));
  const stop = async () => {
    await server.app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server.url;
}

async function buildDashboard(): Promise<void> {
  process.stderr.write('building the dashboard (web/dist)…\n');
  try {
    const { buildWeb } = await import('../../../web/build.js');
    await buildWeb();
  } catch (error) {
    process.stderr.write(`could not build the dashboard (${error instanceof Error ? error.message : String(error)}); serving the API only. Run \`npm run build:web\`.\n`);
  }
}

/** `etap serve`: the JSON API and the dashboard on 127.0.0.1 unless told otherwise. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the JSON API (/api, OpenAPI at /api/openapi.json) and the dashboard')
    .option('--port <n>', 'port', (v) => Number.parseInt(v, 10), 4310)
    .option('--host <host>', 'address to bind (0.0.0.0 exposes it to the network)', '127.0.0.1')
    .option('--tiles <url>', 'raster tile URL template for the map, e.g. https://tiles.example.org/{z}/{x}/{y}.png')
    .action(async (options: ServeOptions, command: Command) => {
      if (!Number.isInteger(options.port) || options.port! < 0 || options.port! > 65535) throw new Error('--port must be a whole number 0–65535');
      if (options.tiles !== undefined && !/^https?:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/u.test(options.tiles)) throw new Error('--tiles must be an http(s) URL with {z}, {x} and {y}');
      const url = await serve(command, options);
      process.stdout.write(`etap dashboard: ${url}  (API: ${url}api/, OpenAPI: ${url}api/openapi.json; Ctrl-C stops)\n`);
    });
}
