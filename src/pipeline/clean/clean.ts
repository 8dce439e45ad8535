import type { FurnitureSpan, Message, ReportMeta } from '../../domain/types.js';

export interface Cleaned {
  /** Canonical text. */
  text: string;
  furniture: FurnitureSpan[];
  /** Metadata found in the document itself (HTML title, canonical URL, published time, site name). */
  meta: ReportMeta;
  messages: Message[];
}

/** Removes page furniture. PLACEHOLDER: returns the text as it is. */
export function clean(text: string, format: 'text' | 'html'): Cleaned {
  void format;
  return { text, furniture: [], meta: {}, messages: [] };
}
