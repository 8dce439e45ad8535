import type { EntityDecision, EntityFilters, Store, StoredClaim, StoredEntity } from '../store/index.js';
import type { NewEntity, SeenEntity } from '../store/entity.repository.js';
import { defaultKnowledge, type ResolveKnowledge } from '../pipeline/resolve/resolve.js';

export type { EntityDecision, EntityFilters, StoredEntity };

/** An entity with the claims that name it. */
export interface EntityDetail extends StoredEntity {
  claimList: StoredClaim[];
}

/**
 * Brings the entity table up to date with the claims: every id the resolver gave gets an entity
 * (named and described from the gazetteer, facility registry or organisation list, or, for a
 * facility first seen in reports, from its mentions), then every merge and split decision is
 * replayed over the resolver's ids. Idempotent; run after ingest and before reading entities.
 */
export async function syncEntities(store: Store, knowledge: ResolveKnowledge = defaultKnowledge()): Promise<void> {
  const unseen = await store.entities.unseenEntities();
  const now = new Date().toISOString();
  await store.entities.insertMissing(unseen.map((seen) => describeEntity(seen, knowledge, now)));
  await store.entities.replay(await store.entities.decisions());
}

/** Entities with their aliases and claim counts (`kind`: place, facility, organisation, person). */
export async function listEntities(store: Store, filters: EntityFilters = {}): Promise<StoredEntity[]> {
  await syncEntities(store);
  return store.entities.list(filters);
}

/** One entity with its claims, or undefined. */
export async function getEntity(store: Store, id: string, limit = 200): Promise<EntityDetail | undefined> {
  await syncEntities(store);
  const entity = await store.entities.get(id);
  if (!entity) return undefined;
  const claims = await Promise.all((await store.entities.claimIds(entity.mergedInto ?? id, limit)).map((claimId) => store.claims.get(claimId)));
  return { ...entity, claimList: claims.filter((c): c is StoredClaim => c !== undefined) };
}

/** Records that `absorbed` is the same thing as `kept`: its claims follow `kept`, now and after every re-ingest. */
export async function mergeEntities(store: Store, kept: string, absorbed: string, note?: string): Promise<void> {
  await syncEntities(store);
  if (kept === absorbed) throw new EntityDecisionError(`cannot merge ${kept} into itself`);
  for (const id of [kept, absorbed]) if (!(await store.entities.get(id))) throw new EntityDecisionError(`no entity with id "${id}"`);
  await store.entities.addDecision({ action: 'merge', entity_id: kept, other_id: absorbed, names: null, decided_at: new Date().toISOString(), note: note ?? null });
  await store.entities.replay(await store.entities.decisions());
}

/**
 * Records that the mentions of `id` written as one of `names` are another thing: `target` (an
 * existing entity, e.g. the one a wrong merge absorbed) or a new entity. Returns the id they move to.
 */
export async function splitEntity(store: Store, id: string, names: readonly string[], target?: string, note?: string): Promise<string> {
  await syncEntities(store);
  const entity = await store.entities.get(id);
  if (!entity) throw new EntityDecisionError(`no entity with id "${id}"`);
  // Names match the entity's mentions ignoring case; the decision keeps them as written.
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const exact = entity.aliases.filter((a) => wanted.has(a.toLowerCase()));
  const missing = [...wanted].filter((n) => !exact.some((a) => a.toLowerCase() === n));
  if (!wanted.size || missing.length) throw new EntityDecisionError(`"${id}" has no mentions named ${missing.map((n) => `"${n}"`).join(', ') || '(none given)'}; its names: ${entity.aliases.join(', ')}`);
  const to = target ?? `${id}~${slug(names[0])}`;
  if (to === id) throw new EntityDecisionError('a split needs a different target');
  if (!(await store.entities.get(to))) {
    await store.entities.insertMissing([{ id: to, kind: entity.kind, name: names[0], attributes: JSON.stringify({ splitFrom: id }), created_at: new Date().toISOString() }]);
  }
  await store.entities.addDecision({ action: 'split', entity_id: id, other_id: to, names: JSON.stringify(exact), decided_at: new Date().toISOString(), note: note ?? null });
  await store.entities.replay(await store.entities.decisions());
  return to;
}

/** The decisions users made, oldest first. */
export async function listDecisions(store: Store): Promise<EntityDecision[]> {
  return store.entities.decisions();
}

/** A merge or split that cannot be made (unknown id, name the entity lacks): the user's input, not a bug. */
export class EntityDecisionError extends Error {}

function describeEntity(seen: SeenEntity, knowledge: ResolveKnowledge, now: string): NewEntity {
  const place = knowledge.gazetteer.get(seen.id);
  if (place) {
    const { id, name, aliases, ...rest } = place;
    return { id, kind: 'place', name, attributes: JSON.stringify({ ...rest, aliases: aliases.slice(0, 40) }), created_at: now };
  }
  const facility = knowledge.facilities.get(seen.id);
  if (facility) {
    const { id, name, ...rest } = facility;
    return { id, kind: 'facility', name, attributes: JSON.stringify(rest), created_at: now };
  }
  const agent = knowledge.agents.get(seen.id);
  if (agent) {
    const { id, name, kind, ...rest } = agent;
    return { id, kind: kind === 'person' ? 'person' : 'organisation', name, attributes: JSON.stringify({ type: kind, ...rest }), created_at: now };
  }
  const kind = seen.slot === 'place' ? 'place' : seen.slot === 'facility' ? 'facility' : seen.id.startsWith('person:') ? 'person' : 'organisation';
  return { id: seen.id, kind, name: seen.canonicalName ?? seen.name, attributes: JSON.stringify({ createdFrom: 'mentions' }), created_at: now };
}

function slug(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/gu, '');
}
