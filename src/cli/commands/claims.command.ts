import { Option, type Command } from 'commander';
import { CLAIM_TYPES, type ClaimType } from '../../domain/types.js';
import { listClaims, type ClaimFilters, type StoredClaim } from '../../services/claim-query.service.js';
import { withStore } from '../store-options.js';

/** Adds the claim filters shared by `claims` and `export`. */
export function addClaimFilters(command: Command): Command {
  return command
    .addOption(new Option('--type <type...>', 'claim type(s)').choices(CLAIM_TYPES))
    .option('--place <name>', 'a place named in the claim (any part of the name)')
    .option('--source <name>', 'a source the claim is attributed to (any part of the name)')
    .option('--since <date>', 'claims whose time reaches this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--until <date>', 'claims whose time starts by this date')
    .option('--search <words>', 'words that must all occur in the quote')
    .option('--report <id>', 'claims of one report');
}

/** The filters given on the command line, checked. */
export function claimFilters(options: Record<string, unknown>): ClaimFilters {
  for (const key of ['since', 'until'] as const) {
    const value = options[key];
    if (typeof value === 'string' && !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u.test(value)) throw new Error(`--${key} must be YYYY, YYYY-MM or YYYY-MM-DD, not "${value}"`);
  }
  const str = (key: string) => (typeof options[key] === 'string' ? (options[key] as string) : undefined);
  return {
    type: options.type as ClaimType[] | undefined,
    place: str('place'),
    source: str('source'),
    since: str('since'),
    until: str('until'),
    search: str('search'),
    reportId: str('report'),
  };
}

/** `etap claims`: lists stored claims, as a table or JSON. */
export function registerClaims(program: Command): void {
  addClaimFilters(program.command('claims').description('list stored claims'))
    .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 50)
    .option('--cursor <cursor>', 'continue after a previous page')
    .option('--json', 'print JSON')
    .action(async (options: Record<string, unknown>, command: Command) => {
      const filters = { ...claimFilters(options), limit: options.limit as number, cursor: options.cursor as string | undefined };
      if (!Number.isInteger(filters.limit) || filters.limit < 1) throw new Error('--limit must be a positive whole number');
      const page = await withStore(command, (store) => listClaims(store, filters));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        return;
      }
      for (const claim of page.claims) process.stdout.write(`${formatClaim(claim)}\n`);
      process.stdout.write(`${page.claims.length} claim(s)${page.nextCursor ? `; more with --cursor ${page.nextCursor}` : ''}\n`);
    });
}

function formatClaim(c: StoredClaim): string {
  const names = (label: string, values: { name: string }[]) => (values.length ? ` ${label}: ${values.map((v) => v.name).join('; ')}` : '');
  const count = c.count ? ` count: ${c.count.value ?? ''}${c.count.min !== undefined ? `≥${c.count.min}` : ''}${c.count.max !== undefined ? `≤${c.count.max}` : ''}${c.count.vague ?? ''}` : '';
  const time = c.time ? ` time: ${c.time.start === c.time.end ? c.time.start : `${c.time.start}/${c.time.end}`}` : '';
  return [
    `${c.id}  ${c.type}${c.hedged ? ' (hedged)' : ''}  ${c.report.outlet ?? ''} ${c.report.published ?? ''}`.trimEnd(),
    `  “${c.quote.length > 200 ? `${c.quote.slice(0, 200)}…` : c.quote}”`,
    `  ${`${count}${time}${names('places', c.places)}${names('sources', c.sources)}${names('actors', c.actors)}`.trim()}`,
  ]
    .filter((line) => line.trim())
    .join('\n');
}
