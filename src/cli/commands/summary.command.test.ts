import { describe, expect, it } from 'vitest';
import { formatSummary } from './summary.command.js';

describe('formatSummary', () => {
  const text = formatSummary(
    {
      reports: { total: 3, extracted: 2, notExtracted: 1 },
      claims: { total: 5, byType: { transfer: 2, recruitment: 3 } },
      topPlaces: [{ name: 'Kushchevka', claims: 3 }],
      topSources: [
        { name: 'Olga Romanova', claims: 12 },
        { name: 'Deputy Minister of Justice of the Russian Federation Vsevolod Vukolov', claims: 1 },
      ],
    },
    'demo.db',
  );
  const sources = text.split('\n').slice(text.split('\n').indexOf('top sources:') + 1, -1);

  it('lists the types most claimed first', () => {
    expect(text).toContain('claims: 5\n  recruitment  3\n  transfer     2\n');
  });

  it('puts the counts of names in one column, cutting a name too long to fit', () => {
    expect(sources).toEqual(['  Olga Romanova                             12', '  Deputy Minister of Justice of the Russi…  1']);
  });
});
