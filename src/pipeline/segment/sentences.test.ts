import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paragraphAt, splitSentences } from './sentences.js';

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

  it('gives sentences in text order, none overlapping the next (what paragraphAt relies on)', () => {
    fc.assert(
      fc.property(prose(), (text) => {
        const sentences = splitSentences(text);
        for (let i = 1; i < sentences.length; i++) expect(sentences[i].start).toBeGreaterThanOrEqual(sentences[i - 1].end);
      }),
    );
  });
});

describe('paragraphAt', () => {
  it('finds the paragraph of the sentence holding an offset, -1 between sentences', () => {
    const text = 'A one.\n\nB two. C three.';
    const sentences = splitSentences(text);
    expect([0, 5, 6, 8, 14, 15, 16, text.length - 1, text.length].map((at) => paragraphAt(sentences, at))).toEqual([0, 0, -1, 1, -1, 1, 1, 1, -1]);
    expect(paragraphAt([], 0)).toBe(-1);
  });

  it('answers as a search through every sentence does', () => {
    fc.assert(
      fc.property(prose(), fc.nat(), (text, seed) => {
        const sentences = splitSentences(text);
        const at = seed % (text.length + 2);
        const linear = sentences.find((s) => s.start <= at && at < s.end)?.paragraph ?? -1;
        expect(paragraphAt(sentences, at)).toBe(linear);
      }),
    );
  });
});

/** Text of short sentences, line breaks and blank lines, in any mix. */
function prose() {
  return fc
    .array(fc.constantFrom('Twelve men left.', 'They went on', ' ', '\n', '\n\n', '“We stayed,” she said.', 'Mr. Ivanov said so.', '?', 'IK-7', 'Они уехали.'), { maxLength: 40 })
    .map((parts) => parts.join(' '));
}

