/**
 * Grouping benchmark (node --import tsx bench/grouping.ts [--world growing|fixed] [sizes...]):
 * groups synthetic claim sets of 10k, 100k and 1M claims with the pure in-memory EventGrouper
 * (no database) and prints, per size, the grouping time, the work per claim and the peak memory
 * of a process that did only that size.
 *
 * The synthetic world: happenings (a type, a month or day, a facility or a place, a count, a
 * source) told by a skewed number of reports, each report telling about three happenings with
 * two claims each; reports drop the time, facility or count at random and round counts, as
 * real retellings do. Happenings are a fifth of the claims at every size.
 *
 * Two worlds:
 * - `growing` (the default): the numbers of regions, places, facilities and sources grow with
 *   the claims (120 regions, 20,000 places, 3,000 facilities and 800 sources per 100k claims,
 *   over the same twelve years), so a larger set is more distinct happenings at the same
 *   density, as a larger corpus is: more reports mean more happenings, not ever more claims per
 *   region, month and type. Near-linear growth is judged here: the CPU time per claim and the
 *   candidates per claim should stay flat across sizes.
 * - `fixed`: 120 regions, 20,000 places, 3,000 facilities and 800 sources at every size, so the
 *   blocks fill up as the claims grow (at 1M about seven claims per region, month and type) and
 *   candidates per claim climb towards the cap (MAX_CANDIDATES in event-grouper.ts). The worst
 *   case: the work per claim grows with density until the cap bounds it.
 *
 * Candidates per claim are the events a claim is scored against (one fitClaim call each). Each
 * size first groups a throwaway 30k-claim world so the JIT has compiled the grouper: the peak
 * memory of the smallest sizes is mostly that warm-up's.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLAIM_TYPES, type ClaimType } from '../src/domain/types.js';
import { EventGrouper } from '../src/grouping/event-grouper.js';
import type { GroupingClaim } from '../src/grouping/grouping-claim.js';
import { firstDay, lastDay } from '../src/grouping/time-range.js';
import { seededRandom as random } from '../test/support/random.js';

const SIZES = [10_000, 100_000, 1_000_000];

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

export type World = 'growing' | 'fixed';

/** Regions, places, facilities and sources of a world with this many claims. */
export function worldSize(claims: number, world: World): { regions: number; places: number; facilities: number; sources: number } {
  const scale = world === 'fixed' ? 1 : claims / 100_000;
  const at = (per100k: number) => Math.max(1, Math.round(per100k * scale));
  return { regions: at(120), places: at(20_000), facilities: at(3_000), sources: at(800) };
}

/** Claims grouped by report, in the order reports arrive. */
export function syntheticReports(claims: number, world: World = 'growing'): GroupingClaim[][] {
  const rand = random(claims);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const size = worldSize(claims, world);
  const happenings: Happening[] = Array.from({ length: Math.max(10, Math.floor(claims / 5)) }, () => {
    const year = 2014 + Math.floor(rand() * 12);
    const month = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`;
    const region = `place:r${Math.floor(rand() * size.regions)}`;
    const h: Happening = { type: pick(CLAIM_TYPES), month, place: rand() < 0.6 ? `place:s${Math.floor(rand() * size.places)}` : region, region, source: `org:${Math.floor(rand() * size.sources)}` };
    if (rand() < 0.4) h.day = `${month}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    if (rand() < 0.5) h.facility = `facility:${Math.floor(rand() * size.facilities)}`;
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

interface Result {
  size: number;
  reports: number;
  events: number;
  seconds: number;
  cpuSeconds: number;
  candidatesPerClaim: number;
}

/** Groups one size and returns its numbers (run in a child process per size). */
function runOne(size: number, world: World): Result {
  // Warm-up: the JIT compiles the grouper on a small throwaway world, so the smallest size's time
  // per claim is not mostly compilation.
  const warm = new EventGrouper((claim) => claim.id);
  for (const report of syntheticReports(30_000, world)) warm.addReport(report);
  const reports = syntheticReports(size, world);
  let n = 0;
  const grouper = new EventGrouper(() => `e${(n += 1)}`);
  // Counts the events each claim is scored against, without touching the grouper's code: one
  // wrapper call per claim, negligible next to the grouping.
  let candidates = 0;
  const proto = EventGrouper.prototype as unknown as { candidates: (...args: unknown[]) => unknown[] };
  const original = proto.candidates;
  if (typeof original !== 'function') throw new Error('EventGrouper.candidates is gone: update the benchmark’s counter');
  proto.candidates = function (this: unknown, ...args: unknown[]) {
    const found = original.apply(this, args);
    candidates += found.length;
    return found;
  };
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (const report of reports) grouper.addReport(report);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  // CPU time of this (single-threaded) process: one core's work, whatever else the machine runs.
  // It includes the garbage collector's helper threads, so it can exceed the wall time.
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { size, reports: reports.length, events: grouper.eventCount, seconds, cpuSeconds, candidatesPerClaim: candidates / size };
}

const args = process.argv.slice(2);
const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
const worldAt = args.indexOf('--world');
const world: World = worldAt >= 0 ? (args.splice(worldAt, 2)[1] as World) : 'growing';
if (world !== 'growing' && world !== 'fixed') throw new Error(`--world growing|fixed, not ${String(world)}`);
if (!isMain) {
  // Imported (by a scratch script): only the synthetic world.
} else if (args[0] === '--one') {
  const result = runOne(Number(args[1]), world);
  // maxRSS is in kilobytes: the peak of this process, which grouped only this size.
  process.stdout.write(JSON.stringify({ ...result, peakMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
} else {
  const sizes = args.length > 0 ? args.map(Number) : SIZES;
  const self = fileURLToPath(import.meta.url);
  process.stdout.write(`world: ${world} (bench/grouping.ts header)\n`);
  process.stdout.write('claims      regions  events    wall time   CPU time    CPU µs/claim  × smallest  candidates/claim  peak memory (whole process, incl. the synthetic claims)\n');
  let first: number | undefined;
  for (const size of sizes) {
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=4096', self, '--world', world, '--one', String(size)], { encoding: 'utf8' });
    const r = JSON.parse(output) as Result & { peakMiB: number };
    const perClaim = (r.cpuSeconds / r.size) * 1e6;
    first ??= perClaim;
    process.stdout.write(
      `${r.size.toLocaleString('en').padEnd(11)} ${worldSize(r.size, world).regions.toLocaleString('en').padEnd(8)} ${r.events.toLocaleString('en').padEnd(9)} ${`${r.seconds.toFixed(2)} s`.padEnd(11)} ${`${r.cpuSeconds.toFixed(2)} s`.padEnd(11)} ${perClaim.toFixed(1).padEnd(13)} ${(perClaim / first).toFixed(2).padEnd(11)} ${r.candidatesPerClaim.toFixed(2).padEnd(17)} ${r.peakMiB} MiB\n`,
    );
  }
}
