import { isLetterOrDigitUnit } from './characters.js';

/**
 * The words of a text, lower-cased: its runs of letters and digits, as
 * `text.toLowerCase().match(/[\p{L}\p{N}]+/gu)` finds them. Grouping keys its quotes and unresolved
 * names by them and fingerprints whole reports with them, for every claim and report stored, where
 * the Unicode pattern took a twentieth of the storing thread's time; this walks the code units
 * instead. A letter outside the Basic Multilingual Plane (a surrogate pair) is asked of the
 * pattern, as the pattern would see it; a lone surrogate is no letter.
 */
export function lowerCaseWords(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  // The end of the text ends the last word inside the loop. Pushed after the loop, on a path the code
  // V8 optimised during a first long text had no feedback for, it threw that code back to the
  // interpreter for every text ending in a word: 1,800 times a bench ingest.
  for (let i = 0; i <= lower.length; i++) {
    const width = i < lower.length ? wordCharacterWidth(lower, i) : 0;
    if (width === 0) {
      if (start >= 0) words.push(lower.slice(start, i));
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    i += width - 1;
  }
  return words;
}

/** The words of a text, lower-cased and joined by single spaces: how names and quotes compare. */
export function lowerCaseWordLine(text: string): string {
  return lowerCaseWords(text).join(' ');
}

/**
 * How many code units the letter or digit at `i` takes: 1, 2 for one outside the Basic
 * Multilingual Plane, 0 when there is none there (a lone surrogate is none).
 */
export function wordCharacterWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return isLetterOrDigitUnit(c) ? 1 : 0;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff && ASTRAL_LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
}

const ASTRAL_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
