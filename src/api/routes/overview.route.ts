import type { FastifyInstance } from 'fastify';
import { summarize } from '../../services/claim-query.service.js';
import { mapView, seriesView, timelineView, type OverviewFilters } from '../../services/overview.service.js';
import { overviewQuery, seriesQuery } from '../schemas.js';
import type { ApiContext } from '../server.js';

/** The dashboard's aggregates: summary, map, timeline, series. */
export async function overviewRoutes(app: FastifyInstance, { store }: ApiContext): Promise<void> {
  app.get('/api/summary', { schema: { tags: ['overview'], summary: 'reports and claims by type, top places and sources' } }, () => summarize(store));

  app.get(
    '/api/map',
    { schema: { tags: ['overview'], summary: 'places with coordinates and claim counts by type; transfer arrows from origin to destination', querystring: overviewQuery } },
    (request) => mapView(store, request.query as OverviewFilters),
  );

  app.get(
    '/api/timeline',
    { schema: { tags: ['overview'], summary: 'claims per month (of the start of their time) by type', querystring: overviewQuery } },
    (request) => timelineView(store, request.query as OverviewFilters),
  );

  app.get(
    '/api/series',
    { schema: { tags: ['overview'], summary: 'population (or recruitment) figures as points linked to their claims, grouped by scope and issuer', querystring: seriesQuery } },
    (request) => {
      const { type, limit, ...filters } = request.query as OverviewFilters & { type: 'population' | 'recruitment'; limit?: number };
      return seriesView(store, type, filters, limit);
    },
  );
}
