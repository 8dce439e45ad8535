import type { TestProject } from 'vitest/node';
import { skipPostgres, startPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A running test PostgreSQL server (no database name), shared by every test file. */
    etapPostgresServer: string | undefined;
  }
}

/**
 * Vitest globalSetup: one PostgreSQL server for the whole run instead of one per test file.
 * Optional: without it, `useStores` starts a server per file.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (skipPostgres) return undefined;
  const postgres = await startPostgres();
  project.provide('etapPostgresServer', postgres.server);
  return () => postgres.stop();
}
