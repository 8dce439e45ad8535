import seed from './organisations.json' with { type: 'json' };
import { nameKey } from '../places/gazetteer.js';
import { nameSkeleton } from '../names/skeleton.js';

/** An organisation, outlet, armed group, state body or person that reports name as a source or actor. */
export interface Agent {
  id: string;
  kind: 'organisation' | 'outlet' | 'state-body' | 'armed-group' | 'group' | 'person';
  name: string;
  aliases: string[];
  /** ISO country whose possessive forms name it too ("Russia’s Federal Penitentiary Service"). */
  country?: string;
  /** For a person: the id of the organisation they speak for. */
  affiliation?: string;
}

/** Possessive and adjective forms of a state's body, from its plain name. */
const COUNTRY_FORMS: Record<string, { latin: string[]; cyrillic: string[] }> = {
  RU: { latin: ["Russia's {}", 'Russia’s {}', 'Russian {}', '{} of Russia', '{} of the Russian Federation'], cyrillic: ['{} РФ', '{} России', '{} Росії'] },
};

/** Looks agents up by any spelling: exact, then transliterated alike, then (people) by surname alone. */
export class AgentRegistry {
  private readonly byName = new Map<string, Agent>();
  private readonly bySkeleton = new Map<string, Agent>();
  private readonly bySurname = new Map<string, Agent | null>();
  private readonly byId = new Map<string, Agent>();
  /** Names already looked up (a registry never changes once built). */
  private readonly lookupCache = new Map<string, Agent | undefined>();

  constructor(readonly agents: Agent[]) {
    for (const agent of agents) {
      this.byId.set(agent.id, agent);
      for (const name of namesOf(agent)) {
        // The first agent keeps a shared spelling: the list is ordered by how often reports mean it.
        if (!this.byName.has(nameKey(name))) this.byName.set(nameKey(name), agent);
        if (!this.bySkeleton.has(nameSkeleton(name))) this.bySkeleton.set(nameSkeleton(name), agent);
        if (agent.kind === 'person') {
          const surname = nameSkeleton(name).split(' ').at(-1)!;
          // A surname shared by two people names neither.
          if (surname.length >= 4) this.bySurname.set(surname, this.bySurname.has(surname) && this.bySurname.get(surname) !== agent ? null : agent);
        }
      }
    }
  }

  /** The agent a name means, or undefined. A lone capitalised surname finds the one person who has it. */
  lookup(name: string): Agent | undefined {
    if (this.lookupCache.has(name)) return this.lookupCache.get(name);
    const found = this.findAgent(name);
    if (this.lookupCache.size > 20000) this.lookupCache.clear();
    this.lookupCache.set(name, found);
    return found;
  }

  private findAgent(name: string): Agent | undefined {
    const bare = name.replace(/^(?:the|a|an)\s+/iu, '').trim();
    const hit = this.byName.get(nameKey(bare)) ?? this.bySkeleton.get(nameSkeleton(bare));
    if (hit) return hit;
    if (/^\p{Lu}[\p{L}’'-]+$/u.test(bare)) return this.bySurname.get(nameSkeleton(bare)) ?? undefined;
    return undefined;
  }

  get(id: string): Agent | undefined {
    return this.byId.get(id);
  }
}

function namesOf(agent: Agent): string[] {
  const plain = [agent.name, ...agent.aliases];
  const forms = agent.country ? COUNTRY_FORMS[agent.country] : undefined;
  if (!forms) return plain;
  const derived = plain.flatMap((n) => (/\p{Script=Cyrillic}/u.test(n) ? forms.cyrillic : /^\p{Lu}/u.test(n) ? forms.latin : []).map((f) => f.replace('{}', n)));
  return [...plain, ...derived];
}

let shared: AgentRegistry | undefined;

/** The organisations and people that ship with etap. */
export function defaultAgentRegistry(): AgentRegistry {
  shared ??= new AgentRegistry(seed.entities as Agent[]);
  return shared;
}
