import type { CountValue, Span } from '../../../domain/types.js';
import { keepLongest } from '../en/count/overlap.js';
import type { CyrillicLanguage, CyrillicText } from './language.js';
import { escapeRegExp } from '../provenance.js';
import { matchesWhere, noLetterBefore } from '../scan.js';
import { compileOnFirstUse, testCompiled } from '../machine-code.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

/** A number of people read in a sentence, with its head noun when one follows. */
export interface CountMention extends Omit<CountValue, 'certainty'> {
  certainty: 'stated';
  head?: string;
}

const byLength = (a: string, b: string): number => b.length - a.length;
const DIGITS = String.raw`\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?!\d)|\d+(?:,\d+)?`;

/**
 * A count finder for one language (GUIDE: count): digits with any thousands separator ("2 500",
 * "2 500", "2.500"), "23 тыс.", "1,5 млн", number words in any case ("около двух тысяч",
 * "полусотне"), qualifiers (approximate, min, max, "от N до M") and vague words ("сотни").
 * Only numbers with a people noun after them count; years, dates, measures and percentages do not.
 */
export function createCountFinder(language: CyrillicLanguage): (doc: CyrillicText, range: Span) => CountMention[] {
  const lex = language.lexicons.numbers;
  const code = language.code;
  const units = new Map(Object.entries(lex.units));
  const multipliers = new Map(Object.entries(lex.multipliers).map(([k, v]) => [k.replace(/\.$/u, ''), v]));
  const unitWords = [...units.keys()].sort(byLength).map(escapeRegExp).join('|');
  const multiplierWords = [...multipliers.keys()].sort(byLength).map(escapeRegExp).join('|');
  const number = String.raw`(?:(?<![\p{L}\p{N}№#\-–.,/])(?:${DIGITS})|(?<![\p{L}'’])(?:${unitWords})(?:\s+(?:${unitWords}))*)(?:[\s\u00a0]*(?:${multiplierWords})\.?)?(?![\p{L}\p{N}])`;
  const qualifiers = lex.qualifiers.map((q) => ({ kind: q.kind, re: compilePattern(String.raw`(?<![\p{L}])(?:${q.pattern})\s+(?:по\s+)?$`, 'iu') }));
  const numberRe = compilePattern(number, 'giu');
  // The range and vague words must start a word: matchesWhere checks (a leading look-behind scans slowly).
  const rangeRe = compilePattern(String.raw`${lex.range.from}\s+(${number})\s+${lex.range.to}\s+(${number})`, 'giu');
  const vagueRe = compilePattern(String.raw`(?:${lex.vaguePrefix}|${lex.vague})(?![\p{L}])`, 'giu');
  const head = compilePattern(String.raw`^[\s\u00a0]+(?:(?:${lex.modifiers.join('|')})\s+){0,2}(${lex.people.join('|')})(?![\p{L}])`, 'iu');
  const notCount = compilePattern(String.raw`^[\s\u00a0]*(?:${lex.notCounts})(?![\p{L}])|^[\s\u00a0]*(?:[-–]\p{L}|%)`, 'iu');
  const digitsOf = compilePattern(String.raw`^(${DIGITS})`, 'u');
  const multiplierOf = compilePattern(String.raw`(${multiplierWords})\.?$`, 'iu');

  const parse = (raw: string): number | null => {
    const multiplier = multiplierOf.exec(raw);
    const scale = multiplier ? (multipliers.get(multiplier[1].toLowerCase()) ?? 1) : 1;
    const figure = multiplier ? raw.slice(0, multiplier.index).trim() : raw.trim();
    const digits = digitsOf.exec(figure);
    if (digits) {
      if (figure.includes(',') && scale === 1) return null;
      return Math.round(Number(figure.replace(/[ \u00a0\u202f.]/gu, '').replace(',', '.')) * scale);
    }
    if (!figure) return scale > 1 ? scale : null;
    const value = figure.split(/\s+/u).reduce((sum, w) => sum + (units.get(w.toLowerCase()) ?? NaN), 0);
    return Number.isFinite(value) ? value * scale : null;
  };

  return (doc, range) => {
    const scope = doc.norm.slice(0, range.end);
    const found: CountMention[] = [];
    const mention = (start: number, end: number, rule: string, fields: Partial<CountMention>): CountMention => ({
      span: { start, end },
      text: doc.text.slice(start, end),
      rule: `${code}.count.${rule}`,
      certainty: 'stated',
      ...fields,
    });
    const headAfter = (end: number) => {
      const after = scope.slice(end, end + 60);
      compileOnFirstUse(head, after);
      return head.exec(after)?.[1];
    };
    for (const m of matchesWhere(rangeRe, scope, noLetterBefore, range.start)) {
      const [low, high] = [parse(m[1]), parse(m[2])];
      const end = m.index + m[0].length;
      const word = headAfter(end);
      if (low === null || high === null || high <= low || !word) continue;
      found.push(mention(m.index, end, 'range', { min: low, max: high, head: word }));
    }
    for (const m of matchesFrom(numberRe, scope, range.start)) {
      const end = m.index + m[0].length;
      const value = parse(m[0]);
      const word = headAfter(end);
      if (value === null || !word || testCompiled(notCount, scope.slice(end, end + 20))) continue;
      if (/^\d{4}$/u.test(m[0]) && value >= 1900 && value <= 2100 && !word) continue;
      const before = scope.slice(Math.max(range.start, m.index - 30), m.index);
      const qualifier = qualifiers.find((q) => q.re.test(before));
      const start = qualifier ? m.index - (qualifier.re.exec(before)?.[0].length ?? 0) : m.index;
      const fields: Partial<CountMention> =
        qualifier?.kind === 'min' ? { min: value } : qualifier?.kind === 'max' ? { max: value } : { value, ...(qualifier ? { approximate: true } : {}) };
      found.push(mention(start, end, qualifier ? `qualified-${qualifier.kind}` : 'plain', { ...fields, head: word }));
    }
    for (const m of matchesWhere(vagueRe, scope, noLetterBefore, range.start)) {
      found.push(mention(m.index, m.index + m[0].length, 'vague', { vague: doc.text.slice(m.index, m.index + m[0].length) }));
    }
    // A number wins over a vague word inside it ("двух тысяч" is no "тысяч").
    const numeric = keepLongest(found.filter((f) => !f.vague));
    return keepLongest([...numeric, ...found.filter((f) => f.vague && !numeric.some((n) => n.span.start < f.span.end && f.span.start < n.span.end))]);
  };
}

function* matchesFrom(re: RegExp, text: string, from: number): Generator<RegExpExecArray> {
  compileOnFirstUse(re, text);
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    yield m;
    if (m[0].length === 0) re.lastIndex++;
  }
}

/** The count of a claim: the first number of people in the sentence, else the first vague quantity. */
export function chooseCount(counts: CountMention[]): CountValue | undefined {
  const chosen = counts.find((c) => !c.vague) ?? counts[0];
  if (!chosen) return undefined;
  const { head: _head, ...value } = chosen;
  return value;
}
