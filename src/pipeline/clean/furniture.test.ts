import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFurniture, removeSpans } from './furniture.js';
import donation from '../../knowledge/lexicons/furniture/donation.json' with { type: 'json' };
import newsletter from '../../knowledge/lexicons/furniture/newsletter.json' with { type: 'json' };
import { compileRules, FURNITURE_RULES, matchFurniture, mayStartWith } from './furniture-rules.js';

// Our own demo sentences.
const BODY = [
  'Relatives said that in May about 300 prisoners were moved from a colony near the river to a camp in the south.',
  'A lawyer for two of the men said they had not been told where they were going, and that letters stopped arriving.',
  'The penitentiary service did not answer a request for comment by the time of publication.',
].join('\n\n');

const cleanOf = (text: string) => removeSpans(text, findFurniture(text));

describe('furniture lines', () => {
  it.each([
    ['Skip to main content', 'nav.skip-link'],
    ['• Skip\u00a0\u2003to \u3000  main\tcontent', 'nav.skip-link'],
    ['1 min read', 'nav.reading-time'],
    ['USD 92.31 ▲ EUR 99.87 ▼', 'nav.currency-ticker'],
    ['Read also: Another story about something else', 'teaser.read-also'],
    ['Читайте также: В колонии сменился начальник', 'teaser.read-also'],
    ['Follow Example Desk on Telegram to stay up to date.', 'social.follow-us'],
    ['Sign up for our free weekly newsletter', 'newsletter.sign-up'],
    ['Subscribers agree to the Privacy Policy', 'newsletter.consent'],
    ['Support The Example Times!', 'donation.support-outlet'],
    ['A Message from Example Desk:', 'donation.message-from'],
    ['Dear readers,', 'donation.dear-readers'],
    ['If you can, please support us monthly starting from a small sum.', 'donation.please-support'],
    ['Раньше нас поддерживали грантодатели, теперь только вы.', 'donation.please-support'],
    ['Any amount', 'donation.form-control'],
    ['Leave a Reply', 'comments.section'],
    ['12 comments', 'comments.section'],
    ['Avatar', 'author.box'],
    ['© 2024 Example Desk. All rights reserved.', 'footer.legal'],
    ['Tuesday, March 14, 2023', 'dateline.timestamp'],
    ['14 марта 2023 года', 'dateline.timestamp'],
    ['A guard tower over the colony. Ivan Petrov / AGENCY', 'dateline.photo-credit'],
    ['  • Share to or', 'nav.widget-label'],
    ...[...'•·▪◦*-–—'].map((mark) => [`${mark} Read also: Another story`, 'teaser.read-also']),
  ])('%s → %s', (line, rule) => {
    expect(matchFurniture(line.trim())?.rule.id).toBe(rule);
  });

  // Lines that look a little like furniture but are article text.
  it.each([
    'Source: Mediazona',
    'Support for the new law grew in the Duma in 2023.',
    'Read more about the colonies in the report, the lawyer said.',
    'Comments from the ministry were not available.',
    'Monthly payments to recruits reached 200,000 rubles, relatives said.',
    'Readers of the local paper said 40 prisoners were moved by train.',
    'By the end of 2023, more than 100 prisoners had been released.',
    'The colony is 40 km from the city / region border, officials said.',
    'They were taken from colonies in the south, a human rights activist said, adding that please support us was written on a sign held by relatives outside the court in the city which has been the focus of many reports about the conditions in the colonies where prisoners are held during the long winter months, when the roads to the camps are closed and no visits are allowed at all.',
  ])('keeps: %s', (line) => {
    expect(matchFurniture(line)).toBeNull();
  });
});

