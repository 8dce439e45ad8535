/**
 * Measures extraction against the gold corpora in ../shared/corpus with ../shared/eval/score.mjs:
 * seeds, and the dev reports split by language. Prints the scorer's table and fact F1 for each.
 *
 *   npm run eval [-- --verbose] [-- --only seeds|dev-en|dev-ru|dev-uk]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processReport } from '../src/pipeline/configuration.js';
import { toGuideReport } from '../src/domain/guide.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.ETAP_SHARED ?? join(root, '..', 'shared'));
const scorer = join(shared, 'eval', 'score.mjs');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

interface CorpusDoc {
  id: string;
  text: string;
  published?: string | null;
  language?: string;
}

const sets = [
  { name: 'seeds', dir: 'seeds', language: undefined },
  { name: 'dev-en', dir: 'dev', language: 'en' },
  { name: 'dev-ru', dir: 'dev', language: 'ru' },
  { name: 'dev-uk', dir: 'dev', language: 'uk' },
];

if (!existsSync(scorer)) {
  console.error(`eval: the scorer is not at ${scorer} (set ETAP_SHARED to the shared folder)`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'etap-eval-'));
const summary: string[] = [];
for (const set of sets) {
  if (only && only !== set.name) continue;
  const docsDir = join(shared, 'corpus', set.dir, 'docs');
  const docs = readdirSync(docsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(docsDir, f), 'utf8')) as CorpusDoc)
    .filter((d) => !set.language || d.language === set.language);
  const goldDir = join(work, set.name, 'gold');
  const predDir = join(work, set.name, 'pred');
  mkdirSync(goldDir, { recursive: true });
  mkdirSync(predDir, { recursive: true });
  let claims = 0;
  for (const doc of docs) {
    writeFileSync(join(goldDir, `${doc.id}.json`), readFileSync(join(shared, 'corpus', set.dir, 'gold', `${doc.id}.json`)));
    // The whole pipeline a user's report goes through (clean, detect, extract, resolve), as ingest runs it.
    const extracted = processReport({
      meta: { id: doc.id, published: doc.published ?? undefined, language: doc.language },
      original: Buffer.from(doc.text, 'utf8'),
      decoded: doc.text,
      format: 'text',
      origin: doc.id,
    });
    claims += extracted.claims.length;
    writeFileSync(join(predDir, `${doc.id}.json`), JSON.stringify(toGuideReport(doc.id, doc.published ?? undefined, extracted.claims)));
  }
  const out = execFileSync(process.execPath, [scorer, '--gold', goldDir, '--pred', predDir, ...(verbose ? ['--verbose'] : [])], { encoding: 'utf8' });
  console.log(`== ${set.name}: ${docs.length} reports, ${claims} claims extracted`);
  console.log(out.trimEnd());
  console.log();
  summary.push(`${set.name.padEnd(7)} ${out.trim().split('\n').at(-1)}`);
}
console.log('== summary');
for (const line of summary) console.log(line);
if (!only) {
  console.log('\n== entities (places, facilities, sources, actors; resolution to coordinates)');
  const entities = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'eval-entities.ts')], { encoding: 'utf8', cwd: root });
  console.log(entities.trimEnd());
}
