import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { Store } from '../store/index.js';
import type { DashboardConfig } from './contract.js';
import { claimRoutes } from './routes/claims.route.js';
import { knowledgeRoutes } from './routes/knowledge.route.js';
import { overviewRoutes } from './routes/overview.route.js';
import { reportRoutes } from './routes/reports.route.js';
import { reviewRoutes } from './routes/review.route.js';

/** The built dashboard (`npm run build:web`). */
export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export const BASEMAP_ATTRIBUTION = 'Country outlines: Natural Earth (public domain), via world-atlas (ISC)';

/** What every route plugin gets. */
export interface ApiContext {
  store: Store;
}

export interface ServerOptions {
  store: Store;
  /** Where the built dashboard is; default WEB_ROOT. The API works without it. */
  webRoot?: string;
  /** Raster tile URL template for the map, e.g. `https://tiles.example.org/{z}/{x}/{y}.png`. */
  tileUrl?: string;
  logger?: boolean;
}

/**
 * The HTTP face of etap: the JSON API under `/api` (OpenAPI document at `/api/openapi.json`)
 * and the dashboard as static files. Every parameter is checked against its JSON schema, and
 * unknown parameters are refused rather than ignored, so a typo is a 400, not a silent no-op.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Single values of array parameters (`?type=transfer`) become one-item arrays.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    bodyLimit: 64 * 1024,
  });
  const csp = contentSecurityPolicy(options.tileUrl);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', csp);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: error.message });
    const status = error.statusCode ?? 500;
    if (status < 500) return reply.code(status).send({ statusCode: status, error: 'Bad Request', message: error.message });
    request.log.error(error);
    return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'internal error; see the server log' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'etap API', version: '0.1.0', description: 'Sourced claims about Russia\'s penal system, extracted from news reports.' },
    },
  });
  const context: ApiContext = { store: options.store };
  await app.register(claimRoutes, context);
  await app.register(reviewRoutes, context);
  await app.register(reportRoutes, context);
  await app.register(overviewRoutes, context);
  await app.register(knowledgeRoutes, context);
  const config: DashboardConfig = { basemapAttribution: BASEMAP_ATTRIBUTION, ...(options.tileUrl ? { tileUrl: options.tileUrl } : {}) };
  app.get('/api/config', { schema: { tags: ['dashboard'], summary: 'settings the dashboard reads' } }, () => config);
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await registerDashboard(app, options.webRoot ?? WEB_ROOT);
  return app;
}

async function registerDashboard(app: FastifyInstance, webRoot: string): Promise<void> {
  if (!existsSync(`${webRoot}/index.html`)) {
    app.get('/', (_request, reply) => reply.type('text/plain').send('The dashboard is not built: run `npm run build:web`. The API is under /api.\n'));
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    setHeaders(res, path) {
      // Vite names assets by content hash, so they never change under the same name.
      if (path.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    },
  });
}

/** No inline scripts, no eval, nothing from elsewhere except the tile server the operator named. */
export function contentSecurityPolicy(tileUrl?: string): string {
  const tiles = tileUrl ? ` ${new URL(tileUrl.replace(/[{}]/g, '')).origin}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data:${tiles}`,
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Starts the server and resolves with its address once it listens. */
export async function startServer(options: ServerOptions & { port?: number; host?: string }): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildServer(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 4310, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return { app, url: `http://${shown}:${port}/` };
}
