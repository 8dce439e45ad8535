import type { Command } from 'commander';
import { getReport, listReports } from '../../services/claim-query.service.js';
import { withStore } from '../store-options.js';

/** `etap reports` and `etap report ID`: what was ingested, with messages and removed furniture. */
export function registerReports(program: Command): void {
  program
    .command('reports')
    .description('list stored reports')
    .option('--search <words>', 'words in the title or text')
    .option('--json', 'print JSON')
    .action(async (options: { search?: string; json?: boolean }, command: Command) => {
      const page = await withStore(command, (store) => listReports(store, { search: options.search, limit: 1000 }));
      if (options.json) return void process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
      for (const r of page.reports) {
        process.stdout.write(`${r.id}  ${r.language}${r.extracted ? '' : ' (not extracted)'}  ${r.published ?? '-'}  ${r.outlet ?? '-'}  ${r.title ?? r.origin}\n`);
      }
    });
  program
    .command('report')
    .description('show one stored report: metadata, messages, canonical text and what cleaning removed')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const report = await withStore(command, (store) => getReport(store, id));
      if (!report) throw new Error(`no report with id "${id}"`);
      if (options.json) return void process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      const lines = [
        report.title ? `${report.id} — ${report.title}` : report.id,
        [report.outlet ?? 'outlet not known', report.published ? `published ${report.published}` : 'publication date not known', report.url].filter(Boolean).join(' · '),
        `from ${report.origin}; language ${report.language}, ${report.encoding}, sha256 ${report.sha256}`,
      ];
      for (const m of report.messages) lines.push(`! ${m.severity} ${m.rule}: ${m.reason}`);
      lines.push('', report.text, '', `removed as furniture (${report.furniture.length}):`);
      for (const f of report.furniture) lines.push(`  [${f.rule}] ${f.text.replace(/\s+/gu, ' ').slice(0, 100)}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
