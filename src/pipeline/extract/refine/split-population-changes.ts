import type { Claim } from '../../../domain/types.js';

/** PLACEHOLDER: one claim per population change in a sentence ("by 10,000 …, and by another 13,000 …"). */
export function splitPopulationChanges(text: string, claims: Claim[], published: string | undefined): Claim[] {
  void text;
  void published;
  return claims;
}
