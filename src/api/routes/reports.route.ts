import type { FastifyInstance } from 'fastify';
import { getReport, listClaims, listReports, type ReportFilters } from '../../services/claim-query.service.js';
import { withReviews } from '../../services/review.service.js';
import type { ReportPage, ReportResponse } from '../contract.js';
import { idParams, reportListQuery } from '../schemas.js';
import type { ApiContext } from '../server.js';

/** `GET /api/reports` and `GET /api/reports/:id` (text, furniture removed, messages, claims). */
export async function reportRoutes(app: FastifyInstance, { store }: ApiContext): Promise<void> {
  app.get('/api/reports', { schema: { tags: ['reports'], summary: 'reports (without text), one page at a time', querystring: reportListQuery } }, async (request): Promise<ReportPage> =>
    listReports(store, request.query as ReportFilters),
  );

  app.get(
    '/api/reports/:id',
    { schema: { tags: ['reports'], summary: 'a report: canonical text, the furniture cleaning removed, messages, and its first 1000 claims', params: idParams } },
    async (request, reply): Promise<ReportResponse | undefined> => {
      const { id } = request.params as { id: string };
      const report = await getReport(store, id);
      if (!report) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no report ${JSON.stringify(id)}` });
      const page = await listClaims(store, { reportId: id, limit: 1000 });
      return { report, claims: await withReviews(store, page.claims) };
    },
  );
}
