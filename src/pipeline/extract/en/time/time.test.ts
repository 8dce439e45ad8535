import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findTimes, type TimeMention } from './time.js';

interface Expected {
  start: number;
  end: number;
  text: string;
  /** The GUIDE's form: `START/END`, or one date for a point. */
  time: string;
  certainty: 'stated' | 'implied';
}

function project(m: TimeMention): Expected {
  const time = m.start === m.end ? m.start : `${m.start}/${m.end}`;
  return { start: m.span.start, end: m.span.end, text: m.text, time, certainty: m.certainty };
}

/** Input, publication date (null: none), expected mentions. 2023-03-20 is a Monday. */
const GOLDEN: [string, string | null, Expected[]][] = [
  ["The convoy left on November 15, 2022, at dawn.", "2023-03-20", [{"start": 19, "end": 36, "text": "November 15, 2022", "time": "2022-11-15", "certainty": "stated"}]],
  ["He was detained on 15 November 2022 in Kherson.", "2023-03-20", [{"start": 19, "end": 35, "text": "15 November 2022", "time": "2022-11-15", "certainty": "stated"}]],
  ["Guards beat him on Nov. 15, his lawyer said.", "2023-03-20", [{"start": 19, "end": 26, "text": "Nov. 15", "time": "2022-11-15", "certainty": "implied"}]],
  ["The decree was signed on Oct. 14 in Moscow.", "2022-11-20", [{"start": 25, "end": 32, "text": "Oct. 14", "time": "2022-10-14", "certainty": "implied"}]],
  ["They left on March 2, the report said.", "2023-03-20", [{"start": 13, "end": 20, "text": "March 2", "time": "2023-03-02", "certainty": "implied"}]],
  ["The bill reached the Duma on 31 May.", "2023-06-20", [{"start": 29, "end": 35, "text": "31 May", "time": "2023-05-31", "certainty": "implied"}]],
  ["The strike came on the night of July 28-29, 2022.", "2023-03-20", [{"start": 32, "end": 48, "text": "July 28-29, 2022", "time": "2022-07-28/2022-07-29", "certainty": "stated"}]],
  ["The first transfers began in May 2023.", "2023-07-01", [{"start": 29, "end": 37, "text": "May 2023", "time": "2023-05", "certainty": "stated"}]],
  ["Recruitment resumed in 2023 after a pause.", "2023-03-20", [{"start": 20, "end": 27, "text": "in 2023", "time": "2023", "certainty": "stated"}]],
  ["Recruiters toured the colonies in the summer of 2022.", "2023-03-20", [{"start": 38, "end": 52, "text": "summer of 2022", "time": "2022-06/2022-08", "certainty": "stated"}]],
  ["The vote came in late September 2024.", "2024-10-02", [{"start": 17, "end": 36, "text": "late September 2024", "time": "2024-09", "certainty": "stated"}]],
  ["Inmates started returning in late 2024.", "2025-01-10", [{"start": 29, "end": 38, "text": "late 2024", "time": "2024-10/2024-12", "certainty": "stated"}]],
  ["Officials hinted at the change in early 2023.", "2023-03-20", [{"start": 34, "end": 44, "text": "early 2023", "time": "2023-01/2023-03", "certainty": "stated"}]],
  ["The program expanded in mid-2023.", "2024-01-01", [{"start": 24, "end": 32, "text": "mid-2023", "time": "2023-05/2023-08", "certainty": "stated"}]],
  ["By the end of 2023, most of them had died.", "2024-02-01", [{"start": 3, "end": 18, "text": "the end of 2023", "time": "2023-12", "certainty": "stated"}]],
  ["The numbers fell again by early November.", "2022-11-20", [{"start": 26, "end": 40, "text": "early November", "time": "2022-11", "certainty": "implied"}]],
  ["At the beginning of September the colony was full.", "2022-11-20", [{"start": 3, "end": 29, "text": "the beginning of September", "time": "2022-09", "certainty": "implied"}]],
  ["Of those, 166 had been detained by November 15.", "2022-11-30", [{"start": 35, "end": 46, "text": "November 15", "time": "2022-11-15", "certainty": "implied"}]],
  ["She had been held there since the end of last year.", "2023-03-13", [{"start": 24, "end": 50, "text": "since the end of last year", "time": "2022-12/2023-03-13", "certainty": "implied"}]],
  ["A train was seen last week near Donetsk.", "2023-03-20", [{"start": 17, "end": 26, "text": "last week", "time": "2023-03-13/2023-03-19", "certainty": "implied"}]],
  ["A second train was seen this week.", "2023-03-22", [{"start": 24, "end": 33, "text": "this week", "time": "2023-03-20/2023-03-22", "certainty": "implied"}]],
  ["The ministry announced the rule last month.", "2023-03-20", [{"start": 32, "end": 42, "text": "last month", "time": "2023-02", "certainty": "implied"}]],
  ["The law was adopted last year.", "2023-03-20", [{"start": 20, "end": 29, "text": "last year", "time": "2022", "certainty": "implied"}]],
  ["The prisoners were moved yesterday.", "2023-03-20", [{"start": 25, "end": 34, "text": "yesterday", "time": "2023-03-19", "certainty": "implied"}]],
  ["Relatives gathered outside the colony today.", "2023-03-20", [{"start": 38, "end": 43, "text": "today", "time": "2023-03-20", "certainty": "implied"}]],
  ["The ministry said on Monday that the train had left.", "2023-03-22", [{"start": 18, "end": 27, "text": "on Monday", "time": "2023-03-20", "certainty": "implied"}]],
  ["The update was published on Friday.", "2023-03-20", [{"start": 25, "end": 34, "text": "on Friday", "time": "2023-03-17", "certainty": "implied"}]],
  ["Earlier this week, guards searched the barracks.", "2023-03-23", [{"start": 0, "end": 17, "text": "Earlier this week", "time": "2023-03-20/2023-03-22", "certainty": "implied"}]],
  ["Earlier this month, the colony was emptied.", "2023-03-20", [{"start": 0, "end": 18, "text": "Earlier this month", "time": "2023-03-01/2023-03-19", "certainty": "implied"}]],
  ["In May, prisoners were transferred to the east.", "2023-03-20", [{"start": 0, "end": 6, "text": "In May", "time": "2022-05", "certainty": "implied"}]],
  ["In November, the army left the city.", "2022-11-30", [{"start": 0, "end": 11, "text": "In November", "time": "2022-11", "certainty": "implied"}]],
  ["Earlier in November, the outlet reported new transfers.", "2022-11-30", [{"start": 0, "end": 19, "text": "Earlier in November", "time": "2022-11-01/2022-11-29", "certainty": "implied"}]],
  ["The transfers ran between September and November 2022.", "2023-03-20", [{"start": 18, "end": 53, "text": "between September and November 2022", "time": "2022-09/2022-11", "certainty": "stated"}]],
  ["The colony was closed from May to July.", "2023-03-20", [{"start": 22, "end": 38, "text": "from May to July", "time": "2022-05/2022-07", "certainty": "implied"}]],
  ["Transfers took place from December to February.", "2023-03-20", [{"start": 21, "end": 46, "text": "from December to February", "time": "2022-12/2023-02", "certainty": "implied"}]],
  ["Women have been recruited since the summer of 2022.", "2023-03-13", [{"start": 26, "end": 50, "text": "since the summer of 2022", "time": "2022-06/2023-03-13", "certainty": "implied"}]],
  ["Women have been recruited since at least the end of last year.", "2023-03-13", [{"start": 26, "end": 61, "text": "since at least the end of last year", "time": "2022-12/2023-03-13", "certainty": "implied"}]],
  ["Inmates have been recruited since February 2022.", "2023-03-13", [{"start": 28, "end": 47, "text": "since February 2022", "time": "2022-02/2023-03-13", "certainty": "implied"}]],
  ["The population dropped in September and October 2022.", "2023-03-20", [{"start": 26, "end": 52, "text": "September and October 2022", "time": "2022-09/2022-10", "certainty": "stated"}]],
  ["This spring the ministry took over recruitment.", "2023-06-26", [{"start": 0, "end": 11, "text": "This spring", "time": "2023-03/2023-05", "certainty": "implied"}]],
  ["Fewer agreed to go during the winter recruitment.", "2023-02-06", [{"start": 19, "end": 36, "text": "during the winter", "time": "2022-12/2023-02", "certainty": "implied"}]],
  ["The recruiters came in the fall of 2023.", "2024-04-09", [{"start": 27, "end": 39, "text": "fall of 2023", "time": "2023-09/2023-11", "certainty": "stated"}]],
  ["Friends confirmed the fall recruitment drive at the colony.", "2024-04-09", [{"start": 18, "end": 26, "text": "the fall", "time": "2023-09/2023-11", "certainty": "implied"}]],
  ["Wagner recruiters returned late last year.", "2023-02-08", [{"start": 27, "end": 41, "text": "late last year", "time": "2022-10/2022-12", "certainty": "implied"}]],
  ["The city was abandoned in November last year.", "2024-11-14", [{"start": 26, "end": 44, "text": "November last year", "time": "2023-11", "certainty": "implied"}]],
  ["The first visit was around last September.", "2024-04-09", [{"start": 27, "end": 41, "text": "last September", "time": "2023-09", "certainty": "implied"}]],
  ["Men came to the prison in the first half of July.", "2022-08-10", [{"start": 26, "end": 48, "text": "the first half of July", "time": "2022-07-01/2022-07-15", "certainty": "implied"}]],
  ["The feud came to a head in mid-June.", "2023-06-26", [{"start": 27, "end": 35, "text": "mid-June", "time": "2023-06", "certainty": "implied"}]],
  ["He returned from the front three months ago.", "2023-06-27", [{"start": 27, "end": 43, "text": "three months ago", "time": "2023-03", "certainty": "implied"}]],
  ["The minister spoke on 04 October 2023 about the figures.", null, [{"start": 22, "end": 37, "text": "04 October 2023", "time": "2023-10-04", "certainty": "stated"}]],
  ["The court ruled on 2022-08-02.", null, [{"start": 19, "end": 29, "text": "2022-08-02", "time": "2022-08-02", "certainty": "stated"}]],
  ["Prisoners were held there from 2014 to 2022.", null, [{"start": 26, "end": 43, "text": "from 2014 to 2022", "time": "2014/2022", "certainty": "stated"}]],
  ["Convicts were recruited in January and again in March.", "2023-04-01", [{"start": 24, "end": 34, "text": "in January", "time": "2023-01", "certainty": "implied"}, {"start": 45, "end": 53, "text": "in March", "time": "2023-03", "certainty": "implied"}]],
  ["The Wagner Group started recruiting inmates in August.", "2022-11-20", [{"start": 44, "end": 53, "text": "in August", "time": "2022-08", "certainty": "implied"}]],
];

