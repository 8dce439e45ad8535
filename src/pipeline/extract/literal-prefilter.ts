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
  if (!out || out.some((p) => p.length === 0)) return null;
  return [...new Set(out.map((p) => p.toLowerCase()))];
}

const LITERAL = /[\p{L}\p{N} ’'-]/u;
const QUANTIFIER = /[?*+{]/u;

/** Prefixes of a sequence of alternatives (top-level `|`). */
function prefixesOf(source: string): string[] | null {
  const out: string[] = [];
  for (const alternative of splitTopLevel(source)) {
    const found = prefixesOfSequence(alternative);
    if (!found) return null;
    out.push(...found);
  }
  return out;
}

/** Prefixes of one alternative: its leading literal characters, continued through a leading group. */
function prefixesOfSequence(source: string): string[] | null {
  let literal = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '(') {
      const close = closingParen(source, i);
      if (close < 0) return [literal];
      // An optional group ends what every match shares.
      if (QUANTIFIER.test(source[close + 1] ?? '')) return [literal];
      const inner = source.slice(i, close + 1).replace(/^\((?:\?:)?/u, '').slice(0, -1);
      if (/^\?/u.test(inner)) return [literal]; // lookaround or named group: stop here
      const tails = prefixesOf(inner);
      // The group's prefixes are exact only when each is the whole of its alternative; keep it simple: stop after the group.
      return tails ? tails.map((t) => literal + t) : [literal];
    }
    if (!LITERAL.test(c)) return [literal];
    // "s?" makes the character optional: every match shares only what came before it.
    if (QUANTIFIER.test(source[i + 1] ?? '')) return [literal];
    literal += c;
    i++;
  }
  return [literal];
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
