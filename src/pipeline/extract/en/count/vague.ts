import lexicon from '../../../../knowledge/lexicons/en/count-vague.json' with { type: 'json' };
import units from '../../../../knowledge/lexicons/en/count-units.json' with { type: 'json' };
import type { CountParser } from './count-types.js';
import { findHead } from './head.js';
import { mention } from './mention.js';
import { escapeRegExp } from '../../provenance.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

const PEOPLE_ONLY = new Set(lexicon.vague.filter((v) => v.peopleOnly).map((v) => v.phrase.replace(/ of$/, '')));
// "a number of" is read as "a number" followed by "of": the partitive leads to the head noun.
const PHRASES = lexicon.vague
  .map((v) => v.phrase)
  .sort((a, b) => b.length - a.length)
  .map((p) => `[${p[0].toUpperCase()}${p[0]}]` + escapeRegExp(p.slice(1).replace(/ of$/, '')).replace(/ /g, '\\s+') + (p.endsWith(' of') ? String.raw`(?=\s+of\b)` : ''));
const UNIT_WORDS = units.units.flatMap((u) => u.words).map(escapeRegExp).join('|');
/** "thousands of rubles", "dozens of times": a vague measure, not people. */
const MEASURE_AFTER = compilePattern(String.raw`^\s+of\s+(?:${UNIT_WORDS})\b`, 'i');

/** A vague quantity: "thousands", "tens of thousands", "several hundred"; "some"/"many" only before a people noun. */
export const vagueCount: CountParser = {
  rule: 'en.count.vague',
  pattern: compilePattern(String.raw`\b(?:${PHRASES.join('|')})\b`, 'gu'),
  extract(match, text) {
    const start = match.index;
    const end = start + match[0].length;
    if (MEASURE_AFTER.test(text.slice(end, end + 30))) return null;
    const phrase = match[0].toLowerCase().replace(/\s+/g, ' ');
    const head = findHead(text, end, Math.min(text.length, end + 60));
    if (PEOPLE_ONLY.has(phrase) && !head) return null;
    return mention(text, start, end, this.rule, { vague: phrase, head });
  },
};
