import type { Command } from 'commander';
import { withStore } from '../store-options.js';

/** Loaded when a command runs, not when the CLI starts: grouping reads the gazetteer and the lexicons. */
const groupService = () => import('../../services/group.service.js');

/** `etap series`: population figures as time series by scope and issuer. */
export function registerSeries(program: Command): void {
  program
    .command('series')
    .description('population figures over time, one series per scope (whole system, colonies, a region, a facility) and issuer')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { listSeries } = await groupService();
      const series = await withStore(command, (store) => listSeries(store));
      if (options.json) return void process.stdout.write(`${JSON.stringify(series, null, 2)}\n`);
      for (const s of series) {
        process.stdout.write(`${s.scope} — ${s.issuer}\n`);
        for (const p of s.points) {
          process.stdout.write(`  ${(p.asOf + (p.asOfImplied ? '*' : '')).padEnd(12)} ${(p.approximate ? '~' : '') + p.value.toLocaleString('en')}  ${p.claimId}\n`);
        }
      }
      process.stdout.write(`${series.length} series (* as-of is the publication date)\n`);
    });
}
