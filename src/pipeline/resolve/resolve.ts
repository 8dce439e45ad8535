import { defaultGazetteer, type Gazetteer } from '../../knowledge/places/gazetteer.js';
import { defaultFacilityRegistry, type FacilityRegistry } from '../../knowledge/facilities/registry.js';
import { defaultAgentRegistry, type AgentRegistry } from '../../knowledge/organisations/registry.js';
import type { Claim, Message } from '../../domain/types.js';
import { buildReportContext } from './context.js';
import { resolvePlace } from './places.js';
import { resolveFacility } from './facilities.js';
import { resolveAgent } from './agents.js';

/** What names resolve against; the defaults are what ships with etap (plus the user's facility file). */
export interface ResolveKnowledge {
  gazetteer: Gazetteer;
  facilities: FacilityRegistry;
  agents: AgentRegistry;
}

/**
 * The resolve step: every place, facility, source and actor mention of a report's claims gets the
 * entity it names (id, canonical name, and for places and facilities region, country,
 * coordinates and precision). Names are never changed, dropped or guessed: a place no entry fits
 * stays as written with a `resolve.unresolved-place` message. Pure: no I/O after the knowledge loads.
 *
 *   places first      → facilities use the claim's resolved places to tell IK-7s apart
 *   context per report → a region named anywhere in the report decides an ambiguous name
 */
export function resolveClaims(text: string, claims: Claim[], knowledge: ResolveKnowledge = defaultKnowledge()): { claims: Claim[]; messages: Message[] } {
  const messages: Message[] = [];
  // One message a mention (several claims of a sentence share it), found by key rather than by a
  // look through all so far: a long report has thousands.
  const told = new Set<string>();
  const context = buildReportContext(text, claims, knowledge.gazetteer);
  const resolved = claims.map((claim) => {
    const places = claim.places.map((value) => {
      const result = resolvePlace(value, knowledge.gazetteer, context);
      const key = result.message && `${result.message.span?.start}|${result.message.rule}`;
      if (key && !told.has(key)) {
        told.add(key);
        messages.push(result.message!);
      }
      return result.value;
    });
    return {
      ...claim,
      places,
      facilities: claim.facilities.map((value) => resolveFacility(value, knowledge.facilities, knowledge.gazetteer, places, context)),
      sources: claim.sources.map((value) => resolveAgent(value, knowledge.agents)),
      actors: claim.actors.map((value) => resolveAgent(value, knowledge.agents)),
    };
  });
  return { claims: resolved, messages };
}

let shared: ResolveKnowledge | undefined;

/** The gazetteer, facility registry (seed + user file) and agent registry, loaded once. */
export function defaultKnowledge(): ResolveKnowledge {
  shared ??= { gazetteer: defaultGazetteer(), facilities: defaultFacilityRegistry(), agents: defaultAgentRegistry() };
  return shared;
}
