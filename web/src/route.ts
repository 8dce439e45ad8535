import { useEffect, useState } from 'react';
import type { ClaimType, Filters } from './api.ts';

export type Route =
  | { page: 'dashboard'; filters: Filters }
  | { page: 'claim'; id: string }
  | { page: 'reports' }
  | { page: 'report'; id: string };

/** Reads the hash: `#/?filters`, `#/claims/ID`, `#/reports`, `#/reports/ID`. */
export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const claim = /^\/claims\/(.+)$/.exec(path);
  if (claim) return { page: 'claim', id: decodeURIComponent(claim[1]) };
  const report = /^\/reports\/(.+)$/.exec(path);
  if (report) return { page: 'report', id: decodeURIComponent(report[1]) };
  if (path === '/reports') return { page: 'reports' };
  return { page: 'dashboard', filters: parseFilters(new URLSearchParams(query)) };
}

function parseFilters(params: URLSearchParams): Filters {
  const filters: Filters = {};
  const types = params.getAll('type') as ClaimType[];
  if (types.length > 0) filters.type = types;
  for (const key of ['place', 'source', 'search', 'since', 'until'] as const) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const gender = params.get('gender');
  if (gender === 'female' || gender === 'male') filters.gender = gender;
  const nationality = params.get('nationality');
  if (nationality === 'UA' || nationality === 'RU') filters.nationality = nationality;
  return filters;
}

export function dashboardHash(filters: Filters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.set(key, String(value));
  }
  const query = params.toString();
  return `#/${query ? `?${query}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
