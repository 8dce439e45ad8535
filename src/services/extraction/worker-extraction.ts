import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ReportInput } from '../../domain/types.js';
import { extractReport, loadPipeline, type ExtractedReport, type Extraction, type Pipeline } from './extraction.js';
import type { ExtractionAnswer, ExtractionRequest } from './extraction-worker.js';
import { moduleBundle } from '../../bundle/module-bundle.mjs';

/** The worker's source, run bundled (see moduleBundle) ... */
const SOURCE = new URL('./extraction-worker.ts', import.meta.url);
/** ... or, when it cannot be bundled, through the TypeScript loader. */
const LOADER_ENTRY = new URL('./extraction-worker.mjs', import.meta.url);

export interface WorkerExtractionOptions {
  /** Worker threads to start (at least 1); they start at once. */
  threads: number;
  /**
   * Runs on this thread when a worker is slow to start, and for the reports of a worker that died.
   * Default: etap's pipeline, loaded here only then (loadPipeline).
   */
  process?: Pipeline;
  /** Told once for each worker that could not start or died; its reports were processed here instead. */
  onLost?: (error: Error) => void;
  /**
   * How long the calling thread waits for a worker that is starting before it processes a report
   * it needs itself (`needNow`); default PATIENCE_MS.
   */
  patience?: number;
  /**
   * How long a worker may spend on one report before it is stopped, the report fails with that
   * reason and a new worker takes the reports it held; default ETAP_REPORT_TIMEOUT (seconds), else
   * REPORT_TIMEOUT_MS.
   */
  reportTimeout?: number;
  /**
   * The worker's script; tests pass one that fails. Default: extraction-worker.ts bundled (see
   * moduleBundle), or extraction-worker.mjs, which loads it through tsx, when it cannot be bundled
   * or ETAP_BUNDLE or ETAP_WORKER_BUNDLE is 0.
   */
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
  /** When it was started (performance.now()). */
  startedAt: number;
  /** Requests given to it, sent or not, by id. */
  pending: Map<number, Pending>;
  /** Requests given to it and not sent yet, in order, and the buffers they move (see #send). */
  outbox: ExtractionRequest[];
  transfers: ArrayBuffer[];
  /** Requests sent and not answered, as far as this thread has heard, in the order the worker takes them. */
  working: number[];
  /** When the worker began the first of `working` (performance.now()), as far as this thread can tell. */
  workingSince: number;
  /** Stopped for taking too long: its exit is expected. */
  stopped: boolean;
}

/**
 * Requests sent to a worker in one message. A message wakes a worker that waits for work, and on
 * a small virtual machine that costs the sending thread about half a millisecond: one a report was
 * a fifth of the storing thread's time. Requests are held until this many wait, or the worker has
 * none left to work on.
 */
const SEND_BATCH = 16;

/**
 * How long the calling thread waits for a starting worker before it processes the report it needs
 * itself. A bundled worker is ready in about 0.6 s on a small machine (1 to 1.7 s through the
 * TypeScript loader). Processing here meanwhile did not pay: this thread's first reports run the
 * pipeline cold, a second time in this process (its lexicons built, its code compiled again), and on
 * two cores that competes with the worker's own start: ingests used 3 to 15% more CPU for it (4 paired runs).
 */
export const PATIENCE_MS = 2000;

/**
 * How long one report may take in a worker. Extraction is linear in a report's length: the largest
 * report etap reads (64 MB) takes one to two minutes on a small machine, a news report about a
 * millisecond. Past this a pattern has run away on some input, and the batch must not wait for it.
 */
export const REPORT_TIMEOUT_MS = 5 * 60_000;

/**
 * Runs the pipeline in worker threads, so that extraction overlaps with whatever the calling
 * thread does meanwhile (storing, in ingest). Workers start at once and take most of a second to
 * load the pipeline; the reports given them meanwhile are held for them. The calling thread
 * processes a report itself only when it is about to wait for it (`needNow`) and the worker has
 * been starting for longer than `patience`: one that is slow to start, or never starts, holds
 * nothing up for long. (The pipeline runs slowest in its first hundred reports, while the JIT warms
 * up: work done here duplicates the worker's warm-up rather than sharing it.)
 * A worker that dies loses nothing: the reports it held are processed on the calling thread.
 */