describe('findFurniture', () => {
  it('removes everything after an end marker, with the teaser headlines before it', () => {
    const text = `${BODY}\n\nAnother story headline here\n\nRead more\n\nA different story about a city far away, with its own facts.\n\nShow More`;
    expect(cleanOf(text)).toBe(BODY);
    const rules = findFurniture(text).map((s) => s.rule).filter((rule) => !rule.startsWith('whitespace.'));
    expect(rules).toEqual(['structure.teasers-before-end', 'teaser.read-more']);
  });

  it('removes a donation block and its form', () => {
    const text = `${BODY}\n\nA Message from Example Desk:\n\nDear readers,\n\nWe need your help to keep reporting.\n\nOnce\nMonthly\nContinue`;
    expect(cleanOf(text)).toBe(BODY);
  });

  it('drops an end marker at the top as a line only', () => {
    const text = `News Feed\n\nHeadline of the story\n\n${BODY}`;
    expect(cleanOf(text)).toBe(`Headline of the story\n\n${BODY}`);
  });

  it('keeps the article around an inline teaser', () => {
    const [first, second, third] = BODY.split('\n\n');
    const text = `${first}\n\nRead also: Something else happened elsewhere\n\n${second}\n\nRELATED STORY: Yet another story\n\n${third}`;
    expect(cleanOf(text)).toBe(BODY);
  });

  it('keeps one blank line between paragraphs and trims the edges', () => {
    const text = '\n\n  \nFirst paragraph of the report, long enough to count.\n \n\n\n\nSecond paragraph.\n\n';
    expect(cleanOf(text)).toBe('First paragraph of the report, long enough to count.\n\nSecond paragraph.');
  });

  it('keeps the empty line of a blank run, past furniture between, else its first line', () => {
    const text = 'First paragraph.\n \nSkip to main content\n\nSecond paragraph.\n\t\n \nThird paragraph.';
    expect(cleanOf(text)).toBe('First paragraph.\n\nSecond paragraph.\n\t\nThird paragraph.');
    expect(findFurniture(text).map((span) => [span.rule, span.text])).toEqual([
      ['whitespace.blank-line', ' \n'],
      ['nav.skip-link', 'Skip to main content\n'],
      ['whitespace.blank-line', ' \n'],
    ]);
  });

  it('removes a scraper date prefix but keeps the sentence after it', () => {
    expect(cleanOf(' date 2023-05-01 Prisoners were moved in April, relatives said.')).toBe('Prisoners were moved in April, relatives said.');
  });

  it('leaves text without furniture as it is', () => {
    expect(findFurniture(BODY)).toEqual([]);
  });

  const line = fc.oneof(
    fc.constantFrom('Read more', 'News Feed', 'Dear readers,', 'Once', 'Source: X', ' date 2023-01-01 Text.', '', ' ', '\r', BODY),
    fc.string({ maxLength: 80 }),
  );
  it('never throws; spans are sorted, in bounds, disjoint, and removing them gives the text', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\n\n', '\r\n'), (lines, joiner) => {
        const text = lines.join(joiner);
        const spans = findFurniture(text);
        let at = 0;
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(at);
          expect(span.end).toBeGreaterThan(span.start);
          expect(span.end).toBeLessThanOrEqual(text.length);
          expect(span.text).toBe(text.slice(span.start, span.end));
          at = span.end;
        }
        const cleaned = removeSpans(text, spans);
        expect(cleaned).toBe(cleaned.trim() === '' ? '' : cleaned);
      }),
      { numRuns: 400 },
    );
  });
});

describe('listed furniture lines', () => {
  it('are found at any length, past where visible characters stop being counted', () => {
    const long = `${'word '.repeat(20)}end`;
    const rules = compileRules([{ id: 'test.long-line', reason: 'a long listed line', action: 'line', lines: [long] }]);
    expect(matchFurniture('Skip to main content')?.rule.id).toBe('nav.skip-link');
    expect(matchFurniture(long, rules)?.rule.id).toBe('test.long-line');
    expect(matchFurniture(long.replace(/ /g, '   '), rules)?.rule.id).toBe('test.long-line');
    expect(matchFurniture(`${long} x`, rules)).toBeNull();
    expect(matchFurniture(long)).toBeNull();
    expect(matchFurniture('Skip to main content')?.rule.id).toBe('nav.skip-link');
  });
});

describe('the symbol a furniture pattern needs', () => {
  const needy = FURNITURE_RULES.flatMap((rule) => rule.patterns.flatMap((pattern, i) => (rule.needs[i] ? [{ id: `${rule.id}#${i}`, pattern, needs: rule.needs[i]! }] : [])));

  it('is known for the photo credits', () => {
    expect(needy.filter((n) => n.needs === '/').map((n) => n.id)).toEqual(expect.arrayContaining(['dateline.photo-credit#0', 'dateline.photo-credit#2']));
  });

  it('is in every line a pattern matches', () => {
    const piece = fc.oneof(
      fc.constantFrom('Ivan Petrov', ' / ', '/', 'AGENCY', 'Photo', 'Photo: ', ' - ', ':', '–', 'date 2024-01-02', '12', 'USD ', ' ', '.', '(', ')', '<image>', '</image>', '!['),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
      const line = pieces.join('');
      for (const { pattern, needs } of needy) if (pattern.test(line)) expect(line).toContain(needs);
    }), { numRuns: 3000 });
  });
});

