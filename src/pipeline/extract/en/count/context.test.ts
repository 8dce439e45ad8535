import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import units from '../../../../knowledge/lexicons/en/count-units.json' with { type: 'json' };
import months from '../../../../knowledge/lexicons/en/months.json' with { type: 'json' };
import { escapeRegExp } from '../../provenance.js';
import { isNotACount } from './context.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

// The checks as first written: end-anchored patterns tried at every character of the window, compiled as etap compiles them.
const UNIT_WORDS = units.units.flatMap((u) => u.words).sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
const MONTH_WORDS = months.months.flatMap((m) => m.forms).join('|');
const LABELS = new Set(units.labels.words);
const MEASURE_AFTER = compilePattern(String.raw`^(?:\s*(?:-\s*)?(?:${UNIT_WORDS})(?![\p{L}])|[-–]\p{L}|[:/]\d|\.\d|\s*[-–]\s*\d|\)?\s\d|\s+(?:to|or)\s+[\p{L}\p{N},.]+(?:\s+(?:thousand|million|billion))?\s+(?:${UNIT_WORDS})(?![\p{L}])|\s+and\s+an?\s+half\b)`, 'iu');
const DATE_AFTER = compilePattern(String.raw`^\s*(?:of\s+)?(?:${MONTH_WORDS})\b`, 'u');
const MARK_BEFORE = compilePattern(String.raw`(?:[$€£₽¥]\s*|\b(?:${MONTH_WORDS})\.?\s+|\+\s*|\d\)?\s|\d\s*[-–]\s*|\bage\s+of\s+)$`, 'u');
const CURRENCY_BEFORE = /\b(?:usd|rub|uah|eur)\s*$/i;
const NAME_COMMA = compilePattern(String.raw`\p{Lu}\p{Ll}+,\s$`, 'u');
const LAST_WORD = compilePattern(String.raw`([\p{L}#№.\-]+)\s*$`, 'u');

function reference(text: string, start: number, end: number): boolean {
  if (end >= 0) {
    const after = text.slice(end, end + 40);
    if (MEASURE_AFTER.test(after) || DATE_AFTER.test(after)) return true;
  }
  if (start < 0) return false;
  const before = text.slice(Math.max(0, start - 40), start);
  if (MARK_BEFORE.test(before) || CURRENCY_BEFORE.test(before)) return true;
  if (end >= 0 && NAME_COMMA.test(before) && text[end] === ',') return true;
  const label = LAST_WORD.exec(before);
  if (!label) return false;
  const word = label[1].toLowerCase();
  return LABELS.has(word) || LABELS.has(word.replace(/\.$/, ''));
}

describe('isNotACount', () => {
  it('looks before a number only at its last words, and answers as the end-anchored patterns do', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        ' ', '  ', '\u00a0', '\u2003', '\n', '\t', ',', '.', '-', '–', '(', ')', '+', '$', '€', '#', '№', '5', '12', '2,500',
        'age', 'of', 'the age of', 'USD', 'usd', 'November', 'Nov.', 'May', 'Mr. Fedorenko', 'Fedorenko', 'IK', 'No.', 'number', 'cell',
        'prisoners', 'kilometers', 'percent', 'ſ', '𝒳', 'x',
      ),
      fc.string({ maxLength: 2 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
      const text = `${pieces.join('')} 47, and 12`;
      for (let start = 0; start <= text.length; start++) {
        for (const end of [start, start + 2, -1]) {
          if (end > text.length) continue;
          expect(isNotACount(text, start, end)).toBe(reference(text, start, end));
        }
      }
    }), { numRuns: 1500 });
  });
});
