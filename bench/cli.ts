/**
 * CLI benchmark (npm run bench:cli): how long `etap` commands take from start to exit, as a user
 * runs them, from the bundled CLI (the default) and through the TypeScript loader
 * (ETAP_BUNDLE=0). Each command runs 5 times per way, the two ways alternating; medians of
 * wall-clock time. A first run, not counted, makes the bundles current.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { machineLine, median } from './support/figures.js';

const RUNS = 5;
const root = resolve(import.meta.dirname, '..');
const shared = resolve(process.env.ETAP_SHARED ?? join(root, '..', 'shared'));
const dir = mkdtempSync(join(tmpdir(), 'etap-bench-cli-'));
const store = join(dir, 'demo.db');

interface Case {
  name: string;
  args: () => string[];
  /** Run before each timed run (not timed). */
  before?: () => void;
}

const fresh = join(dir, 'fresh.db');
const removeFresh = () => rmSync(fresh, { force: true });
const cases: Case[] = [
  { name: '--help', args: () => ['--help'] },
  { name: 'summary (demo store)', args: () => ['--db', store, 'summary'] },
  { name: 'claims --json (demo store)', args: () => ['--db', store, 'claims', '--json'] },
  { name: 'extract --json (5 seed reports)', args: () => ['extract', '--json', join(shared, 'corpus/seeds/docs')] },
  { name: 'ingest (12 demo reports, new store)', args: () => ['--db', fresh, 'ingest', join(root, 'demo/reports')], before: removeFresh },
  { name: 'ingest (50 dev reports, new store)', args: () => ['--db', fresh, 'ingest', join(shared, 'corpus/dev/docs')], before: removeFresh },
];

/** Seconds `etap ARGS` took, from spawning to exit; throws when it failed. */
function etap(args: string[], bundled: boolean): number {
  const { DATABASE_URL: _sqlite, ...inherited } = process.env;
  const env = { ...inherited, ETAP_BUNDLE: bundled ? '1' : '0' };
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'bin/etap.js'), ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`bench cli: etap ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return seconds;
}

try {
  etap(['--db', store, 'ingest', join(root, 'demo/reports')], true);
  console.log(machineLine(RUNS));
  for (const { name, args, before } of cases) {
    const times = { bundled: [] as number[], loader: [] as number[] };
    for (let run = -1; run < RUNS; run++) {
      for (const bundled of [true, false]) {
        before?.();
        const seconds = etap(args(), bundled);
        if (run >= 0) times[bundled ? 'bundled' : 'loader'].push(seconds);
      }
    }
    const [b, l] = [median(times.bundled), median(times.loader)];
    console.log(`cli        ${name.padEnd(38)} bundled ${b.toFixed(2)} s, through the loader ${l.toFixed(2)} s (${(l / b).toFixed(1)}×)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
