// Entry point of an extraction worker thread. etap runs its TypeScript through tsx without a build
// step; a worker thread does not inherit a loader registered in code, so it registers its own.
import { register } from 'tsx/esm/api';

register();
await import('./extraction-worker.ts');
