import type { Span } from '../../../../domain/types.js';

/** A number-of-people expression found in a text (GUIDE: count), with where it was read. */
export interface CountMention {
  span: Span;
  /** Exactly `text.slice(span.start, span.end)`. */
  text: string;
  value?: number;
  min?: number;
  max?: number;
  approximate?: boolean;
  /** A vague quantity ("thousands", "several hundred"); not a number. */
  vague?: string;
  /** Id of the parser that read it, e.g. `en.count.qualified`. */
  rule: string;
  certainty: 'stated';
  /** The people noun the count quantifies, when one follows within a few words ("457 inmates"). */
  head?: { span: Span; word: string };
}

/** A population change: "decreased by 23,000" (difference) or "fell to 266,000" (level). */
export interface ChangeMention {
  span: Span;
  text: string;
  change: 'decrease' | 'increase';
  /** `difference`: the count is the change; `level`: the count is the population after it. */
  kind: 'difference' | 'level';
  count: CountMention;
  /** The verb or noun that reports the change. */
  trigger: { span: Span; word: string };
  rule: string;
}

/** One chrono-style count parser: a global pattern, and an extract that declines with null. */
export interface CountParser {
  rule: string;
  pattern: RegExp;
  /** Text every match contains, tested on the sentence first; a sentence without it is skipped. */
  hint?: RegExp;
  extract(match: RegExpExecArray, text: string): CountMention | null;
}
