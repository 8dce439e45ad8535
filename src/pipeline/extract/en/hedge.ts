import hedges from '../../../knowledge/lexicons/en/hedges.json' with { type: 'json' };
import { wordsPattern } from '../provenance.js';
import type { Span } from '../../../domain/types.js';

const HEDGE = wordsPattern(hedges.patterns, 'iu');

/** True when the text marks the statement as uncertain ("allegedly", "believed to", "likely"). */
export function isHedged(text: string, range: Span): boolean {
  return HEDGE.test(text.slice(range.start, range.end));
}
