import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractClaims } from './extract.js';

const SAMPLE =
  'Relatives of prisoners told Sirena that in May, about 2,500 Ukrainian prisoners were transferred to IK-7 in Stara Zburivka. ' +
  'He said 166 of them had been detained by November 15. The Wagner Group started recruiting inmates in August.';

describe('extractClaims', () => {
  it('pins every claim to its sentence and keeps provenance', () => {
    const { claims } = extractClaims(SAMPLE, { language: 'en', published: '2022-11-30' });
    expect(claims.map((c) => c.type)).toEqual(['transfer', 'detention', 'recruitment']);
    const [transfer] = claims;
    expect(transfer.count).toMatchObject({ value: 2500, approximate: true, certainty: 'stated' });
    expect(transfer.time).toMatchObject({ start: '2022-05', end: '2022-05', certainty: 'implied' });
    expect(transfer.facilities.map((f) => f.name)).toEqual(['IK-7']);
    expect(transfer.places.map((p) => p.name)).toEqual(['Stara Zburivka']);
    expect(transfer.sources.map((s) => s.name)).toEqual(['Relatives of prisoners', 'Sirena']);
    expect(transfer.subjects).toEqual({ nationality: 'UA' });
    for (const c of claims) {
      expect(SAMPLE.slice(c.start, c.end)).toBe(c.quote);
      for (const v of [...c.places, ...c.facilities, ...c.sources, ...c.actors]) expect(SAMPLE.slice(v.span.start, v.span.end)).toBe(v.text);
      expect(c.rule).toMatch(/^en\./u);
    }
  });

  it('runs only the latest claims on over a sentence that continues them', () => {
    const text = 'In March, 300 prisoners were recruited by Wagner in Krasnodar. In May, 120 Ukrainian prisoners were transferred from Kherson to a colony. Most of them are now held in Rostov.';
    const [recruitment, transfer] = extractClaims(text, { language: 'en' }).claims;
    expect(recruitment).toMatchObject({ type: 'recruitment', end: text.indexOf(' In May') });
    expect(recruitment.places.map((p) => p.name)).toEqual(['Krasnodar']);
    expect(transfer).toMatchObject({ type: 'transfer', end: text.length, quote: text.slice(text.indexOf('In May')) });
    expect(transfer.places.map((p) => p.name)).toEqual(['Kherson', 'Rostov']);
  });

  it('declines text that is not about prisoners', () => {
    expect(extractClaims('Missiles struck Kyiv overnight. The mayor said the metro was closed.', { language: 'en' }).claims).toEqual([]);
  });

  it('marks unsupported languages instead of guessing', () => {
    const result = extractClaims('Więźniowie zostali przeniesieni.', { language: 'pl' });
    expect(result.claims).toEqual([]);
    expect(result.messages[0].rule).toBe('extract.unsupported-language');
  });

  it('never throws, and every quote and value equals the text at its offsets', () => {
    const words = fc.constantFrom('prisoners', 'were', 'transferred', 'to', 'IK-7', 'in', 'Kherson', 'region', 'said', 'Romanova', 'According', '2,500', 'about', 'May', 'last week', '.', ',', '“', '”', '\n', 'recruited', 'Wagner', 'he');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.array(words, { maxLength: 80 }).map((w) => w.join(' '))), fc.option(fc.constant('2023-03-20'), { nil: undefined }), (text, published) => {
        const { claims } = extractClaims(text, { language: 'en', published });
        for (const c of claims) {
          expect(text.slice(c.start, c.end)).toBe(c.quote);
          for (const v of [...c.places, ...c.facilities, ...c.sources, ...c.actors]) expect(text.slice(v.span.start, v.span.end)).toBe(v.text);
          if (c.count) expect(text.slice(c.count.span.start, c.count.span.end)).toBe(c.count.text);
          if (c.time && published) expect(c.time.end <= published || c.time.end.length < 10).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
