import type { ClaimType } from './api.ts';

/** One colour per claim type (colour-blind-safe Okabe–Ito palette plus grey). */
export const TYPE_COLORS: Record<ClaimType, string> = {
  recruitment: '#D55E00',
  transfer: '#0072B2',
  population: '#009E73',
  release: '#56B4E9',
  abuse: '#CC79A7',
  death: '#000000',
  detention: '#E69F00',
  policy: '#999999',
};
