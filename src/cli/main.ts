import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerIngest } from './commands/ingest.command.js';
import { registerExtract } from './commands/extract.command.js';
import { registerClaims } from './commands/claims.command.js';
import { registerExport } from './commands/export.command.js';
import { registerReports } from './commands/reports.command.js';
import { registerDemo } from './commands/demo.command.js';
import { registerSummary } from './commands/summary.command.js';
import { registerServe } from './commands/serve.command.js';
import { registerEntities } from './commands/entities.command.js';
import { registerEvents } from './commands/events.command.js';
import { registerSeries } from './commands/series.command.js';

function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** The etap command line: one sub-command per job, each in its own file. */
const program = new Command()
  .name('etap')
  .description('Turns news reports about Russia’s penal system into a sourced dataset of claims.')
  .version(packageVersion(), '-V, --version', 'print etap’s version')
  .option('--db <path>', 'SQLite database file (ignored when DATABASE_URL is set)', './etap.db')
  .showHelpAfterError();

registerDemo(program);
registerIngest(program);
registerExtract(program);
registerClaims(program);
registerReports(program);
registerSummary(program);
registerExport(program);
registerEvents(program);
registerSeries(program);
registerServe(program);
registerEntities(program);

// A reader that stops early (`etap claims | head`) closes the pipe: stop quietly, as other
// command-line tools do, rather than with an unhandled EPIPE. Whatever a batch had not committed
// is rolled back with the process, as when it is interrupted.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`etap: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
