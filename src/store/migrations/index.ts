import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import * as initial from './2026-11-23T1900-initial.js';
import * as search from './2026-11-23T1905-search.js';
import * as reviews from './2026-11-23T2000-reviews.js';
import * as entities from './2026-11-23T2010-entities.js';
import * as events from './2026-11-23T2020-events.js';
import * as overviewTallies from './2026-12-06T2100-overview-tallies.js';
import * as groupingIngest from './2026-12-06T2110-grouping-ingest.js';
import * as overviewChanges from './2026-12-07T0100-overview-changes.js';
import * as claimValueIndexes from './2026-12-07T0900-claim-value-indexes.js';
import * as batchHold from './2026-12-07T1100-batch-hold.js';

/** A migration that may ask the dialect for the few statements that differ. */
export interface StoreMigration {
  up(db: Kysely<any>, dialect: StoreDialect): Promise<void>;
  down?(db: Kysely<any>, dialect: StoreDialect): Promise<void>;
}

/** Every migration, by name; names sort in the order they run. Add new ones at the end. */
export const MIGRATIONS: Readonly<Record<string, StoreMigration>> = {
  '2026-11-23T1900-initial': initial,
  '2026-11-23T1905-search': search,
  '2026-11-23T2000-reviews': reviews,
  '2026-11-23T2010-entities': entities,
  '2026-11-23T2020-events': events,
  '2026-12-06T2100-overview-tallies': overviewTallies,
  '2026-12-06T2110-grouping-ingest': groupingIngest,
  '2026-12-07T0100-overview-changes': overviewChanges,
  '2026-12-07T0900-claim-value-indexes': claimValueIndexes,
  '2026-12-07T1100-batch-hold': batchHold,
};

/** Hands Kysely's Migrator the list above (a static list: bundlers and tsx can't scan folders). */
export class StoreMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: StoreDialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const bound: Record<string, Migration> = {};
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      bound[name] = {
        up: (db) => migration.up(db, this.dialect),
        down: migration.down && ((db) => migration.down!(db, this.dialect)),
      };
    }
    return bound;
  }
}
