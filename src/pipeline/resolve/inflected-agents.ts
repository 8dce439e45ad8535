import type { Agent, AgentRegistry } from '../../knowledge/organisations/registry.js';
import { caseStem } from '../morphology/stem.js';

/**
 * Organisations named in another grammatical case than the registry lists them: "по данным
 * Важных историй", "в Генштабе ВСУ", "24 Каналу", "в украинском Генштабе". The registry knows
 * "Важные истории", "Генштаб ВСУ", "24 Канал", "украинский Генштаб"; word by word, the stems
 * of the case forms must agree. The light stemmer (morphology/stem.ts) cuts some pairs one letter
 * apart ("истори" in "истории", "истор" in "историй"): a stem that is the other's with one
 * letter more still agrees. People are left out: their case forms are put back in the
 * nominative where they are read (nominativePersonName), and surnames alone say too little.
 */
export function inflectedAgent(name: string, registry: AgentRegistry): Agent | undefined {
  if (!CYRILLIC.test(name)) return undefined;
  const words = wordStems(name);
  if (!words.length) return undefined;
  let found: Agent | undefined;
  for (const candidate of indexOf(registry).get(words.length) ?? []) {
    if (!candidate.stems.every((stem, i) => stemsAgree(stem, words[i]))) continue;
    // Two organisations that agree are told apart by nothing here: neither is meant.
    if (found && found !== candidate.agent) return undefined;
    found = candidate.agent;
  }
  return found;
}

const CYRILLIC = /[\u0400-\u04ff]/u;
const MIN_STEM = 3;

interface Candidate {
  agent: Agent;
  stems: string[];
}

/** The registry's Cyrillic names of organisations, by their number of words; built once a registry. */
const indexes = new WeakMap<AgentRegistry, Map<number, Candidate[]>>();

function indexOf(registry: AgentRegistry): Map<number, Candidate[]> {
  let index = indexes.get(registry);
  if (!index) {
    index = new Map();
    for (const agent of registry.agents) {
      if (agent.kind === 'person') continue;
      for (const name of [agent.name, ...agent.aliases]) {
        if (!CYRILLIC.test(name)) continue;
        const stems = wordStems(name);
        if (!stems.length) continue;
        const list = index.get(stems.length) ?? [];
        list.push({ agent, stems });
        index.set(stems.length, list);
      }
    }
    indexes.set(registry, index);
  }
  return index;
}

/** The stems of a name's words, lower case; digits and abbreviations ("24", "ВСУ") as they are. */
function wordStems(name: string): string[] {
  return name
    .split(/[\s\u00a0]+/u)
    .filter(Boolean)
    .map((word) => (/^[\p{Lu}\d]+$/u.test(word) ? word.toLowerCase() : caseStem(word).stem));
}

function stemsAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= MIN_STEM && long.length === short.length + 1 && long.startsWith(short);
}
