import author from '../../knowledge/lexicons/furniture/author.json' with { type: 'json' };
import comments from '../../knowledge/lexicons/furniture/comments.json' with { type: 'json' };
import datelines from '../../knowledge/lexicons/furniture/datelines.json' with { type: 'json' };
import donation from '../../knowledge/lexicons/furniture/donation.json' with { type: 'json' };
import footer from '../../knowledge/lexicons/furniture/footer.json' with { type: 'json' };
import navigation from '../../knowledge/lexicons/furniture/navigation.json' with { type: 'json' };
import newsletter from '../../knowledge/lexicons/furniture/newsletter.json' with { type: 'json' };
import social from '../../knowledge/lexicons/furniture/social.json' with { type: 'json' };
import teasers from '../../knowledge/lexicons/furniture/teasers.json' with { type: 'json' };
import { literalPrefixes, requiredCharacter } from '../extract/literal-prefilter.js';
import { compileOnFirstUse } from '../extract/machine-code.js';
import { isWhiteSpaceUnit } from '../../knowledge/text/characters.js';
import { compilePattern } from '../../knowledge/text/compile-pattern.js';

/**
 * What a furniture rule does when a line matches:
 * `line` drops the line; `end` marks the end of the article (after body text everything from
 * here on goes; before it only the line); `prefix` drops the matched start of the line.
 */
export type FurnitureAction = 'line' | 'end' | 'prefix';

/** One furniture rule as written in a lexicon file (see lexicons/furniture/README.md). */
export interface FurnitureRuleRecord {
  id: string;
  reason: string;
  action: string;
  lines?: string[];
  patterns?: string[];
  maxLength?: number;
  caseSensitive?: boolean;
}

/** A rule ready to test lines with. */
export interface FurnitureRule {
  id: string;
  reason: string;
  action: FurnitureAction;
  maxLength: number;
  lines: Set<string>;
  /** Length of the longest of `lines`: a line with more to it than that is none of them. */
  longestLine: number;
  patterns: RegExp[];
  /** Patterns that spell Cyrillic letters: they can only match a line that has some. */
  cyrillic: boolean[];
  /**
   * For each pattern, a symbol every match contains ("/" of a photo credit), or null: a line
   * without it is not tried. (Literal words would not pay: V8 finds them as fast as the pattern.)
   */
  needs: (string | null)[];
  /**
   * For each pattern, whether it has been compiled to machine code (compileOnFirstUse): kept
   * beside it so that the check on every line is an array read, not a WeakSet look-up.
   */
  compiled: boolean[];
  /**
   * For each pattern anchored at the start of the line, the characters (lower case) a line it
   * matches starts with, or null when any may: most lines start with none of them, and that is
   * told without running the pattern.
   */
  startChars: (string | null)[];
  /** For each pattern, the sources (as compiled) it runs: one, or several as one alternation (see mergeAlternatives). */
  alternatives: string[][];
}

/** A rule's verdict on one line: which rule, and how many characters of the trimmed line it covers. */
export interface FurnitureMatch {
  rule: FurnitureRule;
  /** Length of the matched start of the line, for `prefix` rules; the whole line otherwise. */
  length: number;
}

const DEFAULT_MAX_LENGTH = 200;
const CYRILLIC = /[\u0400-\u04ff]/u;
const BULLET = /^[•·▪◦*\-–—]\s+/u;
/** The marks BULLET opens with: a line starting with none of them has no bullet to drop. */
const BULLET_MARKS = '•·▪◦*-–—';

/** Lexicon files in the order their rules are tried; the first rule that matches a line wins. */
const LEXICONS: { rules: FurnitureRuleRecord[] }[] = [
  datelines, navigation, teasers, donation, newsletter, social, comments, author, footer,
];

