import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closesLikeSentence } from './lines.js';

describe('closesLikeSentence', () => {
  it('says what /[.!?…]["\'»”’)\\]]*$/u says, reading back from the end', () => {
    const SENTENCE_CLOSE = /[.!?…]["'»”’)\]]*$/u;
    const unit = fc.oneof(fc.constantFrom('.', '!', '?', '…', '"', "'", '»', '”', '’', ')', ']', '(', '«', 'a', ' ', ':', '\u2026', '🙂'), fc.string({ maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const text = units.join('');
        expect(closesLikeSentence(text)).toBe(SENTENCE_CLOSE.test(text));
      }),
      { numRuns: 3000 },
    );
  });
});
