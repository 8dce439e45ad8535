import type { FastifyInstance } from 'fastify';
import { getEntity, listEntities, type EntityFilters } from '../../services/entity.service.js';
import { getEvent, listEvents, type EventFilters } from '../../services/group.service.js';
import { entityListQuery, eventListQuery, idParams } from '../schemas.js';
import type { ApiContext } from '../server.js';

const DEFAULT_LIMIT = 100;

interface Page {
  limit?: number;
  cursor?: string;
}

/** One page of an ordered list the services return whole up to a limit: the cursor is an offset. */
async function page<T>(load: (upTo: number) => Promise<T[]>, { limit = DEFAULT_LIMIT, cursor }: Page): Promise<{ items: T[]; nextCursor?: string }> {
  const offset = cursor === undefined ? 0 : Number(cursor);
  const rows = await load(offset + limit + 1);
  const items = rows.slice(offset, offset + limit);
  return rows.length > offset + limit ? { items, nextCursor: String(offset + limit) } : { items };
}

/** Entities (places, facilities, organisations, people) and events (claims grouped across reports). */
export async function knowledgeRoutes(app: FastifyInstance, { store }: ApiContext): Promise<void> {
  app.get('/api/entities', { schema: { tags: ['entities'], summary: 'resolved entities with their aliases and claim counts', querystring: entityListQuery } }, async (request) => {
    const { limit, cursor, ...filters } = request.query as EntityFilters & Page;
    const { items, nextCursor } = await page((upTo) => listEntities(store, { ...filters, limit: upTo }), { limit, cursor });
    return { entities: items, nextCursor };
  });

  app.get('/api/entities/:id', { schema: { tags: ['entities'], summary: 'one entity with its names and claims', params: idParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const entity = await getEntity(store, id);
    return entity ?? reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no entity ${id}` });
  });

  app.get('/api/events', { schema: { tags: ['events'], summary: 'events: claims grouped across reports, with their reports and independent origins', querystring: eventListQuery } }, async (request) => {
    const { limit, cursor, ...filters } = request.query as EventFilters & Page;
    const { items, nextCursor } = await page((upTo) => listEvents(store, { ...filters, limit: upTo }), { limit, cursor });
    return { events: items, nextCursor };
  });

  app.get('/api/events/:id', { schema: { tags: ['events'], summary: 'one event: its claims with their reports, origins and conflicts', params: idParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const event = await getEvent(store, id);
    return event ?? reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no event ${id}` });
  });
}
