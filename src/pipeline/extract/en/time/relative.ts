import words from '../../../../knowledge/lexicons/en/time-words.json' with { type: 'json' };
import numbers from '../../../../knowledge/lexicons/en/numbers.json' with { type: 'json' };
import type { TimeParser } from './time-types.js';
import { MONTH_SOURCE, isoMonth, normal, shiftDays, shiftMonth, weekday } from './calendar.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

const WEEKDAYS = words.weekdays;
const NUMBER_WORDS = new Map<string, number>([...Object.entries(numbers.units), ['a', 1], ['an', 1]]);
const span = (match: RegExpExecArray) => ({ start: match.index, end: match.index + match[0].length });

/** "today", "yesterday". */
export const relativeDay: TimeParser = {
  rule: 'en.time.relative-day',
  hint: /[Tt]oday|[Yy]esterday/,
  pattern: /\b([Tt]oday|[Yy]esterday)\b/g,
  extract(match, anchor) {
    if (!anchor) return null;
    const day = shiftDays(anchor, normal(match[1]) === 'today' ? 0 : -1);
    return { span: span(match), start: day, end: day, certainty: 'implied' };
  },
};

/** A weekday: "on Monday" is the most recent Monday on or before publication; "last Monday" strictly before. */
export const relativeWeekday: TimeParser = {
  rule: 'en.time.weekday',
  hint: /day/,
  // "every Friday" is a habit, and "Monday, 6 February 2023" is dated by the date that follows.
  pattern: compilePattern(
    String.raw`(?<!\b[Ee]very\s)\b(?:([Oo]n|[Ll]ast|[Tt]his\s+past)\s+)?(${WEEKDAYS.join('|')})\b(?!s\b|,?\s+(?:\d|${MONTH_SOURCE}))`,
    'gu',
  ),
  extract(match, anchor) {
    if (!anchor) return null;
    const back = (weekday(anchor) - WEEKDAYS.indexOf(match[2]) + 7) % 7;
    const days = back === 0 && match[1] && normal(match[1]) !== 'on' ? 7 : back;
    const day = shiftDays(anchor, -days);
    return { span: span(match), start: day, end: day, certainty: 'implied' };
  },
};

/** "last week" (the previous Monday–Sunday), "this week", "earlier this week" (Monday to the day before publication). */
export const relativeWeek: TimeParser = {
  rule: 'en.time.relative-week',
  hint: /week/,
  pattern: /\b(?:([Ll]ast|[Tt]his|[Tt]his\s+past)|([Ee]arlier|[Ll]ater)\s+this)\s+week\b(?!['’]s)/g,
  extract(match, anchor) {
    if (!anchor) return null;
    const sinceMonday = (weekday(anchor) + 6) % 7;
    if (match[1] && normal(match[1]) !== 'this') {
      return { span: span(match), start: shiftDays(anchor, -sinceMonday - 7), end: shiftDays(anchor, -sinceMonday - 1), certainty: 'implied' };
    }
    const end = match[2] && normal(match[2]) === 'earlier' && sinceMonday > 0 ? -1 : 0;
    return { span: span(match), start: shiftDays(anchor, -sinceMonday), end: shiftDays(anchor, end), certainty: 'implied' };
  },
};

/** "last month", "this month", "earlier this month" (the first to the day before publication). */
export const relativeMonth: TimeParser = {
  rule: 'en.time.relative-month',
  hint: /month/,
  pattern: /\b(?:([Ll]ast|[Tt]his)|([Ee]arlier|[Ll]ater)\s+this)\s+month\b(?!['’]s)/g,
  extract(match, anchor) {
    if (!anchor) return null;
    if (match[1] && normal(match[1]) === 'last') {
      const month = isoMonth(...shiftMonth(anchor.year, anchor.month, -1));
      return { span: span(match), start: month, end: month, certainty: 'implied' };
    }
    const earlier = match[2] && normal(match[2]) === 'earlier' && anchor.day > 1;
    return { span: span(match), start: shiftDays(anchor, 1 - anchor.day), end: shiftDays(anchor, earlier ? -1 : 0), certainty: 'implied' };
  },
};

/**
 * "three months ago" → that month, "two years ago" → that year, as the gold resolves them (dev-091).
 * Weeks and days ago are declined: "two weeks ago" is too loose to pin to a week.
 */
export const ago: TimeParser = {
  rule: 'en.time.ago',
  hint: /ago/,
  pattern: compilePattern(String.raw`\b(\d{1,2}|${[...NUMBER_WORDS.keys()].map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})\s+(months?|years?)\s+ago\b`, 'g'),
  extract(match, anchor) {
    const count = /^\d/.test(match[1]) ? Number(match[1]) : NUMBER_WORDS.get(match[1].toLowerCase());
    if (!anchor || !count) return null;
    if (match[2].startsWith('year')) {
      const year = String(anchor.year - count);
      return { span: span(match), start: year, end: year, certainty: 'implied' };
    }
    const month = isoMonth(...shiftMonth(anchor.year, anchor.month, -count));
    return { span: span(match), start: month, end: month, certainty: 'implied' };
  },
};
