import type { Command } from 'commander';
import { toGuideReport } from '../../domain/guide.js';
import { addMetaOptions, metaOverrides } from '../meta-options.js';

/** Loaded when a command runs, not when the CLI starts: the pipeline builds its lexicons and reads the gazetteer as it loads. */
const pipelineModules = () => Promise.all([import('../../input/read-sources.js'), import('../../pipeline/configuration.js')]);

/** `etap extract FILE...`: runs the pipeline without a database and prints the claims. */
export function registerExtract(program: Command): void {
  addMetaOptions(
    program
      .command('extract')
      .description('extract claims without storing them')
      .argument('<paths...>', 'files, folders or - for stdin')
      .option('--json', 'one JSON line per report, {id, claims} in the GUIDE shape (../shared/eval/score.mjs reads it)'),
  ).action(async (paths: string[], options: Record<string, unknown>) => {
    const overrides = metaOverrides(options);
    const [{ readSources }, { processReport }] = await pipelineModules();
    let failed = 0;
    for await (const item of readSources(paths, { overrides })) {
      if (!item.ok) {
        failed++;
        process.stderr.write(`etap: ${item.origin}: ${item.reason}\n`);
        continue;
      }
      const report = processReport(item.input);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(toGuideReport(report.id, report.meta.published, report.claims))}\n`);
        continue;
      }
      process.stdout.write(`# ${report.id} (${report.language}${report.extracted ? '' : ', not extracted'}) — ${report.claims.length} claim(s)\n`);
      for (const m of report.messages.filter((x) => x.severity !== 'info')) process.stdout.write(`  ! ${m.rule}: ${m.reason}\n`);
      for (const c of report.claims) {
        const count = c.count ? ` [${c.count.value ?? ''}${c.count.min !== undefined ? `≥${c.count.min}` : ''}${c.count.max !== undefined ? `≤${c.count.max}` : ''}${c.count.vague ?? ''}]` : '';
        const time = c.time ? ` (${c.time.start === c.time.end ? c.time.start : `${c.time.start}/${c.time.end}`})` : '';
        process.stdout.write(`  ${c.type}${count}${time} @${c.start}-${c.end}: ${c.quote.slice(0, 140)}\n`);
      }
    }
    if (failed) process.exitCode = 1;
  });
}
