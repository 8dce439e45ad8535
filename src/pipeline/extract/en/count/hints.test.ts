import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checkHintsOnPieces, expectHintsHold, sharedCorpusTexts } from '../../../../../test/support/hints.js';
import { PARSERS } from './count.js';

describe('count parser hints', () => {
  it('hold on text made of numbers, number words and noise', () => {
    checkHintsOnPieces(
      PARSERS,
      fc.oneof(
        fc.constantFrom('12', '1,200', '2.5', '23k', 'million', 'Fifty', 'two', 'hundred', 'and', 'a', 'an', 'dozen', 'A dozen', 'Some', 'between', 'From', 'to', '–', 'up to', 'about'),
        fc.constantFrom('prisoners', 'inmates', 'of them', ' ', ' ', '-', ','),
        fc.string({ maxLength: 3 }),
      ),
    );
  });

  const texts = sharedCorpusTexts();
  it.runIf(texts.length > 0)('hold on every report of the shared corpus', () => {
    for (const text of texts) expectHintsHold(PARSERS, text);
  });
});
