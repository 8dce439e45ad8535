import { Option, type Command } from 'commander';
import { CLAIM_TYPES } from '../../domain/types.js';
import type { EventSummary } from '../../grouping/event-summary.js';
import type { EventFilters } from '../../services/group.service.js';
import type { StoredClaim } from '../../store/index.js';
import { progress } from '../progress.js';
import { withStore } from '../store-options.js';

/** Loaded when a command runs, not when the CLI starts: grouping reads the gazetteer and the lexicons. */
const groupService = () => import('../../services/group.service.js');

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/u;

/** `etap events`, `etap event ID` and `etap group`: events that group claims from many reports. */
export function registerEvents(program: Command): void {
  program
    .command('events')
    .description('list events: claims from several reports about one happening, with their independent origins')
    .addOption(new Option('--type <type...>', 'event type(s)').choices(CLAIM_TYPES))
    .option('--place <name>', 'a place named in the event (any part of the name)')
    .option('--since <date>', 'events whose time reaches this date')
    .option('--until <date>', 'events whose time starts by this date')
    .option('--min-origins <n>', 'at least this many independent origins', (v) => Number.parseInt(v, 10))
    .option('--min-reports <n>', 'at least this many reports (copies counted once)', (v) => Number.parseInt(v, 10))
    .option('--limit <n>', 'how many', (v) => Number.parseInt(v, 10), 50)
    .option('--json', 'print JSON')
    .action(async (options: Record<string, unknown>, command: Command) => {
      const { listEvents } = await groupService();
      const events = await withStore(command, (store) => listEvents(store, eventFilters(options)));
      if (options.json) return void process.stdout.write(`${JSON.stringify(events, null, 2)}\n`);
      for (const event of events) process.stdout.write(`${formatEventLine(event)}\n`);
      process.stdout.write(`${events.length} event(s)\n`);
    });

  program
    .command('event <id>')
    .description('show one event: its claims and reports, origins and conflicts')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const { getEvent } = await groupService();
      const found = await withStore(command, (store) => getEvent(store, id));
      if (!found) throw new Error(`no event ${id}`);
      if (options.json) return void process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
      process.stdout.write(formatEvent(found.event, found.claims));
    });

  program
    .command('group')
    .description('regroup every stored report from scratch (copies and events); ingest groups as it goes')
    .action(async (_options: unknown, command: Command) => {
      const { regroupAll } = await groupService();
      const bar = progress('group');
      const result = await withStore(command, (store) => regroupAll(store, { onReport: (id) => bar.tick(id) })).finally(() => bar.stop());
      process.stdout.write(`grouped ${result.reports} report(s): ${result.events} event(s), ${result.multiReport} told by more than one report\n`);
    });
}

/** The event filters given on the command line, checked. */
export function eventFilters(options: Record<string, unknown>): EventFilters {
  for (const key of ['since', 'until'] as const) {
    const value = options[key];
    if (typeof value === 'string' && !DATE.test(value)) throw new Error(`--${key} must be YYYY, YYYY-MM or YYYY-MM-DD, not "${value}"`);
  }
  for (const key of ['minOrigins', 'minReports', 'limit'] as const) {
    const value = options[key];
    if (value !== undefined && (!Number.isInteger(value) || (value as number) < 0)) throw new Error(`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be a whole number`);
  }
  const filters: EventFilters = {};
  if (options.type) filters.type = options.type as string[];
  for (const key of ['place', 'since', 'until'] as const) if (typeof options[key] === 'string') filters[key] = options[key] as string;
  if (options.minOrigins !== undefined) filters.minOrigins = options.minOrigins as number;
  if (options.minReports !== undefined) filters.minReports = options.minReports as number;
  if (options.limit !== undefined) filters.limit = options.limit as number;
  return filters;
}

function timeOf(event: EventSummary): string {
  if (!event.time) return 'undated';
  return event.time.start === event.time.end ? event.time.start : `${event.time.start}/${event.time.end}`;
}

/** One line per event: id, type, time, places, "N reports, K independent origins: …". */
export function formatEventLine(event: EventSummary): string {
  const places = event.places.slice(0, 3).map((p) => p.name).join(', ');
  const origins = event.origins.filter((o) => o.independent).map((o) => o.name).join('; ');
  const conflicts = event.conflicts.length > 0 ? '  ⚠ conflicting counts' : '';
  return `${event.id}  ${event.type}  ${timeOf(event)}  ${places || '-'}  ${event.reports} report(s), ${event.independentOrigins} independent origin(s): ${origins}${conflicts}`;
}

/** An event in full: its origins, conflicts side by side, and its claims with their reports. */
export function formatEvent(event: EventSummary, claims: readonly StoredClaim[]): string {
  const lines = [
    `${event.id}  ${event.types.join('/')}  ${timeOf(event)}`,
    `places: ${event.places.map((p) => `${p.name} (${p.claims})`).join(', ') || '-'}`,
    `${event.claims} claim(s) in ${event.reports} report(s)${event.copies ? ` and ${event.copies} cop${event.copies === 1 ? 'y' : 'ies'}` : ''}: ${event.reportIds.join(', ')}`,
    `${event.independentOrigins} independent origin(s):`,
    ...event.origins.map((o) => `  ${o.independent ? '•' : '◦'} ${o.name}${o.via ? ` via ${o.via.join(', ')}` : ''}  [${o.kind}; ${o.reports} report(s), ${o.claims} claim(s)]${o.independent ? '' : ' (not counted: unnamed or unattributed)'}`),
  ];
  for (const conflict of event.conflicts) {
    lines.push(`conflict in ${conflict.slot}:`);
    for (const side of conflict.sides) lines.push(`  “${side.value}” — ${side.origins.join('; ')} (${side.reports.join(', ')})`);
  }
  lines.push('claims:');
  for (const claim of claims) {
    lines.push(`  ${claim.id}  ${claim.type}  ${claim.report.outlet ?? ''} ${claim.report.published ?? ''}`.trimEnd());
    lines.push(`    “${claim.quote.length > 160 ? `${claim.quote.slice(0, 160)}…` : claim.quote}”`);
  }
  return `${lines.join('\n')}\n`;
}
