import type { Command } from 'commander';
import { withStore } from '../store-options.js';

/** Loaded when a command runs, not when the CLI starts: entities read the gazetteer. */
const entityService = () => import('../../services/entity.service.js');

/** `etap entities [--kind] [--search]`, `etap entities merge|split|decisions`, `etap entity ID`: the things claims name, and users' decisions about them. */
export function registerEntities(program: Command): void {
  const entities = program
    .command('entities')
    .description('list places, facilities, organisations and people named in claims, with aliases and claim counts')
    .option('--kind <kind>', 'place, facility, organisation or person')
    .option('--search <text>', 'part of a name or of any name claims give it')
    .option('--merged', 'include entities merged into others')
    .option('--json', 'print JSON')
    .action(async (options: { kind?: string; search?: string; merged?: boolean; json?: boolean }, command: Command) => {
      const { listEntities } = await entityService();
      const list = await withStore(command, (store) => listEntities(store, options));
      if (options.json) return void process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      for (const e of list) {
        const aliases = e.aliases.filter((a) => a !== e.name).slice(0, 6);
        process.stdout.write(`${e.id}  ${e.kind}  ${e.name}  (${e.claims} claim${e.claims === 1 ? '' : 's'})${aliases.length ? `  aka ${aliases.join('; ')}` : ''}${e.mergedInto ? `  → ${e.mergedInto}` : ''}\n`);
      }
    });
  entities
    .command('merge')
    .description('record that ABSORBED is the same thing as KEPT (kept across re-ingest)')
    .argument('<kept>')
    .argument('<absorbed>')
    .option('--note <text>', 'why')
    .action(async (kept: string, absorbed: string, options: { note?: string }, command: Command) => {
      const { mergeEntities } = await entityService();
      await withStore(command, (store) => mergeEntities(store, kept, absorbed, options.note));
      process.stdout.write(`merged ${absorbed} into ${kept}\n`);
    });
  entities
    .command('split')
    .description("record that ID's mentions written as NAMES are another thing (--to an existing entity, else a new one)")
    .argument('<id>')
    .argument('<names...>')
    .option('--to <id>', 'the entity those mentions belong to')
    .option('--note <text>', 'why')
    .action(async (id: string, names: string[], options: { to?: string; note?: string }, command: Command) => {
      const { splitEntity } = await entityService();
      const to = await withStore(command, (store) => splitEntity(store, id, names, options.to, options.note));
      process.stdout.write(`split ${names.join(', ')} from ${id} into ${to}\n`);
    });
  entities
    .command('decisions')
    .description('list merge and split decisions, oldest first')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { listDecisions } = await entityService();
      const list = await withStore(command, (store) => listDecisions(store));
      if (options.json) return void process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      for (const d of list) process.stdout.write(`${d.decided_at}  ${d.action}  ${d.entity_id}  ${d.other_id}${d.names ? `  ${d.names}` : ''}${d.note ? `  (${d.note})` : ''}\n`);
    });
  program
    .command('entity')
    .description('show one entity with its names, attributes and claims')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const { getEntity } = await entityService();
      const entity = await withStore(command, (store) => getEntity(store, id));
      if (!entity) throw new Error(`no entity with id "${id}"`);
      if (options.json) return void process.stdout.write(`${JSON.stringify(entity, null, 2)}\n`);
      const lines = [`${entity.id} — ${entity.name} (${entity.kind})${entity.mergedInto ? `, merged into ${entity.mergedInto}` : ''}`];
      lines.push(`named as: ${entity.aliases.join('; ') || '-'}`);
      for (const [key, value] of Object.entries(entity.attributes)) if (key !== 'aliases') lines.push(`${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
      lines.push('', `claims (${entity.claims}):`);
      for (const c of entity.claimList) lines.push(`  ${c.id}  ${c.type}  ${c.quote.replace(/\s+/gu, ' ').slice(0, 120)}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
