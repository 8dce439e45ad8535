import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim, NamedValue } from '../../domain/types.js';
import { defaultGazetteer } from '../../knowledge/places/gazetteer.js';
import { loadFacilityRegistry } from '../../knowledge/facilities/registry.js';
import { defaultAgentRegistry } from '../../knowledge/organisations/registry.js';
import { resolveClaims } from './resolve.js';

/** A named value at its first occurrence in `text`. */
function at(text: string, name: string, alternatives?: string[]): NamedValue {
  const start = Math.max(0, text.indexOf(name));
  return { name, ...(alternatives ? { alternatives } : {}), span: { start, end: start + name.length }, text: name, rule: 'test', certainty: 'stated' };
}

function claim(text: string, slots: Partial<Pick<Claim, 'places' | 'facilities' | 'sources' | 'actors'>>): Claim {
  return { type: 'transfer', quote: text, start: 0, end: text.length, rule: 'test', places: [], facilities: [], sources: [], actors: [], subjects: {}, hedged: false, ...slots };
}

function resolveOne(text: string, slots: Partial<Pick<Claim, 'places' | 'facilities' | 'sources' | 'actors'>>) {
  const { claims, messages } = resolveClaims(text, [claim(text, slots)]);
  return { claim: claims[0], messages };
}

describe('resolve: places', () => {
  it.each([
    ['Women were held in Snezhnoye.', 'Snezhnoye', 'place:ua:snizhne', 'Snizhne', 'settlement', 'Donetsk region'],
    ['Они в Снежном.', 'Снежном', 'place:ua:snizhne', 'Snizhne', 'settlement', 'Donetsk region'],
    ['They worked in Kuschevka.', 'Kuschevka', 'place:ru:kushchevka', 'Kushchevka', 'settlement', 'Krasnodar region'],
    ['Moved to Kushchyovskaya.', 'Kushchyovskaya', 'place:ru:kushchevka', 'Kushchevka', 'settlement', 'Krasnodar region'],
    ['Prisoners from Kherson were moved.', 'Kherson', 'place:ua:kherson', 'Kherson', 'settlement', 'Kherson region'],
    ['Prisoners from the Kherson region were moved.', 'Kherson region', 'place:ua:kherson-region', 'Kherson region', 'region', undefined],
    ['Prisoners in southern Russia.', 'southern Russia', 'place:ru:russia', 'Russia', 'country', undefined],
    ['В Краснодарском крае.', 'Краснодарском крае', 'place:ru:krasnodar-region', 'Krasnodar region', 'region', undefined],
  ])('%s', (text, name, id, canonicalName, precision, region) => {
    const place = resolveOne(text, { places: [at(text, name)] }).claim.places[0];
    expect(place).toMatchObject({ name, entityId: id, canonicalName, precision, country: id.split(':')[1].toUpperCase() });
    expect(place.region).toBe(region);
    expect(typeof place.lat).toBe('number');
  });

  it('decides a name several regions share by the region the report names nearby', () => {
    const donetsk = 'Ukrainian POWs in the Donetsk region were held in Olenivka.';
    expect(resolveOne(donetsk, { places: [at(donetsk, 'Olenivka')] }).claim.places[0].region).toBe('Donetsk region');
    const odesa = 'In the Odesa region, prisoners were held in Olenivka.';
    expect(resolveOne(odesa, { places: [at(odesa, 'Olenivka')] }).claim.places[0]).toMatchObject({ entityId: 'geonames:688208', region: 'Odesa Oblast' });
    const leningrad = 'Women were moved to Ulyanovka in the Leningrad region.';
    expect(resolveOne(leningrad, { places: [at(leningrad, 'Ulyanovka')] }).claim.places[0].entityId).toBe('place:ru:ulyanovka');
  });

  it('keeps an unknown place as written, with a message, and guesses nothing', () => {
    const text = 'Prisoners were held in Xyzgrad.';
    const { claim: c, messages } = resolveOne(text, { places: [at(text, 'Xyzgrad')] });
    expect(c.places).toEqual([at(text, 'Xyzgrad')]);
    expect(messages).toEqual([{ source: 'resolve', rule: 'resolve.unresolved-place', reason: expect.stringContaining('Xyzgrad'), severity: 'info', span: { start: 23, end: 30 } }]);
  });

  it('never changes the name the text gives', () => {
    const text = 'Women were held in Snezhnoye.';
    expect(resolveOne(text, { places: [at(text, 'Snezhnoye')] }).claim.places[0].name).toBe('Snezhnoye');
  });
});

