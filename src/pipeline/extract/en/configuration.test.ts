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

describe('extractEnglish: negated events and open questions', () => {
  it.each([
    ['The guards did not torture the convicts, the lawyer said.', []],
    ['Convicts who refuse will not be pardoned, the lawyer said.', ['policy']],
    ['The outlet found out why the convicts agreed to be sent to the front.', []],
    ['The outlet found out that 40 convicts were sent to the front in May.', ['recruitment']],
  ])('%s → %j', (text, expected) => expect(types(text)).toEqual(expected));
});

describe('extractEnglish: a part and its whole', () => {
  const claims = (text: string) => extractClaims(text, { language: 'en', published: '2024-03-01' }).claims.map((c) => [c.type, c.count?.value, c.rule.endsWith('.part-whole')]);
  it('reads the whole a death count is set against as a recruitment of its own', () =>
    expect(claims('Only 3,000 convicts remain alive out of 20,000 recruited by the company, relatives say.')).toEqual([
      ['death', undefined, false],
      ['recruitment', 20000, true],
    ]));

  it('gives the part and the whole of one type a claim each', () =>
    expect(claims('Out of 300 volunteers in the colony, 120 inmates were enrolled in the unit.')).toEqual([
      ['recruitment', 120, false],
      ['recruitment', 300, true],
    ]));

  it('gives a claim of the whole’s type with no count of its own the whole', () =>
    expect(claims('Of the 300 convicts recruited in the colony, most were sent to the front.')).toEqual([['recruitment', 300, false]]));
});

describe('extractEnglish: actors by claim type', () => {
  it('gives a count of inmates no doer, but keeps the doer of a recruitment in the same sentence', () => {
    const claims = extractClaims('The Wagner Group recruited so many convicts that the prison population fell to 300,000 inmates.', { language: 'en' }).claims;
    expect(claims.map((c) => [c.type, c.actors.map((a) => a.name)])).toEqual([
      ['population', []],
      ['recruitment', ['Wagner Group']],
    ]);
  });
});

describe('extractEnglish: two claims in one sentence', () => {
  it('reads a detention and the transfer that ended it', () =>
    expect(types('At first the captives were held in a camp near Donetsk, before being transferred to a colony in Russia.')).toEqual(['detention', 'transfer']));

  it('reads a detention and the recruitment of the one held', () =>
    expect(types('Far away, a former officer detained in the penal colony of Kursk also asked Wagner to recruit him.')).toEqual(['detention', 'recruitment']));

  it('reads one detention when nothing moved', () => expect(types('The captives were held in a camp near Donetsk for a year.')).toEqual(['detention']));
});

describe('extractEnglish: a pronoun going on about the prisoners before', () => {
  it('reads a claim whose subject is the prisoners of the sentence before', () =>
    expect(types('The prisoners were left in their cells for a month. Then they were shipped to a camp in Crimea.')).toEqual(['transfer']));
  it('reads none when the sentence before speaks of no prisoners', () => expect(types('The trucks stood in the yard for a month. Then they were shipped to Crimea.')).toEqual([]));
});

describe('extractEnglish: the country as the doer', () => {
  const placesOf = (text: string) => extractClaims(text, { language: 'en', published: '2024-03-01' }).claims.map((c) => c.places.map((p) => p.name));
  it('is an actor and no place', () => expect(placesOf('Moscow is recruiting convicts from colonies in Krasnodar.')).toEqual([['Krasnodar']]));
  it('stays a place where prisoners are taken', () => expect(placesOf('Wagner took the convicts from Moscow to Bakhmut.')).toEqual([['Moscow', 'Bakhmut']]));
});

describe('extractEnglish: troops in general', () => {
  /** Three sentences about prisoners first, so the report is on topic and a strong trigger alone would carry a sentence. */
  const onTopic = 'Inmates of IK-2 were moved in May. The prisoners were held in Rostov. Relatives of the convicts wrote to the colony. ';
  const lastTypes = (sentence: string) =>
    extractClaims(onTopic + sentence, { language: 'en', published: '2024-03-01' })
      .claims.filter((c) => c.start >= onTopic.length)
      .map((c) => c.type);

  it('reads no claim about troops in general', () => expect(lastTypes('Up to 75,000 Russian troops have been killed since the invasion began.')).toEqual([]));
  it('still reads soldiers held as prisoners', () => expect(lastTypes('Days before the strike, Ukrainian soldiers were transferred to new barracks.')).toEqual(['transfer']));
  it('still reads a sentence that names prisoners beside troops', () => expect(lastTypes('Troops transferred 40 prisoners to Taganrog.')).toEqual(['transfer']));
});

describe('extractEnglish: prisons closing', () => {
  it.each([
    ['The region is closing down two penal colonies for lack of inmates.', ['population']],
    ['Several prisons, including a colony for repeat offenders in Tver, will be shuttered.', ['population']],
    // Emptied by recruitment: both are reported, the recruitment on its weaker trigger.
    ['Moscow has tapped so many inmates for the war that it is closing some prisons, an official said.', ['population', 'recruitment']],
  ])('%s → %j', (text, expected) => expect(types(text)).toEqual(expected));

  it('reads no population in a closing that is not of prisons', () => expect(types('The border with the colony region will be closed to trucks, inmates said.')).not.toContain('population'));
});

describe('extractEnglish: figures not given', () => {
  it.each([['The exact number of inmates sent to the front is not known.'], ['Figures on the number of prisoners in each region are not published.']])(
    'reads no population claim in %s',
    (text) => expect(types(text)).not.toContain('population'),
  );

  it('still reads a figure that is given', () => expect(types('The number of prisoners fell to 266,000 last year.')).toEqual(['population']));
});
