import type { Span } from '../../../../domain/types.js';
import type { CountMention, CountParser } from './count-types.js';
import { plainCount } from './plain.js';
import { qualifiedCount } from './qualified.js';
import { rangeCount } from './range.js';
import { vagueCount } from './vague.js';
import { keepLongest } from './overlap.js';
import { hintTest } from '../../scan.js';
import { compileOnFirstUse } from '../../machine-code.js';

export type { CountMention, ChangeMention } from './count-types.js';

/** The count parsers, chrono-style; overlaps are settled afterwards (longest wins), so order does not matter. */
export const PARSERS: readonly CountParser[] = [rangeCount, qualifiedCount, plainCount, vagueCount];

/**
 * Finds every number-of-people expression (GUIDE: count) in `text.slice(range.start, range.end)`,
 * with offsets into `text`, in text order and non-overlapping. Years, dates, percentages, money,
 * measures, identifiers and ages are left out; `head` tells a people count from any other number.
 */
export function findCounts(text: string, range: Span = { start: 0, end: text.length }): CountMention[] {
  const scope = text.slice(0, range.end);
  const found: CountMention[] = [];
  const hinted = hintTest(text.slice(range.start, range.end));
  for (const parser of PARSERS) {
    if (parser.hint && !hinted(parser.hint)) continue;
    const pattern = parser.pattern;
    compileOnFirstUse(pattern, scope);
    pattern.lastIndex = range.start;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(scope))) {
      const result = parser.extract(match, text);
      if (result && result.span.end <= range.end) found.push(result);
    }
  }
  return keepLongest(found);
}
