import type { ReportInput } from './types.js';

/**
 * One item a source reader yields: a report ready for the pipeline, or the reason a file,
 * line or record could not be read at all (kept so a batch can report it per item).
 */
export type SourceItem =
  | { ok: true; input: ReportInput }
  | { ok: false; origin: string; reason: string };
