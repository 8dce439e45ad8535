import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { clean } from '../src/pipeline/clean/clean.js';

/**
 * Corpus check for cleaning: on every seed and dev report, each gold claim quote survives in
 * the canonical text, known furniture is gone, and not too much is removed. The corpus is read
 * from ../shared (other people's journalism; never copied into this repository).
 */
const corpus = new URL('../../shared/corpus/', import.meta.url);

interface CorpusDoc {
  id: string;
  text: string;
}

const docs = ['seeds', 'dev'].flatMap((set) =>
  readdirSync(new URL(`${set}/docs/`, corpus))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      doc: JSON.parse(readFileSync(new URL(`${set}/docs/${name}`, corpus), 'utf8')) as CorpusDoc,
      quotes: (JSON.parse(readFileSync(new URL(`${set}/gold/${name}`, corpus), 'utf8')) as { claims: { quote: string }[] }).claims.map((c) => c.quote),
    })),
);

const measured: string[] = [];

/** A gold quote that runs over a paragraph break is written with a space; check it sentence by sentence. */
function quotePieces(quote: string, original: string): string[] {
  return original.includes(quote) ? [quote] : quote.split(/(?<=[.!?…:])\s+(?=\S)/u);
}

describe('clean() on the corpus', () => {
  it('finds the corpus', () => {
    expect(docs.length).toBeGreaterThanOrEqual(50);
  });

  it.each(docs.map((d) => [d.doc.id, d] as const))('%s keeps every gold quote', (_id, { doc, quotes }) => {
    const cleaned = clean(doc.text, 'text');
    for (const quote of quotes) {
      for (const piece of quotePieces(quote, doc.text)) expect(cleaned.text).toContain(piece);
    }
    const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
    const removed = 1 - letters(cleaned.text) / letters(doc.text);
    measured.push(`${doc.id.padEnd(9)} ${String(doc.text.length - cleaned.text.length).padStart(5)} chars removed (${(100 * removed).toFixed(0).padStart(2)}% of letters)`);
    // The most furniture-laden corpus pages lose about half; more means a rule ate the article.
    expect(removed).toBeLessThan(0.6);
  });

  const byId = new Map(docs.map((d) => [d.doc.id, clean(d.doc.text, 'text').text]));
  it.each([
    ['seed-000', ['Please support Meduza', 'Any amount', 'survived 2024 thanks to its readers', 'Skip to main content', 'Follow Meduza', 'Post-occupation Kherson']],
    ['seed-001', ['Dear readers', 'A Message from The Moscow Times', 'please support us monthly', 'Sign up for our free weekly newsletter', 'Subscribers agree', 'Remind me later', 'Read more']],
    ['seed-002', ['Pokrovsk', 'Tomahawks', 'spontaneous combustion', 'Show More', 'News Feed', 'We are the news team', '1 min read']],
    ['seed-003', ['Post a Comment', 'No comments']],
    ['seed-004', ['Leave a Reply', 'Akismet']],
    ['dev-057', ['Read also:', 'one-time donation', 'Read the original article']],
    ['dev-038', ['грантодатели']],
  ] as const)('%s loses its known furniture', (id, phrases) => {
    const text = byId.get(id);
    expect(text).toBeDefined();
    for (const phrase of phrases) expect(text).not.toContain(phrase);
  });

  afterAll(() => {
    if (measured.length > 0) console.log(`furniture removed per report:\n${measured.sort().join('\n')}`);
  });
});
