import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

// Our own sentences, one claim-like statement per language.
const CASES: [string, string][] = [
  ['en', 'Prisoners were moved to a penal colony in the Krasnodar region in November, relatives said.'],
  ['ru', 'Заключённых перевели в колонию в Краснодарском крае в ноябре, сообщили родственники.'],
  ['uk', "В'язнів перевели до колонії в Краснодарському краї в листопаді, повідомили родичі."],
  ['pl', 'Więźniowie zostali przewiezieni do kolonii karnej w obwodzie krasnodarskim w listopadzie.'],
  ['cs', 'Vězni byli převezeni do trestanecké kolonie v Krasnodarském kraji v listopadu loňského roku.'],
  ['ro', 'Deținuții au fost transferați într-o colonie penală din regiunea Krasnodar în noiembrie.'],
  ['de', 'Die Gefangenen wurden im November in eine Strafkolonie in der Region Krasnodar gebracht.'],
  ['fr', 'Les prisonniers ont été transférés dans une colonie pénitentiaire de la région de Krasnodar.'],
  ['be', 'Вязняў перавезлі ў калонію ў Краснадарскім краі ў лістападзе.'],
  ['bg', 'Затворниците бяха преместени в наказателна колония в Краснодарския край през ноември.'],
  ['sr', 'Затвореници су пребачени у казнену колонију у Краснодарској области у новембру.'],
];

describe('detectLanguage', () => {
  it.each(CASES)('recognises %s', (language, text) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it.each([
    ['ru', 'Их увезли ночью.'],
    ['uk', 'Їх вивезли вночі.'],
    ['ru', 'Суд отказал им в этом.'],
    ['uk', 'Суд відмовив їм у цьому.'],
  ])('tells short %s from its neighbour: %s', (language, text) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it('says und for too little text', () => {
    expect(detectLanguage('')).toEqual({ language: 'und', confidence: 0 });
    expect(detectLanguage('IK-7, 2022').language).toBe('und');
    expect(detectLanguage('   12 345 …  ').language).toBe('und');
  });

  it('goes by the main script of a report that quotes names in another', () => {
    const text = 'Романова рассказала изданию iStories, что женщин вывозили из колоний в Краснодарском крае (Krasnodar).';
    expect(detectLanguage(text).language).toBe('ru');
  });

  it('is more confident on longer text', () => {
    const short = detectLanguage('Prisoners were moved.');
    const long = detectLanguage(CASES[0][1].repeat(3));
    expect(long.confidence).toBeGreaterThan(short.confidence);
    expect(long.confidence).toBeLessThanOrEqual(1);
  });
});
