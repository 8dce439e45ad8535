import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from './sentences.js';

describe('splitSentences', () => {
  it.each([
    ['One colony closed. Another opened.', ['One colony closed.', 'Another opened.']],
    ['On Nov. 15 the convoy left. It reached IK-7.', ['On Nov. 15 the convoy left.', 'It reached IK-7.']],
    ['Mr. Ivanov said so. He left.', ['Mr. Ivanov said so.', 'He left.']],
    ['“They left. We stayed,” she said. Then silence.', ['“They left. We stayed,” she said.', 'Then silence.']],
    ['First line\nSecond line.', ['First line', 'Second line.']],
    ['Colony No. 2 holds 300 women.', ['Colony No. 2 holds 300 women.']],
    ['They went to war.The ministry paid.', ['They went to war.', 'The ministry paid.']],
    ['Pardons ended.”If you sign up now', ['Pardons ended.”', 'If you sign up now']],
    ['The U.S. said so.', ['The U.S. said so.']],
  ])('%s', (text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('numbers paragraphs by blank lines', () => {
    const s = splitSentences('A one.\n\nB two. C three.');
    expect(s.map((x) => x.paragraph)).toEqual([0, 1, 1]);
  });

  it('never loses text offsets on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
      }),
    );
  });
});
