import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean, countLetters, headline } from './clean.js';
import { removeSpans } from './furniture.js';

// Our own sentences, written for these tests.
const PARAGRAPHS = [
  'Relatives of prisoners said on Tuesday that about 200 men had been moved from a colony in the north to a camp near the border in March.',
  'A lawyer who represents four of the men said that the transfer took three days by train and that nobody was told where they were going.',
  'The regional penitentiary service confirmed the transfer in a short statement but gave no numbers and did not say why the men were moved.',
  'Human rights groups said the same colony had lost more than half of its inmates since the autumn, most of them to recruitment drives.',
];

const PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <title>Men moved from northern colony | Example Desk</title>
  <meta property="og:title" content="Men moved from northern colony">
  <meta property="og:site_name" content="Example Desk">
  <meta property="article:published_time" content="2023-03-21T23:30:00+03:00">
  <link rel="canonical" href="https://example.org/news/colony-transfer">
  <style>.hidden { display: none }</style>
  <script>window.trackingSecret = "do not leak";</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/donate">Donate</a></nav>
  <main>
    <article>
      <h1>Men moved from northern colony</h1>
      ${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n      ')}
      <div class="donate"><p>Dear readers,</p><p>Please support us with a monthly donation.</p><button>Monthly</button></div>
    </article>
    <aside><h2>Related stories</h2><ul><li><a href="/a">A different story about a storm</a></li><li><a href="/b">Another story about a bridge</a></li></ul></aside>
  </main>
  <footer>© 2024 Example Desk</footer>
  <script>console.log("also not text")</script>
</body>
</html>`;

describe('clean, HTML', () => {
  const cleaned = clean(PAGE, 'html');

  it('keeps the article paragraphs, separated by blank lines', () => {
    expect(cleaned.text).toContain(PARAGRAPHS.join('\n\n'));
  });

  it('never lets scripts, styles, navigation or the donation box into the text', () => {
    for (const leak of ['trackingSecret', 'do not leak', 'also not text', 'display: none', 'Dear readers', 'monthly donation', 'Donate', 'A different story']) {
      expect(cleaned.text).not.toContain(leak);
    }
  });

  it('reads the page metadata', () => {
    expect(cleaned.meta).toEqual({
      title: 'Men moved from northern colony',
      url: 'https://example.org/news/colony-transfer',
      published: '2023-03-21',
      outlet: 'Example Desk',
      language: 'en',
    });
  });

  it('indexes furniture spans into the extracted text', () => {
    expect(cleaned.extracted).toBeDefined();
    for (const span of cleaned.furniture) expect(cleaned.extracted!.slice(span.start, span.end)).toBe(span.text);
    expect(removeSpans(cleaned.extracted!, cleaned.furniture)).toBe(cleaned.text);
  });

  it('falls back to the body text when readability finds no article', () => {
    const tiny = clean('<html><head><title>T</title></head><body><nav>Menu</nav><p>Ten prisoners were freed on Monday.</p></body></html>', 'html');
    expect(tiny.text).toBe('Ten prisoners were freed on Monday.');
    expect(tiny.meta.title).toBe('T');
  });

  it('reads og:url and a title without og tags, and survives broken markup', () => {
    const page = '<html><head><title> Plain   title </title><meta property="og:url" content="https://example.org/x"></head><body><p>Unclosed <b>bold paragraph about 12 inmates';
    const result = clean(page, 'html');
    expect(result.meta).toMatchObject({ title: 'Plain title', url: 'https://example.org/x' });
    expect(result.text).toContain('bold paragraph about 12 inmates');
  });
});

describe('clean, text', () => {
  it('returns the text minus furniture, with spans into the given text', () => {
    const text = `Skip to main content\n\n${PARAGRAPHS.join('\n\n')}\n\nRead more\n\nSomething unrelated.`;
    const cleaned = clean(text, 'text');
    expect(cleaned.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(cleaned.meta).toEqual({});
    expect(removeSpans(text, cleaned.furniture)).toBe(cleaned.text);
  });

  it('warns when cleaning leaves nothing', () => {
    const cleaned = clean('Skip to main content\nNews Feed\nShow More', 'text');
    expect(cleaned.text).toBe('');
    expect(cleaned.messages.map((m) => m.rule)).toEqual(['clean.empty']);
  });

  it('warns exactly when the plain count of letters says so (the count stops early and caches letters)', () => {
    // The review written out plainly: every letter of the text and of the cuts counted with \p{L}.
    const letters = (s: string) => s.match(/\p{L}/gu)?.length ?? 0;
    const expected = (text: string, furniture: { text: string }[]) => {
      const removed = furniture.reduce((n, span) => n + letters(span.text), 0);
      const total = letters(text);
      if (removed === 0) return [];
      if (total > 0 && total === removed) return ['clean.empty'];
      return total === 0 || 1 - (total - removed) / total < 0.6 ? [] : ['clean.large-removal'];
    };
    const piece = fc.constantFrom(
      'Skip to main content', 'Read more', 'Please support us today.', 'Поддержите нас!', 'Follow us on Telegram',
      'The men were moved.', 'Заключённых перевели.', 'ǅ ǈ ª º µ ҂҃ 𝒜𝒷 🙂', 'Ⅻ ½ ², ß ſ', '', ' ', '\n', '\n\n',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 30 }), (pieces) => {
        const text = pieces.join('\n');
        const cleaned = clean(text, 'text');
        expect(cleaned.messages.map((m) => m.rule)).toEqual(expected(text, cleaned.furniture));
      }),
      { numRuns: 200 },
    );
  });

  it('counts letters as \\p{L} does, and past a limit stops above it', () => {
    const letters = (s: string) => s.match(/\p{L}/gu)?.length ?? 0;
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Я', 'ґ', '҂', '҉', 'ª', '·', ' ', '𝒜', '🙂'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 40 })
      // Well-formed text: a lone surrogate is read with the unit after it, a quirk these checks leave aside.
      .filter((s) => !/\p{Cs}/u.test(s));
    fc.assert(
      fc.property(text, fc.nat(30), (s, limit) => {
        expect(countLetters(s)).toBe(letters(s));
        const counted = countLetters(s, limit);
        if (letters(s) <= limit) expect(counted).toBe(letters(s));
        else expect(counted).toBeGreaterThan(limit);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws and keeps spans in bounds, on text and on HTML', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom<'text' | 'html'>('text', 'html'), (text, format) => {
        const cleaned = clean(text, format);
        const base = format === 'html' ? cleaned.extracted! : text;
        let at = 0;
        for (const span of cleaned.furniture) {
          expect(span.start).toBeGreaterThanOrEqual(at);
          expect(span.end).toBeLessThanOrEqual(base.length);
          at = span.end;
        }
        expect(removeSpans(base, cleaned.furniture)).toBe(cleaned.text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('headline', () => {
  it.each([
    ['Women recruited from a colony in Snizhne\n\nIn February, 50 women were taken.', 'Women recruited from a colony in Snizhne'],
    ['Женщин-заключённых отправляют на фронт\nВ марте их вывезли.', 'Женщин-заключённых отправляют на фронт'],
    ['  Fewer men in Russian prisons  \n\nThe count fell.', 'Fewer men in Russian prisons'],
  ])('takes the first line of %j', (text, title) => {
    expect(headline(text)).toBe(title);
  });

  it.each([
    ['In February 50 women were taken from the colony.\nThey were sent to the front.'],
    ['Prisoners were moved, relatives said:\n“We do not know where.”'],
    ['Kherson\n\nPrisoners were moved.'],
    ['A headline with nothing after it\n  \n'],
    ['One line only, no break'],
    [`${'word '.repeat(30)}\nmore`],
  ])('finds none in %j', (text) => {
    expect(headline(text)).toBeUndefined();
  });

  it('is what clean gives a plain-text report as its title', () => {
    expect(clean('Skip to main content\n\nColonies emptied in 2023\n\nThe count fell by half.', 'text').meta).toEqual({ title: 'Colonies emptied in 2023' });
  });
});
