import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ProcessedReport, ReportInput } from '../../domain/types.js';
import { processReport } from '../../pipeline/configuration.js';
import { extractReport, type ExtractedReport, type Extraction } from './extraction.js';
import type { ExtractionAnswer, ExtractionRequest } from './extraction-worker.js';

const ENTRY = new URL('./extraction-worker.mjs', import.meta.url);

export interface WorkerExtractionOptions {
  /** Worker threads to start (at least 1). */
  threads: number;
  /**
   * Reports to process on this thread before the workers are started (default 0). A worker takes
   * a second or two to load and warm up the pipeline, which a short run would only wait for.
   */
  startAfter?: number;
  /** Runs on this thread while no worker is ready yet, and for the reports of a worker that died. Default: processReport. */
  process?: (input: ReportInput) => ProcessedReport;
  /** Told once for each worker that could not start or died; its reports were processed here instead. */
  onLost?: (error: Error) => void;
  /** The worker's script; tests pass one that fails. Default: extraction-worker.mjs. */
  entry?: URL;
}

interface Pending {
  input: ReportInput;
  resolve: (extracted: ExtractedReport) => void;
  reject: (error: Error) => void;
}

/** One worker thread and the requests it has not answered yet. */
interface Thread {
  worker: Worker;
  /** Where the worker says it is ready; read synchronously, see #checkReady. */
  readiness: MessagePort;
  ready: boolean;
  /** Requests given to it, sent or not, by id. */
  pending: Map<number, Pending>;
  /** Requests given to it and not sent yet, in order, and the buffers they move (see #send). */
  outbox: ExtractionRequest[];
  transfers: ArrayBuffer[];
  /** Requests sent and not answered, as far as this thread has heard. */
  sent: number;
}

/**
 * Requests sent to a worker in one message. A message wakes a worker that waits for work, and on
 * a small virtual machine that costs the sending thread about half a millisecond: one a report was
 * a fifth of the storing thread's time. Requests are held until this many wait, or the worker has
 * none left to work on.
 */
const SEND_BATCH = 16;

/**
 * Runs the pipeline in worker threads, so that extraction overlaps with whatever the calling
 * thread does meanwhile (storing, in ingest). Workers take a second or two to load the pipeline;
 * the reports given them meanwhile are held, and the calling thread processes one itself only
 * when it is about to wait for it (`needNow`): it never waits for a worker to start, and never
 * processes a report a worker could have taken. (The pipeline runs slowest in its first hundred
 * reports, while the JIT warms up: a calling thread that processed whatever a worker did not have
 * room for spent seconds doing so, at several times the cost.)
 * A worker that dies loses nothing: the reports it held are processed on the calling thread.
 */
export class WorkerExtraction implements Extraction {
  readonly #threads: Thread[] = [];
  readonly #process: (input: ReportInput) => ProcessedReport;
  readonly #onLost?: (error: Error) => void;
  readonly #entry: URL;
  readonly #inFlight = new Set<Promise<unknown>>();
  #toStart: number;
  #beforeStart: number;
  #nextId = 0;
  #closing = false;

