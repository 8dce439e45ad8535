import { describe, expect, it } from 'vitest';
import { findSubjects } from './subjects.js';

const subjects = (text: string) => findSubjects(text, { start: 0, end: text.length });

describe('findSubjects', () => {
  it.each([
    ['About 300 citizens of Ukraine were held in two camps.', { nationality: 'UA' }],
    ['The troops took 900 Ukrainian criminals with them.', { nationality: 'UA' }],
    ['A court jailed a Ukrainian prisoner of war for 20 years.', { nationality: 'UA' }],
    ['Forty female prisoners were moved.', { gender: 'female' }],
    ['Russian inmates signed contracts.', { nationality: 'RU' }],
  ])('%s', (text, expected) => expect(subjects(text)).toEqual(expected));

  it.each([['The war in Ukraine goes on.'], ['A Kherson resident spoke to reporters.'], ['He said the colony was closed.']])('finds no subjects in %s', (text) =>
    expect(subjects(text)).toEqual({}),
  );
});
