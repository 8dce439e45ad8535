import type { Agent, AgentRegistry } from '../../knowledge/organisations/registry.js';
import type { NamedValue } from '../../domain/types.js';
import { compilePattern } from '../../knowledge/text/compile-pattern.js';
import { inflectedAgent } from './inflected-agents.js';

/** Words that title the surname after them ("Minister Vukolov", "lawyer Pavlov"). */
const TITLE = /^(?:minister|deputy|president|director|head|chief|chairman|chairwoman|governor|ombudsman|commissioner|general|colonel|spokesman|spokeswoman|spokesperson|lawyer|attorney|mr|mrs|ms|dr)\.?$/iu;
/** Words that describe what a name names ("the investigative outlet", "Russian rights group"), ending in what it is. */
const DESCRIBING = compilePattern(String.raw`^(?:\p{Ll}[\p{L}’'-]*|Russian|Ukrainian|Belarusian|British|American|European)$`, 'u');
/** A capitalised word before the kind word: where the organisation is ("St. Petersburg outlet Bumaga", "Moscow-based"). */
const PLACE_WORD = compilePattern(String.raw`^\p{Lu}[\p{L}’'-]*\.?$`, 'u');
/** Quotation marks around a name ("the magazine “Важные истории”"), which no registry name has at its ends. */
const QUOTES = /[“”„"«»]/gu;
/** A gloss in brackets after a name, closed or cut off at the end of the phrase: "Важные истории (Important Stories". */
const TRAILING_GLOSS = /\s*\([^()]*\)?$/u;
const KIND = /^(?:outlet|publication|newspaper|paper|website|site|magazine|channel|agency|service|group|organi[sz]ation|foundation|project|NGO|watchdog|movement|initiative|fund|company|unit|ministry)$/u;

/**
 * The organisation or person a source or actor names, by any of its names ("Русь сидящая",
 * "Russia in Jail Foundation"), or after words that describe or title it ("the outlet Verstka",
 * "Deputy Justice Minister Vsevolod Vukolov", "Minister Vukolov"). A person carries the
 * organisation they speak for. A name the registry does not know keeps what the extractor gave it.
 */
export function resolveAgent(value: NamedValue, registry: AgentRegistry): NamedValue {
  for (const name of [value.name, ...(value.alternatives ?? [])]) {
    const bare = unquoted(name);
    const agent = registry.lookup(name) ?? describedAgent(name, registry) ?? (bare === name ? undefined : describedAgent(bare, registry)) ?? inflectedAgent(bare, registry);
    if (!agent) continue;
    const out: NamedValue = { ...value, entityId: agent.id, canonicalName: agent.name };
    if (agent.affiliation) out.affiliation = agent.affiliation;
    return out;
  }
  return value;
}

/**
 * The agent a name ends with, after words that describe it ("outlet", "the rights group") or
 * title a person. A person is named by a first name and surname the registry knows, or a surname
 * alone right after a title word: a surname after a first name the registry does not know is
 * someone else's ("Maria Romanova" is not Olga).
 */
function describedAgent(name: string, registry: AgentRegistry): Agent | undefined {
  const words = name.split(/\s+/u).filter(Boolean);
  // "Syrena publication": an organisation named before what it is.
  if (words.length > 1 && KIND.test(words[words.length - 1])) {
    const agent = registry.lookup(words.slice(0, -1).join(' '));
    if (agent && agent.kind !== 'person') return agent;
  }
  for (let k = 1; k < words.length; k += 1) {
    const rest = words.slice(k);
    const agent = registry.lookup(rest.join(' '));
    if (!agent) continue;
    if (agent.kind !== 'person') {
      if (KIND.test(words[k - 1]) && words.slice(0, k - 1).every((word) => DESCRIBING.test(word) || PLACE_WORD.test(word))) return agent;
      continue;
    }
    if (rest.length > 1 || TITLE.test(words[k - 1])) return agent;
  }
  return undefined;
}

/** A name without quotation marks and without a gloss in brackets after it. */
function unquoted(name: string): string {
  return name.replace(QUOTES, '').replace(TRAILING_GLOSS, '').trim();
}
