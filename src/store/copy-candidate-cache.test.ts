import { describe, expect, it } from 'vitest';
import { CopyCandidateCache } from './copy-candidate-cache.js';
import type { StoredFingerprint } from './event.repository.js';

const fingerprint = (reportId: string, extra: Partial<StoredFingerprint> = {}): StoredFingerprint => ({ reportId, signature: `sig-${reportId}`, ingestOrder: 1, ...extra });

describe('CopyCandidateCache', () => {
  it('knows only the keys it learnt, including those with no report', () => {
    const cache = new CopyCandidateCache();
    cache.learn(['b1', 'b2', 'b3'], [
      { band_key: 'b1', report_id: 'r1' },
      { band_key: 'b1', report_id: 'r2' },
      { band_key: 'b2', report_id: 'r1' },
    ]);
    const { reports, unknown } = cache.lookup(['b1', 'b3', 'b4', 'b2']);
    expect([...reports].sort()).toEqual(['r1', 'r2']);
    expect(unknown).toEqual(['b4']);
  });

  it('adds a saved report under the keys it knows only: a key never read stays unknown', () => {
    const cache = new CopyCandidateCache();
    cache.learn(['b1'], []);
    cache.saved(fingerprint('r1'), ['b1', 'b9'], { replaced: false });
    expect([...cache.lookup(['b1']).reports]).toEqual(['r1']);
    expect(cache.lookup(['b9']).unknown).toEqual(['b9']);
    expect(cache.fingerprint('r1')).toEqual(fingerprint('r1'));
  });

  it('takes a replaced report out of the keys it had', () => {
    const cache = new CopyCandidateCache();
    cache.learn(['b1', 'b2'], [{ band_key: 'b1', report_id: 'r1' }]);
    cache.saved(fingerprint('r1', { signature: 'new' }), ['b2'], { replaced: true });
    expect([...cache.lookup(['b1']).reports]).toEqual([]);
    expect([...cache.lookup(['b2']).reports]).toEqual(['r1']);
    expect(cache.fingerprint('r1')?.signature).toBe('new');
  });

  it('relinks as the store does: copies of the old original and the old original itself copy the new one, which copies none', () => {
    const cache = new CopyCandidateCache();
    cache.remember([
      fingerprint('old'),
      fingerprint('copy', { originalId: 'old', similarity: 0.9 }),
      fingerprint('new', { originalId: 'old', similarity: 0.8 }),
      fingerprint('other', { originalId: 'elsewhere', similarity: 0.9 }),
    ]);
    cache.relinked('old', 'new');
    expect(cache.fingerprint('old')?.originalId).toBe('new');
    expect(cache.fingerprint('copy')?.originalId).toBe('new');
    expect(cache.fingerprint('new')).toEqual(fingerprint('new'));
    expect(cache.fingerprint('other')?.originalId).toBe('elsewhere');
  });

  it('counts ingest orders on from the highest it was told, and forgets everything', () => {
    const cache = new CopyCandidateCache();
    expect(cache.lastIngestOrder).toBeUndefined();
    cache.saved(fingerprint('r0', { ingestOrder: 9 }), [], { replaced: false });
    expect(cache.lastIngestOrder).toBeUndefined();
    cache.lastIngestOrder = 4;
    cache.saved(fingerprint('r1', { ingestOrder: 5 }), [], { replaced: false });
    expect(cache.lastIngestOrder).toBe(5);
    cache.learn(['b1'], []);
    cache.forget();
    expect(cache.lastIngestOrder).toBeUndefined();
    expect(cache.lookup(['b1']).unknown).toEqual(['b1']);
    expect(cache.fingerprint('r1')).toBeUndefined();
  });
});
