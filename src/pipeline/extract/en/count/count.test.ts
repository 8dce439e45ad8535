import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findCounts, type CountMention } from './count.js';
import { findChanges } from './change.js';

interface Expected {
  start: number;
  end: number;
  text: string;
  value?: number;
  min?: number;
  max?: number;
  approximate?: boolean;
  vague?: string;
  head?: { start: number; word: string };
}

/** The fields a golden case asserts, in a stable shape. */
function project(m: CountMention): Expected {
  const out: Expected = { start: m.span.start, end: m.span.end, text: m.text };
  for (const key of ['value', 'min', 'max', 'approximate', 'vague'] as const) if (m[key] !== undefined) Object.assign(out, { [key]: m[key] });
  if (m.head) out.head = { start: m.head.span.start, word: m.head.word };
  return out;
}

const GOLDEN: [string, Expected[]][] = [
  ["The army released 457 inmates from detention.", [{"start": 18, "end": 21, "text": "457", "value": 457, "head": {"start": 22, "word": "inmates"}}]],
  ["Officials counted 2,500 Ukrainian citizens in the camps.", [{"start": 18, "end": 23, "text": "2,500", "value": 2500, "head": {"start": 34, "word": "citizens"}}]],
  ["Guards moved around 300 men to the border.", [{"start": 13, "end": 23, "text": "around 300", "value": 300, "approximate": true, "head": {"start": 24, "word": "men"}}]],
  ["About 40 detainees were freed.", [{"start": 0, "end": 8, "text": "About 40", "value": 40, "approximate": true, "head": {"start": 9, "word": "detainees"}}]],
  ["The colony held almost 1,200 convicts last spring.", [{"start": 16, "end": 28, "text": "almost 1,200", "value": 1200, "approximate": true, "head": {"start": 29, "word": "convicts"}}]],
  ["Nearly 90 women signed contracts.", [{"start": 0, "end": 9, "text": "Nearly 90", "value": 90, "approximate": true, "head": {"start": 10, "word": "women"}}]],
  ["Some 600 prisoners went missing.", [{"start": 0, "end": 8, "text": "Some 600", "value": 600, "approximate": true, "head": {"start": 9, "word": "prisoners"}}]],
  ["Roughly 75 inmates refused.", [{"start": 0, "end": 10, "text": "Roughly 75", "value": 75, "approximate": true, "head": {"start": 11, "word": "inmates"}}]],
  ["Approximately 3,400 people were moved by rail.", [{"start": 0, "end": 19, "text": "Approximately 3,400", "value": 3400, "approximate": true, "head": {"start": 20, "word": "people"}}]],
  ["An estimated 12,000 convicts died at the front.", [{"start": 0, "end": 19, "text": "An estimated 12,000", "value": 12000, "approximate": true, "head": {"start": 20, "word": "convicts"}}]],
  ["As many as 80 female prisoners left the colony.", [{"start": 0, "end": 13, "text": "As many as 80", "max": 80, "head": {"start": 21, "word": "prisoners"}}]],
  ["Recruiters took up to 150 men from each camp.", [{"start": 16, "end": 25, "text": "up to 150", "max": 150, "head": {"start": 26, "word": "men"}}]],
  ["More than 1,500 detainees are still held.", [{"start": 0, "end": 15, "text": "More than 1,500", "min": 1500, "head": {"start": 16, "word": "detainees"}}]],
  ["Over 700 inmates joined the unit.", [{"start": 0, "end": 8, "text": "Over 700", "min": 700, "head": {"start": 9, "word": "inmates"}}]],
  ["At least 35 prisoners were beaten.", [{"start": 0, "end": 11, "text": "At least 35", "min": 35, "head": {"start": 12, "word": "prisoners"}}]],
  ["Upwards of 9,000 convicts were pardoned.", [{"start": 0, "end": 16, "text": "Upwards of 9,000", "min": 9000, "head": {"start": 17, "word": "convicts"}}]],
  ["Between 40 and 50 women agreed to go.", [{"start": 0, "end": 17, "text": "Between 40 and 50", "min": 40, "max": 50, "head": {"start": 18, "word": "women"}}]],
  ["Between 20 to 60 men accepted the offer.", [{"start": 0, "end": 16, "text": "Between 20 to 60", "min": 20, "max": 60, "head": {"start": 17, "word": "men"}}]],
  ["The camp sent 40 to 50 inmates a week.", [{"start": 14, "end": 22, "text": "40 to 50", "min": 40, "max": 50, "head": {"start": 23, "word": "inmates"}}]],
  ["Each barrack held 40-50 prisoners.", [{"start": 18, "end": 23, "text": "40-50", "min": 40, "max": 50, "head": {"start": 24, "word": "prisoners"}}]],
  ["Each barrack held 40–50 prisoners.", [{"start": 18, "end": 23, "text": "40–50", "min": 40, "max": 50, "head": {"start": 24, "word": "prisoners"}}]],
  ["Rights groups counted 23 thousand departures.", [{"start": 22, "end": 33, "text": "23 thousand", "value": 23000}]],
  ["Russia has sent 1.5 million men to the front.", [{"start": 16, "end": 27, "text": "1.5 million", "value": 1500000, "head": {"start": 28, "word": "men"}}]],
  ["Their estimate was 23k, not more.", [{"start": 19, "end": 22, "text": "23k", "value": 23000}]],
  ["The prison service reported 100,000 fewer inmates.", [{"start": 28, "end": 35, "text": "100,000", "value": 100000, "head": {"start": 42, "word": "inmates"}}]],
  ["Fifty convicts left on the train.", [{"start": 0, "end": 5, "text": "Fifty", "value": 50, "head": {"start": 6, "word": "convicts"}}]],
  ["He saw two hundred prisoners in the yard.", [{"start": 7, "end": 18, "text": "two hundred", "value": 200, "head": {"start": 19, "word": "prisoners"}}]],
  ["A hundred inmates were moved at night.", [{"start": 0, "end": 9, "text": "A hundred", "value": 100, "head": {"start": 10, "word": "inmates"}}]],
  ["A dozen detainees were interrogated.", [{"start": 0, "end": 7, "text": "A dozen", "value": 12, "head": {"start": 8, "word": "detainees"}}]],
  ["Two hundred and fifty volunteers signed.", [{"start": 0, "end": 21, "text": "Two hundred and fifty", "value": 250, "head": {"start": 22, "word": "volunteers"}}]],
  ["Twenty-five men were released early.", [{"start": 0, "end": 11, "text": "Twenty-five", "value": 25, "head": {"start": 12, "word": "men"}}]],
  ["Thousands of prisoners were recruited.", [{"start": 0, "end": 9, "text": "Thousands", "vague": "thousands", "head": {"start": 13, "word": "prisoners"}}]],
  ["Dozens of inmates fell ill.", [{"start": 0, "end": 6, "text": "Dozens", "vague": "dozens", "head": {"start": 10, "word": "inmates"}}]],
  ["Hundreds were held in basements.", [{"start": 0, "end": 8, "text": "Hundreds", "vague": "hundreds"}]],
  ["Several hundred women asked to be sent.", [{"start": 0, "end": 15, "text": "Several hundred", "vague": "several hundred", "head": {"start": 16, "word": "women"}}]],
  ["Tens of thousands of convicts took the deal.", [{"start": 0, "end": 17, "text": "Tens of thousands", "vague": "tens of thousands", "head": {"start": 21, "word": "convicts"}}]],
  ["Some women joined up in the end.", [{"start": 0, "end": 4, "text": "Some", "vague": "some", "head": {"start": 5, "word": "women"}}]],
  ["He said 166 of them had been detained by November 15.", [{"start": 8, "end": 11, "text": "166", "value": 166, "head": {"start": 15, "word": "them"}}]],
  ["Out of 200 volunteers, 40 people were enrolled.", [{"start": 7, "end": 10, "text": "200", "value": 200, "head": {"start": 11, "word": "volunteers"}}, {"start": 23, "end": 25, "text": "40", "value": 40, "head": {"start": 26, "word": "people"}}]],
  ["In 2022, 1,200 prisoners were moved.", [{"start": 9, "end": 14, "text": "1,200", "value": 1200, "head": {"start": 15, "word": "prisoners"}}]],
  ["The colony, about 50 kilometers away, held 900 inmates.", [{"start": 43, "end": 46, "text": "900", "value": 900, "head": {"start": 47, "word": "inmates"}}]],
  ["In all, 2000 prisoners were counted.", [{"start": 8, "end": 12, "text": "2000", "value": 2000, "head": {"start": 13, "word": "prisoners"}}]],
  ["Prigozhin claimed 50,000 inmates; only 10,000 survived.", [{"start": 18, "end": 24, "text": "50,000", "value": 50000, "head": {"start": 25, "word": "inmates"}}, {"start": 39, "end": 45, "text": "10,000", "value": 10000}]],
  ["At least ten volunteers left IK-17 for the front.", [{"start": 0, "end": 12, "text": "At least ten", "min": 10, "head": {"start": 13, "word": "volunteers"}}]],
  ["About 50 may have died in the blast.", [{"start": 0, "end": 8, "text": "About 50", "value": 50, "approximate": true}]],
  ["Two or three guards watched 60 prisoners.", [{"start": 0, "end": 12, "text": "Two or three", "min": 2, "max": 3, "head": {"start": 13, "word": "guards"}}, {"start": 28, "end": 30, "text": "60", "value": 60, "head": {"start": 31, "word": "prisoners"}}]],
  ["Monitors listed 12 camps where detainees are held.", [{"start": 16, "end": 18, "text": "12", "value": 12}]],
  ["Four friends of jailed men spoke to us.", [{"start": 0, "end": 4, "text": "Four", "value": 4}]],
  ["Guards searched 30 sites holding captives.", [{"start": 16, "end": 18, "text": "30", "value": 30}]],
];

