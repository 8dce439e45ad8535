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
    ...column(s.topPlaces),
    'top sources:',
    ...column(s.topSources),
  ];
  return `${lines.join('\n')}\n`;
}

/** Longest name shown whole; a longer one is cut, with an ellipsis. */
const NAME_WIDTH = 40;

/** Names and their counts, the counts in one column. */
function column(rows: readonly { name: string; claims: number }[]): string[] {
  const names = rows.map((row) => (row.name.length > NAME_WIDTH ? `${row.name.slice(0, NAME_WIDTH - 1)}…` : row.name));
  const width = Math.max(0, ...names.map((name) => name.length));
  return rows.map((row, i) => `  ${names[i].padEnd(width)}  ${row.claims}`);
}