describe('the characters an anchored furniture pattern starts with', () => {
  const anchored = FURNITURE_RULES.flatMap((rule) => rule.patterns.flatMap((pattern, i) => (rule.startChars[i] ? [{ id: `${rule.id}#${i}`, pattern, chars: rule.startChars[i]! }] : [])));

  it('are known for most anchored patterns', () => {
    expect(anchored.length).toBeGreaterThan(30);
    expect(anchored.find((a) => a.id === 'teaser.read-also#0')?.chars).toContain('r');
  });

  it('are read case-insensitively as the patterns read them, for every character', () => {
    const chars = [...new Set(anchored.flatMap((a) => [...a.chars]))];
    for (const flags of ['i', 'iu']) {
      for (const c of chars) {
        const opens = new RegExp(`^${c}`, flags);
        for (let code = 0; code < 0x3000; code++) {
          const line = `${String.fromCharCode(code)}x`;
          if (opens.test(line)) expect(mayStartWith(line, c), `${flags} ${c} U+${code.toString(16)}`).toBe(true);
        }
      }
    }
  });

  it('start every line a pattern matches', () => {
    const piece = fc.oneof(
      fc.constantFrom('Read also: ', 'SUPPORT US', 'Support The Desk', 'Подпишитесь на нашу рассылку', '12 comments', 'Comments (3)', 'Follow us on Telegram', 'by Anna Ivanova', 'Photo: X / Y', 'ВИДЕО: ', 'All rights reserved', 'Views: 12', 'ſupport us', 'İ', ' '),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 6 }), fc.boolean(), (pieces, upper) => {
      const line = upper ? pieces.join('').toUpperCase() : pieces.join('');
      for (const { pattern, chars } of anchored) {
        pattern.lastIndex = 0;
        if (pattern.test(line)) expect(mayStartWith(line, chars)).toBe(true);
      }
    }), { numRuns: 2000 });
  });
});

describe('furniture patterns run as one alternation', () => {
  const merged = FURNITURE_RULES.flatMap((rule) => rule.patterns.flatMap((pattern, i) => (rule.alternatives[i].length > 1 ? [{ rule, pattern, alternatives: rule.alternatives[i] }] : [])));

  it('are the donation appeals and newsletter blurbs, never a prefix rule', () => {
    expect(merged.map((m) => m.rule.id)).toEqual(expect.arrayContaining(['donation.please-support', 'newsletter.description']));
    expect(merged.filter((m) => m.rule.action === 'prefix')).toEqual([]);
  });

  it('match a line exactly when one of their patterns alone does', () => {
    const piece = fc.oneof(
      fc.constantFrom('please support us', 'Support us today', 'a MONTHLY donation', 'become a member', 'donate now', 'support independent journalism', 'support open, independent journalism',
        'поддержите нас', 'наших грантодателей', 'нашу независимую', 'сделать пожертвование', 'підтримайте нас', 'зробити внесок', 'in your inbox every', 'never miss a story', 'supporting', 'donated'),
      fc.constantFrom(' ', ' ', '. ', ',', '-', 'x'),
      fc.string({ maxLength: 3 }),
    );
    // Each of the rule's lexicon patterns compiled on its own, as a rule of one pattern.
    const records = [...donation.rules, ...newsletter.rules];
    const alone = merged.map((m) => {
      const record = records.find((r) => r.id === m.rule.id)!;
      return compileRules((record.patterns ?? []).map((source) => ({ ...record, patterns: [source] }))).filter((rule) => m.alternatives.includes(rule.alternatives[0][0])).map((rule) => rule.patterns[0]);
    });
    expect(alone.map((patterns) => patterns.length)).toEqual(merged.map((m) => m.alternatives.length));
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
      const line = pieces.join('');
      merged.forEach((m, k) => expect(m.pattern.test(line)).toBe(alone[k].some((pattern) => pattern.test(line))));
    }), { numRuns: 2000 });
  });
});
