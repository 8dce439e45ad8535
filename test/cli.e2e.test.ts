import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const shared = resolve(root, '..', 'shared');

/** Runs the etap CLI as a user would; resolves with exit code and output, never rejects. */
async function etap(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'bin/etap.js'), ...args], { cwd: root, env: { ...base, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('etap CLI (end to end, SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'etap-cli-'));
  const db = join(dir, 'etap.db');

  beforeAll(async () => {
    const demo = await etap(['--db', db, 'demo']);
    expect(demo.code, demo.stderr).toBe(0);
  });

  it('ingests the demo corpus and summarises it', async () => {
    const { stdout } = await etap(['--db', db, 'summary', '--json']);
    const summary = JSON.parse(stdout);
    expect(summary.reports.total).toBeGreaterThanOrEqual(10);
    expect(summary.claims.total).toBeGreaterThan(10);
    expect(Object.keys(summary.claims.byType)).toEqual(expect.arrayContaining(['recruitment', 'transfer']));
  });

  it('skips reports already stored', async () => {
    const again = await etap(['--db', db, 'ingest', join(root, 'demo/reports'), '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).counts.ingested).toBe(0);
  });

  it('filters claims and exports CSV', async () => {
    const listed = await etap(['--db', db, 'claims', '--type', 'transfer', '--json']);
    const page = JSON.parse(listed.stdout);
    expect(page.claims.length).toBeGreaterThan(0);
    expect(page.claims.every((c: { type: string }) => c.type === 'transfer')).toBe(true);
    const out = join(dir, 'claims.csv');
    const exported = await etap(['--db', db, 'export', '--format', 'csv', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^id,report_id,/u);
  });

  it('refuses to read a database that is not there, and leaves none behind (a mistyped --db)', async () => {
    const missing = join(dir, 'mistyped.db');
    for (const args of [['claims'], ['summary', '--json'], ['export', '--format', 'csv'], ['events'], ['entities']]) {
      const result = await etap(['--db', missing, ...args]);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr).toContain(`no database at ${missing}`);
      expect(result.stdout).toBe('');
    }
    expect(readdirSync(dir)).not.toContain('mistyped.db');
  });

  it('stops on Ctrl-C with what it stored so far committed and reported, and a second run stores the rest', async () => {
    // 1,200 short reports of our own, several seconds of work: interrupted after one.
    const places = ['Kherson', 'Krasnodar', 'Volgograd', 'Rostov', 'Taganrog'];
    const lines = Array.from({ length: 1200 }, (_, i) =>
      JSON.stringify({ text: `In May 2024, ${10 + i} prisoners were moved from a colony in ${places[i % 5]} to IK-${i % 9} in ${places[(i + 2) % 5]}, relatives said (note ${i}).` }),
    );
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const interrupted = join(dir, 'interrupted.db');
    const child = spawn(process.execPath, [join(root, 'bin/etap.js'), '--db', interrupted, 'ingest', '--workers', '0', '--json', file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The database is made once the command listens for Ctrl-C; a moment later it is storing.
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    for (let waited = 0; !existsSync(interrupted) && waited < 20_000; waited += 20) await sleep(20);
    await sleep(500);
    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/stopping once the reports stored so far are committed/u);
    const first = JSON.parse(stdout) as { interrupted: boolean; counts: { ingested: number } };
    expect(first.interrupted).toBe(true);
    expect(first.counts.ingested).toBeLessThan(1200);
    // What it said it stored is what the store holds.
    const stored = JSON.parse((await etap(['--db', interrupted, 'summary', '--json'])).stdout) as { reports: { total: number } };
    expect(stored.reports.total).toBe(first.counts.ingested);
    const rest = await etap(['--db', interrupted, 'ingest', '--json', file]);
    expect(rest.code, rest.stderr).toBe(0);
    expect(JSON.parse(rest.stdout).counts).toMatchObject({ ingested: 1200 - first.counts.ingested, duplicate: first.counts.ingested, failed: 0 });
  });

  it('says so when the port it is to serve on is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const result = await etap(['--db', db, 'serve', '--port', String(port)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      taken.close();
    }
  });

  it('shows one report with what is known of it and what is not', async () => {
    const { reports } = JSON.parse((await etap(['--db', db, 'reports', '--json'])).stdout) as { reports: { id: string; outlet?: string; title?: string }[] };
    // A plain-text report: its headline is its title; nothing says where or when it was published.
    const plain = reports.find((r) => !r.outlet)!;
    expect(plain.title).toBeTruthy();
    const shown = await etap(['--db', db, 'report', plain.id]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.split('\n').slice(0, 2)).toEqual([`${plain.id} — ${plain.title}`, 'outlet not known · publication date not known']);
    expect(shown.stdout).toMatch(/^from .*demo\/reports\/.*\.txt; language en/mu);
  });

  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const result = await etap(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('rejects bad filter values with a reason', async () => {
    const bad = await etap(['--db', db, 'claims', '--since', 'last tuesday']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--since must be/u);
  });

  it('lists a broken file with its reason, stores the rest and exits 1', async () => {
    const folder = join(dir, 'batch');
    mkdirSync(folder);
    writeFileSync(join(folder, 'good.txt'), 'Guards beat prisoners at IK-3 in the Kursk region last week, lawyers said.\n');
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'broken.jsonl'), '{"id":"a","text":"Inmates were transferred to SIZO-1, relatives said."}\n{not json\n');
    const result = await etap(['--db', join(dir, 'batch.db'), 'ingest', folder]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/empty\.txt/u);
    expect(result.stdout).toMatch(/broken\.jsonl:2/u);
    expect(result.stdout).toMatch(/ingested 2 report/u);
  });

  it('stores the same with extraction workers as with none, on a run long enough to start them', async () => {
    const docs = ['seeds', 'dev'].flatMap((set) => {
      const folder = join(shared, 'corpus', set, 'docs');
      return readdirSync(folder).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as { id: string; text: string; published?: string; language?: string });
    });
    const lines = Array.from({ length: 120 }, (_, i) => {
      const doc = docs[i % docs.length];
      return JSON.stringify({ id: `${doc.id}-${i}`, published: doc.published, language: doc.language, text: `${doc.text}\n\nCopy ${i}.` });
    });
    const file = join(dir, 'long.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const exports: string[] = [];
    for (const workers of ['0', '1']) {
      const db = join(dir, `workers-${workers}.db`);
      const ingested = await etap(['--db', db, 'ingest', '--workers', workers, file]);
      expect(ingested.code, ingested.stderr).toBe(0);
      expect(ingested.stdout).toMatch(/ingested 120 report/u);
      expect(ingested.stderr).not.toMatch(/worker stopped/u);
      const out = join(dir, `workers-${workers}.json`);
      expect((await etap(['--db', db, 'export', '--format', 'json', '--out', out])).code).toBe(0);
      exports.push(readFileSync(out, 'utf8'));
    }
    expect(JSON.parse(exports[1])).toEqual(JSON.parse(exports[0]));
    const bad = await etap(['--db', join(dir, 'never.db'), 'ingest', '--workers', 'many', file]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--workers.*whole number/u);
  });

  it('extracts without a database in the scorer’s shape', async () => {
    const result = await etap(['extract', '--json', join(shared, 'corpus/seeds/docs/seed-000.json')]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout.trim().split('\n')[0]);
    expect(report.id).toBe('seed-000');
    expect(report.claims.length).toBeGreaterThan(5);
    for (const claim of report.claims) expect(claim).toMatchObject({ type: expect.any(String), quote: expect.any(String), rule: expect.any(String) });
  });

  it('prints the same run from its bundle as through the TypeScript loader', async () => {
    const seeds = join(shared, 'corpus/seeds/docs');
    const [bundled, loaded] = await Promise.all([etap(['extract', '--json', seeds]), etap(['extract', '--json', seeds], { ETAP_BUNDLE: '0' })]);
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(bundled.stdout.trim().split('\n')).toHaveLength(5);
    expect(bundled.stdout).toBe(loaded.stdout);
  });

  it('stops quietly, exit code 0, when its reader closes the pipe early (etap … | head)', async () => {
    // Far more output than a pipe holds, so that writes are still to come when the reader goes.
    const child = spawn(process.execPath, [join(root, 'bin/etap.js'), 'extract', '--json', join(shared, 'corpus/dev/docs')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await once(child.stdout, 'data');
    child.stdout.destroy();
    const [code] = await once(child, 'exit');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