/** No time: durations, vague or bounding words, verbs that look like months, and relatives without a publication date. */
const NEGATIVE: [string, string | null][] = [
  ["The colony is far from the front.", "2023-03-20"],
  ["They were freed in just two months.", "2023-03-20"],
  ["He was sent there two weeks ago.", "2023-03-20"],
  ["She was released a few days ago.", "2023-03-20"],
  ["Recently, recruiters returned.", "2023-03-20"],
  ["Life was different before the war.", "2023-03-20"],
  ["He may return to the colony.", "2023-03-20"],
  ["They will march to the border.", "2023-03-20"],
  ["The 2022 law changed little.", "2023-03-20"],
  ["Training lasts six months.", "2023-03-20"],
  ["He served 14 years in prison.", "2023-03-20"],
  ["The colony holds 2,022 inmates.", "2023-03-20"],
  ["In May, prisoners were moved.", null],
  ["Last week a train was spotted.", null],
  ["Women have been recruited since the summer of 2022.", null],
  ["The fall of Kherson changed everything.", "2023-03-20"],
  ["The spring weather was mild in the colony.", "2023-03-20"],
  ["The fall recruitment of 2019 is forgotten.", "2023-03-20"],
  ["Prices fell in the fall of the ruble.", "2023-03-20"],
  ["Visits happen every Friday.", "2023-03-20"],
  ["The winter of 2022 was hard.", "2023-03-20"],
  ["They hope to leave next year.", "2023-03-20"],
  ["He was held in IK-7 and SIZO-2.", "2023-03-20"],
  ["", "2023-03-20"],
];

