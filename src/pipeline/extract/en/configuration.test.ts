import { describe, expect, it } from 'vitest';
import { extractClaims } from '../extract.js';

const types = (text: string) => extractClaims(text, { language: 'en', published: '2024-03-01' }).claims.map((c) => c.type);

describe('extractEnglish: release terms are policy', () => {
  it.each([
    ['Convicts will only be released from the army if they are badly wounded.', ['policy']],
    ['At first inmates were enticed with a full pardon after six months.', ['policy']],
    ['The recruiters promised the convicts a clean record if they survived the war.', ['policy']],
  ])('%s → %j', (text, expected) => expect(types(text)).toEqual(expected));

  it.each([
    ['The army released 457 inmates in May.', ['release']],
    ['Forty prisoners died in the colony after the attack.', ['death']],
  ])('%s stays a release', (text, expected) => expect(types(text)).toEqual(expected));
});
