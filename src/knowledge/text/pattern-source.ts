/** Reading a pattern's source (`u` flag syntax), for the writers in this folder. */

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
