import type { CountParser } from './count-types.js';
import { NUMBER_SOURCE, NUMBER_HINT } from './number.js';
import { mention, readNumber } from './mention.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

/** A range: "between 40 and 50", "between 20 to 50", "from 40 to 50", "40 to 50", "40-50", "two or three". */
export const rangeCount: CountParser = {
  rule: 'en.count.range',
  hint: NUMBER_HINT,
  pattern: compilePattern(
    String.raw`(?:\b([Bb]etween|[Ff]rom)\s+)?(${NUMBER_SOURCE})(?:\s*[-–—]\s*|\s+(?:to|and|or)\s+)(${NUMBER_SOURCE})`,
    'gu',
  ),
  extract(match, text) {
    const [whole, opener, low, high] = match;
    // "and" joins a range only after "between": "40 and 50 women" is two numbers.
    if (!opener && /\sand\s/i.test(whole.slice(low.length, whole.length - high.length))) return null;
    const start = match.index;
    const end = start + whole.length;
    const lowStart = start + (opener ? whole.indexOf(low, opener.length) : 0);
    const first = readNumber(text, low, lowStart, lowStart + low.length, 'low');
    const second = readNumber(text, high, end - high.length, end, 'high');
    if (!first || !second || first.number.yearLike || second.number.yearLike) return null;
    if (first.number.value >= second.number.value) return null;
    return mention(text, start, end, this.rule, { min: first.number.value, max: second.number.value, head: second.head });
  },
};
