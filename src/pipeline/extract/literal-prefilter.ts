/**
 * A prefilter for many word-bounded lexicon patterns run over the same sentence: most patterns
 * can only match where a word starts with one of a few literal prefixes ("recruit", "sign",
 * "enlist"). One walk over the sentence through a trie of all those prefixes tells which
 * patterns could match; only those are run. The answer is a superset (a pattern it skips
 * cannot match), so results are the same as running every pattern — only faster.
 */

import { escapeRegExp } from './provenance.js';
import { compileOnFirstUse } from './machine-code.js';
import { compilePattern } from '../../knowledge/text/compile-pattern.js';
import { closingParen, splitTopLevel } from '../../knowledge/text/pattern-source.js';

/** The literal prefixes every match of `source` starts with (lower case), or null when it cannot tell. */
export function literalPrefixes(source: string): string[] | null {
  const out = prefixesOf(source);
  if (out.some((p) => p.text.length === 0)) return null;
  return [...new Set(out.map((p) => p.text.toLowerCase()))];
}

/**
 * Literal text one of which every match of `source` contains (lower case), or null when it cannot
 * tell: the prefixes of what follows any optional or zero-width start ("(?:the )?Kremlin" →
 * "kremlin"). Unlike literalPrefixes, the text need not start the match.
 */