/** Numbers that are not counts of people (GUIDE: Counts), and sentences with no number at all. */
const NEGATIVE: string[] = [
  "The law was passed in 2022.",
  "It happened in 2023 and again in 2024.",
  "The raid took place on November 15.",
  "The raid took place on Nov. 15, according to lawyers.",
  "He was detained on 15 November 2022.",
  "Prices rose by 20% this year.",
  "Only 20 percent of them returned.",
  "More than half of the recruits died.",
  "A third of the inmates were ill.",
  "He was paid 2 dollars a day.",
  "It cost €5 per inmate.",
  "They were promised 100 rubles a month.",
  "The fee was 200 thousand rubles.",
  "The colony is 50 kilometers from Kherson.",
  "It is about 30 miles away.",
  "The training lasted two months.",
  "He served six months on the front.",
  "The trip took two weeks.",
  "He was sentenced to 14 years.",
  "He was charged under Article 78 of the code.",
  "He was moved to colony No. 7.",
  "Inmates of IK-7 were moved.",
  "He was held in SIZO-1 in Simferopol.",
  "He was transferred to penal colony No. 2.",
  "A man aged 45 was detained.",
  "A 45-year-old man was detained.",
  "The convoy left at 10:00.",
  "Call +7 495 123-45-67 for details.",
  "He was the 1st to sign.",
  "He came second in line.",
  "Two to three times fewer people agreed.",
  "He spent two and a half years in prison.",
  "One prisoner said he was beaten.",
  "A prisoner said he was beaten.",
  "The 1990s were different.",
  "Storm-Z units were formed.",
  "The Dirty Dozen was a film.",
  "The war began on 24.02.2022.",
  "Thousands of rubles were spent.",
  "Some regions stopped reporting.",
  "",
];

