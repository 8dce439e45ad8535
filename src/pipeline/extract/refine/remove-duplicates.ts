import type { Claim } from '../../../domain/types.js';

/** Drops a claim that repeats another of the same type over the same span (kept: the first). */
export function removeDuplicateClaims(claims: Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = `${c.type}:${c.start}:${c.end}:${c.count?.value ?? ''}:${c.count?.min ?? ''}:${c.count?.max ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
