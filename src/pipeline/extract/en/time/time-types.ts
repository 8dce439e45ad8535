import type { Span } from '../../../../domain/types.js';
import type { Anchor } from './calendar.js';

/** A time expression found in a text (GUIDE: time): ISO partial dates; a point has start === end. */
export interface TimeMention {
  span: Span;
  /** Exactly `text.slice(span.start, span.end)`. */
  text: string;
  start: string;
  end: string;
  /** `implied` when any part (a year, a week) came from the publication date. */
  certainty: 'stated' | 'implied';
  /** Id of the parser or refiner that read it, e.g. `en.time.month`. */
  rule: string;
}

/** One chrono-style time parser: a global pattern, and an extract that declines with null. */
export interface TimeParser {
  rule: string;
  pattern: RegExp;
  /** Text every match contains, tested on the sentence first; a sentence without it is skipped. */
  hint?: RegExp;
  extract(match: RegExpExecArray, anchor: Anchor | undefined): Omit<TimeMention, 'text' | 'rule'> | null;
}
