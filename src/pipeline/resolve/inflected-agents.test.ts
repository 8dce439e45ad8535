import { describe, expect, it } from 'vitest';
import { AgentRegistry, defaultAgentRegistry } from '../../knowledge/organisations/registry.js';
import { inflectedAgent } from './inflected-agents.js';

describe('inflectedAgent', () => {
  it.each([
    ['Важных историй', 'org:istories'],
    ['Важливих історій', 'org:istories'],
    ['Генштабе ВСУ', 'org:ua-general-staff'],
    ['украинском Генштабе', 'org:ua-general-staff'],
    ['24 Каналу', 'org:24-kanal'],
  ])('%s is %s', (name, id) => {
    expect(inflectedAgent(name, defaultAgentRegistry())?.id).toBe(id);
  });

  it.each(['Важных новостей', 'Генштабом России', 'Каналу', '25 Каналу', 'Important Stories', 'Романовой'])('%s is none', (name) => {
    expect(inflectedAgent(name, defaultAgentRegistry())).toBeUndefined();
  });

  it('names nothing that two organisations agree with', () => {
    const registry = new AgentRegistry([
      { id: 'org:a', kind: 'outlet', name: 'Новая газета', aliases: [] },
      { id: 'org:b', kind: 'outlet', name: 'Новые газеты', aliases: [] },
      { id: 'org:c', kind: 'outlet', name: 'Старая газета', aliases: [] },
    ]);
    expect(inflectedAgent('Новой газеты', registry)).toBeUndefined();
    expect(inflectedAgent('Старой газете', registry)?.id).toBe('org:c');
  });

  it('leaves people to the readers of personal names', () => {
    const registry = new AgentRegistry([{ id: 'person:x', kind: 'person', name: 'Ольга Романова', aliases: [] }]);
    expect(inflectedAgent('Ольги Романовой', registry)).toBeUndefined();
  });
});
