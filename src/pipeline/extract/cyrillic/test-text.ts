import type { Span } from '../../../domain/types.js';
import type { CyrillicText } from './language.js';
import { normaliseLookalikes } from './lookalikes.js';

/** A test sentence as the extractors see it, and its whole range. */
export function sentenceOf(text: string): { doc: CyrillicText; range: Span } {
  return { doc: { text, norm: normaliseLookalikes(text) }, range: { start: 0, end: text.length } };
}
