/**
 * Reading a pattern's source (`u` flag syntax): for the pattern writers in this folder and the
 * literal prefilter's reader (pipeline/extract/literal-prefilter.ts).
 */

/**
 * The index after the character class opened at `open`: its first `]` not escaped (in a
 * JavaScript pattern `[]` is an empty class and `[^]` any character, so no `]` is taken as a
 * member).
 */
export function classEnd(source: string, open: number): number {
  let i = open + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

/**
 * The characters of `source` from `from` that are syntax, not escaped and not inside a character
 * class, each with the group depth before it: what the readers below walk over.
 */
function* syntax(source: string, from: number): Generator<{ c: string; i: number; depth: number }> {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < source.length; i++) {
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
    yield { c, i, depth };
    if (c === '(') depth++;
    else if (c === ')') depth--;
  }
}

/** The top-level alternatives of a pattern. */
export function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const { c, i, depth } of syntax(source, 0)) {
    if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/** Where the group opened at `open` closes, or -1. */
export function closingParen(source: string, open: number): number {
  for (const { c, i, depth } of syntax(source, open)) if (c === ')' && depth === 1) return i;
  return -1;
}
