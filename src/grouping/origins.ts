import { lowerCaseWordLine } from '../knowledge/text/words.js';
import type { GroupingKnowledge } from './knowledge.js';

/**
 * The first-hand source a claim rests on, at the end of its attribution chain.
 *
 * - `named`: a person, organisation, state body or document named as the source;
 * - `outlet`: a news outlet named as the source and nothing behind it (its own reporting);
 * - `descriptive`: a source described, not named ("Ukrainian officials", "a watchdog");
 * - `report`: no source given: the report's outlet (a copy's original) vouches for it.
 */
export interface Origin {
  /** Identity for counting independence: an entity id, or a normalised name. */
  key: string;
  name: string;
  kind: 'named' | 'outlet' | 'descriptive' | 'report';
  /** Outlets the claim passed through on its way ("iStories" for "Romanova told iStories"). */
  via?: string[];
}

/** A source as a claim names it. */
export interface SourceName {
  name: string;
  alternatives?: string[];
  entityId?: string;
}

/**
 * Bodies whose statements are one origin with their parent's: the Defence Intelligence
 * directorate (HUR) is part of Ukraine's Defence Ministry and publishes through it.
 */
const PARENT_ORIGIN: Readonly<Record<string, string>> = {
  'org:ua-gur': 'org:ua-mod',
};

/** Lower-cased words only: how unresolved names compare. */
export function normaliseName(name: string): string {
  return lowerCaseWordLine(name);
}

/**
 * The origin of a claim from its sources. Outlets are intermediaries when anything else is
 * named; a person speaks for their organisation (Romanova and Russia Behind Bars are one origin).
 * With no source, the report's outlet is the origin (`fallback`).
 */
export function originOf(sources: readonly SourceName[], fallback: { key: string; name: string }, knowledge: GroupingKnowledge): Origin {
  const resolved = sources.map((source) => ({ source, agent: knowledge.agent(source.entityId ?? source.name) ?? (source.entityId ? undefined : knowledge.agent(source.name)) }));
  const outlets = resolved.filter((r) => r.agent?.kind === 'outlet');
  const via = outlets.map((r) => r.agent!.name);
  // Groups ("relatives", "human rights activists") are known words, not identifiable sources.
  const firstHand = resolved.find((r) => r.agent && r.agent.kind !== 'outlet' && r.agent.kind !== 'group') ?? resolved.find((r) => !r.agent && !isDescription(r.source.name));
  if (firstHand) {
    const origin: Origin = firstHand.agent
      ? { key: PARENT_ORIGIN[firstHand.agent.affiliation ?? firstHand.agent.id] ?? firstHand.agent.affiliation ?? firstHand.agent.id, name: firstHand.agent.name, kind: 'named' }
      : { key: `name:${normaliseName(firstHand.source.name)}`, name: firstHand.source.name, kind: 'named' };
    if (via.length > 0) origin.via = via;
    return origin;
  }
  if (outlets.length > 0) {
    const [first, ...rest] = outlets;
    const origin: Origin = { key: first.agent!.id, name: first.agent!.name, kind: 'outlet' };
    if (rest.length > 0) origin.via = rest.map((r) => r.agent!.name);
    return origin;
  }
  if (resolved.length > 0) {
    const [first] = resolved;
    return { key: `described:${first.agent?.id ?? normaliseName(first.source.name)}`, name: first.agent?.name ?? first.source.name, kind: 'descriptive' };
  }
  return { key: fallback.key, name: fallback.name, kind: 'report' };
}

/**
 * A description rather than a name: it starts or ends with a word in lower case ("Ukrainian
 * officials", "independent Russian prisons watchdog", "human rights organizations from the
 * Russian Federation"), as names of people and bodies are capitalised.
 */
function isDescription(name: string): boolean {
  const words: string[] = name.match(/[\p{L}\p{N}]+/gu) ?? [];
  const capitalised = (word: string) => /^[\p{Lu}\p{N}]/u.test(word);
  return words.length === 0 || !capitalised(words[0]) || !capitalised(words[words.length - 1]);
}

/** The origins of an event, and which of them count as independent. */
export interface EventOrigins {
  /** Every distinct origin, with how many claims and reports rest on it. */
  origins: (Origin & { claims: number; reports: number; independent: boolean })[];
  /** How many origins are independent. */
  independent: number;
}

/**
 * Folds the origins of an event's claims.
 *
 * - An outlet's own reporting is the same origin as a named source that reached readers via that
 *   outlet (Mediazona's figure and "FSIN statistics via Mediazona" are one analysis).
 * - Descriptions and unattributed claims say nothing about independence: they count only when
 *   nothing named is there (then as one origin each).
 *
 * Each item is one claim, or `claims` claims with the same origin and report (an event's tally).
 */
export function foldOrigins(claims: readonly { origin: Origin; reportId: string; claims?: number }[]): EventOrigins {
  const byKey = new Map<string, { origin: Origin; claims: number; reports: Set<string>; via: Set<string> }>();
  for (const { origin, reportId, claims: weight = 1 } of claims) {
    const entry = byKey.get(origin.key) ?? { origin, claims: 0, reports: new Set<string>(), via: new Set<string>() };
    entry.claims += weight;
    entry.reports.add(reportId);
    for (const outlet of origin.via ?? []) entry.via.add(outlet);
    byKey.set(origin.key, entry);
  }
  const viaOutlets = new Map<string, string>();
  for (const [key, entry] of byKey) for (const outlet of entry.via) viaOutlets.set(normaliseName(outlet), key);
  for (const [key, entry] of [...byKey]) {
    const into = entry.origin.kind === 'outlet' ? viaOutlets.get(normaliseName(entry.origin.name)) : undefined;
    if (into === undefined || into === key) continue;
    const target = byKey.get(into)!;
    target.claims += entry.claims;
    for (const report of entry.reports) target.reports.add(report);
    target.via.add(entry.origin.name);
    byKey.delete(key);
  }
  const hasNamed = [...byKey.values()].some((entry) => entry.origin.kind === 'named' || entry.origin.kind === 'outlet');
  const origins = [...byKey.values()]
    .map((entry) => {
      const origin = { ...entry.origin, claims: entry.claims, reports: entry.reports.size, independent: hasNamed ? entry.origin.kind === 'named' || entry.origin.kind === 'outlet' : true };
      if (entry.via.size > 0) origin.via = [...entry.via];
      else delete origin.via;
      return origin;
    })
    .sort((a, b) => Number(b.independent) - Number(a.independent) || b.reports - a.reports || a.name.localeCompare(b.name));
  return { origins, independent: origins.filter((o) => o.independent).length };
}
