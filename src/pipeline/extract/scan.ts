/**
 * Scanning helpers for patterns that must start a word. Written as `(?<![\p{L}])…`, V8 tests the
 * lookbehind at every character before it can use the rest of the pattern to skip ahead; run
 * without it and checked here, the same matches come out about twice as fast.
 */

import { compileOnFirstUse } from './machine-code.js';
import { isLetterOrDigitUnit, isLetterUnit } from '../../knowledge/text/characters.js';


/**
 * True when the character before `index` is no letter: what `(?<![\p{L}])` asks in a pattern
 * compiled by compilePattern, where letters are those of the Basic Multilingual Plane (so the
 * second half of a surrogate pair is none).
 */
export function noLetterBefore(s: string, index: number): boolean {
  if (index === 0) return true;
  const c = s.charCodeAt(index - 1);
  if (c < 128) return !((c | 32) >= 97 && (c | 32) <= 122);
  return !isLetterUnit(c);
}

/** True when the character before `index` is neither letter nor digit (what `(?<![\p{L}\p{N}])` asks, as above). */
export function noLetterOrDigitBefore(s: string, index: number): boolean {
  if (index === 0) return true;
  const c = s.charCodeAt(index - 1);
  if (c < 128) return !(((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57));
  return !isLetterOrDigitUnit(c);
}

/**
 * An `accept` for patterns that check their own start: every match is taken, as matchAll takes
 * them (matchAll runs a copy of the pattern, which a first use here does not compile: see machine-code.ts).
 */
export const anywhere = (): boolean => true;

/**
 * The matches of global `re` in `s` (from `from` on) that `accept` at their index, exactly as a leading
 * lookbehind would give them: where one is refused, the search goes on from the next character
 * (not from the end of the refused match).
 */
export function matchesWhere(re: RegExp, s: string, accept: (s: string, index: number) => boolean = noLetterBefore, from = 0): RegExpExecArray[] {
  if (!re.global) throw new Error(`matchesWhere needs a global pattern: ${re}`);
  compileOnFirstUse(re, s);
  // All matches are taken before returning, so sharing the caller's pattern (and its lastIndex) is safe.
  const out: RegExpExecArray[] = [];
  re.lastIndex = from;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (accept(s, m.index)) {
      if (m[0].length === 0) re.lastIndex = next(s, m.index, re.unicode);
      out.push(m);
    } else {
      re.lastIndex = next(s, m.index, re.unicode);
    }
  }
  return out;
}

/** The first of the matches `matchesWhere` gives, or null; the search stops there. */
export function firstMatchWhere(re: RegExp, s: string, accept: (s: string, index: number) => boolean = noLetterBefore): RegExpExecArray | null {
  if (!re.global) throw new Error(`firstMatchWhere needs a global pattern: ${re}`);
  compileOnFirstUse(re, s);
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (accept(s, m.index)) return m;
    re.lastIndex = next(s, m.index, re.unicode);
  }
  return null;
}

function next(s: string, index: number, unicode: boolean): number {
  if (!unicode) return index + 1;
  const c = s.charCodeAt(index);
  return c >= 0xd800 && c <= 0xdbff && index + 1 < s.length ? index + 2 : index + 1;
}

/**
 * The first match of sticky `re` in `s` tried at each of `starts` (ascending) that `accept` takes
 * there: what a scan for the first accepted match finds, when every match starts at one of `starts`
 * (as LiteralPrefilter.starts gives them).
 */
export function firstMatchAt(re: RegExp, s: string, starts: readonly number[], accept: (s: string, index: number) => boolean): RegExpExecArray | null {
  if (!re.sticky) throw new Error(`firstMatchAt needs a sticky pattern: ${re}`);
  compileOnFirstUse(re, s);
  for (const at of starts) {
    if (!accept(s, at)) continue;
    re.lastIndex = at;
    const m = re.exec(s);
    if (m) return m;
  }
  return null;
}

/**
 * A test of hints (quick patterns that a parser's matches all contain) on `text` that runs each
 * hint once however many parsers share it. Hints must be neither global nor sticky, so a test's
 * answer does not depend on an earlier one.
 */
export function hintTest(text: string): (hint: RegExp) => boolean {
  const answers = new Map<RegExp, boolean>();
  return (hint) => {
    let found = answers.get(hint);
    if (found === undefined) {
      if (hint.global || hint.sticky) throw new Error(`a hint must not be global or sticky: ${hint}`);
      found = hint.test(text);
      answers.set(hint, found);
    }
    return found;
  };
}
