import type { AgentRegistry } from '../../knowledge/organisations/registry.js';
import type { NamedValue } from '../../domain/types.js';

/**
 * The organisation or person a source or actor names, by any of its names ("Русь сидящая",
 * "Russia in Jail Foundation"). A person carries the organisation they speak for. A name the
 * registry does not know keeps what the extractor gave it.
 */
export function resolveAgent(value: NamedValue, registry: AgentRegistry): NamedValue {
  for (const name of [value.name, ...(value.alternatives ?? [])]) {
    const agent = registry.lookup(name);
    if (!agent) continue;
    const out: NamedValue = { ...value, entityId: agent.id, canonicalName: agent.name };
    if (agent.affiliation) out.affiliation = agent.affiliation;
    return out;
  }
  return value;
}
