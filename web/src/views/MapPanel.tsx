import { geoMercator, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import { CLAIM_TYPES, claimPath, filterQuery, type ClaimType, type DashboardConfig, type Filters, type MapPlace, type MapView } from '../api.ts';
import { TYPE_COLORS } from '../colors.ts';
import { useFetch } from '../use-fetch.ts';
import { TileLayer } from './TileLayer.tsx';

const WIDTH = 760;
const HEIGHT = 520;
// Ukraine, western Russia and neighbours: always in view, whatever the claims name.
const REGION: [number, number][] = [[22, 43], [60, 43], [60, 62], [22, 62]];
const HIGHLIGHT = new Set(['643', '804']); // ISO 3166 numeric: Russia, Ukraine

const dominant = (place: MapPlace): ClaimType =>
  CLAIM_TYPES.reduce((best, type) => ((place.byType[type] ?? 0) > (place.byType[best] ?? 0) ? type : best), CLAIM_TYPES[0]);

/** Places sized by claims and coloured by their commonest claim type, transfers as arrows, over country outlines. */
export function MapPanel({ filters, onPlace }: { filters: Filters; onPlace: (place: string) => void }) {
  const map = useFetch<MapView>(`/api/map${filterQuery(filters)}`);
  const basemap = useFetch<Topology<{ countries: GeometryCollection }>>('/basemap/countries-50m.json');
  const config = useFetch<DashboardConfig>('/api/config');
  const places = map.data?.places ?? [];

  const projection = useMemo(() => {
    // Countries sit at their centroids (Russia's is in Siberia): they don't widen the view.
    const points = [...REGION, ...places.filter((p) => p.kind !== 'country').map((p): [number, number] => [p.lon, p.lat])];
    return geoMercator().fitExtent([[16, 16], [WIDTH - 16, HEIGHT - 16]], { type: 'MultiPoint', coordinates: points });
  }, [places]);
  const countries = useMemo(() => {
    if (!basemap.data) return [];
    const path = geoPath(projection);
    const collection = feature(basemap.data, basemap.data.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    return collection.features.map((country) => ({ id: String(country.id), name: country.properties.name, d: path(country) ?? '' }));
  }, [basemap.data, projection]);

  const max = Math.max(1, ...places.map((p) => p.total));
  const radius = (total: number) => 4 + 18 * Math.sqrt(total / max);
  const xy = (lon: number, lat: number) => projection([lon, lat]) ?? [0, 0];

  return (
    <section className="panel map" aria-label="Map">
      <h2>Map {map.loading && <small>loading…</small>}</h2>
      {map.error && <p className="error">{map.error}</p>}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="Map of places named in claims" data-testid="map">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill={TYPE_COLORS.transfer} />
          </marker>
        </defs>
        <rect width={WIDTH} height={HEIGHT} className="sea" />
        {config.data?.tileUrl && <TileLayer template={config.data.tileUrl} projection={projection} width={WIDTH} height={HEIGHT} />}
        <g className="countries">
          {countries.map((country) => (
            <path key={country.id + country.name} d={country.d} className={HIGHLIGHT.has(country.id) ? 'country focus' : 'country'}>
              <title>{country.name}</title>
            </path>
          ))}
        </g>
        <g className="transfers">
          {map.data?.transfers.map((transfer) => {
            const [x1, y1] = xy(transfer.from.lon, transfer.from.lat);
            const [x2, y2] = xy(transfer.to.lon, transfer.to.lat);
            // A gentle curve, so opposite transfers between two places don't overlap.
            const mx = (x1 + x2) / 2 - (y2 - y1) * 0.2;
            const my = (y1 + y2) / 2 + (x2 - x1) * 0.2;
            return (
              <a key={`${transfer.from.key}>${transfer.to.key}`} href={claimPath(transfer.claimIds[0])} data-testid="map-transfer">
                <path d={`M${x1},${y1} Q${mx},${my} ${x2},${y2}`} className="transfer" strokeWidth={1.5 + Math.log2(1 + transfer.claims)} markerEnd="url(#arrow)">
                  <title>{`${transfer.from.name} → ${transfer.to.name}: ${transfer.claims} transfer claim(s)`}</title>
                </path>
              </a>
            );
          })}
        </g>
        <g className="places">
          {places.map((place) => {
            const [x, y] = xy(place.lon, place.lat);
            const counts = CLAIM_TYPES.filter((t) => place.byType[t]).map((t) => `${t} ${place.byType[t]}`).join(', ');
            return (
              <circle key={place.key} cx={x} cy={y} r={radius(place.total)} fill={TYPE_COLORS[dominant(place)]} className={place.kind === 'country' ? 'marker country-level' : 'marker'} data-testid="map-marker" onClick={() => onPlace(place.name)}>
                <title>{`${place.name}: ${place.total} claim(s) — ${counts}`}</title>
              </circle>
            );
          })}
        </g>
      </svg>
      <p className="legend">
        {CLAIM_TYPES.map((type) => (
          <span key={type}>
            <span className="swatch" ref={(el) => el?.style.setProperty('background', TYPE_COLORS[type])} /> {type}
          </span>
        ))}
      </p>
      <p className="attribution">{config.data?.basemapAttribution ?? ''}. Circle area: claims naming the place; click one to filter.</p>
    </section>
  );
}
