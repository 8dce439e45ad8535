import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tailOf } from './source-phrase.js';

describe('tailOf', () => {
  // The same pattern tried at every character, as an end-anchored expression is.
  const TAIL = /(?:\s+(?:также|ранее|уже|нам|журналистам|изданию|тоже|теж|також|раніше|вже)|[\s.,:;!?]+|(?<=^[^«"„“]*)[»"”]+)$/iu;
  const shape = (m: RegExpExecArray | null) => (m ? [m.index, m[0]] : null);

  it.each(['сообщил также', 'Ольга Романова, ', 'фонд «Русь сидящая»', 'Сирена» .', 'Иван , .', 'нет'])('%s', (text) => {
    expect(shape(tailOf(text))).toEqual(shape(TAIL.exec(text)));
  });

  it('finds what the pattern finds anywhere, on phrases of its words, quotes and punctuation', () => {
    const piece = fc.oneof(
      fc.constantFrom('также', 'ТАКЖЕ', 'уже', 'вже', ' ', '  ', '\u00a0', '\n', '.', ',', ':', '!', '?', '»', '«', '"', '”', '“', '„', 'Иван', 'x', 'журналистам', '𝒳', ';'),
      fc.string({ maxLength: 2 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
      const text = pieces.join('');
      expect(shape(tailOf(text))).toEqual(shape(TAIL.exec(text)));
    }), { numRuns: 5000 });
  });
});
