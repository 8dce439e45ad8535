import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { summarize } from '../../services/claim-query.service.js';
import { printIngestSummary, runIngest } from './ingest.command.js';
import { formatSummary } from './summary.command.js';
import { storeLocation, withStore } from '../store-options.js';

const DEMO = fileURLToPath(new URL('../../../demo/reports', import.meta.url));

/** `etap demo` (what `npm start` runs): ingests the demo reports and prints what the store holds. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('ingest the demo reports that ship with etap and print a summary')
    .action(async (_options: unknown, command: Command) => {
      const where = storeLocation(command).label;
      const result = await runIngest(command, [DEMO], {});
      printIngestSummary(result, where);
      if (result.interrupted) return void (process.exitCode = 130);
      const summary = await withStore(command, (store) => summarize(store));
      process.stdout.write(`\n${formatSummary(summary, where)}`);
      // Run by npm (npm start), `etap` is not on the PATH unless linked: the hint says what works.
      const etap = process.env.npm_lifecycle_event ? 'npm run etap --' : 'etap';
      process.stdout.write(`\nNext: ${etap} claims --type transfer · ${etap} export --format csv · ${etap} --help\n`);
      if (result.counts.failed) process.exitCode = 1;
      // On a terminal (npm start), end by serving the dashboard; CI and scripts get the old exit.
      if (process.stdout.isTTY && !process.env.CI) {
        const { serve } = await import('./serve.command.js');
        process.stdout.write(`\nDashboard: ${await serve(command, {})}  (Ctrl-C stops)\n`);
      }
    });
}
