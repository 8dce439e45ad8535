import type { FastifyInstance } from 'fastify';
import { reviewClaim, reviewTrail, type ReviewRequest } from '../../services/review.service.js';
import type { ReviewRecord, ReviewResponse } from '../contract.js';
import { idParams, reviewBody } from '../schemas.js';
import type { ApiContext } from '../server.js';

/** Review actions on a claim, and its audit trail. */
export async function reviewRoutes(app: FastifyInstance, { store }: ApiContext): Promise<void> {
  app.post(
    '/api/claims/:id/review',
    { schema: { tags: ['review'], summary: 'confirm, reject or correct a claim; the change is added to its audit trail', params: idParams, body: reviewBody } },
    async (request, reply): Promise<ReviewResponse | undefined> => {
      const { id } = request.params as { id: string };
      const body = request.body as ReviewRequest;
      if (body.action === 'correct' && !body.slots) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: 'body/slots is required when action is "correct"' });
      const result = await reviewClaim(store, id, body);
      if (!result) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no claim ${JSON.stringify(id)}` });
      return reply.code(201).send({ ...result, trail: await reviewTrail(store, id) });
    },
  );

  app.get(
    '/api/claims/:id/review',
    { schema: { tags: ['review'], summary: 'the claim\'s audit trail, oldest first (also kept for claims a re-extraction dropped)', params: idParams } },
    async (request): Promise<{ trail: ReviewRecord[] }> => ({ trail: await reviewTrail(store, (request.params as { id: string }).id) }),
  );
}
