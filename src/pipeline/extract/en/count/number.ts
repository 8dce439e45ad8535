import numbers from '../../../../knowledge/lexicons/en/numbers.json' with { type: 'json' };
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

/** A number read from digits or words. */
export interface ParsedNumber {
  value: number;
  /** Written as a bare four-digit integer between 1800 and 2100: probably a year. */
  yearLike: boolean;
}

const WORD_VALUES = new Map<string, number>(Object.entries(numbers.units));
const MULTIPLIERS = new Map<string, number>(Object.entries(numbers.multipliers));
const GROUPS = new Map<string, number>(Object.entries(numbers.groups));
const SUFFIXES = new Map<string, number>(Object.entries(numbers.suffixes.values));
const ARTICLES = new Set(numbers.article.words);

const byLength = (a: string, b: string): number => b.length - a.length;
// Only the first letter varies in case ("Fifty convicts"); patterns stay case-sensitive because
// case-insensitive Unicode matching of a long alternation is several times slower.
const capitalised = (w: string): string => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`;
const NUMBER_WORDS = [...WORD_VALUES.keys(), ...MULTIPLIERS.keys(), ...GROUPS.keys()].sort(byLength).map(capitalised).join('|');
const BIG = [...MULTIPLIERS.keys()].join('|');
const SUFFIX = [...SUFFIXES.keys()].sort(byLength).join('|');
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

/**
 * Regex source for one number: digits ("2,500", "1.5 million", "23k") or words ("two hundred and
 * fifty", "a dozen"); to be compiled case-sensitive. Digits glued to letters or symbols ("IK-7", "IK17", "1st", "$2") never match.
 */
export const NUMBER_SOURCE =
  String.raw`(?:(?<![\p{L}\p{N}_.,:/$€£₽#№+])(?<!\p{L}-)(?:${DIGITS})(?:\s*(?:${BIG})\b|(?:${SUFFIX})(?![\p{L}\p{N}]))?(?![\p{L}\p{N}])` +
  String.raw`|\b(?:[Aa]n?\s+(?=(?:${BIG}|dozen)\b))?(?:${NUMBER_WORDS})(?:[\s-]+(?:(?<=(?:${BIG})[\s-]+)and\s+)?(?:${NUMBER_WORDS}))*\b)`;

/**
 * Text every match of NUMBER_SOURCE contains: a digit or a whole number word (any case); a cheap
 * test before the pattern. Whole words, as the pattern reads them: "someone" and "often" hold none.
 */
export const NUMBER_HINT = compilePattern(`\\d|\\b(?:${[...WORD_VALUES.keys(), ...MULTIPLIERS.keys(), ...GROUPS.keys()].sort(byLength).join('|')})\\b`, 'i');

const DIGIT_FORM = compilePattern(String.raw`^([\d,]+(?:\.\d+)?)\s*(${BIG}|${SUFFIX})?$`, 'i');
const WORD_SPLIT = /[\s-]+/;

/** Reads a number matched by NUMBER_SOURCE; null for a form that is no count ("2.5", "one", "a"). */
export function parseNumber(raw: string): ParsedNumber | null {
  const digits = DIGIT_FORM.exec(raw);
  if (digits) {
    const [, figure, unit] = digits;
    const multiplier = unit ? (MULTIPLIERS.get(unit.toLowerCase()) ?? SUFFIXES.get(unit) ?? SUFFIXES.get(unit.toLowerCase()) ?? 1) : 1;
    const base = Number(figure.replace(/,/g, ''));
    // A decimal without a multiplier is a measure, a date ("24.02") or a score, never a head count.
    if (!Number.isFinite(base) || (figure.includes('.') && multiplier === 1)) return null;
    const yearLike = !unit && /^\d{4}$/.test(figure) && base >= 1800 && base <= 2100;
    return { value: Math.round(base * multiplier), yearLike };
  }
  return parseWords(raw.toLowerCase().split(WORD_SPLIT));
}

function parseWords(words: string[]): ParsedNumber | null {
  let total = 0;
  let current = 0;
  let scaled = false;
  // "The Dirty Dozen": a group word needs a number or an article before it.
  if (GROUPS.has(words[0])) return null;
  for (const word of words) {
    if (word === 'and') continue;
    if (ARTICLES.has(word)) current = 1;
    else if (WORD_VALUES.has(word)) current += WORD_VALUES.get(word)!;
    else if (GROUPS.has(word)) (current = (current || 1) * GROUPS.get(word)!), (scaled = true);
    else if (word === 'hundred') (current = (current || 1) * 100), (scaled = true);
    else if (MULTIPLIERS.has(word)) (total += (current || 1) * MULTIPLIERS.get(word)!), (current = 0), (scaled = true);
    else return null;
  }
  const value = total + current;
  // "one" (a single person) and "zero" are not counts (GUIDE: Counts).
  if (value < 2 && !scaled) return null;
  return { value, yearLike: false };
}
