import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACILITY_BACK_REFERENCE, facilityKey, findFacilities, RULES } from './facilities.js';

const names = (text: string) => findFacilities(text, { start: 0, end: text.length }).map((f) => f.name);

describe('findFacilities', () => {
  it.each([
    ['They were moved to IK-7 in Stara Zburivka.', ['IK-7']],
    ['She served in Correctional Colony No. 2 in the Leningrad region.', ['Correctional Colony No. 2']],
    ['He was held in SIZO-2 in Taganrog.', ['SIZO-2']],
    ['He was held in Pre-Trial Detention Facility Number Two.', ['Pre-Trial Detention Facility Number Two']],
    ['Women from a penal colony in the Russia-occupied city of Snizhne joined.', ['penal colony in the Russia-occupied city of Snizhne']],
    ['The Olenivka penal colony was shelled.', ['Olenivka penal colony']],
    ['Relatives of inmates of correctional colony 6 “Obukhovo” spoke.', ['correctional colony 6 “Obukhovo”']],
  ])('%s', (text, expected) => {
    const found = findFacilities(text, { start: 0, end: text.length });
    expect(found.map((f) => f.name)).toEqual(expected);
    for (const f of found) expect(text.slice(f.span.start, f.span.end)).toBe(f.text);
  });

  it.each([['Russian prisoners were recruited.'], ['A prison in Russia held them.'], ['Ukrainian prisoners of war arrived.'], ['Women’s prisons were visited.']])(
    'finds no facility in %s',
    (text) => expect(names(text)).toEqual([]),
  );

  it('keys facilities by kind and number', () => {
    expect(facilityKey('IK-7')).toBe('facility:ik-7');
    expect(facilityKey('Pre-Trial Detention Facility Number Two')).toBe('facility:sizo-2');
    expect(facilityKey('penal colony in Snizhne')).toBeUndefined();
  });
});

describe('FACILITY_BACK_REFERENCE', () => {
  it.each([
    ['Conditions in the colony got worse.'],
    ['Guards at the notorious facility beat him.'],
    ['He was returned to this overcrowded Russian detention centre.'],
    ['Inmates of that prison in the Urals were moved.'],
    ['Its first foreign inmates arrived in April.'],
  ])('refers back in %s', (text) => expect(FACILITY_BACK_REFERENCE.test(text)).toBe(true));

  it.each([
    ['They were moved to the correctional facility in Russia.'],
    ['Prisoners fear the Russian prison system.'],
    ['A colony closed.'],
    ['It sent its troops there.'],
    // The facility word starts a compound that names no facility.
    ['Officials said that the country’s prison population fell by a third.'],
    ['The prison population fell by a third.'],
    ['He was released when the colony staff agreed.'],
  ])(
    'does not refer back in %s',
    (text) => expect(FACILITY_BACK_REFERENCE.test(text)).toBe(false),
  );
});

describe('facility rule hints', () => {
  // A rule runs only on a sentence its hint is found in: a sentence the rule matches must hold it.
  it('find every sentence their rule matches', () => {
    const piece = fc.constantFrom('Penal', 'penal', 'Correctional', 'Colony', 'colony', 'Prison', 'prison', 'Facility', 'camp', 'Detention', 'Centre', 'centre',
      'No.', 'No', 'Number', '#', '№', 'IK', 'SIZO', 'Sizo', 'LIU', 'ИК', '-', ' ', ' ', ' ', '7', '12', 'Two', 'in', 'of', 'at', 'for', 'women', 'the', 'Snizhne',
      'Kherson', 'Stara Zburivka', 'Russian-occupied', 'city of', 'region', 'pre-trial', '“', '”', 'Yablonevka', '’s', 'women’s');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const sentence = pieces.join(' ').replace(/ {2,}/g, ' ');
        for (const rule of RULES) {
          rule.re.lastIndex = 0;
          if (rule.hint && rule.re.test(sentence)) expect(rule.hint.test(sentence), `${rule.id} on ${sentence}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
