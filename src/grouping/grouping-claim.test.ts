import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteKey, reportOriginName } from './grouping-claim.js';

/** The key as first defined: stores keep keys made by it, so the walk must give the same. */
function joinedWordsKey(quote: string): string {
  const words = (quote.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i += 1) hash = Math.imul(hash ^ words.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(36)}${words.length.toString(36)}`;
}

const pieces = ['a', 'Z', 'é', 'Ж', 'ї', '7', ' ', '  ', '-', '’', '«', '\u0301', 'İ', 'Σ', '𝐀', '😀', '\ud835', '\udc00', '\n', '.'];

describe('quoteKey', () => {
  it('is the hash of the lower-cased words joined by spaces, as stores made it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.array(fc.constantFrom(...pieces), { maxLength: 50 }).map((parts) => parts.join(''))), (quote) => {
        expect(quoteKey(quote)).toBe(joinedWordsKey(quote));
      }),
      { numRuns: 3000 },
    );
  });

  it('ignores case, punctuation and spacing, and nothing else', () => {
    expect(quoteKey('“About 100 prisoners,” she said.')).toBe(quoteKey('about 100 PRISONERS she said'));
    expect(quoteKey('About 100 prisoners')).not.toBe(quoteKey('About 101 prisoners'));
    expect(quoteKey('')).toBe(joinedWordsKey(''));
  });
});

describe('reportOriginName', () => {
  it.each([
    [{ id: 'sha256-1', outlet: 'Camp Watch', title: 'Women recruited' }, 'Camp Watch'],
    [{ id: 'sha256-1', title: 'Women   recruited\nfrom a colony' }, '“Women recruited from a colony”'],
    [{ id: 'sha256-1', title: 'A'.repeat(80) }, `“${'A'.repeat(59)}…”`],
    [{ id: 'sha256-1', title: '  ' }, 'sha256-1'],
    [{ id: 'sha256-1' }, 'sha256-1'],
  ])('%j is named %s', (report, name) => {
    expect(reportOriginName(report)).toBe(name);
  });
});