describe('resolve: facilities', () => {
  it.each([
    ['They were moved to IK-7 in Stara Zburivka.', 'IK-7 in Stara Zburivka', [], 'facility:ua:stara-zburivka-ik-7'],
    ['Correctional Colony No. 7 of the Kherson region took them.', 'Correctional Colony No. 7 of the Kherson region', [], 'facility:ua:stara-zburivka-ik-7'],
    ['В ИК-7 Херсонской области.', 'ИК-7', ['Херсонской области'], 'facility:ua:stara-zburivka-ik-7'],
    ['Prisoners from Kherson were taken to IK-7.', 'IK-7', ['Kherson'], 'facility:ua:stara-zburivka-ik-7'],
    ['Fifty women left the women’s penal colony in Snizhne.', 'women’s penal colony in Snizhne', [], 'facility:ua:snizhne-women-colony'],
    ['They were held in the penal colony in Snezhnoye.', 'penal colony in Snezhnoye', [], 'facility:ua:snizhne-women-colony'],
    ['He was held in SIZO-2 in Taganrog.', 'SIZO-2 in Taganrog', [], 'facility:ru:taganrog-sizo-2'],
    ['He was held in Pre-Trial Detention Facility Number Two in Taganrog.', 'Pre-Trial Detention Facility Number Two', ['Taganrog'], 'facility:ru:taganrog-sizo-2'],
    ['Prisoners of correctional colony 7 “Yablonevka” wrote.', 'correctional colony 7 “Yablonevka”', [], 'facility:ru:yablonevka-ik-7'],
    ['POWs held in the Olenivka penal colony.', 'Olenivka penal colony', [], 'facility:ua:olenivka-colony'],
  ])('%s', (text, name, places, id) => {
    const c = resolveOne(text, { facilities: [at(text, name)], places: places.map((p) => at(text, p)) }).claim;
    expect(c.facilities[0]).toMatchObject({ name, entityId: id });
    expect(typeof c.facilities[0].lat).toBe('number');
  });

  it('makes a facility the registry lacks from its mention: kind, number and place', () => {
    const text = 'He is serving his sentence in IK-14 in Mordovia.';
    expect(resolveOne(text, { facilities: [at(text, 'IK-14 in Mordovia')] }).claim.facilities[0]).toMatchObject({ entityId: 'facility:ik-14@ru:mordovia', canonicalName: 'IK-14 (Mordovia)', precision: 'region' });
    const bare = 'He is in IK-14.';
    expect(resolveOne(bare, { facilities: [at(bare, 'IK-14')] }).claim.facilities[0].entityId).toBe('facility:ik-14');
  });

  it('does not pick one of two IK-7s without a place to tell them apart', () => {
    const text = 'He was sent to IK-7.';
    expect(resolveOne(text, { facilities: [at(text, 'IK-7')] }).claim.facilities[0].entityId).toBe('facility:ik-7');
  });

  it('reads a user facility file beside the seed; a user entry with a seed id replaces it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'etap-facilities-'));
    const path = join(dir, 'etap.facilities.json');
    writeFileSync(path, JSON.stringify({ facilities: [
      { id: 'facility:ru:mordovia-ik-14', kind: 'IK', number: 14, name: 'IK-14 (Mordovia)', region: 'place:ru:mordovia', gender: 'female', aliases: ['Mordovian women’s colony'] },
      { id: 'facility:ru:taganrog-sizo-2', kind: 'SIZO', number: 2, name: 'Taganrog SIZO-2 (edited)', settlement: 'place:ru:taganrog', aliases: [] },
    ] }));
    const registry = loadFacilityRegistry(path);
    expect(registry.lookup('Mordovian women’s colony')?.id).toBe('facility:ru:mordovia-ik-14');
    expect(registry.get('facility:ru:taganrog-sizo-2')?.name).toBe('Taganrog SIZO-2 (edited)');
    expect(registry.get('facility:ua:snizhne-women-colony')).toBeDefined();
    expect(loadFacilityRegistry(join(dir, 'missing.json')).facilities.length).toBe(registry.facilities.length - 1);
    const text = 'She is in IK-14 in Mordovia.';
    const knowledge = { gazetteer: defaultGazetteer(), facilities: registry, agents: defaultAgentRegistry() };
    const c = resolveClaims(text, [claim(text, { facilities: [at(text, 'IK-14 in Mordovia')] })], knowledge).claims[0];
    expect(c.facilities[0].entityId).toBe('facility:ru:mordovia-ik-14');
  });
});

