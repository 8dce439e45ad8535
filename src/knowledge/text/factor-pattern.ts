/**
 * Smaller machine code for lexicon patterns (see compile-pattern.ts for why size matters). V8
 * compiles each letter class of a pattern on its own, and lexicons write one after every stem:
 * "заключенн\p{L}*|осужденн\p{L}*|узник\p{L}*|…".
 *
 * factorPattern writes consecutive alternatives that end in the same letter run once:
 * `a\p{L}*|b\p{L}*` becomes `(?:a|b)\p{L}*`. The two are the same pattern, not only the same
 * language: a backtracking matcher tries `a` then every length of the run, then `b` then every
 * length, in both; and the run captures nothing, so no group is renumbered. Only stems of plain
 * letters, spaces, apostrophes, hyphens and simple classes ("заключ[её]нн") are merged.
 */

import { classEnd, closingParen, splitTopLevel } from './pattern-source.js';

/** The letter runs merged: what each merged alternative must end with. */
const SUFFIXES = ['\\p{L}*', '\\p{L}+', '\\p{Ll}*', '\\p{Ll}+'];
/** A stem that is safe to merge: literal letters and the like, and simple classes; no groups, escapes or quantifiers. */
const PLAIN_STEM = /^(?:[\p{L}\p{M}\p{N} '’ʼ-]|\[[^\]\\[]*\])+$/u;

/** `source` with consecutive alternatives that end in the same letter run written as one, at every level. */
export function factorPattern(source: string): string {
  return splitTopLevel(source).map(factorGroups).reduce(mergeInto, [] as string[]).join('|');
}

/** Adds `alternative` to `merged`, folding it into the last one when both are a plain stem and the same run. */
function mergeInto(merged: string[], alternative: string): string[] {
  const suffix = runOf(alternative);
  const last = merged[merged.length - 1];
  if (suffix !== null && last !== undefined && runOf(last) === suffix) {
    const stems = (s: string) => (s.startsWith('(?:') && s.endsWith(`)${suffix}`) && isMergedGroup(s, suffix) ? s.slice(3, -suffix.length - 1) : s.slice(0, -suffix.length));
    merged[merged.length - 1] = `(?:${stems(last)}|${stems(alternative)})${suffix}`;
  } else {
    merged.push(alternative);
  }
  return merged;
}

/** The letter run `alternative` ends with, when the rest is a plain stem or stems merged before; else null. */
function runOf(alternative: string): string | null {
  for (const suffix of SUFFIXES) {
    if (!alternative.endsWith(suffix)) continue;
    const stem = alternative.slice(0, -suffix.length);
    if (PLAIN_STEM.test(stem) || isMergedGroup(alternative, suffix)) return suffix;
  }
  return null;
}

/** True when `alternative` is `(?:stem|stem…)suffix`, as mergeInto writes it. */
function isMergedGroup(alternative: string, suffix: string): boolean {
  if (!alternative.startsWith('(?:') || !alternative.endsWith(`)${suffix}`)) return false;
  return alternative.slice(3, -suffix.length - 1).split('|').every((stem) => PLAIN_STEM.test(stem));
}

/** `alternative` with the body of each group in it factored in turn. */
function factorGroups(alternative: string): string {
  let out = '';
  for (let i = 0; i < alternative.length; ) {
    const c = alternative[i];
    if (c === '\\') {
      out += alternative.slice(i, i + 2);
      i += 2;
    } else if (c === '[') {
      const end = classEnd(alternative, i);
      out += alternative.slice(i, end);
      i = end;
    } else if (c === '(') {
      const close = closingParen(alternative, i);
      if (close < 0) return alternative;
      const head = /^\((?:\?(?::|=|!|<=|<!|<[\p{L}\p{N}_$]+>))?/u.exec(alternative.slice(i))![0];
      out += head + factorPattern(alternative.slice(i + head.length, close)) + ')';
      i = close + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
