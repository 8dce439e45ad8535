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
  const verdicts: Verdict[] = lines.map(() => null);
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
  let run: number[] = [];
  const settle = (keepOne: boolean) => {
    const keep = keepOne ? (run.find((i) => lines[i].end === lines[i].start) ?? run[0]) : -1;
    for (const i of run) if (i !== keep) verdicts[i] = { rule: 'whitespace.blank-line' };
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (verdicts[i] && verdicts[i]!.prefix === undefined) continue;
    if (isBlank(text.slice(lines[i].start, lines[i].end)) && verdicts[i] === null) {
      run.push(i);
      continue;
    }
    settle(sawContent && run.length > 0);
    sawContent = true;
  }
  settle(false);
}

function toSpans(text: string, lines: Line[], verdicts: Verdict[]): FurnitureSpan[] {
  const spans: FurnitureSpan[] = [];
  const add = (start: number, end: number, rule: string) => {
    if (end <= start) return;
    const last = spans[spans.length - 1];
    if (last && last.rule === rule && last.end === start) last.end = end;
    else spans.push({ start, end, rule, text: '' });
  };
  const kept = lines.map((_, i) => verdicts[i] === null || verdicts[i]!.prefix !== undefined);
  const first = kept.indexOf(true);
  const last = kept.lastIndexOf(true);
  lines.forEach((line, i) => {
    const verdict = verdicts[i];
    if (!kept[i]) return add(line.start, line.next, verdict!.rule);
    const content = text.slice(line.start, line.end);
    let start = line.start;
    if (verdict?.prefix !== undefined) {
      add(line.start, line.start + verdict.prefix, verdict.rule);
      start += verdict.prefix;
    }
    if (i === first) add(start, start + (text.slice(start, line.end).length - text.slice(start, line.end).trimStart().length), 'whitespace.edges');
    if (i === last) add(line.start + content.trimEnd().length, line.next, 'whitespace.edges');
  });
  for (const span of spans) span.text = text.slice(span.start, span.end);
  return spans;
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
