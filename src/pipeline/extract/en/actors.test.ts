import { describe, expect, it } from 'vitest';
import { findActors } from './actors.js';

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
  ])('%s', (text, expected) => expect(actors(text)).toEqual(expected));

  it.each([['Kremlin-backed outlets reported it.'], ['They wrote an open letter to Putin.'], ['It happened by November 15.'], ['Russian troops’ withdrawal began.'], ['It came after Vladimir Putin‘s invasion.'], ['Inmates signed contracts with the Ministry of Defence.'], ['They complained to relatives of the Wagner fighters.']])(
    'finds no actor in %s',
    (text) => expect(actors(text)).toEqual([]),
  );
});
