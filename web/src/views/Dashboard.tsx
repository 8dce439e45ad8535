import { CLAIM_TYPES, type ClaimType, type Filters } from '../api.ts';
import { TYPE_COLORS } from '../colors.ts';
import { dashboardHash } from '../route.ts';
import { ClaimsTable } from './ClaimsTable.tsx';
import { Figures } from './Figures.tsx';
import { MapPanel } from './MapPanel.tsx';
import { Timeline } from './Timeline.tsx';

/** The overview: filters, map, timeline, figures and the claims table, all driven by the same filters. */
export function Dashboard({ filters }: { filters: Filters }) {
  const update = (change: Partial<Filters>) => {
    location.hash = dashboardHash({ ...filters, ...change });
  };
  const types = filters.type ?? [];
  const toggle = (type: ClaimType) => update({ type: types.includes(type) ? types.filter((t) => t !== type) : [...types, type] });
  return (
    <div className="dashboard">
      <section className="filters" aria-label="Filters">
        <div className="types">
          {CLAIM_TYPES.map((type) => (
            <label key={type} className="type-toggle">
              <input type="checkbox" checked={types.includes(type)} onChange={() => toggle(type)} />
              <span className="swatch" data-type={type} ref={(el) => el?.style.setProperty('background', TYPE_COLORS[type])} />
              {type}
            </label>
          ))}
        </div>
        <form
          className="text-filters"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const value = (key: string) => String(form.get(key) ?? '').trim() || undefined;
            update({ search: value('search'), place: value('place'), source: value('source'), gender: value('gender') as Filters['gender'], nationality: value('nationality') as Filters['nationality'] });
          }}
        >
          <input name="search" type="search" placeholder="Search quotes" defaultValue={filters.search} key={`s${filters.search}`} aria-label="Search quotes" />
          <input name="place" placeholder="Place" defaultValue={filters.place} key={`p${filters.place}`} aria-label="Place" />
          <input name="source" placeholder="Source" defaultValue={filters.source} key={`o${filters.source}`} aria-label="Source" />
          <select name="gender" defaultValue={filters.gender ?? ''} key={`g${filters.gender}`} aria-label="Gender">
            <option value="">any gender</option>
            <option value="female">women</option>
            <option value="male">men</option>
          </select>
          <select name="nationality" defaultValue={filters.nationality ?? ''} key={`n${filters.nationality}`} aria-label="Nationality">
            <option value="">any nationality</option>
            <option value="UA">Ukrainian</option>
            <option value="RU">Russian</option>
          </select>
          <button type="submit">Apply</button>
          <button type="button" onClick={() => (location.hash = '#/')}>
            Clear all
          </button>
        </form>
        {(filters.since || filters.until) && (
          <p className="range" data-testid="time-range">
            Time: {filters.since ?? '…'} – {filters.until ?? '…'}{' '}
            <button type="button" onClick={() => update({ since: undefined, until: undefined })}>
              clear
            </button>
          </p>
        )}
      </section>
      <div className="grid">
        <MapPanel filters={filters} onPlace={(place) => update({ place })} />
        <div className="side">
          <Timeline filters={filters} onBrush={(since, until) => update({ since, until })} />
          <Figures filters={filters} />
        </div>
      </div>
      <ClaimsTable filters={filters} />
    </div>
  );
}
