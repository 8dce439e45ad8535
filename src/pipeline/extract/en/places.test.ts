import { describe, expect, it } from 'vitest';
import { findPlaces } from './places.js';

const all = (text: string) => findPlaces(text, { start: 0, end: text.length });

describe('findPlaces', () => {
  it.each([
    ['Prisoners were moved to IK-7 in Stara Zburivka.', [['Stara Zburivka', 'place:ua:stara-zburivka']]],
    ['They worked in Kushchevka in the Krasnodar region.', [['Kushchevka', 'place:ru:kushchevka'], ['Krasnodar region', 'place:ru:krasnodar-region']]],
    ['Inmates from the Kherson and Mykolaiv regions were taken away.', [['Kherson region', 'place:ua:kherson-region'], ['Mykolaiv region', 'place:ua:mykolaiv-region']]],
    ['Women were held in Snezhnoye.', [['Snezhnoye', 'place:ua:snizhne']]],
    ['They were taken to Russian penal colonies.', [['Russia', 'place:ru:russia']]],
    ['They were sent to fight in Ukraine.', [['Ukraine', 'place:ua:ukraine']]],
    ['Prisoners came from the Tambovshchina Oblast.', [['Tambovshchina Oblast', undefined]]],
    ['By spring Russia’s prison population had fallen again.', [['Russia', 'place:ru:russia']]],
    ['He was sent to one of Russia’s harshest penal colonies.', [['Russia', 'place:ru:russia']]],
    ['The count of inmates in Russia has decreased sharply.', [['Russia', 'place:ru:russia']]],
    ['Convicts were recruited to fight in the war against Ukraine.', [['Ukraine', 'place:ua:ukraine']]],
    ['The men were taken to the border with Ukraine by bus.', [['Ukraine', 'place:ua:ukraine']]],
    // A place in an organisation's name is part of the name.
    ['Olga Romanova of Russia Behind Bars said women were taken from colonies around Kushchevka.', [['Kushchevka', 'place:ru:kushchevka']]],
    ['The National Police of Ukraine said 30 prisoners were moved to Russia.', [['Russia', 'place:ru:russia']]],
  ])('%s', (text, expected) => {
    const places = all(text);
    expect(places.map((p) => [p.name, p.entityId])).toEqual(expected);
    for (const p of places) expect(text.slice(p.span.start, p.span.end)).toBe(p.text);
  });

  it('gives coordinates for known places', () => {
    const [place] = all('Convicts left Taganrog.');
    expect(place.lat).toBeCloseTo(47.2, 0);
    expect(place.lon).toBeCloseTo(38.9, 0);
  });

  it.each([
    ['A Kherson resident said the shelling continued.'],
    ['Ukraine’s Defense Ministry said so.'],
    ['The war in Ukraine goes on.'],
    ['Russia had recruited them.'],
    ['They were Ukrainian prisoners.'],
    ['The number of Russian prisoners fell.'],
    ['Dozens of Kherson prisoners said so.'],
    ['About 900 citizens of Ukraine are held there.'],
    ['Prices rose during the war against Ukraine.'],
    ['Russia sentenced the soldier to 20 years.'],
    ['The use of convicts by Russia grew.'],
    ['Russia’s defence ministry recruited them.'],
    ['Since then Russia has released them.'],
    ['The Supreme Court of Russia upheld the sentence.'],
    ['Protection of Prisoners of Ukraine counted them.'],
    ['A spokesman for Russia in Jail confirmed it.'],
  ])('finds no place in %s', (text) => {
    expect(all(text)).toEqual([]);
  });
});