describe('findTimes', () => {
  it.each(GOLDEN)('%s (published %s)', (input, published, expected) => {
    expect(findTimes(input, undefined, published ?? undefined).map(project)).toEqual(expected);
  });

  it.each(NEGATIVE)('finds nothing in %j (published %s)', (input, published) => {
    expect(findTimes(input, undefined, published ?? undefined)).toEqual([]);
  });

  it('reads only inside the range, with offsets into the whole text', () => {
    const text = 'In May 2021 nothing happened. In February, officials said Russia recruited women.';
    const start = text.indexOf('In February');
    const found = findTimes(text, { start, end: text.length }, '2023-03-13');
    expect(found.map(project)).toEqual([{ start: 30, end: 41, text: 'In February', time: '2023-02', certainty: 'implied' }]);
    expect(found[0].rule).toBe('en.time.month');
  });

  it('never resolves a relative time past the publication date', () => {
    for (const published of ['2023-01-01', '2023-03-20', '2024-02-29', '2023-12-31']) {
      const text = 'In May, last week, this week, earlier this month, on Sunday, this spring, in the winter, in December, on Dec. 31.';
      for (const m of findTimes(text, undefined, published)) expect(m.start <= published).toBe(true);
    }
  });

  it('never throws, and every mention is its own text inside the range', () => {
    const alphabet = fc.constantFrom(...'0123456789 ,.-–In May since late early mid-2023 November 15 last week the summer of between and'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 80 }).map((a) => a.join(''))),
        fc.nat(),
        fc.nat(),
        fc.option(fc.constantFrom('2023-03-20', '2022-11-30', 'not a date', '2024-02-29T10:00:00Z')),
        (text, a, b, published) => {
          const start = Math.min(a, b) % (text.length + 1);
          const end = start + ((Math.max(a, b) - Math.min(a, b)) % (text.length - start + 1));
          for (const m of findTimes(text, { start, end }, published ?? undefined)) {
            expect(m.text).toBe(text.slice(m.span.start, m.span.end));
            expect(m.span.start).toBeGreaterThanOrEqual(start);
            expect(m.span.end).toBeLessThanOrEqual(end);
            expect(m.start <= m.end).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
