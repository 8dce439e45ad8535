/**
 * A prefilter for many word-bounded lexicon patterns run over the same sentence: most patterns
 * can only match where a word starts with one of a few literal prefixes ("recruit", "sign",
 * "enlist"). One walk over the sentence through a trie of all those prefixes tells which
 * patterns could match; only those are run. The answer is a superset (a pattern it skips
 * cannot match), so results are the same as running every pattern — only faster.
 */

/** The literal prefixes every match of `source` starts with (lower case), or null when it cannot tell. */
export function literalPrefixes(source: string): string[] | null {
  const out = prefixesOf(source);
  if (out.some((p) => p.text.length === 0)) return null;
  return [...new Set(out.map((p) => p.text.toLowerCase()))];
}

/** A prefix read so far; `open` while what follows may still lengthen it. */
interface Prefix {
  text: string;
  open: boolean;
}

const LITERAL = /[\p{L}\p{N} ’'-]/u;
const QUANTIFIER = /[?*+{]/u;
/** More prefixes than this and reading stops (the prefixes read so far still hold). */
const MAX_PREFIXES = 64;

/** Prefixes of a pattern: the union over its top-level alternatives. */
function prefixesOf(source: string): Prefix[] {
  return splitTopLevel(source).flatMap(prefixesOfSequence);
}

/**
 * Prefixes of one alternative: literal characters, small classes of letters ("r[io]se") and
 * groups are read in turn while every match must contain them; a quantifier, an escape or
 * anything else ends the reading.
 */
function prefixesOfSequence(source: string): Prefix[] {
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
    let end: number;
    let tails: Prefix[];
    if (c === '(') {
      end = closingParen(source, i) + 1;
      const inner = source.slice(i, end).replace(/^\((?:\?:)?/u, '').slice(0, -1);
      if (end === 0 || /^\?/u.test(inner)) return close();
      tails = prefixesOf(inner);
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
    // "s?", "(?:a )?": an optional element ends what every match shares.
    if (QUANTIFIER.test(source[end] ?? '')) return close();
    if (!extend(tails)) return close();
    i = end;
  }
  // Read to the end: prefixes still open are whole alternatives, which what follows a group may lengthen.
  return prefixes;
}

function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Patterns for which reaching this node means "may match". */
  patterns: number[];
}

/** Tells, for a sentence, which of the patterns may match. */
export class LiteralPrefilter {
  private readonly root: TrieNode = { next: new Map(), patterns: [] };
  private readonly always: number[] = [];
  readonly size: number;

  /** `sources`: each pattern's source as written (before word boundaries are added). */
  constructor(sources: readonly string[]) {
    this.size = sources.length;
    sources.forEach((source, index) => {
      const prefixes = literalPrefixes(source);
      if (!prefixes) return this.always.push(index);
      for (const prefix of prefixes) {
        let node = this.root;
        for (const c of prefix) {
          let child = node.next.get(c);
          if (!child) node.next.set(c, (child = { next: new Map(), patterns: [] }));
          node = child;
        }
        node.patterns.push(index);
      }
    });
  }

  /** Which patterns may match in `sentence`: flags indexed like the sources. */
  candidates(sentence: string): boolean[] {
    const may = new Array<boolean>(this.size).fill(false);
    for (const i of this.always) may[i] = true;
    // Lower case, as the patterns' case-insensitive flag sees it ("ſ" folds to "s" under /iu).
    // (The boundary test reads the unfolded text: "ſ" is no word character to \b.)
    const lower = sentence.toLowerCase();
    const folded = lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
    for (let start = 0; start < lower.length; start++) {
      // A pattern starts at a word: where the character before is no ASCII word character (a
      // superset of both JavaScript's \b and a Unicode letter boundary).
      if (start > 0 && isAsciiWordChar(lower.charCodeAt(start - 1))) continue;
      let node: TrieNode | undefined = this.root;
      for (let i = start; i < folded.length && node; i++) {
        node = node.next.get(folded[i]);
        if (node) for (const p of node.patterns) may[p] = true;
      }
    }
    return may;
  }
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
