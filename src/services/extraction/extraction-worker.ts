/**
 * The worker side of WorkerExtraction: runs the pipeline on each report it is sent and posts back
 * the processed report (without its original bytes: the caller holds them) and its fingerprint,
 * or the error's message.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ProcessedReport, ReportInput } from '../../domain/types.js';
import type { TextFingerprint } from '../../grouping/minhash.js';
import { processReport } from '../../pipeline/configuration.js';
import { extractReport } from './extraction.js';
import { warmUp } from './warm-up.js';

/** A report to process, numbered so the answer can be matched to it. */
export interface ExtractionRequest {
  id: number;
  input: ReportInput;
}

/** The answer to one request. */
export type ExtractionAnswer =
  | { id: number; report: Omit<ProcessedReport, 'original'>; fingerprint: TextFingerprint }
  | { id: number; error: string };

/** What the worker is started with: the port on which it says, once, that the pipeline is loaded. */
export interface ExtractionWorkerData {
  readiness: MessagePort;
}

function answer(request: ExtractionRequest): ExtractionAnswer {
  try {
    const { report: { original: _original, ...report }, fingerprint } = extractReport(request.input, processReport);
    return { id: request.id, report, fingerprint };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}

if (parentPort) {
  const port = parentPort;
  // Requests come several to a message; each is answered as soon as it is done.
  port.on('message', (requests: ExtractionRequest[]) => {
    for (const request of requests) port.postMessage(answer(request));
  });
  warmUp();
  const { readiness } = workerData as ExtractionWorkerData;
  readiness.postMessage('ready');
  readiness.close();
}
