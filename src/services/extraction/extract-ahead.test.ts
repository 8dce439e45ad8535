import { describe, expect, it } from 'vitest';
import type { SourceItem } from '../../domain/source-item.js';
import type { ProcessedReport, ReportInput } from '../../domain/types.js';
import { seededRandom } from '../../../test/support/random.js';
import { extractAhead, type Extracted } from './extract-ahead.js';
import type { ExtractedReport, Extraction } from './extraction.js';

const item = (i: number): SourceItem =>
  i % 7 === 3 ? { ok: false, origin: `item-${i}`, reason: 'unreadable' } : { ok: true, input: { meta: { id: `r-${i}` }, original: new Uint8Array(), format: 'text', origin: `item-${i}` } };

/** An extraction that answers after a random delay, so answers come back out of order; every 5th report throws. */
function jumbled(random: () => number): Extraction & { started: string[] } {
  const started: string[] = [];
  return {
    started,
    process: (input: ReportInput) => {
      started.push(input.origin);
      return new Promise<ExtractedReport>((resolve, reject) =>
        setTimeout(() => (input.meta.id!.endsWith('5') ? reject(new Error(`bad ${input.origin}`)) : resolve({ report: { id: input.meta.id } as ProcessedReport, fingerprint: { signature: new Uint32Array(), bands: [] } })), random() * 5),
      );
    },
    close: async () => {},
  };
}

async function* source(n: number, log: string[] = [], fail?: number): AsyncGenerator<SourceItem> {
  try {
    for (let i = 0; i < n; i++) {
      if (i === fail) throw new Error('stream broke');
      log.push(`read ${i}`);
      yield item(i);
    }
  } finally {
    log.push('closed');
  }
}

async function all(iterator: AsyncIterable<Extracted>): Promise<Extracted[]> {
  const out: Extracted[] = [];
  for await (const x of iterator) out.push(x);
  return out;
}

describe('extractAhead', () => {
  it('yields every item in source order, however the answers come back', async () => {
    for (const ahead of [1, 2, 8, 50]) {
      const extraction = jumbled(seededRandom(ahead));
      const out = await all(extractAhead(source(40), extraction, ahead));
      expect(out.map((x) => x.origin)).toEqual(Array.from({ length: 40 }, (_, i) => `item-${i}`));
      for (const [i, x] of out.entries()) {
        if (i % 7 === 3) expect(x).toEqual({ ok: false, origin: `item-${i}`, reason: 'unreadable' });
        else if (i % 10 === 5) expect(x).toEqual({ ok: false, origin: `item-${i}`, reason: `bad item-${i}` });
        else expect(x.ok && x.extracted.report.id).toBe(`r-${i}`);
      }
    }
  });

  it('reads at most `ahead` items beyond the one the caller holds', async () => {
    const log: string[] = [];
    const iterator = extractAhead(source(100, log), jumbled(seededRandom(1)), 4);
    await iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(log.filter((l) => l.startsWith('read')).length).toBeLessThanOrEqual(1 + 4 + 1);
    await iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(log.filter((l) => l.startsWith('read')).length).toBeLessThanOrEqual(2 + 4 + 1);
    await iterator.return(undefined);
  });

  it('throws a read error only after every item read before it', async () => {
    const out: Extracted[] = [];
    const run = async () => {
      for await (const x of extractAhead(source(10, [], 6), jumbled(seededRandom(2)), 3)) out.push(x);
    };
    await expect(run()).rejects.toThrow('stream broke');
    expect(out.map((x) => x.origin)).toEqual(['item-0', 'item-1', 'item-2', 'item-3', 'item-4', 'item-5']);
  });

  it('stops reading and closes the source when the caller stops', async () => {
    const log: string[] = [];
    const extraction = jumbled(seededRandom(3));
    for await (const x of extractAhead(source(1000, log), extraction, 5)) if (x.origin === 'item-2') break;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(log.at(-1)).toBe('closed');
    expect(log.filter((l) => l.startsWith('read')).length).toBeLessThan(12);
  });

  it('says which report it is about to wait for, each in turn, before waiting', async () => {
    const needed: string[] = [];
    const held = new Map<ReportInput, (extracted: ExtractedReport) => void>();
    // Answers nothing by itself: a report is done only when needed (a worker that never became ready).
    const extraction: Extraction = {
      process: (input) => new Promise((resolve) => held.set(input, resolve)),
      needNow: (input) => {
        needed.push(input.origin);
        held.get(input)?.({ report: { id: input.meta.id } as ProcessedReport, fingerprint: { signature: new Uint32Array(), bands: [] } });
      },
      close: async () => {},
    };
    const out = await all(extractAhead(source(10), extraction, 4));
    expect(out.map((x) => x.origin)).toEqual(Array.from({ length: 10 }, (_, i) => `item-${i}`));
    // Unreadable items never reach the extraction.
    expect(needed).toEqual(Array.from({ length: 10 }, (_, i) => `item-${i}`).filter((_, i) => i % 7 !== 3));
  });
});