export function requiredLiterals(source: string): string[] | null {
  const out: string[] = [];
  for (const alternative of splitTopLevel(source)) {
    let i = 0;
    for (;;) {
      const element = readElement(alternative, i);
      if (!element || !element.skippable) break;
      i = element.end;
    }
    if (i >= alternative.length) return null;
    // Past the skippable start, a literal found anywhere will do: no need to branch on optional parts.
    const prefixes = prefixesOfSequence(alternative.slice(i), false);
    if (prefixes.every((p) => p.text.length > 0)) {
      out.push(...prefixes.map((p) => p.text));
      continue;
    }
    // "(?:(?:the )?FSIN|…)": what the leading group must contain.
    const group = alternative[i] === '(' ? alternative.slice(i, closingParen(alternative, i) + 1) : '';
    const inner = /^\((?:\?:)?(?!\?)/u.test(group) ? requiredLiterals(group.replace(/^\((?:\?:)?/u, '').slice(0, -1)) : null;
    if (!inner) return null;
    out.push(...inner);
  }
  return [...new Set(out.map((p) => p.toLowerCase()))];
}

/** Literal characters whose case cannot matter and that are no regular-expression syntax. */
const PLAIN_SYMBOL = compilePattern(String.raw`^[^\p{L}\p{N}\p{M}\s.^$|?*+()[\]{}\\]$`, 'u');

/**
 * A character every match of `source` contains, read off its top level when it has no
 * alternation there: a symbol written once, unquantified, neither letter nor digit ("…\s?/\s?…"
 * → "/"), so case does not matter; null when there is none. It finds what requiredLiterals
 * cannot: a literal past a leading class ("^(.*\s)?[\p{Lu}]…/…").
 */
export function requiredCharacter(source: string): string | null {
  if (splitTopLevel(source).length > 1) return null;
  for (let i = 0; i < source.length; ) {
    const element = readElement(source, i);
    if (!element) return null;
    if (!element.skippable && element.end === i + 1 && PLAIN_SYMBOL.test(source[i])) return source[i];
    i = element.end;
  }
  return null;
}

/** One element of a pattern at `i`, with its quantifier: where it ends and whether a match may go without it. */
function readElement(source: string, i: number): { end: number; skippable: boolean } | null {
  if (i >= source.length) return null;
  const c = source[i];
  let end: number;
  let zeroWidth = false;
  if (c === '(') {
    end = closingParen(source, i) + 1;
    if (end === 0) return null;
    zeroWidth = /^\(\?<?[=!]/u.test(source.slice(i));
  } else if (c === '[') {
    let j = i + 1;
    while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
    end = j + 1;
  } else if (c === '\\') {
    const braced = /^\\[pPu]\{[^}]*\}/u.exec(source.slice(i));
    end = i + (braced ? braced[0].length : 2);
    zeroWidth = /^\\[bB]/u.test(source.slice(i));
  } else {
    end = i + 1;
    zeroWidth = c === '^' || c === '$';
  }
  const quantifier = /^(?:[?*+]|\{(\d*)(?:,\d*)?\})\??/u.exec(source.slice(end));
  const optional = quantifier !== null && (quantifier[0][0] === '?' || quantifier[0][0] === '*' || quantifier[1] === '0');
  return { end: end + (quantifier?.[0].length ?? 0), skippable: zeroWidth || optional };
}

/** A prefix read so far; `open` while what follows may still lengthen it. */
interface Prefix {
  text: string;
  open: boolean;
}

const LITERAL = compilePattern(String.raw`[\p{L}\p{N} ’'-]`, 'u');
const QUANTIFIER = /[?*+{]/u;
const LOOK_AROUND = /^\(\?<?[=!]/u;
/** More prefixes than this and reading stops (the prefixes read so far still hold). */
const MAX_PREFIXES = 64;

/** Prefixes of a pattern: the union over its top-level alternatives. */
function prefixesOf(source: string, branchAtStart = true): Prefix[] {
  return splitTopLevel(source).flatMap((alternative) => prefixesOfSequence(alternative, branchAtStart));
}

/**
 * Prefixes of one alternative: literal characters, small classes of letters ("r[io]se") and
 * groups are read in turn while every match must contain them; a quantifier, an escape or
 * anything else ends the reading. At the start, where nothing is read yet, a look-around is
 * passed over (it consumes nothing) and an optional element ("(?:за)?вербов") gives prefixes
 * with it and without it, so such patterns are keyed by their words rather than always run
 * (unless `branchAtStart` is false).
 */
function prefixesOfSequence(source: string, branchAtStart = true): Prefix[] {
  let prefixes: Prefix[] = [{ text: '', open: true }];
  const close = () => prefixes.map((p) => ({ ...p, open: false }));
  const extend = (tails: Prefix[]) => {
    const next = prefixes.flatMap((p) => (p.open ? tails.map((t) => ({ text: p.text + t.text, open: t.open })) : [p]));
    if (next.length > MAX_PREFIXES) return false;
    prefixes = next;
    return true;
  };
  let i = 0;
  while (i < source.length && prefixes.some((p) => p.open)) {
    const c = source[i];
    const atStart = branchAtStart && prefixes.every((p) => p.text === '');
    let end: number;
    let tails: Prefix[];
    if (c === '(') {
      end = closingParen(source, i) + 1;
      if (end === 0) return close();
      if (atStart && LOOK_AROUND.test(source.slice(i, i + 4)) && !QUANTIFIER.test(source[end] ?? '')) {
        i = end;
        continue;
      }
      const inner = source.slice(i, end).replace(/^\((?:\?:)?/u, '').slice(0, -1);
      if (/^\?/u.test(inner)) return close();
      tails = prefixesOf(inner, branchAtStart);
    } else if (c === '[') {
      end = source.indexOf(']', i) + 1;
      const members = source.slice(i + 1, end - 1);
      if (end === 0 || !/^[\p{L}]{1,4}$/u.test(members)) return close();
      tails = [...members].map((m) => ({ text: m, open: true }));
    } else if (LITERAL.test(c)) {
      end = i + 1;
      tails = [{ text: c, open: true }];
    } else {
      return close();
    }
    // "s?", "(?:a )?": an optional element ends what every match shares (but at the start, see above).
    if (QUANTIFIER.test(source[end] ?? '')) {
      if (!atStart || source[end] !== '?') return close();
      const without = prefixes;
      if (!extend(tails) || prefixes.length + without.length > MAX_PREFIXES) return close();
      prefixes = [...prefixes, ...without];
      i = end + (source[end + 1] === '?' ? 2 : 1);
      continue;
    }
    if (!extend(tails)) return close();
    i = end;
  }
  // Read to the end: prefixes still open are whole alternatives, which what follows a group may lengthen.
  return prefixes;
}

/**
 * Tells, for a sentence, which of the patterns may match. All their literals go into one
 * alternation, longest first, run over the lower-cased sentence from every position: V8 skips
 * quickly to where some literal starts, and the longest literal found there, with every literal
 * that is a prefix of it, is exactly the set of literals starting there.
 */
export class LiteralPrefilter {
  private readonly always: number[] = [];
  private readonly scan: RegExp | undefined;
  /** For each literal: the patterns it, or a literal that is a prefix of it, belongs to. */
  private readonly patternsOf = new Map<string, number[]>();
  readonly size: number;
  private readonly anywhere: boolean;

  /**
   * `sources`: each pattern's source as written. By default each pattern is taken to start at a
   * word (lexicon patterns get word boundaries) and is keyed by its literal prefixes; with
   * `anywhere`, by the literals it must contain wherever they fall.
   */
  constructor(sources: readonly string[], options: { anywhere?: boolean } = {}) {
    this.size = sources.length;
    this.anywhere = options.anywhere ?? false;
    const owners = new Map<string, number[]>();
    sources.forEach((source, index) => {
      const literals = this.anywhere ? requiredLiterals(source) : literalPrefixes(source);
      if (!literals) return this.always.push(index);
      for (const literal of literals) {
        const indexes = owners.get(literal);
        if (indexes) indexes.push(index);
        else owners.set(literal, [index]);
      }
    });
    const literals = [...owners.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    // A literal's owners and its prefixes' owners, in the order the literals were met: each literal
    // looks up its own prefixes rather than testing every other literal (hundreds of them).
    const order = new Map([...owners.keys()].map((literal, i) => [literal, i]));
    for (const literal of literals) {
      const prefixes: string[] = [];
      for (let end = 0; end <= literal.length; end++) if (owners.has(literal.slice(0, end))) prefixes.push(literal.slice(0, end));
      prefixes.sort((a, b) => order.get(a)! - order.get(b)!);
      const closure = new Set<number>();
      for (const prefix of prefixes) for (const i of owners.get(prefix)!) closure.add(i);
      this.patternsOf.set(literal, [...closure]);
    }
    if (literals.length) this.scan = compilePattern(literals.map(escapeRegExp).join('|'), 'g');
  }

  /** Which patterns may match in `sentence`: flags indexed like the sources. */
  candidates(sentence: string): boolean[] {
    const may = new Array<boolean>(this.size).fill(false);
    for (const i of this.always) may[i] = true;
    const scan = this.scan;
    if (!scan) return may;
    const { lower, folded } = foldCase(sentence);
    compileOnFirstUse(scan, folded);
    scan.lastIndex = 0;
    for (let m = scan.exec(folded); m; m = scan.exec(folded)) {
      const at = m.index;
      scan.lastIndex = at + 1;
      if (!this.anywhere && !startsWordLoosely(lower, at)) continue;
      for (const p of this.patternsOf.get(m[0])!) may[p] = true;
    }
    return may;
  }

  /**
   * Where in `sentence` each pattern may start, indexed like the sources: undefined when it cannot
   * match (as `candidates` tells); null when the prefilter cannot say where (a pattern with no
   * literal prefix, or a sentence whose lower case changes its length); else, ascending, every
   * offset where one of its literals starts after no ASCII letter or digit (a superset of where
   * its matches start, whether they start at \b or after no letter), so a sticky pattern tried
   * there finds what a scan of the whole sentence would.
   */
  starts(sentence: string): (number[] | null | undefined)[] {
    const starts = new Array<number[] | null | undefined>(this.size);
    const may = new Array<boolean>(this.size).fill(false);
    const scan = this.scan;
    const { lower, folded } = foldCase(sentence);
    if (scan) compileOnFirstUse(scan, folded);
    if (scan) scan.lastIndex = 0;
    for (let m = scan?.exec(folded); m; m = scan!.exec(folded)) {
      const at = m.index;
      scan!.lastIndex = at + 1;
      const word = this.anywhere || startsWordLoosely(lower, at);
      // "_" and non-ASCII characters before a literal leave a match possible, though `candidates` passes over them.
      if (!word && isAsciiLetterOrDigit(sentence.charCodeAt(at - 1))) continue;
      for (const p of this.patternsOf.get(m[0])!) {
        (starts[p] ??= []).push(at);
        if (word) may[p] = true;
      }
    }
    const exact = lower.length === sentence.length;
    for (let p = 0; p < this.size; p++) if (!may[p] || !exact) starts[p] = may[p] ? null : undefined;
    for (const i of this.always) starts[i] = null;
    return starts;
  }
}

/**
 * The sentence in lower case, as the patterns' case-insensitive flag sees it, and that again with
 * "ſ" as "s" (which /iu folds it to) for the literals to be looked for in. (Boundaries are read
 * in the unfolded lower case: "ſ" is no word character to \b.)
 */
function foldCase(sentence: string): { lower: string; folded: string } {
  // Several prefilters (types, prisoner words, actors, hedges) ask in turn of the same sentence.
  if (sentence === lastFold.sentence) return lastFold;
  const lower = sentence.toLowerCase();
  lastFold = { sentence, lower, folded: lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower };
  return lastFold;
}

/** The sentence foldCase was last asked of, and its answer. */
let lastFold = { sentence: '', lower: '', folded: '' };

/** Where a pattern may start a word: the character before is no ASCII word character (a superset of both JavaScript's \b and a Unicode letter boundary). */
function startsWordLoosely(lower: string, at: number): boolean {
  return at === 0 || !isAsciiWordChar(lower.charCodeAt(at - 1));
}

function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
