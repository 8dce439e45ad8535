import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportInput } from '../../src/domain/types.js';
import { clean } from '../../src/pipeline/clean/clean.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The shared folder (corpus and scorer): `ETAP_SHARED`, or `../shared` beside the project. */
export const shared = resolve(process.env.ETAP_SHARED ?? join(root, '..', 'shared'));

export interface CorpusDoc {
  id: string;
  text: string;
  published?: string | null;
  language?: string;
  outlet?: string;
  title?: string;
}

/** The seeds and dev reports of the shared corpus. */
export function corpusDocs(): CorpusDoc[] {
  return ['seeds', 'dev'].flatMap((set) => {
    const dir = join(shared, 'corpus', set, 'docs');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CorpusDoc);
  });
}

/**
 * The corpus (or its reports in one language) repeated until it reaches `minBytes`, each copy
 * made unique by a line at its end, so ingest never skips one as a duplicate.
 */
export function corpusInputs(minBytes: number, language?: string, docs: CorpusDoc[] = corpusDocs()): ReportInput[] {
  const pool = docs.filter((d) => !language || d.language === language);
  const out: ReportInput[] = [];
  for (let i = 0, bytes = 0; bytes < minBytes; i++) {
    const d = pool[i % pool.length];
    const text = `${d.text}\n\nCopy ${i}.`;
    const original = Buffer.from(text, 'utf8');
    bytes += original.length;
    out.push({
      meta: { id: `${d.id}-${i}`, published: d.published ?? undefined, language: d.language, outlet: d.outlet, title: d.title },
      original,
      format: 'text',
      origin: `bench:${d.id}:${i}`,
      decoded: text,
    });
  }
  return out;
}

/**
 * One long report in `language`: the corpus reports' canonical texts (cleaned, so no
 * end-of-article marker cuts the rest) one after another, repeated until it reaches `minBytes`.
 * What a book-length NGO report or a court record looks like to the pipeline: a step whose cost
 * grows faster than the text shows here as fewer MB/s than on the corpus's short reports.
 */
export function longReportInput(minBytes: number, language: string, docs: CorpusDoc[] = corpusDocs()): ReportInput {
  const texts = docs.filter((d) => d.language === language).map((d) => clean(d.text, 'text').text);
  const parts: string[] = [];
  for (let i = 0, bytes = 0; bytes < minBytes; i++) {
    const text = texts[i % texts.length];
    parts.push(text);
    bytes += Buffer.byteLength(text) + 2;
  }
  const text = parts.join('\n\n');
  return { meta: { id: `long-${language}`, language }, original: Buffer.from(text, 'utf8'), format: 'text', origin: `bench:long-${language}`, decoded: text };
}
