import type { FurnitureSpan } from '../../domain/types.js';
import { FURNITURE_RULES, matchFurniture, type FurnitureRule } from './furniture-rules.js';
import { isBlank, isHeadlineLike, isProse, splitLines, type Line } from './lines.js';

/** Prose (in characters) that must come before an end-of-article marker for it to close the article. */
const BODY_BEFORE_END = 150;
/** How far back from an end marker headline-like teaser lines are swept along with it. */
const SWEEP_LINES = 8;
const SWEEP_CHARS = 600;

/** Rule ids of the structural (code, not lexicon) decisions, with their reasons. */
export const STRUCTURE_REASONS: Record<string, string> = {
  'structure.teasers-before-end': 'headline-like lines right before an end-of-article marker are teasers of other stories',
  'whitespace.blank-line': 'extra blank line left between paragraphs after furniture was removed',
  'whitespace.edges': 'white space at the start or end of the text',
};

type Verdict = { rule: string; prefix?: number } | null;

/**
 * Finds the page furniture in plain text, line by line, with the lexicon rules
 * (lexicons/furniture) plus two shapes: an end-of-article marker closes the article, taking the
 * teaser headlines just before it; and blank lines are kept to one between paragraphs.
 * Returns sorted, non-overlapping spans of `text`; removing them gives the canonical text.
 */
export function findFurniture(text: string, rules: readonly FurnitureRule[] = FURNITURE_RULES): FurnitureSpan[] {
  const lines = splitLines(text);
  const verdicts = judgeLines(text, lines, rules);
  judgeBlankLines(text, lines, verdicts);
  return toSpans(text, lines, verdicts);
}

function judgeLines(text: string, lines: Line[], rules: readonly FurnitureRule[]): Verdict[] {
  const verdicts: Verdict[] = new Array<Verdict>(lines.length).fill(null);
  let prose = 0;
  for (let i = 0; i < lines.length; i++) {
    const content = text.slice(lines[i].start, lines[i].end);
    if (isBlank(content)) continue;
    const trimmed = content.trim();
    const found = matchFurniture(trimmed, rules);
    if (found?.rule.action === 'end' && prose >= BODY_BEFORE_END) {
      closeArticle(text, lines, verdicts, i, found.rule.id);
      break;
    }
    if (found?.rule.action === 'prefix' && found.length < trimmed.length) {
      verdicts[i] = { rule: found.rule.id, prefix: content.length - content.trimStart().length + found.length };
    } else if (found) {
      verdicts[i] = { rule: found.rule.id };
      continue;
    }
    if (isProse(content)) prose += trimmed.length;
  }
  return verdicts;
}

/** Marks line `at` and all after it as furniture, and the teaser headlines just before it. */
function closeArticle(text: string, lines: Line[], verdicts: Verdict[], at: number, rule: string): void {
  for (let i = at; i < lines.length; i++) verdicts[i] = { rule };
  let swept = 0;
  let chars = 0;
  for (let i = at - 1; i >= 0 && swept < SWEEP_LINES; i--) {
    const content = text.slice(lines[i].start, lines[i].end);
    if (isBlank(content) || (verdicts[i] && verdicts[i]!.prefix === undefined)) continue;
    if (!isHeadlineLike(content) || verdicts[i]?.prefix !== undefined) break;
    chars += content.length;
    if (chars > SWEEP_CHARS) break;
    verdicts[i] = { rule: 'structure.teasers-before-end' };
    swept++;
  }
}

/** Keeps one blank line (an empty one when there is a choice) between kept lines; drops the rest. */
function judgeBlankLines(text: string, lines: Line[], verdicts: Verdict[]): void {
  let sawContent = false;
  // The run of blank lines since the last kept line: [runStart, i), skipping lines already furniture.
  let runStart = -1;
  for (let i = 0; i < lines.length; i++) {
    if (verdicts[i] && verdicts[i]!.prefix === undefined) continue;
    if (verdicts[i] === null && isBlank(text.slice(lines[i].start, lines[i].end))) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) settleBlankRun(lines, verdicts, runStart, i, sawContent);
    runStart = -1;
    sawContent = true;
  }
  if (runStart >= 0) settleBlankRun(lines, verdicts, runStart, lines.length, false);
}

/** Drops the blank lines of a run in [from, to), keeping one when `keepOne`: the first empty one, else the first. */
function settleBlankRun(lines: Line[], verdicts: Verdict[], from: number, to: number, keepOne: boolean): void {
  // The run's own lines are those with no verdict yet: the lines between that are furniture are not.
  let keep = -1;
  if (keepOne) {
    for (let i = from; i < to && keep < 0; i++) if (verdicts[i] === null && lines[i].end === lines[i].start) keep = i;
    if (keep < 0) keep = from;
  }
  for (let i = from; i < to; i++) if (i !== keep && verdicts[i] === null) verdicts[i] = { rule: 'whitespace.blank-line' };
}

function toSpans(text: string, lines: Line[], verdicts: Verdict[]): FurnitureSpan[] {
  const spans: FurnitureSpan[] = [];
  let first = -1;
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!isKept(verdicts[i])) continue;
    if (first < 0) first = i;
    last = i;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const verdict = verdicts[i];
    if (!isKept(verdict)) {
      addSpan(spans, line.start, line.next, verdict!.rule);
      continue;
    }
    let start = line.start;
    if (verdict?.prefix !== undefined) {
      addSpan(spans, line.start, line.start + verdict.prefix, verdict.rule);
      start += verdict.prefix;
    }
    if (i === first) {
      const rest = text.slice(start, line.end);
      addSpan(spans, start, start + (rest.length - rest.trimStart().length), 'whitespace.edges');
    }
    if (i === last) addSpan(spans, line.start + text.slice(line.start, line.end).trimEnd().length, line.next, 'whitespace.edges');
  }
  for (const span of spans) span.text = text.slice(span.start, span.end);
  return spans;
}

/** A line stays, whole or but for a prefix, when no rule took all of it. */
function isKept(verdict: Verdict): boolean {
  return verdict === null || verdict.prefix !== undefined;
}

/** Adds [start, end) for `rule`, joined to the span before when it is the same rule and they touch. */
function addSpan(spans: FurnitureSpan[], start: number, end: number, rule: string): void {
  if (end <= start) return;
  const last = spans[spans.length - 1];
  if (last && last.rule === rule && last.end === start) last.end = end;
  else spans.push({ start, end, rule, text: '' });
}

/** The text with the spans cut out (spans sorted and non-overlapping, as findFurniture returns them). */
export function removeSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start);
    at = span.end;
  }
  return out + text.slice(at);
}
