import { describe, expect, it } from 'vitest';
import { makeClaim, named } from '../../test/support/fixtures.js';
import type { Claim } from '../domain/types.js';
import type { StoredClaim } from '../store/index.js';
import { NO_KNOWLEDGE } from './knowledge.js';
import { buildSeries, isLevel, scopeOf } from './series.js';

// Made-up population figures: the quote text is written here, not taken from any report.
function figure(id: string, quote: string, value: number, extra: Partial<Claim> = {}): StoredClaim {
  const at = quote.indexOf(value.toLocaleString('en'));
  const claim = makeClaim({
    type: 'population',
    quote,
    count: { value, span: { start: at, end: at + value.toLocaleString('en').length }, text: value.toLocaleString('en'), rule: 'test', certainty: 'stated' },
    ...extra,
  });
  return { ...claim, id, reportId: `r-${id}`, reviewState: 'unreviewed', report: { id: `r-${id}`, outlet: 'Outlet', published: '2024-01-10' } } as StoredClaim;
}
const time = (start: string) => ({ start, end: start, span: { start: 0, end: 1 }, text: start, rule: 'test', certainty: 'stated' as const });
const ministry = [named('Ministry of Justice')];

describe('population series', () => {
  it('keeps the whole system and colonies only on separate lines, each by issuer and as-of date', () => {
    const series = buildSeries(
      [
        figure('a', 'There were 433,000 inmates in the penal system.', 433000, { time: time('2023-01'), sources: ministry }),
        figure('b', 'Colonies held 266,000 inmates.', 266000, { time: time('2023-10'), sources: ministry }),
        figure('c', 'The number of inmates fell to 420,000.', 420000, { time: time('2023-03'), sources: ministry, change: 'decrease' }),
        figure('d', 'The number of inmates fell by 23,000.', 23000, { time: time('2022-11'), change: 'decrease' }),
      ],
      NO_KNOWLEDGE,
    );
    expect(series.map((s) => [s.scope, s.issuer, s.points.map((p) => [p.asOf, p.value])])).toEqual([
      ['whole penal system', 'Ministry of Justice', [['2023-01', 433000], ['2023-03', 420000]]],
      ['whole penal system, colonies', 'Ministry of Justice', [['2023-10', 266000]]],
    ]);
  });

  it.each([
    ['a level', figure('x', 'Russia had 348,000 male inmates.', 348000), true],
    ['a change by', figure('y', 'It decreased by 10,000 prisoners.', 10000, { change: 'decrease' }), false],
    ['a level reached by falling', figure('z', 'It fell to 266,000 people.', 266000, { change: 'decrease' }), true],
  ])('tells %s', (_, claim, level) => {
    expect(isLevel(claim)).toBe(level);
  });

  it('names facility, region and gender scopes', () => {
    expect(scopeOf(figure('f', 'IK-2 held 400 women.', 400, { facilities: [named('IK-2')], subjects: { gender: 'female' } }))).toBe('IK-2, women');
    expect(scopeOf(figure('g', 'The region held 9,000 inmates.', 9000, { places: [named('North Region', { entityId: 'place:x:north' })] }))).toBe('North Region');
  });
});
