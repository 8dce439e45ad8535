import { CLAIM_TYPES } from '../../src/domain/types.js';
import type { GroupingClaim } from '../../src/grouping/grouping-claim.js';
import { firstDay, lastDay } from '../../src/grouping/time-range.js';
import { seededRandom as random } from './random.js';

/**
 * Claims in a small crowded world (3 regions of `townsPerRegion` towns, 8 facilities, 5 sources,
 * 6 months), one to six per report: blocks fill up, so many claims meet the caps on events per block and
 * candidates per claim, and events merge. Some reports are copies, some claims undated or with
 * counts that disagree. With many towns, events gather more places than profiles scan.
 */
export function denseWorld(seed: number, claims: number, townsPerRegion = 4): GroupingClaim[][] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const reports: GroupingClaim[][] = [];
  let made = 0;
  while (made < claims) {
    const reportId = `r${reports.length}`;
    const original = reports.length > 10 && rand() < 0.05 ? `r${Math.floor(rand() * reports.length)}` : undefined;
    const report: GroupingClaim[] = [];
    const size = 1 + Math.floor(rand() * 6);
    for (let k = 0; k < size && made < claims; k += 1, made += 1) {
      const region = Math.floor(rand() * 3);
      const town = rand() < 0.7 ? `place:t${region}-${Math.floor(rand() * townsPerRegion)}` : undefined;
      const claim: GroupingClaim = {
        id: `${reportId}:${made}`,
        reportId,
        ordinal: made,
        type: pick(CLAIM_TYPES),
        quoteKey: `q${Math.floor(rand() * claims)}`,
        facilities: rand() < 0.4 ? [`facility:${Math.floor(rand() * 8)}`] : [],
        places: town ? [{ key: town, country: false, within: [`place:r${region}`, 'country:x'] }] : [{ key: `place:r${region}`, country: false, within: ['country:x'] }],
        placeNames: {},
        sourceKeys: rand() < 0.6 ? [`org:s${Math.floor(rand() * 5)}`] : [],
        origin: { key: `org:s${Math.floor(rand() * 5)}`, name: 'source', kind: 'named' },
      };
      if (original) claim.originalReportId = original;
      const month = `2023-0${1 + Math.floor(rand() * 6)}`;
      const roll = rand();
      if (roll < 0.6) {
        const date = rand() < 0.4 ? `${month}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` : month;
        Object.assign(claim, { from: firstDay(date), to: lastDay(date), dayPrecise: date.length === 10 });
      } else if (roll < 0.9) {
        const published = lastDay(month) + Math.floor(rand() * 20);
        Object.assign(claim, { from: published - 92, to: published, weakTime: true });
      }
      if (rand() < 0.5) {
        const value = [10, 12, 40, 100, 250][Math.floor(rand() * 5)];
        claim.count = { low: value, high: value, text: String(value) };
      }
      if (rand() < 0.15) claim.gender = rand() < 0.5 ? 'female' : 'male';
      report.push(claim);
    }
    reports.push(report);
  }
  return reports;
}
