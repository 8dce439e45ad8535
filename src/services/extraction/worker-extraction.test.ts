import { afterEach, describe, expect, it } from 'vitest';
import type { ReportInput } from '../../domain/types.js';
import { textFingerprint } from '../../grouping/minhash.js';
import { processReport } from '../../pipeline/configuration.js';
import { reportTimeoutFromEnvironment, WorkerExtraction } from './worker-extraction.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
/** Stands in for the pipeline on this thread where every report must go to a worker. */
const notHere = (): never => {
  throw new Error('processed on the calling thread');
};

/** Reports of our own: one per language, one with nothing to extract, one in a language not supported. */
const REPORTS: Array<{ language?: string; text: string }> = [
  { language: 'en', text: 'On Monday 120 inmates were taken from a colony in Kherson to Russia, the regional ombudsman said.' },
  { language: 'ru', text: 'В марте из ИК-6 в Копейске на фронт завербовали 200 заключённых, сообщила «Русь сидящая».' },
  { language: 'uk', text: 'У квітні 30 засуджених перевезли з Херсона до колонії в Криму, заявив омбудсман.' },
  { text: 'Nothing about prisons here, only the weather in spring.' },
  { text: 'Dies ist ein Bericht in deutscher Sprache über das Wetter.' },
];

function input(i: number): ReportInput {
  const { language, text } = REPORTS[i % REPORTS.length];
  const body = `${text} (${i})`;
  // Several reports share one buffer, as the lines of a .jsonl file do.
  const shared = Buffer.from(`prefix|${body}|suffix`, 'utf8');
  const original = shared.subarray(7, 7 + Buffer.byteLength(body));
  return { meta: { id: `r-${i}`, language, published: '2024-05-06' }, original, format: 'text', origin: `test:${i}` };
}

