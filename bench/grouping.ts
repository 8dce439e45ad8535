/**
 * Grouping benchmark (node --import tsx bench/grouping.ts [sizes...]): groups synthetic claim
 * sets of 10k, 100k and 1M claims with the pure in-memory EventGrouper (no database) and prints,
 * per size, the grouping time and the peak memory of a process that did only that size.
 *
 * The synthetic world: happenings (a type, a month or day, a facility or a place, a count, a
 * source) told by a skewed number of reports, each report telling about three happenings with
 * two claims each; reports drop the time, facility or count at random and round counts, as
 * real retellings do.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLAIM_TYPES, type ClaimType } from '../src/domain/types.js';
import { EventGrouper } from '../src/grouping/event-grouper.js';
import type { GroupingClaim } from '../src/grouping/grouping-claim.js';
import { firstDay, lastDay } from '../src/grouping/time-range.js';

const SIZES = [10_000, 100_000, 1_000_000];

/** A small deterministic PRNG (mulberry32), so every run sees the same world. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Happening {
  type: ClaimType;
  month: string;
  day?: string;
  facility?: string;
  place: string;
  region: string;
  count?: number;
  source: string;
  gender?: 'female' | 'male';
}

/** Claims grouped by report, in the order reports arrive. */
function syntheticReports(claims: number): GroupingClaim[][] {
  const rand = random(claims);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const happenings: Happening[] = Array.from({ length: Math.max(10, Math.floor(claims / 5)) }, () => {
    const year = 2014 + Math.floor(rand() * 12);
    const month = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`;
    const region = `place:r${Math.floor(rand() * 120)}`;
    const h: Happening = { type: pick(CLAIM_TYPES), month, place: rand() < 0.6 ? `place:s${Math.floor(rand() * 20_000)}` : region, region, source: `org:${Math.floor(rand() * 800)}` };
    if (rand() < 0.4) h.day = `${month}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    if (rand() < 0.5) h.facility = `facility:${Math.floor(rand() * 3_000)}`;
    if (rand() < 0.7) h.count = Math.round(10 ** (1 + rand() * 4));
    if (rand() < 0.2) h.gender = rand() < 0.5 ? 'female' : 'male';
    return h;
  });
  const reports: GroupingClaim[][] = [];
  let made = 0;
  while (made < claims) {
    const reportId = `r${reports.length}`;
    const report: GroupingClaim[] = [];
    for (let k = 0; k < 3 && made < claims; k += 1) {
      // Skew: a few happenings are told again and again.
      const h = happenings[Math.floor(happenings.length * rand() ** 2)];
      for (let j = 0; j < 2 && made < claims; j += 1) report.push(claimOf(h, reportId, made++, rand));
    }
    reports.push(report);
  }
  return reports;
}

function claimOf(h: Happening, reportId: string, n: number, rand: () => number): GroupingClaim {
  const claim: GroupingClaim = {
    id: `${reportId}:${n}`,
    reportId,
    ordinal: n,
    type: h.type,
    quoteKey: `q${n}`,
    facilities: h.facility && rand() < 0.7 ? [h.facility] : [],
    places: [{ key: h.place, country: false, within: h.place === h.region ? ['country:x'] : [h.region, 'country:x'] }],
    placeNames: {},
    sourceKeys: rand() < 0.6 ? [h.source] : [],
    origin: { key: h.source, name: h.source, kind: 'named' },
  };
  if (rand() < 0.75) {
    const date = h.day && rand() < 0.6 ? h.day : h.month;
    Object.assign(claim, { from: firstDay(date), to: lastDay(date), dayPrecise: date.length === 10 });
  } else {
    const published = lastDay(h.month) + Math.floor(rand() * 20);
    Object.assign(claim, { from: published - 92, to: published, weakTime: true });
  }
  if (h.count !== undefined && rand() < 0.8) {
    const value = rand() < 0.7 ? h.count : Math.round(h.count * (0.9 + rand() * 0.2));
    claim.count = { low: value, high: value, text: String(value) };
  }
  if (h.gender) claim.gender = h.gender;
  return claim;
}

/** Groups one size and returns its numbers (run in a child process per size). */
function runOne(size: number): { size: number; reports: number; events: number; seconds: number; cpuSeconds: number; claimsPerSecond: number } {
  const reports = syntheticReports(size);
  let n = 0;
  const grouper = new EventGrouper(() => `e${(n += 1)}`);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (const report of reports) grouper.addReport(report);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  // CPU time of this (single-threaded) process: one core's work, whatever else the machine runs.
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { size, reports: reports.length, events: grouper.eventCount, seconds, cpuSeconds, claimsPerSecond: Math.round(size / cpuSeconds) };
}

const args = process.argv.slice(2);
if (args[0] === '--one') {
  const result = runOne(Number(args[1]));
  // maxRSS is in kilobytes: the peak of this process, which grouped only this size.
  process.stdout.write(JSON.stringify({ ...result, peakMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
} else {
  const sizes = args.length > 0 ? args.map(Number) : SIZES;
  const self = fileURLToPath(import.meta.url);
  process.stdout.write('claims      reports   events    wall time    CPU time     claims/CPU-s  peak memory (whole process, incl. the synthetic claims)\n');
  for (const size of sizes) {
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=4096', self, '--one', String(size)], { encoding: 'utf8' });
    const r = JSON.parse(output) as ReturnType<typeof runOne> & { peakMiB: number };
    process.stdout.write(
      `${r.size.toLocaleString('en').padEnd(11)} ${r.reports.toLocaleString('en').padEnd(9)} ${r.events.toLocaleString('en').padEnd(9)} ${`${r.seconds.toFixed(2)} s`.padEnd(12)} ${`${r.cpuSeconds.toFixed(2)} s`.padEnd(12)} ${r.claimsPerSecond.toLocaleString('en').padEnd(13)} ${r.peakMiB} MiB\n`,
    );
  }
}