describe('resolve: sources and actors', () => {
  it.each([
    ['Russia Behind Bars', 'org:russia-behind-bars'],
    ['Russian Behind Bars', 'org:russia-behind-bars'],
    ['Russia in Jail Foundation', 'org:russia-behind-bars'],
    ['Rus Sidyashchaya', 'org:russia-behind-bars'],
    ['Rus’ Sidyashchaya', 'org:russia-behind-bars'],
    ['Русь сидящая', 'org:russia-behind-bars'],
    ['FSIN', 'org:fsin'],
    ['Federal Penitentiary Service', 'org:fsin'],
    ['Russia’s Federal Penitentiary Service', 'org:fsin'],
    ['Russia’s Penitentiary Service', 'org:fsin'],
    ['ФСИН', 'org:fsin'],
    ['ФСИН России', 'org:fsin'],
    ['Федеральна служба виконання покарань Росії', 'org:fsin'],
    ['Wagner', 'org:wagner'],
    ['ЧВК «Вагнер»', 'org:wagner'],
    ['ПВК Вагнера', 'org:wagner'],
    ['Storm-Z', 'unit:storm-z'],
    ['Storm-V', 'unit:storm-v'],
    ['Russian Defense Ministry', 'org:ru-mod'],
    ['Минобороны РФ', 'org:ru-mod'],
    ['Ukraine’s Defense Ministry', 'org:ua-mod'],
    ['Mediazone', 'org:mediazona'],
    ['Important Stories', 'org:istories'],
    ['Важные истории', 'org:istories'],
    ['Vazhnye Istorii', 'org:istories'],
    ['Olga Romanova', 'person:olga-romanova'],
    ['Romanova', 'person:olga-romanova'],
    ['Ольга Романова', 'person:olga-romanova'],
    ['Volodymyr Osechkin', 'person:vladimir-osechkin'],
    ['Yevgeniy Prigozhin', 'person:prigozhin'],
    ['Євген Пригожин', 'person:prigozhin'],
    ['Oleksandr Maksimchuk', 'person:oleksandr-maksymchuk'],
    // A person named after their title.
    ['Deputy Justice Minister Vsevolod Vukolov', 'person:vsevolod-vukolov'],
    ['Russia’s Deputy Justice Minister Vsevolod Vukolov', 'person:vsevolod-vukolov'],
    ['Minister Vukolov', 'person:vsevolod-vukolov'],
    ["Ukraine's military intelligence", 'org:ua-gur'],
    ['военная разведка Украины', 'org:ua-gur'],
    // An organisation after words that describe it.
    ['outlet Verstka', 'org:verstka'],
    ['the rights group Russia Behind Bars', 'org:russia-behind-bars'],
    ['Russian independent media outlet Mediazona', 'org:mediazona'],
    ['St. Petersburg outlet Bumaga', 'org:bumaga'],
    // Before what it is; in quotation marks; with a gloss in brackets, cut off or not.
    ['Syrena publication', 'org:sirena'],
    ['Russian publication "Sirena"', 'org:sirena'],
    ['Russian magazine “Важные истории” (Important stories', 'org:istories'],
    ['the magazine «Важные истории» (Important Stories)', 'org:istories'],
  ])('%s → %s', (name, id) => {
    const text = `${name} said so.`;
    expect(resolveOne(text, { sources: [at(text, name)] }).claim.sources[0].entityId).toBe(id);
  });

  it('knows whom a person speaks for, so a claim sourced to either is found from both', () => {
    const text = 'Romanova said so.';
    expect(resolveOne(text, { sources: [at(text, 'Romanova')] }).claim.sources[0]).toMatchObject({ canonicalName: 'Olga Romanova', affiliation: 'org:russia-behind-bars' });
    const both = 'Olga Romanova of Russia Behind Bars said so.';
    expect(resolveOne(both, { sources: [at(both, 'Olga Romanova', ['Russia Behind Bars'])] }).claim.sources[0].entityId).toBe('person:olga-romanova');
  });

  // Negative cases: names that are not these organisations or people.
  it.each([['Kherson'], ['Maria'], ['Roman'], ['Russian prisoners'], ['a lawyer'], ['Maria Romanova'], ['Deputy Minister Ivan Romanov'], ['Friends of Mediazona'], ['Kherson Wagner'], ['a source close to the Defence Ministry'], ['a commander of Wagner'], ['Olga Romanova publication'], ['Mediazona reader group'], ['“Friends of Mediazona”'], ['Kherson (Wagner']])('%s resolves to no agent', (name) => {
    const text = `${name} said so.`;
    const value = resolveOne(text, { sources: [at(text, name)] }).claim.sources[0];
    expect(value.entityId).toBeUndefined();
  });
});
