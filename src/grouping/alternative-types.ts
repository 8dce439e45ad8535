import { CLAIM_TYPES, type ClaimType } from '../domain/types.js';

/**
 * Claim types one happening can be reported as (GUIDE: Ambiguity). Pairs are the ones the gold
 * annotations name as `alt_types`, each with the reason a reader would see both.
 */
export const ALTERNATIVE_TYPES: readonly { types: readonly [ClaimType, ClaimType]; reason: string }[] = [
  { types: ['recruitment', 'transfer'], reason: 'prisoners "transferred to fight" are recruited and moved at once' },
  { types: ['recruitment', 'policy'], reason: 'an announced recruitment practice is both' },
  { types: ['recruitment', 'release'], reason: 'pardon in exchange for service is recruitment and release' },
  { types: ['recruitment', 'abuse'], reason: 'coerced recruitment is abuse' },
  { types: ['release', 'policy'], reason: 'a pardon decree is a release and a policy' },
  { types: ['policy', 'abuse'], reason: 'a punitive regime is a policy and abuse' },
  { types: ['policy', 'detention'], reason: 'a detention order is a policy and a detention' },
  { types: ['transfer', 'detention'], reason: 'people moved into custody are transferred and detained' },
  { types: ['population', 'detention'], reason: 'a count of people held is a population and a detention' },
  { types: ['death', 'abuse'], reason: 'deaths from ill-treatment are both' },
];

const ALTERNATIVES = new Map<ClaimType, Set<ClaimType>>();
for (const { types: [a, b] } of ALTERNATIVE_TYPES) {
  for (const [from, to] of [[a, b], [b, a]] as const) {
    const set = ALTERNATIVES.get(from) ?? new Set<ClaimType>();
    set.add(to);
    ALTERNATIVES.set(from, set);
  }
}

const COMPATIBLE = new Map<ClaimType, readonly ClaimType[]>(CLAIM_TYPES.map((type) => [type, [type, ...(ALTERNATIVES.get(type) ?? [])]]));

/** The types a claim of `type` may share an event with: itself first, then its alternatives. */
export function compatibleTypes(type: ClaimType): readonly ClaimType[] {
  return COMPATIBLE.get(type)!;
}

export function areCompatibleTypes(a: ClaimType, b: ClaimType): boolean {
  return a === b || (ALTERNATIVES.get(a)?.has(b) ?? false);
}
