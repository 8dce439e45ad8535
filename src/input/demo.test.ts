import { describe, expect, it } from 'vitest';
import { clean } from '../pipeline/clean/clean.js';
import { decode } from '../pipeline/decode/decode.js';
import { detectLanguage } from '../pipeline/detect/language.js';
import { readSources, type SourceItem } from './read-sources.js';

/** The demo corpus (demo/reports) read, decoded, cleaned and detected as the pipeline does. */
describe('demo reports', async () => {
  const items: SourceItem[] = [];
  for await (const item of readSources([new URL('../../demo/reports/', import.meta.url).pathname])) items.push(item);
  const reports = items.map((item) => {
    if (!item.ok) throw new Error(item.reason);
    const decoded = decode(item.input);
    const cleaned = clean(decoded.text, item.input.format);
    return { input: item.input, decoded, cleaned, language: detectLanguage(cleaned.text).language };
  });

  it('reads twelve reports in every format', () => {
    expect(reports).toHaveLength(12);
    expect(new Set(reports.map((r) => r.input.origin.replace(/^.*\.(\w+)(:\d+)?$/u, '$1')))).toEqual(new Set(['txt', 'html', 'json', 'jsonl']));
  });

  it('decodes the Russian report from windows-1251', () => {
    const russian = reports.find((r) => r.input.origin.includes('cp1251'))!;
    expect(russian.decoded.encoding).toBe('windows-1251');
    expect(russian.language).toBe('ru');
    expect(russian.cleaned.text).toContain('до 100 женщин');
    expect(russian.cleaned.text).not.toContain('Читайте также');
  });

  it('removes the furniture and keeps the facts', () => {
    const all = reports.map((r) => r.cleaned.text).join('\n');
    for (const gone of ['Skip to main content', 'ferry line', 'Follow etap demo desk', 'newsletter', 'Dear readers', 'Any amount', 'Post a Comment', 'bus routes', 'football', 'museum', 'playground', 'Support Northern Ledger', 'demoAnalytics', 'should never appear']) {
      expect(all).not.toContain(gone);
    }
    for (const kept of ['About 2,500 Ukrainian prisoners', 'fell by 23,000', 'up to 50 women', 'Storm-Z', '266,000', 'punishment cells (SHIZO)', 'about 20 percent']) {
      expect(all).toContain(kept);
    }
  });

  it('reads the metadata of the HTML reports', () => {
    const snizhne = reports.find((r) => r.input.origin.endsWith('07-snizhne-women.html'))!;
    expect(snizhne.cleaned.meta).toMatchObject({ outlet: 'Camp Watch (demo)', published: '2023-03-20', language: 'en', url: 'https://demo.etap.invalid/camp-watch/snizhne-women' });
    expect(reports.filter((r) => r.language === 'en')).toHaveLength(11);
  });
});
