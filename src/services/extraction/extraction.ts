import type { ProcessedReport, ReportInput } from '../../domain/types.js';
import { textFingerprint, type TextFingerprint } from '../../grouping/minhash.js';
import { processReport } from '../../pipeline/configuration.js';

/** A report through the pipeline, with the fingerprint copy detection reads of its text. */
export interface ExtractedReport {
  report: ProcessedReport;
  fingerprint: TextFingerprint;
}

/** The pipeline and then the fingerprint: what an extraction does to one report, wherever it runs. */
export function extractReport(input: ReportInput, process: (input: ReportInput) => ProcessedReport = processReport): ExtractedReport {
  const report = process(input);
  return { report, fingerprint: textFingerprint(report.text) };
}

/**
 * Where reports go through the pipeline. Ingest asks for many at once and takes the results in
 * order, so an extraction that runs elsewhere (worker threads) overlaps with storing.
 */
export interface Extraction {
  /** The processed report; rejects with the pipeline's own error when processing throws. */
  process(input: ReportInput): Promise<ExtractedReport>;
  /**
   * Said when the caller is about to wait for `input`'s result (given to `process` before): an
   * extraction holding it for a thread not ready yet processes it on the calling thread now.
   */
  needNow?(input: ReportInput): void;
  /** Releases what the extraction holds (threads); pending results still arrive. */
  close(): Promise<void>;
}

/** The pipeline run on the calling thread, one report at a time. */
export function inlineExtraction(process: (input: ReportInput) => ProcessedReport = processReport): Extraction {
  return {
    process: async (input) => extractReport(input, process),
    close: async () => {},
  };
}
