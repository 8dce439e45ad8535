import lexicon from '../../../../knowledge/lexicons/en/count-qualifiers.json' with { type: 'json' };
import type { CountMention, CountParser } from './count-types.js';
import { NUMBER_SOURCE, NUMBER_HINT } from './number.js';
import { mention, readNumber } from './mention.js';
import { escapeRegExp } from '../../provenance.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

const QUALIFIERS = new Map(lexicon.qualifiers.map((q) => [q.phrase, q]));
const PHRASES = [...QUALIFIERS.keys()].sort((a, b) => b.length - a.length).map((p) => `[${p[0].toUpperCase()}${p[0]}]${escapeRegExp(p.slice(1)).replace(/ /g, '\\s+')}`);

/** A number with a word that makes it approximate or a bound: "around 100", "as many as 50", "more than 1,500". */
export const qualifiedCount: CountParser = {
  rule: 'en.count.qualified',
  hint: NUMBER_HINT,
  pattern: compilePattern(String.raw`\b(${PHRASES.join('|')})\s+(${NUMBER_SOURCE})`, 'gu'),
  extract(match, text) {
    const start = match.index;
    const end = start + match[0].length;
    const numberStart = end - match[2].length;
    const read = readNumber(text, match[2], numberStart, end);
    const qualifier = QUALIFIERS.get(match[1].toLowerCase().replace(/\s+/g, ' '));
    if (!read || !qualifier) return null;
    const value = read.number.value;
    const fields: Partial<CountMention> =
      qualifier.bound === 'min' ? { min: value } : qualifier.bound === 'max' ? { max: value } : { value, approximate: true };
    return mention(text, start, end, this.rule, { ...fields, head: read.head });
  },
};
