import { describe, expect, it } from 'vitest';
import type { GroupingKnowledge } from './knowledge.js';
import { foldOrigins, originOf, type Origin, type SourceName } from './origins.js';

// A made-up organisation list: a watchdog and its spokeswoman, an outlet, a ministry and its directorate.
const agents: Record<string, { id: string; name: string; kind: string; affiliation?: string }> = {
  'org:watchdog': { id: 'org:watchdog', name: 'Watchdog', kind: 'organisation' },
  'person:anna': { id: 'person:anna', name: 'Anna', kind: 'person', affiliation: 'org:watchdog' },
  'org:paper': { id: 'org:paper', name: 'Paper', kind: 'outlet' },
  Paper: { id: 'org:paper', name: 'Paper', kind: 'outlet' },
  'org:prisons': { id: 'org:prisons', name: 'Prison Service', kind: 'state-body' },
  'org:ua-gur': { id: 'org:ua-gur', name: 'HUR', kind: 'state-body' },
  'group:relatives': { id: 'group:relatives', name: 'Relatives', kind: 'group' },
};
const knowledge: GroupingKnowledge = { place: () => undefined, agent: (key) => agents[key] };
const fallback = { key: 'outlet:daily', name: 'The Daily' };
const source = (name: string, entityId?: string): SourceName => (entityId ? { name, entityId } : { name });

describe('origins', () => {
  it.each<[string, SourceName[], Partial<Origin>]>([
    ['a person told an outlet → the person, for her organisation, via the outlet', [source('Anna', 'person:anna'), source('Paper', 'org:paper')], { key: 'org:watchdog', name: 'Anna', kind: 'named', via: ['Paper'] }],
    ['an outlet citing a state body → the state body via the outlet', [source('Paper', 'org:paper'), source('Prison Service statistics', 'org:prisons')], { key: 'org:prisons', kind: 'named', via: ['Paper'] }],
    ['an outlet alone → its own reporting', [source('Paper')], { key: 'org:paper', kind: 'outlet' }],
    ['a directorate → its ministry', [source('HUR', 'org:ua-gur')], { key: 'org:ua-mod', kind: 'named' }],
    ['a description → descriptive', [source('Ukrainian officials')], { kind: 'descriptive' }],
    ['a group word → descriptive', [source('relatives', 'group:relatives')], { key: 'described:group:relatives', kind: 'descriptive' }],
    ['an unknown proper name → named by its name', [source('Ivan Petrov')], { key: 'name:ivan petrov', kind: 'named' }],
    ['no source → the report’s outlet', [], { key: 'outlet:daily', kind: 'report' }],
  ])('%s', (_, sources, expected) => {
    expect(originOf(sources, fallback, knowledge)).toMatchObject(expected);
  });

  it('counts independent origins: an outlet’s own figure is the figure it passed on, descriptions count only alone', () => {
    const viaPaper: Origin = { key: 'org:prisons', name: 'Prison Service', kind: 'named', via: ['Paper'] };
    const paper: Origin = { key: 'org:paper', name: 'Paper', kind: 'outlet' };
    const anna: Origin = { key: 'org:watchdog', name: 'Anna', kind: 'named' };
    const officials: Origin = { key: 'described:officials', name: 'officials', kind: 'descriptive' };
    const folded = foldOrigins([
      { origin: viaPaper, reportId: 'a' },
      { origin: paper, reportId: 'b' },
      { origin: anna, reportId: 'c' },
      { origin: officials, reportId: 'd' },
    ]);
    expect(folded.independent).toBe(2);
    expect(folded.origins.map((o) => [o.key, o.independent, o.reports])).toEqual([
      ['org:prisons', true, 2],
      ['org:watchdog', true, 1],
      ['described:officials', false, 1],
    ]);
    expect(foldOrigins([{ origin: officials, reportId: 'd' }]).independent).toBe(1);
  });
});
