import type { Span, TimeValue } from '../../../domain/types.js';
import { isoDay, isoMonth, recentYear, shiftDays, shiftMonth, toAnchor, weekday, type Anchor } from '../en/time/calendar.js';
import { keepLongest } from '../en/count/overlap.js';
import type { CyrillicLanguage, CyrillicText } from './language.js';
import { matchesWhere, noLetterOrDigitBefore } from '../scan.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

type Reading = { start: string; end: string; certainty: 'stated' | 'implied' } | null;
interface TimeParser {
  rule: string;
  re: RegExp;
  /** Text every match holds: a sentence without it is not scanned (the case-insensitive scan is slow to fail). */
  hint?: RegExp;
  read(m: RegExpExecArray, anchor: Anchor | undefined): Reading;
}

const PART_MONTHS: Record<string, [number, number]> = { early: [1, 3], mid: [5, 7], late: [10, 12] };
const point = (value: string, certainty: 'stated' | 'implied' = 'stated'): Reading => ({ start: value, end: value, certainty });

/**
 * A time finder for one language (GUIDE: time): dates, months, years, seasons, parts of a year and
 * relative expressions, resolved against the publication date and never past it. "с лета 2022 года"
 * runs to publication; "до мая" only bounds an event and is dropped.
 */
export function createTimeFinder(language: CyrillicLanguage): (doc: CyrillicText, range: Span, published?: string) => TimeValue[] {
  const lex = language.lexicons.time;
  const code = language.code;
  const monthAlternatives = lex.months.map((m) => `(?:${m[0]})${lex.monthTail}`);
  const MONTH = `(${monthAlternatives.join('|')})`;
  const monthRes = monthAlternatives.map((m) => compilePattern(`^${m}$`, 'iu'));
  const monthOf = (word: string) => monthRes.findIndex((re) => re.test(word)) + 1;
  const YEAR = String.raw`((?:19|20)\d\d)(?:\s*${lex.yearWord})?`;
  const E = String.raw`(?![\p{L}\p{N}])`;
  const parts = lex.parts.map((p) => ({ part: p.part, re: compilePattern(`^(?:${p.pattern})$`, 'iu') }));
  const PART = `(${lex.parts.map((p) => p.pattern).join('|')})`;
  const partOf = (word: string) => PART_MONTHS[parts.find((p) => p.re.test(word.trim()))?.part ?? 'mid'];
  const seasons = lex.seasons.map((s) => ({ months: s.months, re: compilePattern(`^(?:${s.pattern})$`, 'iu') }));
  const SEASON = `(${lex.seasons.map((s) => s.pattern).join('|')})`;
  // The leading boundary B is checked in code (see the loop below): as a lookbehind it slows V8's scan.
  const re = (source: string) => compilePattern(`${source}${E}`, 'giu');
  const DIGIT = /\d/u;
  const MONTH_STEM = compilePattern(lex.months.map((m) => m[0]).join('|'), 'iu');
  const lastYear = compilePattern(`^(?:${lex.lastYear})$`, 'iu');

  const parsers: TimeParser[] = [
    { rule: 'date', hint: DIGIT, re: re(String.raw`(\d{1,2})\s+${MONTH}(?:\s+${YEAR})?`), read: (m, a) => {
      const month = monthOf(m[2]);
      const day = Number(m[1]);
      if (!month || day < 1 || day > 31) return null;
      if (m[3]) return point(isoDay(Number(m[3]), month, day));
      return a ? point(isoDay(recentYear(a, month, day), month, day), 'implied') : null;
    } },
    { rule: 'month-year', hint: DIGIT, re: re(String.raw`${MONTH}\s+${YEAR}`), read: (m) => (monthOf(m[1]) ? point(isoMonth(Number(m[2]), monthOf(m[1]))) : null) },
    { rule: 'month', hint: MONTH_STEM, re: re(String.raw`(?:в|во|у|с|со|з|із|к|до)\s+${MONTH}(?!\s+\d)`), read: (m, a) => {
      const month = monthOf(m[1]);
      return month && a ? point(isoMonth(recentYear(a, month), month), 'implied') : null;
    } },
    { rule: 'part-month', hint: MONTH_STEM, re: re(String.raw`${PART}\s+${MONTH}(?:\s+${YEAR})?`), read: (m, a) => {
      const month = monthOf(m[2]);
      if (!month) return null;
      if (m[3]) return point(isoMonth(Number(m[3]), month));
      return a ? point(isoMonth(recentYear(a, month), month), 'implied') : null;
    } },
    { rule: 'part-year', re: re(String.raw`${PART}\s+(?:${YEAR}|(${lex.lastYear}|${lex.thisYear}))`), read: (m, a) => {
      const [first, last] = partOf(m[1]);
      const year = m[2] ? Number(m[2]) : a ? a.year - (lastYear.test(m[3]) ? 1 : 0) : NaN;
      if (!Number.isFinite(year)) return null;
      return { start: isoMonth(year, first), end: isoMonth(year, last), certainty: m[2] ? 'stated' : 'implied' };
    } },
    { rule: 'year', hint: DIGIT, re: re(String.raw`(?:в|во|с|со|к|у|з|із|до|по)\s+${YEAR}`), read: (m) => point(m[1]) },
    { rule: 'year-word', hint: DIGIT, re: re(String.raw`((?:19|20)\d\d)\s*${lex.yearWord}`), read: (m) => point(m[1]) },
    { rule: 'season', hint: DIGIT, re: re(String.raw`${SEASON}\s+${YEAR}`), read: (m) => {
      const season = seasons.find((s) => s.re.test(m[1]));
      if (!season) return null;
      const year = Number(m[2]);
      const [first, last] = season.months;
      return { start: isoMonth(year, first), end: isoMonth(last < first ? year + 1 : year, last), certainty: 'stated' };
    } },
    { rule: 'last-week', re: re(`(?:${lex.lastWeek})`), read: (_m, a) => {
      if (!a) return null;
      const sinceMonday = (weekday(a) + 6) % 7;
      return { start: shiftDays(a, -sinceMonday - 7), end: shiftDays(a, -sinceMonday - 1), certainty: 'implied' };
    } },
    { rule: 'this-week', re: re(`(?:${lex.thisWeek})`), read: (_m, a) => (a ? { start: shiftDays(a, -((weekday(a) + 6) % 7)), end: shiftDays(a, 0), certainty: 'implied' } : null) },
    { rule: 'last-month', re: re(`(?:${lex.lastMonth})`), read: (_m, a) => (a ? point(isoMonth(...shiftMonth(a.year, a.month, -1)), 'implied') : null) },
    { rule: 'this-month', re: re(`(?:${lex.thisMonth})`), read: (_m, a) => (a ? { start: isoDay(a.year, a.month, 1), end: shiftDays(a, 0), certainty: 'implied' } : null) },
    { rule: 'last-year', re: re(`(?:${lex.lastYear})`), read: (_m, a) => (a ? point(String(a.year - 1), 'implied') : null) },
    { rule: 'this-year', re: re(`(?:${lex.thisYear})`), read: (_m, a) => (a ? point(String(a.year), 'implied') : null) },
    { rule: 'yesterday', re: re(`(?:${lex.yesterday})`), read: (_m, a) => (a ? point(shiftDays(a, -1), 'implied') : null) },
  ];
  const since = compilePattern(String.raw`(?<![\p{L}])${lex.since}\s+$`, 'iu');
  const sinceInside = compilePattern(String.raw`^${lex.since}\s`, 'iu');
  const bound = compilePattern(String.raw`(?<![\p{L}])${lex.bounds}\s+$`, 'iu');

  return (doc, range, published) => {
    const anchor = toAnchor(published);
    const scope = doc.norm.slice(0, range.end);
    const found: TimeValue[] = [];
    // Matches lie inside the sentence (from range.start, in text cut at range.end): its hint is looked for there.
    const sentence = doc.norm.slice(range.start, range.end);
    for (const parser of parsers) {
      if (parser.hint && !parser.hint.test(sentence)) continue;
      // The leading boundary, as a lookbehind would check it (lookbehinds can see before range.start).
      for (const m of matchesWhere(parser.re, scope, noLetterOrDigitBefore, range.start)) {
        const reading = parser.read(m, anchor);
        if (!reading || (anchor && reading.start > isoDay(anchor.year, anchor.month, anchor.day))) continue;
        const span = { start: m.index, end: m.index + m[0].length };
        found.push({ span, text: doc.text.slice(span.start, span.end), rule: `${code}.time.${parser.rule}`, ...reading });
      }
    }
    const out: TimeValue[] = [];
    for (const t of keepLongest(found)) {
      const before = scope.slice(Math.max(0, t.span.start - 16), t.span.start);
      const opened = since.exec(before);
      if (opened || sinceInside.test(t.text)) {
        // GUIDE: Open-ended time ends at publication; with no publication date the claim gets no time.
        if (!anchor) continue;
        const start = t.span.start - (opened?.[0].length ?? 0);
        out.push({ ...t, span: { start, end: t.span.end }, text: doc.text.slice(start, t.span.end), end: isoDay(anchor.year, anchor.month, anchor.day), certainty: 'implied', rule: `${code}.time.since` });
        continue;
      }
      if (bound.test(before) || /^(?:до|перед|после|через)\s/iu.test(t.text)) continue;
      out.push(t);
    }
    return out;
  };
}
