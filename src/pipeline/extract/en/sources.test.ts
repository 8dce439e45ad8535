import { describe, expect, it } from 'vitest';
import { findSources, type AttributionMemory } from './sources.js';

const sources = (text: string, memory: AttributionMemory = {}) =>
  findSources(text, { start: 0, end: text.length }, memory).map((s) => [s.name, ...(s.alternatives ?? [])].join(' | '));

describe('findSources', () => {
  it.each([
    ['Prisoners were moved, according to Sirena.', ['Sirena']],
    ['According to both Ukrainian officials and an independent watchdog, women were recruited.', ['Ukrainian officials', 'independent watchdog']],
    ['Ivan Petrov, the head of Prison Watch, said that inmates were beaten.', ['Ivan Petrov | Prison Watch']],
    ['“They were taken away,” Romanova told iStories.', ['Romanova', 'iStories']],
    ['Relatives of prisoners told Sirena that the convoy left.', ['Relatives of prisoners', 'Sirena']],
    ['Numbers fell, Mediazona reported, citing statistics from the Penitentiary Service.', ['Mediazona', 'Penitentiary Service']],
    ['In February, Ukrainian military officials said that women were recruited.', ['Ukrainian military officials']],
    ['Source: Russian news outlet Mediazona', ['Russian news outlet Mediazona']],
  ])('%s', (text, expected) => {
    expect(sources(text)).toEqual(expected);
  });

  it('resolves a pronoun to the last named person', () => {
    const memory: AttributionMemory = {};
    sources('Anna Karpova, the founder of Free Cells, said colonies emptied.', memory);
    expect(sources('He said 20 of them were detained.', memory)).toEqual(['Anna Karpova | Free Cells']);
    expect(sources('Most left, according to the human rights defender.', memory)).toEqual(['Anna Karpova | Free Cells']);
  });

  it('keeps offsets exact', () => {
    const text = 'Inmates were beaten, Gulagu.net said.';
    for (const s of findSources(text, { start: 0, end: text.length }, {})) expect(text.slice(s.span.start, s.span.end)).toBe(s.text);
  });

  it.each([['Prisoners were moved to Russia.'], ['It is not known how many died.'], ['The law was passed in May.']])('finds no source in %s', (text) => {
    expect(sources(text)).toEqual([]);
  });
});