describe('findCounts', () => {
  it.each(GOLDEN)('%s', (input, expected) => {
    expect(findCounts(input).map(project)).toEqual(expected);
  });

  it.each(NEGATIVE)('finds nothing in %j', (input) => {
    expect(findCounts(input)).toEqual([]);
  });

  it('reads only inside the range, with offsets into the whole text', () => {
    const text = 'In May 300 guards came. Then around 2,500 Ukrainian citizens were moved.';
    const start = text.indexOf('Then');
    const found = findCounts(text, { start, end: text.length });
    expect(found.map(project)).toEqual([
      { start: 29, end: 41, text: 'around 2,500', value: 2500, approximate: true, head: { start: 52, word: 'citizens' } },
    ]);
    expect(found[0].rule).toBe('en.count.qualified');
    expect(found[0].certainty).toBe('stated');
  });

  it('never throws, and every mention is its own text inside the range', () => {
    const alphabet = fc.constantFrom(...'0123456789 ,.-–%$aboutmore than between and to thousands of inmates Nov. 15 IK-7 a dozen'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 80 }).map((a) => a.join(''))), fc.nat(), fc.nat(), (text, a, b) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = start + ((Math.max(a, b) - Math.min(a, b)) % (text.length - start + 1));
        for (const m of findCounts(text, { start, end })) {
          expect(m.text).toBe(text.slice(m.span.start, m.span.end));
          expect(m.span.start).toBeGreaterThanOrEqual(start);
          expect(m.span.end).toBeLessThanOrEqual(end);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('findChanges', () => {
  const CASES: [string, { text: string; start: number; change: string; kind: string; count: number }[]][] = [
    [
      'The population decreased by 9,000 inmates by May, and by another 4,000 by June.',
      [
        { text: 'decreased by 9,000', start: 15, change: 'decrease', kind: 'difference', count: 9000 },
        { text: 'by another 4,000', start: 54, change: 'decrease', kind: 'difference', count: 4000 },
      ],
    ],
    ['The number of inmates fell to 250,000 last year.', [{ text: 'fell to 250,000', start: 22, change: 'decrease', kind: 'level', count: 250000 }]],
    ['The number of convicts went down by 12,000 in two months.', [{ text: 'went down by 12,000', start: 23, change: 'decrease', kind: 'difference', count: 12000 }]],
    [
      'The count plunged from 400,000 before the war to a record low of 270,000.',
      [{ text: 'plunged from 400,000 before the war to a record low of 270,000', start: 10, change: 'decrease', kind: 'level', count: 270000 }],
    ],
    ['The prison population rose by 3,000 in a year.', [{ text: 'rose by 3,000', start: 22, change: 'increase', kind: 'difference', count: 3000 }]],
    ['Arrests increased by about 500 after the decree.', [{ text: 'increased by about 500', start: 8, change: 'increase', kind: 'difference', count: 500 }]],
    ['Deaths dropped by 20% after the reform.', []],
    ['The number of prisoners had stopped declining after the record fall in autumn 2022.', []],
  ];
  it.each(CASES)('%s', (input, expected) => {
    const found = findChanges(input).map((c) => ({ text: c.text, start: c.span.start, change: c.change, kind: c.kind, count: c.count.value ?? c.count.min ?? c.count.max }));
    expect(found).toEqual(expected);
  });

  it('keeps offsets absolute inside a range', () => {
    const text = 'Intro. Then it fell by 1,000.';
    const [change] = findChanges(text, { start: 7, end: text.length });
    expect(change.span).toEqual({ start: 15, end: 28 });
    expect(text.slice(change.count.span.start, change.count.span.end)).toBe('1,000');
  });
});
