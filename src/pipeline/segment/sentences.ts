import abbreviations from '../../knowledge/lexicons/en/abbreviations.json' with { type: 'json' };
import type { Span } from '../../domain/types.js';
import { countBetween, Quotations } from './quotations.js';
import { compilePattern } from '../../knowledge/text/compile-pattern.js';

/** A sentence of the canonical text, with the paragraph it belongs to. */
export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph (blocks separated by blank lines or single line breaks). */
  paragraph: number;
  index: number;
}

const ABBREVIATIONS = new Set(abbreviations.words);
// A sentence ends at . ! ? … (plus closing quotes/brackets) followed by space and an upper-case
// letter, digit or opening quote; or at any line break.
const BOUNDARY = compilePattern(String.raw`([.!?…]+)(["”’»)\]]*)(\s+)(?=["“‘«(\[]?[\p{Lu}\d])`, 'gu');
/**
 * Scraped text often loses the space between sentences: "battlefield.The", "releases.”If" —
 * punctuation after two lower-case letters (checked in code: a leading lookbehind makes V8
 * test it at every character).
 */
const GLUED = compilePattern(String.raw`([.!?]["”’»]?)()()(?=\p{Lu}\p{Ll})`, 'gu');
const TWO_LOWER_BEFORE = compilePattern(String.raw`\p{Ll}{2}$`, 'u');

/** Splits canonical text into sentences, never across line breaks, keeping offsets. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  const lineRe = /[^\n]+/g;
  let line: RegExpExecArray | null;
  let lastLineEnd = 0;
  while ((line = lineRe.exec(text))) {
    if (sentences.length > 0 && line.index > lastLineEnd) paragraph++;
    lastLineEnd = line.index + line[0].length;
    splitLine(line[0], line.index, paragraph, sentences);
  }
  return sentences;
}

/**
 * The paragraph of the sentence that holds `offset`, or -1 when none does: a binary search over
 * `splitSentences`' output, which is in text order with no two sentences overlapping (a linear
 * search per claim made long reports quadratic).
 */
export function paragraphAt(sentences: readonly Sentence[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle];
    if (offset < sentence.start) high = middle - 1;
    else if (offset >= sentence.end) low = middle + 1;
    else return sentence.paragraph;
  }
  return -1;
}

function splitLine(line: string, offset: number, paragraph: number, out: Sentence[]): void {
  let start = 0;
  const glued = [...line.matchAll(GLUED)].filter((m) => TWO_LOWER_BEFORE.test(line.slice(Math.max(0, (m.index ?? 0) - 4), m.index)));
  const boundaries = [...line.matchAll(BOUNDARY), ...glued].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  // A quotation of two sentences is one statement; a longer one is several (each then takes the
  // attribution that closes it, see extract refiners).
  const at = boundaries.map((m) => m.index ?? 0);
  const quoted = new Quotations(quotedRanges(line).filter(([a, b]) => countBetween(at, a, b) <= 1));
  for (const m of boundaries) {
    m.index ??= 0;
    const stop = m.index + m[1].length + m[2].length;
    if (stop <= start) continue;
    if (m[1] === '.' && isAbbreviation(line, m.index)) continue;
    // A quotation of several sentences stays whole: its attribution ("…,” she said) closes it.
    if (quoted.holds(stop)) continue;
    push(line, offset, start, stop, paragraph, out);
    start = stop + m[3].length;
  }
  push(line, offset, start, line.length, paragraph, out);
}

/** Ranges of the line inside paired quotation marks (curly, guillemets, or straight when balanced). */
function quotedRanges(line: string): [number, number][] {
  const ranges: [number, number][] = [];
  const pairs: [string, string][] = [['“', '”'], ['«', '»']];
  for (const [open, close] of pairs) {
    let from = 0;
    for (;;) {
      const a = line.indexOf(open, from);
      if (a < 0) break;
      const b = line.indexOf(close, a + 1);
      if (b < 0) break;
      ranges.push([a, b]);
      from = b + 1;
    }
  }
  const straight = [...line.matchAll(/"/g)].map((m) => m.index ?? 0);
  if (straight.length % 2 === 0) for (let i = 0; i < straight.length; i += 2) ranges.push([straight[i], straight[i + 1]]);
  return ranges;
}

/** True when the full stop at `dot` ends an abbreviation ("No.", "U.S.") or an initial ("V."), not a sentence. */
export function isAbbreviation(line: string, dot: number): boolean {
  const before = line.slice(Math.max(0, dot - 12), dot).match(/([\p{L}.]+)$/u);
  if (!before) return false;
  const word = before[1].toLowerCase();
  // Single capital letters are initials ("Vladimir V. Putin"); known abbreviations never end sentences.
  return ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(before[1]);
}

function push(line: string, offset: number, from: number, to: number, paragraph: number, out: Sentence[]): void {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(line[a])) a++;
  while (b > a && /\s/.test(line[b - 1])) b--;
  if (b <= a) return;
  out.push({ start: offset + a, end: offset + b, text: line.slice(a, b), paragraph, index: out.length });
}
