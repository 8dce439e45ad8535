import { sql, type Kysely, type Selectable } from 'kysely';
import type { ClaimSlot, Database, EntityDecisionTable, EntityTable } from './database.js';
import type { StoreDialect } from './dialect.js';

/** An entity as stored, with how many claims name it and the names they use. */
export interface StoredEntity {
  id: string;
  kind: string;
  name: string;
  attributes: Record<string, unknown>;
  mergedInto?: string;
  claims: number;
  /** Names claims give it, most used first. */
  aliases: string[];
}

export interface EntityFilters {
  kind?: string;
  /** Substring of the entity's name or of any name claims give it, ignoring case. */
  search?: string;
  /** Include entities merged into others (default false). */
  merged?: boolean;
  limit?: number;
}

export type EntityDecision = Selectable<EntityDecisionTable>;
export type NewEntity = Omit<Selectable<EntityTable>, 'merged_into'>;

/** A resolved id as claims carry it, with the slot and canonical name of one of its mentions. */
export interface SeenEntity {
  id: string;
  slot: ClaimSlot;
  canonicalName: string | null;
  name: string;
}

/** Entities, the claims that name them, and the merge/split decisions over them. */
export class EntityRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
  ) {}

  /** Adds entities not stored yet; existing rows (and their merges) are kept. */
  async insertMissing(entities: readonly NewEntity[]): Promise<void> {
    for (let i = 0; i < entities.length; i += 200) {
      const chunk = entities.slice(i, i + 200);
      if (chunk.length) await this.db.insertInto('entities').values(chunk).onConflict((oc) => oc.column('id').doNothing()).execute();
    }
  }

  /** Every resolved id the claims carry, with a mention of each, that has no entity row yet. */
  async unseenEntities(): Promise<SeenEntity[]> {
    const rows = await this.db
      .selectFrom('claim_values')
      .leftJoin('entities', 'entities.id', 'claim_values.entity_id')
      .select(['claim_values.entity_id as id', 'claim_values.slot as slot', 'claim_values.name as name'])
      .select((eb) => eb.fn.max('claim_values.canonical_name').as('canonical'))
      .where('claim_values.entity_id', 'is not', null)
      .where('entities.id', 'is', null)
      .groupBy(['claim_values.entity_id', 'claim_values.slot', 'claim_values.name'])
      .execute();
    const seen = new Map<string, SeenEntity>();
    for (const row of rows) if (!seen.has(row.id!)) seen.set(row.id!, { id: row.id!, slot: row.slot, name: row.name, canonicalName: row.canonical ?? null });
    return [...seen.values()];
  }

  async get(id: string): Promise<StoredEntity | undefined> {
    const row = await this.db.selectFrom('entities').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return (await this.decorate([row]))[0];
  }

  /** Entities by kind and name, with claim counts, most claimed first. */
  async list(filters: EntityFilters = {}): Promise<StoredEntity[]> {
    let query = this.db.selectFrom('entities').selectAll('entities');
    if (filters.kind) query = query.where('entities.kind', '=', filters.kind);
    if (!filters.merged) query = query.where('entities.merged_into', 'is', null);
    if (filters.search) {
      const pattern = `%${filters.search.toLowerCase().replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(sql`lower("entities"."name")`, 'like', sql`${pattern} escape '\\'`),
          eb.exists(
            eb
              .selectFrom('claim_values')
              .select('claim_values.claim_id')
              .whereRef('claim_values.entity_id', '=', 'entities.id')
              .where(sql<boolean>`"claim_values"."names_folded" like ${pattern} escape '\\'`),
          ),
        ]),
      );
    }
    const rows = await query.execute();
    const entities = await this.decorate(rows);
    entities.sort((a, b) => b.claims - a.claims || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return entities.slice(0, filters.limit ?? 1000);
  }

  /** Ids of the claims that name the entity, or a person who speaks for it (Romanova for Russia Behind Bars), in report order. */
  async claimIds(id: string, limit = 500): Promise<string[]> {
    const rows = await this.db
      .selectFrom('claim_values')
      .innerJoin('claims', 'claims.id', 'claim_values.claim_id')
      .select('claims.id')
      .distinct()
      .select('claims.seq')
      .where((eb) => eb.or([eb('claim_values.entity_id', '=', id), eb('claim_values.affiliation', '=', id)]))
      .orderBy('claims.seq')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async addDecision(decision: Omit<EntityDecision, 'seq'>): Promise<void> {
    await this.db.insertInto('entity_decisions').values(decision).execute();
  }

  async decisions(): Promise<EntityDecision[]> {
    return this.db.selectFrom('entity_decisions').selectAll().orderBy('seq').execute();
  }

  /**
   * Recomputes every claim value's `entity_id` from the resolver's id and the decisions, in
   * order, and marks merged entities. Idempotent: run it after any ingest or decision.
   */
  async replay(decisions: readonly EntityDecision[]): Promise<void> {
    await this.db.updateTable('claim_values').set((eb) => ({ entity_id: eb.ref('resolved_entity_id') })).where('resolved_entity_id', 'is not', null).execute();
    await this.db.updateTable('entities').set({ merged_into: null }).where('merged_into', 'is not', null).execute();
    for (const d of decisions) {
      if (d.action === 'merge') {
        await this.db.updateTable('claim_values').set({ entity_id: d.entity_id }).where('entity_id', '=', d.other_id).execute();
        await this.db.updateTable('entities').set({ merged_into: d.entity_id }).where('id', '=', d.other_id).execute();
        // Whatever was merged into the absorbed entity follows it.
        await this.db.updateTable('entities').set({ merged_into: d.entity_id }).where('merged_into', '=', d.other_id).execute();
      } else {
        const names = JSON.parse(d.names ?? '[]') as string[];
        if (!names.length) continue;
        // Names as written (SQLite's lower() folds only ASCII, so no case folding here).
        await this.db.updateTable('claim_values').set({ entity_id: d.other_id }).where('entity_id', '=', d.entity_id).where('name', 'in', names).execute();
        // Splitting back out what a merge absorbed undoes the merge.
        await this.db.updateTable('entities').set({ merged_into: null }).where('id', '=', d.other_id).execute();
      }
    }
  }

  private async decorate(rows: readonly Selectable<EntityTable>[]): Promise<StoredEntity[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const names = new Map<string, { name: string; n: number }[]>();
    const counts = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const aliasRows = await this.db
        .selectFrom('claim_values')
        .select(['entity_id', 'name'])
        .select((eb) => eb.fn.count<number>('claim_id').as('n'))
        .where('entity_id', 'in', chunk)
        .groupBy(['entity_id', 'name'])
        .execute();
      for (const r of aliasRows) {
        const list = names.get(r.entity_id!) ?? [];
        list.push({ name: r.name, n: Number(r.n) });
        names.set(r.entity_id!, list);
      }
      const countRows = await this.db
        .selectFrom('claim_values')
        .select('entity_id')
        .select((eb) => eb.fn.count<number>('claim_id').distinct().as('n'))
        .where('entity_id', 'in', chunk)
        .groupBy('entity_id')
        .execute();
      for (const r of countRows) counts.set(r.entity_id!, Number(r.n));
    }
    return rows.map((row) => {
      const entity: StoredEntity = {
        id: row.id,
        kind: row.kind,
        name: row.name,
        attributes: row.attributes ? (JSON.parse(row.attributes) as Record<string, unknown>) : {},
        claims: counts.get(row.id) ?? 0,
        aliases: (names.get(row.id) ?? []).sort((a, b) => b.n - a.n || a.name.localeCompare(b.name)).map((a) => a.name),
      };
      if (row.merged_into) entity.mergedInto = row.merged_into;
      return entity;
    });
  }
}
