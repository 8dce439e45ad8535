import lexicon from '../../../../knowledge/lexicons/en/count-change-verbs.json' with { type: 'json' };
import type { Span } from '../../../../domain/types.js';
import type { ChangeMention } from './count-types.js';
import { findCounts } from './count.js';
import { escapeRegExp } from '../../provenance.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

const CHANGES = new Map(lexicon.verbs.map((v) => [v.phrase, v.change as ChangeMention['change']]));
const TRIGGER = compilePattern(
  String.raw`\b(?:${[...CHANGES.keys()].sort((a, b) => b.length - a.length).map((p) => escapeRegExp(p).replace(/ /g, '\\s+')).join('|')})\b`,
  'giu',
);
const TRIGGER_INSIDE = compilePattern(TRIGGER.source, 'iu');
/** What links a trigger to its count: "by" (or a noun's "of") gives the difference, "to" the new level. */
const LINK = compilePattern(String.raw`\b(?:(by|of)\s+(?:(?:another|a\s+further)\s+)?|(to)\s+(?:an?\s+(?:[\p{L}-]+\s+){0,2}(?:low|high|level|total|figure)\s+of\s+)?)$`, 'iu');
/** A later "and by another 13,000" in the same sentence continues the change. */
const CONTINUATION = /\bby\s+(?:(?:another|a\s+further)\s+)?$/i;
/** How far a trigger reaches for its count: "plunged from 420,000 before the war to a historic low of 266,000". */
const REACH = 90;
const SENTENCE_END = /[.!?;](?=\s|$)/;

/**
 * Finds population changes in `text.slice(range.start, range.end)`: "decreased by 10,000" (the
 * count is the difference), "fell to 266,000" (the count is the level), with offsets into `text`.
 */
export function findChanges(text: string, range: Span = { start: 0, end: text.length }): ChangeMention[] {
  const scope = text.slice(0, range.end);
  const found: ChangeMention[] = [];
  TRIGGER.lastIndex = range.start;
  let match: RegExpExecArray | null;
  while ((match = TRIGGER.exec(scope))) {
    const trigger = { span: { start: match.index, end: match.index + match[0].length }, word: match[0] };
    const change = CHANGES.get(match[0].toLowerCase().replace(/\s+/g, ' '))!;
    const tail = scope.slice(trigger.span.end, trigger.span.end + REACH * 2);
    const stop = SENTENCE_END.exec(tail);
    const windowEnd = trigger.span.end + (stop ? stop.index : tail.length);
    let first = true;
    for (const count of findCounts(text, { start: trigger.span.end, end: windowEnd })) {
      const between = text.slice(first ? trigger.span.end : found[found.length - 1].span.end, count.span.start);
      // A later trigger reports its own change.
      if (TRIGGER_INSIDE.test(between)) break;
      const link = first ? (count.span.start - trigger.span.end <= REACH ? LINK.exec(between) : null) : CONTINUATION.exec(between);
      if (!link) continue;
      const kind = first && link[2] ? 'level' : 'difference';
      const start = first ? trigger.span.start : count.span.start - link[0].length;
      const span = { start, end: count.span.end };
      found.push({ span, text: text.slice(span.start, span.end), change, kind, count, trigger, rule: `en.count.change-${kind}` });
      first = false;
    }
  }
  return found;
}
