import { defaultAgentRegistry } from '../knowledge/organisations/registry.js';
import { defaultGazetteer } from '../knowledge/places/gazetteer.js';

/** What grouping needs to know about a place entity. */
export interface PlaceFacts {
  kind: 'country' | 'region' | 'settlement';
  /** ISO alpha-2, lower case. */
  country?: string;
  /** Entity id of the region a settlement lies in. */
  region?: string;
}

/** What grouping needs to know about a source. */
export interface AgentFacts {
  id: string;
  name: string;
  kind: string;
  /** For a person: the organisation they speak for. */
  affiliation?: string;
}

/** The lookups grouping uses; the default reads etap's gazetteer and organisation list, tests and benchmarks pass their own. */
export interface GroupingKnowledge {
  place(entityId: string): PlaceFacts | undefined;
  /** An agent by entity id, or (when the value has none) by name. */
  agent(entityIdOrName: string): AgentFacts | undefined;
}

/** Knows nothing: entity ids and names are taken as they are. */
export const NO_KNOWLEDGE: GroupingKnowledge = { place: () => undefined, agent: () => undefined };

/** Grouping's view of the shipped gazetteer and organisation list. */
export function defaultGroupingKnowledge(): GroupingKnowledge {
  const gazetteer = defaultGazetteer();
  const agents = defaultAgentRegistry();
  return {
    place(entityId) {
      const place = gazetteer.get(entityId);
      if (!place) return undefined;
      const facts: PlaceFacts = { kind: place.kind };
      if (place.country) facts.country = place.country.toLowerCase();
      if (place.region) facts.region = place.region;
      return facts;
    },
    agent(key) {
      const agent = agents.get(key) ?? agents.lookup(key) ?? agents.lookup(trailingProperName(key));
      if (!agent) return undefined;
      const facts: AgentFacts = { id: agent.id, name: agent.name, kind: agent.kind };
      if (agent.affiliation) facts.affiliation = agent.affiliation;
      return facts;
    },
  };
}

/** The capitalised words a description ends with: "Russian independent media outlet Mediazona" → "Mediazona". */
function trailingProperName(name: string): string {
  const words = name.split(/\s+/u);
  let start = words.length;
  while (start > 0 && /^\p{Lu}/u.test(words[start - 1])) start -= 1;
  return words.slice(start).join(' ');
}