  constructor(options: WorkerExtractionOptions) {
    this.#process = options.process ?? processReport;
    this.#onLost = options.onLost;
    this.#entry = options.entry ?? ENTRY;
    this.#toStart = Math.max(1, options.threads);
    this.#beforeStart = options.startAfter ?? 0;
    if (this.#beforeStart === 0) this.#startWorkers();
  }

  /** Workers started and not lost. */
  get threads(): number {
    return this.#threads.length;
  }

  /** Workers that have loaded the pipeline and take reports. */
  get readyThreads(): number {
    for (const thread of this.#threads) this.#checkReady(thread);
    return this.#threads.filter((thread) => thread.ready).length;
  }

  async process(input: ReportInput): Promise<ExtractedReport> {
    if (this.#beforeStart-- === 0) this.#startWorkers();
    const thread = this.#leastBusy();
    if (!thread) return extractReport(input, this.#process);
    const id = this.#nextId++;
    const answer = new Promise<ExtractedReport>((resolve, reject) => thread.pending.set(id, { input, resolve, reject }));
    // A view's whole buffer would be cloned (a pooled Buffer's 8 KiB, or a whole .jsonl file's bytes
    // for one of its lines): the worker gets a copy of just these bytes, moved rather than cloned.
    const original = new Uint8Array(input.original);
    thread.outbox.push({ id, input: { ...input, original } });
    thread.transfers.push(original.buffer);
    if (thread.ready && (thread.sent === 0 || thread.outbox.length >= SEND_BATCH)) this.#send(thread);
    const forget = () => void this.#inFlight.delete(answer);
    this.#inFlight.add(answer);
    answer.then(forget, forget);
    return answer;
  }

  /**
   * Processes `input` here if it is held for a worker not ready yet; a worker that became ready
   * meanwhile is sent what it holds instead.
   */
  needNow(input: ReportInput): void {
    for (const thread of this.#threads) {
      if (this.#checkReady(thread)) continue;
      const at = thread.outbox.findIndex((request) => thread.pending.get(request.id)?.input === input);
      if (at < 0) continue;
      thread.transfers.splice(at, 1);
      this.#processHere(thread, thread.outbox.splice(at, 1));
      return;
    }
  }

  /** Waits for every answer still due, then stops the workers. Reports held for a worker that never became ready are processed here. */
  async close(): Promise<void> {
    this.#closing = true;
    for (const thread of this.#threads) {
      if (this.#checkReady(thread)) continue;
      thread.transfers = [];
      this.#processHere(thread, thread.outbox.splice(0));
    }
    await Promise.allSettled([...this.#inFlight]);
    await Promise.all(this.#threads.splice(0).map((thread) => thread.worker.terminate()));
  }

  #startWorkers(): void {
    if (this.#closing) return;
    for (; this.#toStart > 0; this.#toStart--) this.#threads.push(this.#start());
  }

  /** The worker with the fewest reports given and not answered, ready or not. */
  #leastBusy(): Thread | undefined {
    let best: Thread | undefined;
    for (const thread of this.#threads) {
      this.#checkReady(thread);
      if (!best || thread.pending.size < best.pending.size) best = thread;
    }
    return best;
  }

  /**
   * Sends the requests held for a worker, in one message. Those held while it still works are sent
   * at the latest when its last answer comes: a caller waiting for one of them lets that answer in.
   */
  #send(thread: Thread): void {
    if (thread.outbox.length === 0) return;
    thread.worker.postMessage(thread.outbox, thread.transfers);
    thread.sent += thread.outbox.length;
    thread.outbox = [];
    thread.transfers = [];
  }

  /**
   * True once the worker is ready; when it has just become so, it is sent what it holds. Readiness
   * is read from its port synchronously: a caller that stores with a synchronous driver may not let
   * the event loop turn for seconds, and an event would arrive only then, leaving the worker idle.
   */
  #checkReady(thread: Thread): boolean {
    if (thread.ready) return true;
    if (!receiveMessageOnPort(thread.readiness)) return false;
    this.#becameReady(thread);
    return true;
  }

  #becameReady(thread: Thread): void {
    thread.ready = true;
    thread.readiness.close();
    this.#send(thread);
  }

  /** Processes here, in order, requests taken out of a worker's outbox. */
  #processHere(thread: Thread, requests: readonly ExtractionRequest[]): void {
    for (const { id } of requests) {
      const pending = thread.pending.get(id)!;
      thread.pending.delete(id);
      settleHere(pending, this.#process);
    }
  }

  #start(): Thread {
    const { port1: readiness, port2: readinessForWorker } = new MessageChannel();
    const worker = new Worker(this.#entry, { workerData: { readiness: readinessForWorker }, transferList: [readinessForWorker] });
    const thread: Thread = { worker, readiness, ready: false, pending: new Map(), outbox: [], transfers: [], sent: 0 };
    let failure: Error | undefined;
    // Also heard when the event loop turns: a caller that only waits (no needNow) is sent its reports.
    readiness.once('message', () => thread.ready || this.#becameReady(thread));
    worker.on('message', (answer: ExtractionAnswer) => this.#settle(thread, answer));
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      thread.readiness.close();
      if (this.#closing && thread.pending.size === 0) return;
      this.#lose(thread, failure ?? new Error(`extraction worker stopped (exit code ${code})`));
    });
    return thread;
  }

  #settle(thread: Thread, answer: ExtractionAnswer): void {
    const pending = thread.pending.get(answer.id);
    if (!pending) return;
    thread.pending.delete(answer.id);
    if (--thread.sent === 0) this.#send(thread);
    if ('error' in answer) pending.reject(new Error(answer.error));
    else pending.resolve({ report: { ...answer.report, original: pending.input.original }, fingerprint: answer.fingerprint });
  }

  /** A worker is gone: its reports are processed here, in the order they were sent. */
  #lose(thread: Thread, error: Error): void {
    const index = this.#threads.indexOf(thread);
    if (index >= 0) this.#threads.splice(index, 1);
    thread.outbox = [];
    thread.transfers = [];
    this.#onLost?.(error);
    for (const [id, pending] of [...thread.pending].sort(([a], [b]) => a - b)) {
      thread.pending.delete(id);
      settleHere(pending, this.#process);
    }
  }
}

/** Processes a pending report on this thread and settles its promise. */
function settleHere(pending: Pending, process: (input: ReportInput) => ProcessedReport): void {
  try {
    pending.resolve(extractReport(pending.input, process));
  } catch (caught) {
    pending.reject(caught instanceof Error ? caught : new Error(String(caught)));
  }
}
