import type { Command } from 'commander';
import { summarize, type StoreSummary } from '../../services/claim-query.service.js';
import { storeLocation, withStore } from '../store-options.js';

/** `etap summary`: what the store holds. */
export function registerSummary(program: Command): void {
  program
    .command('summary')
    .description('count stored reports and claims; top places and sources')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const summary = await withStore(command, (store) => summarize(store));
      if (options.json) return void process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      process.stdout.write(formatSummary(summary, storeLocation(command).label));
    });
}

/** The summary as text. */
export function formatSummary(s: StoreSummary, where: string): string {
  const lines = [
    `database: ${where}`,
    `reports: ${s.reports.total} (${s.reports.extracted} extracted, ${s.reports.notExtracted} not extracted)`,
    `claims: ${s.claims.total}`,
    ...Object.entries(s.claims.byType)
      .sort((a, b) => b[1] - a[1])
      .map(([type, n]) => `  ${type.padEnd(12)} ${n}`),
    'top places:',
    ...s.topPlaces.map((p) => `  ${p.name.padEnd(28)} ${p.claims}`),
    'top sources:',
    ...s.topSources.map((p) => `  ${p.name.padEnd(28)} ${p.claims}`),
  ];
  return `${lines.join('\n')}\n`;
}
