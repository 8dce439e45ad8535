import { describe, expect, it } from 'vitest';
import { cyrillicLemmas, defaultGazetteer, nameKey } from './gazetteer.js';
import { findPlaceMentions } from './mentions.js';

const gazetteer = defaultGazetteer();

describe('gazetteer: spellings of one place give one id', () => {
  it.each([
    ['Kushchevka', 'place:ru:kushchevka'],
    ['Kuschevka', 'place:ru:kushchevka'],
    ['Kushchevskaya', 'place:ru:kushchevka'],
    ['Kushchyovskaya', 'place:ru:kushchevka'],
    ['Kuschtschewskaja', 'place:ru:kushchevka'],
    ['Кущёвская', 'place:ru:kushchevka'],
    ['Кущевская', 'place:ru:kushchevka'],
    ['Кущёвскую', 'place:ru:kushchevka'],
    ['Snizhne', 'place:ua:snizhne'],
    ['Snezhnoye', 'place:ua:snizhne'],
    ['Snezhnoe', 'place:ua:snizhne'],
    ['Сніжне', 'place:ua:snizhne'],
    ['Снежное', 'place:ua:snizhne'],
    ['Снежном', 'place:ua:snizhne'],
    ['Stara Zburivka', 'place:ua:stara-zburivka'],
    ['Stara Zburyivka', 'place:ua:stara-zburivka'],
    ['Staraya Zburyevka', 'place:ua:stara-zburivka'],
    ['Стара Збур’ївка', 'place:ua:stara-zburivka'],
    ['Olenivka', 'place:ua:olenivka'],
    ['Yelenovka', 'place:ua:olenivka'],
    ['Оленовке', 'place:ua:olenivka'],
    ['Taganrog', 'place:ru:taganrog'],
    ['Таганроге', 'place:ru:taganrog'],
    ['Kherson', 'place:ua:kherson'],
    ['Kherson region', 'place:ua:kherson-region'],
    ['Kherson Oblast', 'place:ua:kherson-region'],
    ['Херсонська область', 'place:ua:kherson-region'],
    ['Херсонской области', 'place:ua:kherson-region'],
    ['Krasnodar Krai', 'place:ru:krasnodar-region'],
    ['в Краснодарском крае'.slice(2), 'place:ru:krasnodar-region'],
    ['Kursk Oblast', 'place:ru:kursk-region'],
    ['Курской области', 'place:ru:kursk-region'],
    ['Mari El', 'place:ru:mari-el'],
    ['Zaporozhye region', 'place:ua:zaporizhzhia-region'],
    ['Gromadsk', 'place:ru:gromadsk'],
    ['Areiskoye', 'place:ru:areiskoye'],
    ['Russian Federation', 'place:ru:russia'],
  ])('%s → %s', (name, id) => {
    expect(gazetteer.candidates(name)[0]?.id).toBe(id);
  });

  it('knows every Russian federal subject and Ukrainian oblast, with a region, coordinates and Cyrillic names', () => {
    const regions = gazetteer.places.filter((p) => p.kind === 'region' && (p.country === 'RU' || p.country === 'UA') && p.curated);
    expect(regions.length).toBeGreaterThanOrEqual(83 + 24);
    for (const r of regions) {
      expect(Number.isFinite(r.lat) && Number.isFinite(r.lon), r.id).toBe(true);
    }
    expect(gazetteer.get('place:ua:kherson-region')?.occupation).toEqual({ status: 'partly-occupied', occupied: '2022-02-24', liberated: '2022-11-11' });
    expect(gazetteer.get('place:ua:crimea')?.occupation?.status).toBe('occupied');
    expect(gazetteer.get('place:ua:stara-zburivka')).toMatchObject({ region: 'place:ua:kherson-region', country: 'UA' });
  });

  it('keeps names() to the places etap wrote, so a regular expression built from it stays small', () => {
    expect(gazetteer.names().length).toBeLessThan(5000);
    expect(gazetteer.names()).toContain('Stara Zburivka');
    expect(gazetteer.lookup('Kherson')?.id).toBe('place:ua:kherson');
  });

  it('folds names for comparison, and lists nominatives for inflected Cyrillic', () => {
    expect(nameKey('The Rostov-on-Don')).toBe('rostov on don');
    expect(cyrillicLemmas('Кущёвскую')).toContain('Кущёвская');
    expect(cyrillicLemmas('Kherson')).toEqual([]);
  });
});

describe('findPlaceMentions', () => {
  it.each([
    ['Prisoners were taken from Kherson to Stara Zburivka.', ['Kherson', 'Stara Zburivka']],
    ['Women were moved to Snezhnoye in Ukraine’s Donetsk region.', ['Snezhnoye', 'Donetsk region']],
    ['Prisoners were held in St. Petersburg.', ['St. Petersburg']],
    ['Заключенных перевезли в Кущёвскую в Краснодарском крае.', ['Кущёвскую', 'Краснодарском крае']],
  ])('%s', (text, names) => {
    expect(findPlaceMentions(gazetteer, text).map((m) => m.text)).toEqual(names);
  });

  // Negative cases: a person's name that is also a town's, and a place that only describes a person.
  it.each([
    ['Vladimir Osechkin said the prisoners were moved.'],
    ['Sergei Kirov was quoted.'],
    ['Olga Romanova told iStories.'],
    ['Это сообщила Ольга Романова.'],
    ['A Kherson resident said so.'],
    ['Two Mariupol natives were held.'],
  ])('%s names no place', (text) => {
    expect(findPlaceMentions(gazetteer, text)).toEqual([]);
  });
});

describe('findKnownNames with a population floor (curated names only)', () => {
  // Words that start no curated name are passed over early; these forms must still be found.
  it.each([
    ['They were moved to St. Petersburg and then to St.Petersburg.', ['St. Petersburg', 'Petersburg']],
    ['Из Херсонской области их увезли в Кущёвскую и Таганрог.', ['Херсонской области', 'Кущёвскую', 'Таганрог']],
    ['Their relatives in Nova Kakhovka and Stara Zburivka said so.', ['Nova Kakhovka', 'Stara Zburivka']],
    ['Вони були в Олешках та в Херсоні.', ['Херсоні']],
  ])('%s', (text, names) => {
    expect(gazetteer.findKnownNames(text, undefined, Number.POSITIVE_INFINITY).map((k) => k.text)).toEqual(names);
  });
});
