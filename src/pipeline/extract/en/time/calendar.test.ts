import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toAnchor } from './calendar.js';

/** The anchor of a date written out plainly, or undefined for no date or an impossible one. */
function expectedAnchor(published: string | undefined) {
  const m = published === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { year, month, day, epochDay: date.getTime() / 86_400_000 };
}

describe('toAnchor', () => {
  it('reads each date afresh, whatever was read before it (the last one is remembered)', () => {
    const published = fc.constantFrom(undefined, '', '2023-03-13', '2023-03-13T08:00:00Z', '2024-02-29', '2023-02-29', '2023-13-01', 'not a date', '2022-11-30');
    fc.assert(
      fc.property(fc.array(published, { maxLength: 12 }), (dates) => {
        for (const date of dates) expect(toAnchor(date)).toEqual(expectedAnchor(date));
      }),
      { numRuns: 300 },
    );
  });
});
