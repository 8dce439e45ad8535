import words from '../../../../knowledge/lexicons/en/time-words.json' with { type: 'json' };
import type { TimeParser } from './time-types.js';
import { isoMonth, normal, type Anchor } from './calendar.js';
import { DIGIT_HINT } from './hints.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

const SEASONS = new Map(words.seasons.map((s) => [s.name, s.months]));
const NAMES = [...SEASONS.keys()].map((n) => `[${n[0].toUpperCase()}${n[0]}]${n.slice(1)}`).join('|');

/** Months of a season starting in `year`; winter runs into the next year. */
function seasonRange(name: string, year: number): { start: string; end: string } {
  const [first, last] = SEASONS.get(name)!;
  return { start: isoMonth(year, first), end: isoMonth(last < first ? year + 1 : year, last) };
}

/** The year the season named started in, relative to publication: the current one ("this"), or the last one over ("last"). */
function relativeSeasonYear(name: string, anchor: Anchor, which: string): number {
  const [first, last] = SEASONS.get(name)!;
  const year = anchor.month >= first ? anchor.year : anchor.year - 1;
  if (which !== 'last') return year;
  const endYear = last < first ? year + 1 : year;
  const over = anchor.year > endYear || (anchor.year === endYear && anchor.month > last);
  return over ? year : year - 1;
}

/** A season with a year: "the summer of 2022", "autumn 2022", "winter 2022/23", "the fall of 2023". */
export const seasonOfYear: TimeParser = {
  rule: 'en.time.season',
  hint: DIGIT_HINT,
  pattern: compilePattern(String.raw`\b(${NAMES})\s+(?:of\s+)?(20\d\d|19\d\d)(?:\s*[/–-]\s*(\d{2}|\d{4}))?\b`, 'gu'),
  extract(match) {
    const name = normal(match[1]);
    const year = Number(match[2]);
    const second = match[3] ? Number(match[3].length === 2 ? String(year).slice(0, 2) + match[3] : match[3]) : undefined;
    // "winter 2022" may be the winter ending or starting in 2022: only "winter 2022/23" is read.
    if (name === 'winter' && second !== year + 1) return null;
    if (second !== undefined && name !== 'winter') return null;
    return { span: { start: match.index, end: match.index + match[0].length }, ...seasonRange(name, year), certainty: 'stated' };
  },
};

/** What a season names when it qualifies it: "the fall recruitment drive", "the winter call-up". */
const SEASONAL = 'recruitment|recruiting|campaign|drive|wave|visits?|session|draft|call-up';

/** A season relative to publication: "this spring", "last summer", "in the winter", "during the fall", "the fall recruitment drive". */
export const relativeSeason: TimeParser = {
  rule: 'en.time.season-relative',
  hint: /[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter/,
  pattern: compilePattern(String.raw`\b(?:([Tt]his|[Ll]ast|[Tt]hat)\s+|(?:[Ii]n|[Dd]uring|[Oo]ver)\s+the\s+|[Tt]he\s+(?=(?:${NAMES})\s+(?:${SEASONAL})\b(?!\s+(?:of|in)\s+\d{4})))(${NAMES})\b(?!\s+of\b)`, 'gu'),
  extract(match, anchor) {
    if (!anchor || normal(match[1] ?? '') === 'that') return null;
    const name = normal(match[2]);
    const year = relativeSeasonYear(name, anchor, normal(match[1] ?? 'this'));
    return { span: { start: match.index, end: match.index + match[0].length }, ...seasonRange(name, year), certainty: 'implied' };
  },
};
