import type { FastifyInstance } from 'fastify';
import type { ClaimType } from '../../domain/types.js';
import { getReport, listClaims, type ClaimFilters } from '../../services/claim-query.service.js';
import { getReviewedClaim, reviewTrail, withReviews } from '../../services/review.service.js';
import type { ClaimListResponse, ClaimResponse } from '../contract.js';
import { claimListQuery, idParams } from '../schemas.js';
import type { ApiContext } from '../server.js';

/** `GET /api/claims` (the filters of `etap claims`, paged) and `GET /api/claims/:id`. */
export async function claimRoutes(app: FastifyInstance, { store }: ApiContext): Promise<void> {
  app.get('/api/claims', { schema: { tags: ['claims'], summary: 'claims matching the filters, one page at a time', querystring: claimListQuery } }, async (request): Promise<ClaimListResponse> => {
    const query = request.query as ClaimFilters & { type?: ClaimType[] };
    const page = await listClaims(store, query);
    return { claims: await withReviews(store, page.claims), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  });

  app.get(
    '/api/claims/:id',
    { schema: { tags: ['claims'], summary: 'a claim (review applied) with its evidence offsets, its report\'s text and its audit trail', params: idParams } },
    async (request, reply): Promise<ClaimResponse | undefined> => {
      const { id } = request.params as { id: string };
      const claim = await getReviewedClaim(store, id);
      const report = claim && (await getReport(store, claim.reportId));
      if (!claim || !report) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no claim ${JSON.stringify(id)}` });
      return { claim, report, trail: await reviewTrail(store, id) };
    },
  );
}