async function ready(pool: WorkerExtraction, threads = 1): Promise<void> {
  const until = Date.now() + 60_000;
  while (pool.readyThreads < threads) {
    if (Date.now() > until) throw new Error('worker not ready after 60 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const pools: WorkerExtraction[] = [];
const pool = (options: ConstructorParameters<typeof WorkerExtraction>[0]) => {
  const created = new WorkerExtraction(options);
  pools.push(created);
  return created;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('WorkerExtraction', () => {
  it('gives, from its workers, what the pipeline gives on this thread, original bytes included', async () => {
    const extraction = pool({ threads: 2, process: notHere });
    await ready(extraction, 2);
    const inputs = Array.from({ length: 40 }, (_, i) => input(i));
    const results = await Promise.all(inputs.map((i) => extraction.process(i)));
    results.forEach(({ report, fingerprint }, i) => {
      expect(report).toEqual(processReport(inputs[i]));
      expect(Buffer.from(report.original).equals(Buffer.from(inputs[i].original))).toBe(true);
      expect(fingerprint).toEqual(textFingerprint(report.text));
    });
    expect(results.some((r) => r.report.claims.length > 0)).toBe(true);
  });

  it('rejects with the pipeline’s own message when processing throws', async () => {
    const extraction = pool({ threads: 1, process: notHere });
    await ready(extraction);
    const broken = { ...input(0), decoded: 42 } as unknown as ReportInput;
    const expected = (() => {
      try {
        processReport(broken);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected processReport to throw');
    })();
    await expect(extraction.process(broken)).rejects.toThrow(expected);
    // The worker goes on.
    expect((await extraction.process(input(1))).report.claims).toEqual(processReport(input(1)).claims);
  });

  it('leaves a report it needs now to a starting worker, within its patience', async () => {
    const extraction = pool({ threads: 1, process: notHere, patience: 60_000 });
    const needed = input(0);
    const answer = extraction.process(needed);
    extraction.needNow(needed);
    expect(extraction.readyThreads).toBe(0);
    expect((await answer).report).toEqual(processReport(input(0)));
  });

  it('processes here a report it needs once a starting worker has used up its patience', async () => {
    const here: string[] = [];
    const extraction = pool({ threads: 1, entry: fixture('never-ready.mjs'), patience: 100, process: (i) => (here.push(i.origin), processReport(i)) });
    const inputs = [0, 1].map((i) => input(i));
    const answers = inputs.map((i) => extraction.process(i));
    extraction.needNow(inputs[0]);
    expect(here).toEqual([]);
    expect((await answers[0]).report).toEqual(processReport(input(0)));
    expect(here).toEqual(['test:0']);
    // Past its patience, a report needed is processed here at once (the worker never answers).
    extraction.needNow(inputs[1]);
    expect((await answers[1]).report).toEqual(processReport(input(1)));
    expect(here).toEqual(['test:0', 'test:1']);
  });

  it('loads etap’s pipeline on this thread only when it processes a report here, and processes those in order', async () => {
    const extraction = pool({ threads: 1, entry: fixture('never-ready.mjs'), patience: 0 });
    const inputs = [0, 1, 2].map((i) => input(i));
    const settled: number[] = [];
    const answers = inputs.map((i, n) => extraction.process(i).then((answer) => (settled.push(n), answer)));
    for (const i of inputs) extraction.needNow(i);
    expect((await Promise.all(answers)).map((answer) => answer.report)).toEqual(inputs.map((i) => processReport(i)));
    expect(settled).toEqual([0, 1, 2]);
  });

  it('holds reports for a worker not ready yet; processes here only the one needed now, and the rest when it closes', async () => {
    const here: string[] = [];
    const extraction = pool({ threads: 1, entry: fixture('never-ready.mjs'), patience: 0, process: (i) => (here.push(i.origin), processReport(i)) });
    const inputs = [0, 1, 2].map((i) => input(i));
    const answers = inputs.map((i) => extraction.process(i));
    extraction.needNow(inputs[1]);
    expect((await answers[1]).report).toEqual(processReport(input(1)));
    expect(here).toEqual(['test:1']);
    // Needed again, or never given: nothing to do.
    extraction.needNow(inputs[1]);
    extraction.needNow(input(1));
    expect(here).toEqual(['test:1']);
    await extraction.close();
    expect(here).toEqual(['test:1', 'test:0', 'test:2']);
    expect((await answers[2]).report).toEqual(processReport(input(2)));
  });

  it('sends a worker that becomes ready the reports held for it, to a caller that only waits', async () => {
    const extraction = pool({ threads: 1, process: notHere });
    const answers = Array.from({ length: 5 }, (_, i) => extraction.process(input(i)));
    expect((await Promise.all(answers)).map((r) => r.report)).toEqual(Array.from({ length: 5 }, (_, i) => processReport(input(i))));
  });

  it('sends a worker its reports several to a message, and the last few once it has answered the rest', async () => {
    const extraction = pool({ threads: 1, process: notHere, entry: fixture('tells-batch-size.mjs') });
    await ready(extraction);
    const told = (i: number) => extraction.process(input(i)).then(() => 'answered', (error: Error) => error.message);
    // A worker with nothing to do gets a report at once; the next ones wait for a full message.
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => told(i)));
    expect(burst).toEqual(['one of 1', ...Array.from({ length: 16 }, () => 'one of 16'), 'one of 3', 'one of 3', 'one of 3']);
    // One at a time, each waited for: each goes alone.
    for (let i = 0; i < 3; i++) expect(await told(20 + i)).toBe('one of 1');
  });

  it('processes here the reports of a worker that dies, and says so', async () => {
    const lost: Error[] = [];
    const extraction = pool({ threads: 1, entry: fixture('dies-on-first-report.mjs'), onLost: (e) => lost.push(e) });
    await ready(extraction);
    const inputs = Array.from({ length: 6 }, (_, i) => input(i));
    const results = await Promise.all(inputs.map((i) => extraction.process(i)));
    results.forEach((result, i) => expect(result.report).toEqual(processReport(inputs[i])));
    expect(lost).toHaveLength(1);
    expect(lost[0].message).toMatch(/exit code 7/);
    expect(extraction.threads).toBe(0);
  });

  it('stops a worker that takes too long on a report: that report fails, saying so, and a new worker takes the rest', async () => {
    const extraction = pool({ threads: 1, process: notHere, entry: fixture('hangs-on-marked-report.mjs'), reportTimeout: 300 });
    await ready(extraction);
    const told = (report: ReportInput) => extraction.process(report).then(() => 'extracted', (error: Error) => error.message);
    const marked = (i: number, id: string) => ({ ...input(i), meta: { ...input(i).meta, id } });
    const answers = await Promise.all([told(marked(0, 'before')), told(marked(1, 'hang')), told(marked(2, 'after-1')), told(marked(3, 'after-2'))]);
    expect(answers[1]).toBe('extraction stopped after 300 ms on this report (the worker was restarted)');
    const threadOf = (answer: string) => answer.replace(/^.* by thread /u, '');
    // The report before it was answered by the first worker; those held behind it by its successor.
    expect(answers[0]).toMatch(/^before by thread \d+$/u);
    expect(answers[2]).toMatch(/^after-1 by thread \d+$/u);
    expect(answers[3]).toMatch(/^after-2 by thread \d+$/u);
    expect(threadOf(answers[2])).not.toBe(threadOf(answers[0]));
    expect(threadOf(answers[3])).toBe(threadOf(answers[2]));
    expect(extraction.threads).toBe(1);
    expect(await told(marked(4, 'later'))).toMatch(new RegExp(`^later by thread ${threadOf(answers[2])}$`, 'u'));
  });

  it('reads the report timeout from ETAP_REPORT_TIMEOUT in seconds, and refuses what is no duration', () => {
    expect(reportTimeoutFromEnvironment(undefined)).toBeUndefined();
    expect(reportTimeoutFromEnvironment(' ')).toBeUndefined();
    expect(reportTimeoutFromEnvironment('90')).toBe(90_000);
    expect(reportTimeoutFromEnvironment('0.5')).toBe(500);
    for (const bad of ['0', '-3', 'ten', '5m']) expect(() => reportTimeoutFromEnvironment(bad)).toThrow(`ETAP_REPORT_TIMEOUT must be a number of seconds above 0, not "${bad}"`);
  });

  it('processes everything here when no worker can start', async () => {
    const lost: Error[] = [];
    const extraction = pool({ threads: 2, entry: fixture('fails-to-start.mjs'), onLost: (e) => lost.push(e) });
    const until = Date.now() + 30_000;
    while (lost.length < 2 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lost.map((e) => e.message)).toEqual(['cannot load the pipeline', 'cannot load the pipeline']);
    expect((await extraction.process(input(0))).report).toEqual(processReport(input(0)));
  });

  it('answers every report sent before close, then stops its workers', async () => {
    const extraction = pool({ threads: 1, process: notHere });
    await ready(extraction);
    const answers = Array.from({ length: 20 }, (_, i) => extraction.process(input(i)));
    await extraction.close();
    expect(extraction.threads).toBe(0);
    expect((await Promise.all(answers)).map((r) => r.report.id)).toEqual(Array.from({ length: 20 }, (_, i) => `r-${i}`));
  });
});
