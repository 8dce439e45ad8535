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

describe('findActors with the speaker excluded', () => {
  /** The speaker's phrase is the sentence up to `speakerEnd` (as the source reader would find it). */
  const withSpeaker = (text: string, speaker: string) => {
    const start = text.indexOf(speaker);
    return findActors(text, { start: 0, end: text.length }, [{ start, end: start + speaker.length }]).map((a) => [a.name, ...(a.alternatives ?? [])].join(' | '));
  };

  it.each([
    // The speaker reports his own (or his organisation's) act: the organisation he speaks for is the doer.
    ['Wagner Group chief Yevgeny Prigozhin said in May that his company would stop recruiting convicts.', 'Wagner Group chief Yevgeny Prigozhin', ['Wagner Group | Yevgeny Prigozhin']],
    ['Wagner founder Yevgeny Prigozhin claimed that he had recruited 40,000 prisoners.', 'Wagner founder Yevgeny Prigozhin', ['Wagner | Yevgeny Prigozhin']],
  ])('%s', (text, speaker, expected) => expect(withSpeaker(text, speaker)).toEqual(expected));

  it.each([
    // The speaker only speaks about the act of others, or of the prisoners.
    ['Wagner Group chief Yevgeny Prigozhin said that the Defence Ministry recruited convicts.', 'Wagner Group chief Yevgeny Prigozhin', ['Defence Ministry']],
    ['Wagner founder Yevgeny Prigozhin said that they were released in May.', 'Wagner founder Yevgeny Prigozhin', []],
    ['Wagner founder Yevgeny Prigozhin said his fighters were brave.', 'Wagner founder Yevgeny Prigozhin', []],
    ['Wagner founder Yevgeny Prigozhin said that his fighters were moved to the front.', 'Wagner founder Yevgeny Prigozhin', []],
  ])('names no speaker as doer: %s', (text, speaker, expected) => expect(withSpeaker(text, speaker)).toEqual(expected));
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
