import type { CountParser } from './count-types.js';
import { NUMBER_SOURCE, NUMBER_HINT } from './number.js';
import { mention, readNumber } from './mention.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

/** A bare number: "457 inmates", "2,500", "23 thousand", "fifty", "a dozen". */
export const plainCount: CountParser = {
  rule: 'en.count.number',
  hint: NUMBER_HINT,
  pattern: compilePattern(NUMBER_SOURCE, 'gu'),
  extract(match, text) {
    const start = match.index;
    const end = start + match[0].length;
    const read = readNumber(text, match[0], start, end);
    if (!read) return null;
    return mention(text, start, end, this.rule, { value: read.number.value, head: read.head });
  },
};
