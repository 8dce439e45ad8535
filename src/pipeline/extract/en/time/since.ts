import type { TimeMention } from './time-types.js';
import { isoDay, type Anchor } from './calendar.js';

const SINCE = /\b(?:ever\s+)?[Ss]ince\s+(?:at\s+least\s+)?(?:the\s+)?$/;
/** A parser that needed the preposition kept it in its span: "since 2014", "since February". */
const SINCE_INSIDE = /^[Ss]ince\s/;
const WINDOW = 30;

/**
 * Refiner: "since the summer of 2022" runs from that time to publication (GUIDE: Open-ended time);
 * with no publication date the mention is dropped.
 */
export function extendSince(text: string, mentions: TimeMention[], anchor: Anchor | undefined): TimeMention[] {
  const kept: TimeMention[] = [];
  for (const found of mentions) {
    const before = SINCE.exec(text.slice(Math.max(0, found.span.start - WINDOW), found.span.start));
    const inside = SINCE_INSIDE.test(found.text);
    if (!before && !inside) {
      kept.push(found);
      continue;
    }
    if (!anchor) continue;
    const published = isoDay(anchor.year, anchor.month, anchor.day);
    if (found.start > published) continue;
    const span = { start: found.span.start - (before ? before[0].length : 0), end: found.span.end };
    kept.push({ span, text: text.slice(span.start, span.end), start: found.start, end: published, certainty: 'implied', rule: 'en.time.since' });
  }
  return kept;
}
