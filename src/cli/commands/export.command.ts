import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import type { ExportFormat } from '../../services/export.service.js';
import { eventFilters } from './events.command.js';
import { addClaimFilters, claimFilters } from './claims.command.js';
import { withStore } from '../store-options.js';

/** Loaded when a command runs, not when the CLI starts: exports read the gazetteer and the lexicons. */
const exportService = () => import('../../services/export.service.js');

/** `etap export --format json|csv|geojson`: writes stored claims for other tools. */
export function registerExport(program: Command): void {
  addClaimFilters(
    program
      .command('export')
      .description('export stored claims')
      .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'geojson']).default('json'))
      .option('--out <file>', 'write to a file instead of standard output')
      .addOption(new Option('--what <what>', 'claims, or events (filters: --type, --place, --since, --until, --min-origins)').choices(['claims', 'events']).default('claims'))
      .option('--min-origins <n>', 'events: at least this many independent origins', (v) => Number.parseInt(v, 10)),
  ).action(async (options: Record<string, unknown>, command: Command) => {
    const events = options.what === 'events';
    const filters = claimFilters(options);
    const out = typeof options.out === 'string' ? createWriteStream(options.out) : process.stdout;
    const format = options.format as ExportFormat;
    const { exportClaims, exportEvents } = await exportService();
    const n = await withStore(command, (store) => (events ? exportEvents(store, format, eventFilters({ ...options, limit: undefined }), out) : exportClaims(store, format, filters, out)));
    if (out !== process.stdout) {
      out.end();
      await finished(out);
      process.stderr.write(`exported ${n} ${events ? 'event record' : 'claim'}(s) to ${options.out as string}\n`);
    }
  });
}
