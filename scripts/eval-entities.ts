/**
 * Measures what issue 3 is about, on the gold corpora in ../shared/corpus:
 *
 *   - places, facilities, sources and actors F1 per corpus (../shared/eval/score.mjs --json, its `slots`),
 *     for claims run through extraction and the resolve step;
 *   - the share of gold places that resolve to coordinates through the gazetteer (target ≥ 95%),
 *     and the share of gold facilities, sources and actors that resolve to an entity;
 *   - the share of extracted place mentions the resolve step placed.
 *
 *   node --import tsx scripts/eval-entities.ts [--verbose] [--only seeds|dev-en|dev-ru|dev-uk] [--no-resolve]
 *
 * `--no-resolve` scores extraction alone (the resolve step never changes a name, so slot F1 should not move).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractClaims } from '../src/pipeline/extract/extract.js';
import { clean } from '../src/pipeline/clean/clean.js';
import { resolveClaims } from '../src/pipeline/resolve/resolve.js';
import { toGuideReport } from '../src/domain/guide.js';
import type { Claim, NamedValue } from '../src/domain/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.ETAP_SHARED ?? join(root, '..', 'shared'));
const scorer = join(shared, 'eval', 'score.mjs');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const noResolve = args.includes('--no-resolve');
const SLOTS = ['places', 'facilities', 'sources', 'actors'] as const;

interface CorpusDoc {
  id: string;
  text: string;
  published?: string | null;
  language?: string;
}
type GoldItem = string | string[];
interface GoldClaim {
  quote: string;
  places?: GoldItem[];
  facilities?: GoldItem[];
  sources?: GoldItem[];
  actors?: GoldItem[];
}

const sets = [
  { name: 'seeds', dir: 'seeds', language: undefined },
  { name: 'dev-en', dir: 'dev', language: 'en' },
  { name: 'dev-ru', dir: 'dev', language: 'ru' },
  { name: 'dev-uk', dir: 'dev', language: 'uk' },
];

const work = mkdtempSync(join(tmpdir(), 'etap-eval-entities-'));
const rows: string[] = [];
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
  const gold = { places: [0, 0], facilities: [0, 0], sources: [0, 0], actors: [0, 0] };
  const mentions = [0, 0];
  const missed: string[] = [];
  for (const doc of docs) {
    const goldText = readFileSync(join(shared, 'corpus', set.dir, 'gold', `${doc.id}.json`), 'utf8');
    writeFileSync(join(goldDir, `${doc.id}.json`), goldText);
    const text = clean(doc.text, 'text').text;
    const extracted = extractClaims(text, { published: doc.published ?? undefined, language: doc.language ?? 'en' });
    const resolved = noResolve ? extracted.claims : resolveClaims(text, extracted.claims).claims;
    for (const v of resolved.flatMap((c) => c.places)) {
      mentions[1] += 1;
      if (v.lat !== undefined) mentions[0] += 1;
    }
    writeFileSync(join(predDir, `${doc.id}.json`), JSON.stringify(toGuideReport(doc.id, doc.published ?? undefined, resolved)));
    // Gold names through the resolve step alone: does the knowledge know what the annotators wrote?
    const goldClaims = (JSON.parse(goldText) as { claims: GoldClaim[] }).claims.map((c) => asClaim(c, text));
    for (const claim of resolveClaims(text, goldClaims).claims) {
      for (const slot of SLOTS) {
        for (const v of claim[slot]) {
          const ok = slot === 'places' ? v.lat !== undefined : v.entityId !== undefined && !/^facility:[a-z]+(-\d+)?$/u.test(v.entityId);
          gold[slot][1] += 1;
          if (ok) gold[slot][0] += 1;
          else missed.push(`${slot}: ${[v.name, ...(v.alternatives ?? [])].join(' | ')}`);
        }
      }
    }
  }
  const out = JSON.parse(execFileSync(process.execPath, [scorer, '--gold', goldDir, '--pred', predDir, '--json'], { encoding: 'utf8' })) as {
    slots: Record<string, { f1: number; p: number; r: number }>;
    facts: { f1: number };
  };
  const f1 = SLOTS.map((s) => `${s} ${pct(out.slots[s]?.f1)}`).join('  ');
  const share = (slot: keyof typeof gold) => `${((100 * gold[slot][0]) / Math.max(1, gold[slot][1])).toFixed(1)}% of ${gold[slot][1]}`;
  rows.push(`${set.name.padEnd(7)} F1: ${f1}`);
  rows.push(`${''.padEnd(7)} gold resolved: places ${share('places')} to coordinates; facilities ${share('facilities')}; sources ${share('sources')}; actors ${share('actors')}`);
  rows.push(`${''.padEnd(7)} extracted place mentions with coordinates: ${((100 * mentions[0]) / Math.max(1, mentions[1])).toFixed(1)}% of ${mentions[1]}`);
  if (verbose) for (const m of [...new Set(missed)].sort()) rows.push(`        unresolved ${m}`);
}
console.log(rows.join('\n'));

function pct(n: number | undefined): string {
  if (n === undefined) return '-';
  return (n <= 1 ? n * 100 : n).toFixed(1);
}

/** A gold claim as the resolve step sees one: each item a named value at its quote. */
function asClaim(gold: GoldClaim, text: string): Claim {
  const at = Math.max(0, text.indexOf(gold.quote.slice(0, 40)));
  const values = (items: GoldItem[] | undefined): NamedValue[] =>
    (items ?? []).map((item) => {
      const [name, ...alternatives] = Array.isArray(item) ? item : [item];
      const offset = Math.max(at, text.indexOf(name, at));
      return { name, alternatives, span: { start: offset, end: offset + name.length }, text: name, rule: 'gold', certainty: 'stated' };
    });
  return {
    type: 'transfer',
    quote: gold.quote,
    start: at,
    end: at + gold.quote.length,
    rule: 'gold',
    places: values(gold.places),
    facilities: values(gold.facilities),
    sources: values(gold.sources),
    actors: values(gold.actors),
    subjects: {},
    hedged: false,
  };
}
