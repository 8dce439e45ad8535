import { useRef, useState } from 'react';
import { CLAIM_TYPES, filterQuery, type Filters, type TimelineView } from '../api.ts';
import { TYPE_COLORS } from '../colors.ts';
import { useFetch } from '../use-fetch.ts';

const WIDTH = 560;
const HEIGHT = 170;
const AXIS = 18;

/** Claims per month, stacked by type. Dragging across months selects a time range for every other view. */
export function Timeline({ filters, onBrush }: { filters: Filters; onBrush: (since?: string, until?: string) => void }) {
  // The timeline shows all time (its own brush must not empty it).
  const timeline = useFetch<TimelineView>(`/api/timeline${filterQuery(filters, ['since', 'until'])}`);
  const [drag, setDrag] = useState<{ from: number; to: number }>();
  const svg = useRef<SVGSVGElement>(null);
  const months = timeline.data?.months ?? [];
  const step = months.length > 0 ? WIDTH / months.length : WIDTH;
  const max = Math.max(1, ...months.map((m) => m.total));
  const barHeight = (n: number) => ((HEIGHT - AXIS) * n) / max;

  const indexAt = (clientX: number) => {
    const box = svg.current!.getBoundingClientRect();
    const x = ((clientX - box.left) / box.width) * WIDTH;
    return Math.max(0, Math.min(months.length - 1, Math.floor(x / step)));
  };
  const selected = drag ?? rangeOf(months.map((m) => m.month), filters.since, filters.until);

  return (
    <section className="panel timeline" aria-label="Timeline">
      <h2>
        Claims per month {timeline.data && <small>({timeline.data.undated.total} without a date not shown)</small>}
      </h2>
      {timeline.error && <p className="error">{timeline.error}</p>}
      <svg
        ref={svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        data-testid="timeline"
        className="brushable"
        onPointerDown={(event) => {
          if (months.length === 0) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          const i = indexAt(event.clientX);
          setDrag({ from: i, to: i });
        }}
        onPointerMove={(event) => drag && setDrag({ ...drag, to: indexAt(event.clientX) })}
        onPointerUp={() => {
          if (!drag) return;
          const [a, b] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
          setDrag(undefined);
          onBrush(months[a].month, months[b].month);
        }}
      >
        {months.map((month, i) => {
          let y = HEIGHT - AXIS;
          return (
            <g key={month.month} data-month={month.month}>
              <title>{`${month.month}: ${month.total} claim(s)`}</title>
              {CLAIM_TYPES.filter((type) => month.byType[type]).map((type) => {
                const h = barHeight(month.byType[type]!);
                y -= h;
                return <rect key={type} x={i * step + 1} y={y} width={Math.max(1, step - 2)} height={h} fill={TYPE_COLORS[type]} />;
              })}
              {month.month.endsWith('-01') || i === 0 ? (
                <text x={i * step + 1} y={HEIGHT - 4} className="tick">
                  {month.month.slice(0, 4)}
                </text>
              ) : null}
            </g>
          );
        })}
        {selected && months.length > 0 && (
          <rect className="brush" data-testid="brush" x={Math.min(selected.from, selected.to) * step} y={0} width={(Math.abs(selected.to - selected.from) + 1) * step} height={HEIGHT - AXIS} />
        )}
      </svg>
      <p className="hint">Drag across months to filter the map, figures and table.{' '}
        {(filters.since || filters.until) && (
          <button type="button" onClick={() => onBrush(undefined, undefined)}>
            Clear range
          </button>
        )}
      </p>
    </section>
  );
}

function rangeOf(months: string[], since?: string, until?: string): { from: number; to: number } | undefined {
  if (!since && !until) return undefined;
  const from = since ? months.findIndex((m) => m >= since.slice(0, 7)) : 0;
  const to = until ? months.findLastIndex((m) => m <= until.slice(0, 7)) : months.length - 1;
  return from < 0 || to < 0 ? undefined : { from, to };
}
