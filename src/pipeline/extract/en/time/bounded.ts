import words from '../../../../knowledge/lexicons/en/time-words.json' with { type: 'json' };
import type { TimeMention } from './time-types.js';
import { phrases } from './calendar.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

const EXCLUDING = compilePattern(String.raw`\b(?:${phrases(words.excludingPrepositions.words)})\s+(?:the\s+)?$`);
const WINDOW = 20;

/** Refiner: drops a time that only bounds the event ("before May 2023", "after 2014"): it does not date it. */
export function dropBounds(text: string, mentions: TimeMention[]): TimeMention[] {
  return mentions.filter((m) => !EXCLUDING.test(text.slice(Math.max(0, m.span.start - WINDOW), m.span.start)));
}
