import type { Certainty, NamedValue, Provenance } from '../../domain/types.js';
import { compilePattern } from '../../knowledge/text/compile-pattern.js';

/** The provenance of a value read from `text` at `[start, end)` by `rule`. */
export function provenance(text: string, start: number, end: number, rule: string, certainty: Certainty = 'stated'): Provenance {
  return { span: { start, end }, text: text.slice(start, end), rule, certainty };
}

/** A named value (place, facility, source, actor) read from `text` at `[start, end)`. */
export function namedValue(
  text: string,
  start: number,
  end: number,
  rule: string,
  extra: Partial<Pick<NamedValue, 'name' | 'alternatives' | 'entityId' | 'certainty'>> = {},
): NamedValue {
  const written = text.slice(start, end);
  const value: NamedValue = { span: { start, end }, text: written, rule, certainty: extra.certainty ?? 'stated', name: extra.name ?? written };
  // The other fields given, as given (a spread would do the same, more slowly on this hot path).
  for (const key of Object.keys(extra) as (keyof typeof extra)[]) if (key !== 'certainty') (value as unknown as Record<string, unknown>)[key] = extra[key];
  return value;
}

/** `s` as a literal inside a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Compiles lexicon patterns into one word-bounded, case-insensitive regular expression. Patterns in
 * plain ASCII get `\b` boundaries and no `u` flag, which V8 runs several times faster.
 */
export function wordsPattern(patterns: readonly string[], flags = 'giu'): RegExp {
  const source = patterns.join('|');
  if (/^[\x00-\x7f’]*$/u.test(source) && !/\\p\{/u.test(source)) return compilePattern(`\\b(?:${source})\\b`, flags.replace('u', ''));
  return compilePattern(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, flags);
}
