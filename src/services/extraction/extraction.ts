import type { ProcessedReport, ReportInput } from '../../domain/types.js';
import { textFingerprint, type TextFingerprint } from '../../grouping/minhash.js';

/** A report through the pipeline, with the fingerprint copy detection reads of its text. */
export interface ExtractedReport {
  report: ProcessedReport;
  fingerprint: TextFingerprint;
}

/** The pipeline: a report's input to the processed report. */
export type Pipeline = (input: ReportInput) => ProcessedReport;

let loading: Promise<Pipeline> | undefined;

/**
 * etap's pipeline (processReport), loaded on first use. Loading it builds the lexicons and
 * patterns and reads the gazetteer, a third of a second of one core: a thread that only stores
 * (ingest's, while workers extract) never needs it, and the CLI's commands that read the store
 * never load it.
 */
export function loadPipeline(): Promise<Pipeline> {
  loading ??= import('../../pipeline/configuration.js').then((module) => module.processReport);
  return loading;
}

/** The pipeline and then the fingerprint: what an extraction does to one report, wherever it runs. */
export function extractReport(input: ReportInput, process: Pipeline): ExtractedReport {
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

/** The pipeline (default: etap's, loaded on the first report) run on the calling thread, one report at a time. */
export function inlineExtraction(process?: Pipeline): Extraction {
  return {
    process: async (input) => extractReport(input, process ?? (await loadPipeline())),
    close: async () => {},
  };
}
