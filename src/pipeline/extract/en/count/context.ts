import units from '../../../../knowledge/lexicons/en/count-units.json' with { type: 'json' };
import months from '../../../../knowledge/lexicons/en/months.json' with { type: 'json' };
import { escapeRegExp } from '../../provenance.js';
import { testCompiled } from '../../machine-code.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

// Why a number is not a count of people, judged from the text around it (GUIDE: Counts).
// Each check looks at a short window only, so the cost does not grow with the text.

const UNIT_WORDS = units.units.flatMap((u) => u.words).sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
const MONTH_WORDS = months.months.flatMap((m) => m.forms).join('|');
const LABELS = new Set(units.labels.words);

/** "50 kilometers", "20%", "two weeks", "100 thousand rubles", "45-year-old", "10:00", "1/3", "two to three times", "two and a half years". */
const MEASURE_AFTER = compilePattern(String.raw`^(?:\s*(?:-\s*)?(?:${UNIT_WORDS})(?![\p{L}])|[-–]\p{L}|[:/]\d|\.\d|\s*[-–]\s*\d|\)?\s\d|\s+(?:to|or)\s+[\p{L}\p{N},.]+(?:\s+(?:thousand|million|billion))?\s+(?:${UNIT_WORDS})(?![\p{L}])|\s+and\s+an?\s+half\b)`, 'iu');
/** "15 November", "15 of May": case-sensitive, since "50 may have died" is a count. */
const DATE_AFTER = compilePattern(String.raw`^\s*(?:of\s+)?(?:${MONTH_WORDS})\b`, 'u');
/** "$2", "USD 5", "November 15", "Nov. 15", "+7", "(495) 123", the "50" of "40-50", "at the age of 45". */
const MARK_BEFORE = compilePattern(String.raw`(?:[$€£₽¥]\s*|\b(?:${MONTH_WORDS})\.?\s+|\+\s*|\d\)?\s|\d\s*[-–]\s*|\bage\s+of\s+)$`, 'gu');
const CURRENCY_BEFORE = /\b(?:usd|rub|uah|eur)\s*$/gi;
const NAME_COMMA = compilePattern(String.raw`\p{Lu}\p{Ll}+,\s$`, 'gu');
const LAST_WORD = compilePattern(String.raw`([\p{L}#№.\-]+)\s*$`, 'gu');
const SPACE = /\s/u;

const WINDOW = 40;

/** True when the number at [start, end) reads as a measure, date, money, label or time; -1 skips a side. */
export function isNotACount(text: string, start: number, end: number): boolean {
  if (end >= 0) {
    const after = text.slice(end, end + WINDOW);
    if (testCompiled(MEASURE_AFTER, after) || DATE_AFTER.test(after)) return true;
  }
  if (start < 0) return false;
  const before = text.slice(Math.max(0, start - WINDOW), start);
  const from = lastWordsStart(before);
  if (endsWith(MARK_BEFORE, before, from) || endsWith(CURRENCY_BEFORE, before, from)) return true;
  // "Mr. Fedorenko, 47, who …": an age in apposition to a name.
  if (end >= 0 && endsWith(NAME_COMMA, before, from) && text[end] === ',') return true;
  LAST_WORD.lastIndex = from;
  const label = LAST_WORD.exec(before);
  if (!label) return false;
  const word = label[1].toLowerCase();
  return LABELS.has(word) || LABELS.has(word.replace(/\.$/, ''));
}

/**
 * Where the last two runs of non-space characters of `text` start: no match of the end-anchored
 * checks above spans more ("the age of "), so they are looked for only from there, rather than
 * tried at every character of the window.
 */
function lastWordsStart(text: string): number {
  let at = text.length;
  for (let run = 0; run < 2; run++) {
    while (at > 0 && isSpace(text, at - 1)) at--;
    while (at > 0 && !isSpace(text, at - 1)) at--;
  }
  return at;
}

/** What `\s` matches, for the code unit at `i`. */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(text[i]);
}

/** Whether the global, end-anchored `pattern` matches `text` starting at `from` or later. */
function endsWith(pattern: RegExp, text: string, from: number): boolean {
  pattern.lastIndex = from;
  return pattern.test(text);
}
