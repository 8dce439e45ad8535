/** The dashboard's only way to the data: the JSON API, typed by the server's own contract. */
import type { ClaimType } from '../../src/api/contract.ts';

export type * from '../../src/api/contract.ts';
// The one value the dashboard shares with the server: the claim types, in order.
export { CLAIM_TYPES } from '../../src/domain/types.ts';

/** The filters every view shares; they live in the URL (`#/?type=transfer&since=2023-01`). */
export interface Filters {
  type?: ClaimType[];
  place?: string;
  source?: string;
  search?: string;
  since?: string;
  until?: string;
  gender?: 'female' | 'male';
  nationality?: 'UA' | 'RU';
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Query string of the filters; `omit` drops some (the timeline ignores its own brush). */
export function filterQuery(filters: Filters, omit: (keyof Filters)[] = [], extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [keyof Filters, unknown][]) {
    if (omit.includes(key) || value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  if (!response.ok) throw new ApiError(response.status, body.message ?? response.statusText);
  return body as T;
}

export async function postJson<T>(path: string, payload: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(payload) });
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  if (!response.ok) throw new ApiError(response.status, body.message ?? response.statusText);
  return body as T;
}

export const claimPath = (id: string) => `#/claims/${encodeURIComponent(id)}`;
export const reportPath = (id: string) => `#/reports/${encodeURIComponent(id)}`;
