import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { exportClaims, type ExportFormat } from '../../services/export.service.js';
import { addClaimFilters, claimFilters } from './claims.command.js';
import { withStore } from '../store-options.js';

/** `etap export --format json|csv|geojson`: writes stored claims for other tools. */
export function registerExport(program: Command): void {
  addClaimFilters(
    program
      .command('export')
      .description('export stored claims')
      .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv', 'geojson']).default('json'))
      .option('--out <file>', 'write to a file instead of standard output'),
  ).action(async (options: Record<string, unknown>, command: Command) => {
    const filters = claimFilters(options);
    const out = typeof options.out === 'string' ? createWriteStream(options.out) : process.stdout;
    const n = await withStore(command, (store) => exportClaims(store, options.format as ExportFormat, filters, out));
    if (out !== process.stdout) {
      out.end();
      await finished(out);
      process.stderr.write(`exported ${n} claim(s) to ${options.out as string}\n`);
    }
  });
}