/** Compiles lexicon records; a malformed record is a programmer error and throws at load time. */
export function compileRules(records: FurnitureRuleRecord[]): FurnitureRule[] {
  return records.map((record) => {
    if (!['line', 'end', 'prefix'].includes(record.action)) {
      throw new Error(`furniture rule ${record.id}: unknown action "${record.action}"`);
    }
    const flags = record.caseSensitive ? 'u' : 'iu';
    // ASCII-only patterns keep JavaScript's own \b and drop the u flag: several times faster.
    const compile = (source: string) =>
      /^[\x00-\x7f]*$/u.test(source) && !/\\p\{/u.test(source) ? compilePattern(source, flags.replace('u', '')) : compilePattern(unicodeWordBoundaries(source), flags);
    const patterns = (record.patterns ?? []).map(compile);
    return {
      id: record.id,
      reason: record.reason,
      action: record.action as FurnitureAction,
      maxLength: record.maxLength ?? DEFAULT_MAX_LENGTH,
      lines: new Set((record.lines ?? []).map(normalizeLine)),
      longestLine: Math.max(0, ...(record.lines ?? []).map((line) => normalizeLine(line).length)),
      patterns,
      cyrillic: (record.patterns ?? []).map((source) => CYRILLIC.test(source) && !/[a-zA-Z]/u.test(source.replace(/\\(?:p\{\w+(?:=\w+)?\}|[a-zA-Z])/gu, ''))),
      needs: (record.patterns ?? []).map(requiredCharacter),
      compiled: (record.patterns ?? []).map(() => false),
      startChars: (record.patterns ?? []).map(startChars),
      alternatives: patterns.map((pattern) => [pattern.source]),
    };
  }).map(mergeAlternatives);
}

/**
 * A rule that takes the whole line matches when any of its patterns does, whichever it is: its
 * patterns with no cheap check of their own (no needed symbol, no start characters) are run as
 * one alternation per set of flags, which V8 scans once rather than once a pattern (for the
 * donation appeals some four times faster). A prefix rule needs the very match, and keeps its own.
 */
function mergeAlternatives(rule: FurnitureRule): FurnitureRule {
  if (rule.action === 'prefix') return rule;
  const merged: FurnitureRule = { ...rule, patterns: [], cyrillic: [], needs: [], compiled: [], startChars: [], alternatives: [] };
  /** Where each set of flags (and Cyrillic or not) has its alternation among the merged patterns. */
  const groupAt = new Map<string, number>();
  rule.patterns.forEach((pattern, i) => {
    const mergeable = rule.needs[i] === null && rule.startChars[i] === null;
    const key = `${pattern.flags} ${rule.cyrillic[i]}`;
    const at = mergeable ? groupAt.get(key) : undefined;
    if (at === undefined) {
      if (mergeable) groupAt.set(key, merged.patterns.length);
      merged.patterns.push(pattern);
      merged.cyrillic.push(rule.cyrillic[i]);
      merged.needs.push(rule.needs[i]);
      merged.compiled.push(false);
      merged.startChars.push(rule.startChars[i]);
      merged.alternatives.push([...rule.alternatives[i]]);
      return;
    }
    merged.alternatives[at].push(...rule.alternatives[i]);
    merged.patterns[at] = compilePattern(merged.alternatives[at].map((source) => `(?:${source})`).join('|'), pattern.flags);
  });
  return merged;
}

/**
 * The characters (lower case) every line `source` matches starts with, or null when it cannot
 * tell: for a pattern anchored at the start, the first letters of its literal prefixes
 * ("^(Read also|See also)" → "rs"), or the digits when it opens with a digit ("^\\d+ comments").
 * Only ASCII and Cyrillic letters are kept track of, whose case toLowerCase folds as the patterns do.
 */
function startChars(source: string): string | null {
  if (!isAnchoredAtStart(source)) return null;
  if (/^\^\\d(?![?*]|\{0)/u.test(source)) return '0123456789';
  const prefixes = literalPrefixes(source.slice(1));
  if (!prefixes) return null;
  const firsts = [...new Set(prefixes.map((prefix) => prefix[0]))];
  return firsts.every((c) => isCaseChecked(c.charCodeAt(0))) ? firsts.join('') : null;
}

/** Whether `line` may start with one of `chars` (from startChars), as a case-insensitive pattern reads it. */
export function mayStartWith(line: string, chars: string): boolean {
  return chars.includes(foldedStart(line));
}

/**
 * The first character of `line` in lower case, to be looked for among start characters; '' (which
 * every string includes) when there is none, or when it is of another script, which folds case in
 * ways toLowerCase does not always follow ("ſ" is an "s" to /iu): the pattern then decides.
 */
function foldedStart(line: string): string {
  return line.length > 0 && isCaseChecked(line.charCodeAt(0)) ? line[0].toLowerCase() : '';
}

/** ASCII and Cyrillic (U+0400–U+04FF): there toLowerCase gives what case-insensitive patterns match. */
function isCaseChecked(c: number): boolean {
  return c < 0x80 || (c >= 0x400 && c <= 0x4ff);
}

/**
 * True when every match of `source` starts at the start of the subject: it opens with `^` and has
 * no alternation outside groups (where `a|b` would let b match anywhere).
 */
function isAnchoredAtStart(source: string): boolean {
  if (!source.startsWith('^')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

/** JavaScript's `\\b` knows only ASCII word characters; lexicons mean letters of any script. */
const WORD = '[\\p{L}\\p{N}_]';
const UNICODE_BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
function unicodeWordBoundaries(source: string): string {
  // A leading \b before a letter can only be the start of a word: "no word character before"
  // says the same, and V8 runs it some ten times faster than the two-sided boundary.
  const lead = startsWithLetters(source.slice(2)) && source.startsWith('\\b') ? `(?<!${WORD})${source.slice(2)}` : source;
  return lead.replace(/(?<!\\)\\b/gu, UNICODE_BOUNDARY);
}

/** True when every match of `source` starts with a letter: a letter, or a group whose alternatives each start with one. */
function startsWithLetters(source: string): boolean {
  if (/^\p{L}/u.test(source)) return true;
  const group = /^\((?:\?:)?([^()[\]\\]*)\)/u.exec(source);
  return group !== null && group[1].split('|').every((alternative) => /^\p{L}/u.test(alternative));
}

/** All furniture rules from the lexicons, compiled once. */
export const FURNITURE_RULES: readonly FurnitureRule[] = compileRules(LEXICONS.flatMap((lexicon) => lexicon.rules));



/**
 * How many UTF-16 units of `line` are not white space (as `\s` and `trim` see it), counted until
 * there are more than `limit`.
 */
function countVisible(line: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < line.length && count <= limit; i++) if (!isWhiteSpaceUnit(line.charCodeAt(i))) count++;
  return count;
}

/**
 * How far visible units are counted: one more than the longest line the lexicons list. A rule set
 * listing longer lines still finds them (a count stopped short only lets more lines on to be
 * normalised and looked up); it is only slower.
 */
const VISIBLE_LIMIT = Math.max(...FURNITURE_RULES.map((rule) => rule.longestLine)) + 1;

/** Lowercases, collapses spaces and drops a leading bullet, so lexicon lines match page lines. */
export function normalizeLine(line: string): string {
  return line.trim().replace(BULLET, '').replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * The first rule that matches a line (given trimmed), or null. Exact lines are compared
 * normalised; patterns see the trimmed line with any leading bullet removed.
 */
export function matchFurniture(trimmed: string, rules: readonly FurnitureRule[] = FURNITURE_RULES): FurnitureMatch | null {
  // Worked out only when a rule needs them: most lines are paragraphs longer than most rules look at.
  let normalized: string | undefined;
  let unbulleted: string | undefined;
  let start: string | undefined;
  let hasCyrillic: boolean | undefined;
  let visible: number | undefined;
  for (const rule of rules) {
    if (trimmed.length > rule.maxLength) continue;
    // Normalising drops only white space and a one-character bullet, and lower case is never
    // shorter: a line with more than that is no listed line, and is not normalised at all.
    if (rule.lines.size && (visible ??= countVisible(trimmed, VISIBLE_LIMIT)) - 1 <= rule.longestLine && rule.lines.has((normalized ??= normalizeLine(trimmed)))) {
      return { rule, length: trimmed.length };
    }
    // An indexed loop: entries() would make an iterator and a pair for every pattern of every line.
    for (let i = 0; i < rule.patterns.length; i++) {
      if (rule.cyrillic[i] && !(hasCyrillic ??= CYRILLIC.test(trimmed))) continue;
      unbulleted ??= BULLET_MARKS.includes(trimmed[0]) ? trimmed.replace(BULLET, '') : trimmed;
      const needs = rule.needs[i];
      if (needs !== null && !unbulleted.includes(needs)) continue;
      const starts = rule.startChars[i];
      if (starts !== null && !starts.includes((start ??= foldedStart(unbulleted)))) continue;
      const pattern = rule.patterns[i];
      if (!rule.compiled[i]) {
        compileOnFirstUse(pattern, unbulleted);
        rule.compiled[i] = true;
      }
      // Only a prefix rule needs the match itself; the others are answered by a test, which builds no match.
      if (rule.action !== 'prefix') {
        if (pattern.test(unbulleted)) return { rule, length: trimmed.length };
        continue;
      }
      const found = pattern.exec(unbulleted);
      if (!found) continue;
      if (found.index !== 0 || found[0].length === 0) continue;
      // The prefix was matched after a possible bullet; count the bullet in.
      return { rule, length: trimmed.length - unbulleted.length + found[0].length };
    }
  }
  return null;
}

