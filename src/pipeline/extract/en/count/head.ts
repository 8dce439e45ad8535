import heads from '../../../../knowledge/lexicons/en/count-heads.json' with { type: 'json' };
import type { Span } from '../../../../domain/types.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

const PEOPLE = new Set(heads.people);
const STOPS = new Set(heads.stops);
const WORD = compilePattern(String.raw`\s*([\p{L}][\p{L}'’-]*)`, 'uy');
/** Words allowed between a count and its noun: "2,500 Ukrainian citizens", "100 female prisoners". */
const MAX_WORDS = 4;

/** The people noun a count at `end` quantifies, if one follows within a few modifier words. */
export function findHead(text: string, end: number, limit: number): { span: Span; word: string } | undefined {
  let position = end;
  let previous = '';
  for (let i = 0; i < MAX_WORDS; i++) {
    WORD.lastIndex = position;
    const match = WORD.exec(text);
    if (!match || WORD.lastIndex > limit) return undefined;
    const word = match[1];
    const lower = word.toLowerCase();
    const start = WORD.lastIndex - word.length;
    if (PEOPLE.has(lower)) return { span: { start, end: WORD.lastIndex }, word };
    // "166 of them", "tens of thousands of the prisoners": the partitive is not a modifier but leads to the noun.
    const partitive = lower === 'of' || (lower === 'the' && previous === 'of');
    if (!partitive && STOPS.has(lower)) return undefined;
    previous = lower;
    position = WORD.lastIndex;
  }
  return undefined;
}
