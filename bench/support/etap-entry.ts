// What the benchmarks time of etap, in one module, so that they load it as `etap` runs it (see etap-modules.ts).
export { processReport } from '../../src/pipeline/configuration.js';
export { textFingerprint } from '../../src/grouping/minhash.js';
export { ingest } from '../../src/services/ingest.service.js';
export { openStore } from '../../src/store/index.js';