export class WorkerExtraction implements Extraction {
  readonly #threads: Thread[] = [];
  /** The pipeline for this thread, once it is needed here. */
  readonly #pipeline: () => Promise<Pipeline>;
  readonly #onLost?: (error: Error) => void;
  readonly #entry: URL;
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #patience: number;
  /** The report the caller last said it needs now while its worker was starting, and the timer that ends the wait. */
  #wanted?: { input: ReportInput; timer: NodeJS.Timeout };
  readonly #reportTimeout: number;
  /** Looks for a worker that has spent longer than #reportTimeout on one report. */
  readonly #watch: NodeJS.Timeout;
  #nextId = 0;
  #closing = false;

  constructor(options: WorkerExtractionOptions) {
    const process = options.process;
    this.#pipeline = process ? async () => process : loadPipeline;
    this.#onLost = options.onLost;
    this.#entry = options.entry ?? defaultEntry();
    this.#patience = options.patience ?? PATIENCE_MS;
    this.#reportTimeout = options.reportTimeout ?? reportTimeoutFromEnvironment() ?? REPORT_TIMEOUT_MS;
    for (let i = 0; i < Math.max(1, options.threads); i++) this.#threads.push(this.#start());
    this.#watch = setInterval(() => this.#stopOverdue(), Math.min(1000, Math.max(10, this.#reportTimeout / 4)));
    this.#watch.unref();
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
    const thread = this.#leastBusy();
    if (!thread) return extractReport(input, await this.#pipeline());
    const id = this.#nextId++;
    const answer = new Promise<ExtractedReport>((resolve, reject) => thread.pending.set(id, { input, resolve, reject }));
    // A view's whole buffer would be cloned (a pooled Buffer's 8 KiB, or a whole .jsonl file's bytes
    // for one of its lines): the worker gets a copy of just these bytes, moved rather than cloned.
    const original = new Uint8Array(input.original);
    thread.outbox.push({ id, input: { ...input, original } });
    thread.transfers.push(original.buffer);
    if (thread.ready && (thread.working.length === 0 || thread.outbox.length >= SEND_BATCH)) this.#send(thread);
    const forget = () => void this.#inFlight.delete(answer);
    this.#inFlight.add(answer);
    answer.then(forget, forget);
    return answer;
  }

  /**
   * The caller is about to wait for `input`. If it is held for a worker still starting, and the
   * worker has been starting for longer than `patience`, it is processed here; until then the
   * caller waits for the worker, which processes it once ready (or here, when the patience runs
   * out first). A worker that became ready meanwhile is sent what it holds.
   */
  needNow(input: ReportInput): void {
    for (const thread of this.#threads) {
      if (this.#checkReady(thread)) continue;
      const at = thread.outbox.findIndex((request) => thread.pending.get(request.id)?.input === input);
      if (at < 0) continue;
      const waited = performance.now() - thread.startedAt;
      if (waited < this.#patience) return this.#waitFor(input, this.#patience - waited);
      thread.transfers.splice(at, 1);
      this.#processHere(thread, thread.outbox.splice(at, 1));
      return;
    }
  }

  /** Waits for every answer still due, then stops the workers. Reports held for a worker that never became ready are processed here. */
  async close(): Promise<void> {
    this.#closing = true;
    this.#stopWaiting();
    clearInterval(this.#watch);
    for (const thread of this.#threads) {
      if (this.#checkReady(thread)) continue;
      thread.transfers = [];
      this.#processHere(thread, thread.outbox.splice(0));
    }
    await Promise.allSettled([...this.#inFlight]);
    await Promise.all(this.#threads.splice(0).map((thread) => thread.worker.terminate()));
  }

  /**
   * Makes sure `needNow(input)` is asked again when the patience runs out (on the event loop,
   * which turns while the caller waits): then, if its worker is still not ready, it is processed here.
   */
  #waitFor(input: ReportInput, ms: number): void {
    if (this.#wanted?.input === input) return;
    this.#stopWaiting();
    const timer = setTimeout(() => {
      this.#wanted = undefined;
      this.needNow(input);
    }, Math.ceil(ms));
    this.#wanted = { input, timer };
  }

  #stopWaiting(): void {
    if (this.#wanted) clearTimeout(this.#wanted.timer);
    this.#wanted = undefined;
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
    if (thread.working.length === 0) thread.workingSince = performance.now();
    for (const request of thread.outbox) thread.working.push(request.id);
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
      settleHere(pending, this.#pipeline());
    }
  }

  #start(): Thread {
    const { port1: readiness, port2: readinessForWorker } = new MessageChannel();
    const worker = new Worker(this.#entry, { workerData: { readiness: readinessForWorker }, transferList: [readinessForWorker] });
    const thread: Thread = { worker, readiness, ready: false, startedAt: performance.now(), pending: new Map(), outbox: [], transfers: [], working: [], workingSince: 0, stopped: false };
    let failure: Error | undefined;
    // Also heard when the event loop turns: a caller that only waits (no needNow) is sent its reports.
    readiness.once('message', () => thread.ready || this.#becameReady(thread));
    worker.on('message', (answer: ExtractionAnswer) => this.#settle(thread, answer));
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      thread.readiness.close();
      if (thread.stopped || (this.#closing && thread.pending.size === 0)) return;
      this.#lose(thread, failure ?? new Error(`extraction worker stopped (exit code ${code})`));
    });
    return thread;
  }

  #settle(thread: Thread, answer: ExtractionAnswer): void {
    const pending = thread.pending.get(answer.id);
    if (!pending) return;
    thread.pending.delete(answer.id);
    // The worker takes its requests in order: the next one begins now.
    const at = thread.working.indexOf(answer.id);
    if (at >= 0) thread.working.splice(at, 1);
    thread.workingSince = performance.now();
    if (thread.working.length === 0) this.#send(thread);
    if ('error' in answer) pending.reject(new Error(answer.error));
    else pending.resolve({ report: { ...answer.report, original: pending.input.original }, fingerprint: answer.fingerprint });
  }

  /**
   * A worker that has spent longer than the report timeout on one report is stopped: that report
   * fails, saying so, and a new worker takes the others it held, in order (they are not processed
   * here, where one more such report would stop this thread).
   */
  #stopOverdue(): void {
    const now = performance.now();
    for (const thread of [...this.#threads]) {
      if (!thread.ready || thread.working.length === 0 || now - thread.workingSince <= this.#reportTimeout) continue;
      const [overdue] = thread.working;
      const pending = thread.pending.get(overdue)!;
      thread.pending.delete(overdue);
      thread.stopped = true;
      this.#threads.splice(this.#threads.indexOf(thread), 1);
      void thread.worker.terminate();
      pending.reject(new Error(`extraction stopped after ${duration(this.#reportTimeout)} on this report (the worker was restarted)`));
      const successor = this.#start();
      this.#threads.push(successor);
      for (const [id, held] of [...thread.pending].sort(([a], [b]) => a - b)) {
        const original = new Uint8Array(held.input.original);
        successor.pending.set(id, held);
        successor.outbox.push({ id, input: { ...held.input, original } });
        successor.transfers.push(original.buffer);
      }
      thread.pending.clear();
    }
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
      settleHere(pending, this.#pipeline());
    }
  }
}

function defaultEntry(): URL {
  return (process.env.ETAP_WORKER_BUNDLE !== '0' && moduleBundle(SOURCE)) || LOADER_ENTRY;
}

/**
 * Processes a pending report on this thread, once the pipeline is loaded, and settles its promise.
 * Reports settled here one after another are processed in that order (each waits on the same load).
 */
function settleHere(pending: Pending, pipeline: Promise<Pipeline>): void {
  pipeline.then(
    (process) => {
      try {
        pending.resolve(extractReport(pending.input, process));
      } catch (caught) {
        pending.reject(caught instanceof Error ? caught : new Error(String(caught)));
      }
    },
    (error: unknown) => pending.reject(error instanceof Error ? error : new Error(String(error))),
  );
}

/** "5 min", "90 s", "300 ms": a timeout as a reader would say it. */
function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}

/** ETAP_REPORT_TIMEOUT, seconds, in milliseconds; undefined when unset. */
export function reportTimeoutFromEnvironment(value = process.env.ETAP_REPORT_TIMEOUT): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`ETAP_REPORT_TIMEOUT must be a number of seconds above 0, not "${value}"`);
  return seconds * 1000;
}
