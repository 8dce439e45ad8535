import type { FurnitureSpan, Message, ReportMeta } from '../../domain/types.js';
import { findFurniture, removeSpans } from './furniture.js';
import { extractHtml } from './html-extract.js';
import { isLetterUnit } from '../../knowledge/text/characters.js';

export interface Cleaned {
  /** Canonical text. */
  text: string;
  /**
   * What was removed. For `text` input the spans index into the text given to clean(); for
   * `html` input they index into the plain text extracted from the HTML (`extracted`), since
   * markup has no character offsets worth keeping.
   */
  furniture: FurnitureSpan[];
  /** Metadata found in the document itself (HTML title, canonical URL, published time, site name). */
  meta: ReportMeta;
  messages: Message[];
  /** For HTML: the plain text extracted from the markup, before furniture rules. */
  extracted?: string;
}

/** Share of the text's letters that, once removed, makes cleaning worth a warning. */
const LARGE_REMOVAL = 0.6;

/**
 * Turns a decoded report into canonical text: HTML is reduced to its article text first
 * (readability, with a whole-body fallback), then the plain-text furniture rules remove
 * navigation, donation appeals, newsletter boxes, teasers and everything after an
 * end-of-article marker. Never throws on content; problems become messages.
 */
export function clean(text: string, format: 'text' | 'html'): Cleaned {
  if (format === 'html') {
    const html = extractHtml(text);
    const cleaned = cleanText(html.text);
    return { ...cleaned, meta: html.meta, messages: [...html.messages, ...cleaned.messages], extracted: html.text };
  }
  const cleaned = cleanText(text);
  const title = headline(cleaned.text);
  return { ...cleaned, meta: title ? { title } : {} };
}

/**
 * A plain-text report's title: its first line when that reads as a headline (a line of its own,
 * 2 to 25 words, no sentence-ending punctuation, more text after it). Saved pages and scraped text
 * usually start with one; a report that starts with its first sentence has none.
 */
export function headline(text: string): string | undefined {
  const end = text.indexOf('\n');
  if (end < 0) return undefined;
  const line = text.slice(0, end).trim();
  if (line.length < 8 || line.length > 200 || /[.!?:;,…]$/u.test(line) || !/\p{L}/u.test(line)) return undefined;
  const words = line.split(/\s+/u).length;
  if (words < 2 || words > 25 || !text.slice(end).trim()) return undefined;
  return line;
}

function cleanText(text: string): Omit<Cleaned, 'meta'> {
  const furniture = findFurniture(text);
  const cleaned = removeSpans(text, furniture);
  return { text: cleaned, furniture, messages: reviewRemoval(text, furniture) };
}

/** Messages that tell an analyst when cleaning took much or all of a report. */
function reviewRemoval(before: string, furniture: FurnitureSpan[]): Message[] {
  // Letters cut = letters of the spans removed; most cuts are white space only.
  let removed = 0;
  for (const span of furniture) removed += countLetters(span.text);
  if (removed === 0) return [];
  // A text with more than twice the letters removed lost under half of them: no warning, so
  // counting stops there (the cuts are mostly small, the text long).
  const enough = 2 * removed;
  const total = countLetters(before, enough);
  if (total > enough) return [];
  const kept = total - removed;
  if (total > 0 && kept === 0) {
    return [{ source: 'clean', rule: 'clean.empty', reason: 'nothing but page furniture was found; the report has no text', severity: 'warning' }];
  }
  if (total === 0 || 1 - kept / total < LARGE_REMOVAL) return [];
  const largest = furniture.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  return [{
    source: 'clean',
    rule: 'clean.large-removal',
    reason: `cleaning removed ${Math.round(100 * (1 - kept / total))}% of the letters (largest cut by ${largest.rule}); check the report`,
    severity: 'warning',
    span: { start: largest.start, end: largest.end },
  }];
}

const LETTER = /\p{L}/u;

/** Letters in `s` (any script), counted until there are more than `limit`; the common scripts without a regular expression (see knowledge/text/characters.ts). Exported for tests. */
export function countLetters(s: string, limit = Infinity): number {
  let n = 0;
  for (let i = 0; i < s.length && n <= limit; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if ((c | 32) >= 97 && (c | 32) <= 122) n++;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      if (LETTER.test(s.slice(i, i + 2))) n++;
      i++;
    } else if (isLetterUnit(c)) {
      n++;
    }
  }
  return n;
}

