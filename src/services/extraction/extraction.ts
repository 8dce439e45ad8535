import type { ProcessedReport, ReportInput } from '../../domain/types.js';
import { processReport } from '../../pipeline/configuration.js';

/**
 * Where reports go through the pipeline. Ingest asks for many at once and takes the results in
 * order, so an extraction that runs elsewhere (worker threads) overlaps with storing.
 */
export interface Extraction {
  /** The processed report; rejects with the pipeline's own error when processing throws. */
  process(input: ReportInput): Promise<ProcessedReport>;
  /** Releases what the extraction holds (threads); pending results still arrive. */
  close(): Promise<void>;
}

/** The pipeline run on the calling thread, one report at a time. */
export function inlineExtraction(process: (input: ReportInput) => ProcessedReport = processReport): Extraction {
  return {
    process: async (input) => process(input),
    close: async () => {},
  };
}
