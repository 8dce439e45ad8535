import { describe, expect, it } from 'vitest';
import { CopyIndex, pickOriginal } from './copies.js';
import { bandKeys, decodeSignature, encodeSignature, estimateSimilarity, textSignature } from './minhash.js';

// Made-up paragraphs (no corpus text): a story, a light edit of it, and an unrelated one.
const story = Array.from({ length: 12 }, (_, i) => `Sentence ${i} says that inmates of colony number ${i + 3} were moved by train toward the east before dawn on a cold morning.`).join(' ');
const edited = `${story.replace('Sentence 4', 'Line 4').replace('cold morning.', 'cold, grey morning.')} Share this article.`;
const other = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} covers the regional budget, bridges and roads, and a festival in the town square with ${i * 7} stalls.`).join(' ');

function sharesBand(a: string, b: string): boolean {
  const keys = new Set(bandKeys(textSignature(a)));
  return bandKeys(textSignature(b)).some((key) => keys.has(key));
}

describe('minhash and banding', () => {
  it.each([
    ['identical texts', story, story, 1],
    ['a light edit (copy with furniture)', story, edited, 0.75],
  ])('estimates %s as similar and lets them collide in a band', (_, a, b, atLeast) => {
    expect(estimateSimilarity(textSignature(a), textSignature(b))).toBeGreaterThanOrEqual(atLeast);
    expect(sharesBand(a, b)).toBe(true);
  });

  it.each([
    ['unrelated texts', story, other],
    ['empty and non-empty text', '', story],
  ])('keeps %s apart', (_, a, b) => {
    expect(estimateSimilarity(textSignature(a), textSignature(b))).toBeLessThan(0.2);
    expect(sharesBand(a, b)).toBe(false);
  });

  it('ignores case and punctuation', () => {
    expect(estimateSimilarity(textSignature(story), textSignature(story.toUpperCase().replace(/\./g, ' —')))).toBe(1);
  });

  it('round-trips a signature through its stored text', () => {
    const signature = textSignature(story);
    expect(decodeSignature(encodeSignature(signature))).toEqual(signature);
  });

  it('decodes signatures that stay as they were while many more are decoded (each reads its own bytes)', () => {
    const signatures = Array.from({ length: 600 }, (_, i) => textSignature(`${story} ${i} ${'x'.repeat(i % 7)}`));
    const texts = signatures.map(encodeSignature);
    // Buffers of other sizes in between shift where the next small one lies in Node's shared pool.
    const decoded = texts.map((text, i) => (Buffer.from('y'.repeat(i % 5)), decodeSignature(text)));
    texts.forEach((text) => Buffer.from(text, 'base64'));
    expect(decoded.map((signature) => Array.from(signature))).toEqual(signatures.map((signature) => Array.from(signature)));
    expect(decoded.every((signature) => signature.length === signatures[0].length)).toBe(true);
  });
});

describe('copies', () => {
  it('links a copy to the report it copies, and leaves unrelated reports alone', () => {
    const index = new CopyIndex();
    expect(index.add({ reportId: 'a', signature: textSignature(story), ingestOrder: 1 })).toBeUndefined();
    expect(index.add({ reportId: 'b', signature: textSignature(other), ingestOrder: 2 })).toBeUndefined();
    expect(index.add({ reportId: 'c', signature: textSignature(edited), ingestOrder: 3 })).toMatchObject({ originalId: 'a' });
  });

  it('takes the earliest published as the original, then the first ingested; undated after dated', () => {
    expect(pickOriginal([{ published: '2023-03-14', ingestOrder: 1 }, { published: '2023-03-13', ingestOrder: 2 }]).ingestOrder).toBe(2);
    expect(pickOriginal([{ published: '2023-03-13T10:00', ingestOrder: 2 }, { published: '2023-03-13', ingestOrder: 1 }]).ingestOrder).toBe(1);
    expect(pickOriginal([{ ingestOrder: 1 }, { published: '2023-03-13', ingestOrder: 2 }]).ingestOrder).toBe(2);
  });
});
