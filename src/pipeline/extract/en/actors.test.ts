import { describe, expect, it } from 'vitest';
import { findActors, resolveActorPronoun, type ActorMemory } from './actors.js';

const actors = (text: string) => findActors(text, { start: 0, end: text.length }).map((a) => a.name);

describe('findActors', () => {
  it.each([
    ['The Wagner Group started recruiting inmates in August.', ['Wagner Group']],
    ['Russia had recruited as many as 50 women.', ['Russia']],
    ['Russian soldiers took prisoners to colonies.', ['Russian soldiers']],
    ['The Russian Ministry of Defence visited the colony.', ['Russian Ministry of Defence']],
    ['The proposal was made by inspectors.', ['inspectors']],
    ['Last spring representatives of the Ministry of Defence came to the camp.', ['Ministry of Defence']],
    ['Recruiters from the Wagner Group toured several colonies.', ['Wagner Group']],
    ['A unit of the Federal Security Service questions the detainees.', ['Federal Security Service']],
    ['The head of the Wagner group spoke to the convicts.', ['Wagner group']],
    ['Since then Russia has been freeing convicts who sign up.', ['Russia']],
    ['Russia has tapped thousands of inmates for the war.', ['Russia']],
    ['Before Russian troops retreated, the Russian military moved the inmates.', ['Russian military']],
  ])('%s', (text, expected) => expect(actors(text)).toEqual(expected));

  it.each([['Kremlin-backed outlets reported it.'], ['They wrote an open letter to Putin.'], ['It happened by November 15.'], ['Russian troops’ withdrawal began.'], ['It came after Vladimir Putin‘s invasion.'], ['It came after Vladimir Putin’s full-scale invasion.'], ['The trucks bore the pro-Putin symbol.'], ['Inmates signed contracts with the Ministry of Defence.'], ['They complained to relatives of the Wagner fighters.']])(
    'finds no actor in %s',
    (text) => expect(actors(text)).toEqual([]),
  );
});

describe('resolveActorPronoun', () => {
  /** Runs sentences in order, as the extractor does, and returns each one's doers. */
  const run = (sentences: string[]) => {
    const memory: ActorMemory = {};
    return sentences.map((s, i) => resolveActorPronoun(s, { start: 0, end: s.length }, i, findActors(s, { start: 0, end: s.length }), memory).map((a) => a.name));
  };

  it('resolves "they" to the organisation and "he" to the person named as doer shortly before', () => {
    expect(run(['Officers of the Ministry of Defence came to the camp in May.', 'They offered the men short contracts.', '“They promised good pay.'])).toEqual([
      ['Ministry of Defence'],
      ['Ministry of Defence'],
      ['Ministry of Defence'],
    ]);
    expect(run(['Recruiting was led by Yevgeny Prigozhin himself.', 'He personally visits the colonies.'])).toEqual([['Yevgeny Prigozhin'], ['Yevgeny Prigozhin']]);
  });

  it.each([
    [['The Wagner Group recruited convicts here.', 'They were taken to the front in May.']],
    [['The Wagner Group recruited convicts here.', 'He offered his cellmate a deal.']],
    [['The Wagner Group recruited convicts here.', 'Nothing else happened.', 'Nothing at all.', 'Really nothing.', 'Not a thing.', 'They offered new terms.']],
  ])('leaves the pronoun alone: %j', (sentences) => expect(run(sentences).at(-1)).toEqual([]));
});
