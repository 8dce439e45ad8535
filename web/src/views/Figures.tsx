import { useState } from 'react';
import { claimPath, filterQuery, type FigurePoint, type Filters, type SeriesView } from '../api.ts';
import { useFetch } from '../use-fetch.ts';

const WIDTH = 560;
const HEIGHT = 200;
const PAD = 36;

const amount = (p: FigurePoint) => p.value ?? p.max ?? p.min;

/** Population figures (or recruitment counts with their ranges) over time; each point opens its claim. */
export function Figures({ filters }: { filters: Filters }) {
  const [type, setType] = useState<'population' | 'recruitment'>('population');
  const series = useFetch<SeriesView>(`/api/series${filterQuery({ ...filters, type: undefined }, [], { type, limit: '1000' })}`);
  const points = (series.data?.points ?? []).filter((p) => p.time && amount(p) !== undefined);
  const times = points.map((p) => Date.parse(p.time!));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const top = Math.max(1, ...points.map((p) => p.max ?? amount(p)!));
  const x = (t: number) => PAD + (t1 > t0 ? ((t - t0) / (t1 - t0)) * (WIDTH - PAD * 2) : (WIDTH - PAD * 2) / 2);
  const y = (v: number) => HEIGHT - PAD / 2 - (v / top) * (HEIGHT - PAD);
  return (
    <section className="panel figures" aria-label="Figures">
      <h2>
        Figures{' '}
        <select value={type} onChange={(event) => setType(event.target.value as typeof type)} aria-label="Which figures">
          <option value="population">inmate population</option>
          <option value="recruitment">recruitment counts</option>
        </select>
      </h2>
      {series.error && <p className="error">{series.error}</p>}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} data-testid="figures">
        <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD / 2} y2={HEIGHT - PAD / 2} className="axis" />
        <text x={2} y={12} className="tick">{top.toLocaleString('en')}</text>
        {points.length > 0 && (
          <>
            <text x={PAD} y={HEIGHT - 2} className="tick">{points[0].time}</text>
            <text x={WIDTH - PAD} y={HEIGHT - 2} className="tick end">{points[points.length - 1].time}</text>
          </>
        )}
        {points.map((p) => {
          const cx = x(Date.parse(p.time!));
          const label = `${p.time}${p.timeFrom === 'published' ? ' (publication date)' : ''}: ${p.vague ?? ''}${p.value?.toLocaleString('en') ?? ''}${p.min !== undefined ? ` ≥${p.min.toLocaleString('en')}` : ''}${p.max !== undefined ? ` ≤${p.max.toLocaleString('en')}` : ''}${p.change ? ` (${p.change})` : ''} — ${p.sources.join('; ') || 'unattributed'}`;
          return (
            <a key={p.claimId} href={claimPath(p.claimId)} data-testid="figure-point">
              {p.min !== undefined && p.max !== undefined && <line x1={cx} x2={cx} y1={y(p.min)} y2={y(p.max)} className="range" />}
              <circle cx={cx} cy={y(amount(p)!)} r={4} className={`point ${p.change ?? ''} ${p.hedged || p.approximate ? 'hedged' : ''}`}>
                <title>{label}</title>
              </circle>
            </a>
          );
        })}
      </svg>
      <p className="hint">
        {points.length} point(s) in {series.data?.series.length ?? 0} series (scope · issuer). Hollow: hedged or approximate; red: decrease; green: increase.
      </p>
    </section>
  );
}
