import { describe, expect, it } from 'vitest';
import en from '../lexicons/en/actors.json' with { type: 'json' };
import ru from '../lexicons/ru/actors.json' with { type: 'json' };
import uk from '../lexicons/uk/actors.json' with { type: 'json' };
import { defaultAgentRegistry } from './registry.js';

describe('the actor lexicons and the registry', () => {
  // An actor id the registry lacks becomes an entity of its own, named by whatever text met it
  // first ("российскими военными"), apart from the same actor named in another language.
  it.each([
    ['en', en],
    ['ru', ru],
    ['uk', uk],
  ] as const)('every %s actor is an agent of the registry', (_language, lexicon) => {
    const ids = new Set(defaultAgentRegistry().agents.map((agent) => agent.id));
    expect(lexicon.actors.map((actor) => actor.id).filter((id) => !ids.has(id))).toEqual([]);
  });
});
