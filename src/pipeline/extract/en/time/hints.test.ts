import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHintsOnPieces, expectHintsHold, sharedCorpusTexts } from '../../../../../test/support/hints.js';
import { PARSERS } from './time.js';

describe('time parser hints', () => {
  it('every parser has a hint', () => {
    expect(PARSERS.filter((p) => !p.hint).map((p) => p.rule)).toEqual([]);
  });

  it('keep no state between tests (findTimes tests each once a sentence and shares the answer)', () => {
    expect(PARSERS.filter((p) => p.hint && (p.hint.global || p.hint.sticky)).map((p) => p.rule)).toEqual([]);
  });
  it('hold on text made of time words, numbers and noise', () => {
    checkHintsOnPieces(
      PARSERS,
      fc.oneof(
        fc.constantFrom('January', 'May', 'Sept.', 'Dec', 'spring', 'Winter', 'fall', 'Monday', 'today', 'Yesterday', 'week', 'month', 'year', 'ago'),
        fc.constantFrom('last', 'this', 'This past', 'earlier', 'in', 'In', 'since', 'from', 'between', 'and', 'to', 'the end of', 'early', 'mid-', 'of', 'on', 'a', 'two', 'three'),
        fc.constantFrom('2022', '2023', '1999', '15', '3rd', '2023-03-01', '–', '-', '/', ','),
        fc.constantFrom(' ', ' ', ' ', '. '),
        fc.string({ maxLength: 3 }),
      ),
    );
  });

  const texts = sharedCorpusTexts();
  it.runIf(texts.length > 0)('hold on every report of the shared corpus', () => {
    for (const text of texts) expectHintsHold(PARSERS, text);
  });
});
