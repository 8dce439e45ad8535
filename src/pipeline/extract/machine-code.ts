/**
 * V8 runs a pattern's first match in its bytecode interpreter and compiles the pattern to machine
 * code at its second, so each is compiled twice; for the lexicons' long alternations of `\p{L}*`
 * words, that is much of what a new process's warm-up and first reports cost. A first match on a
 * subject of 1,000 characters or more is compiled to machine code at once (V8 tiers up at once for
 * long strings), and so is every later one, on strings of either width. (matchAll runs a copy of
 * its pattern, which V8 compiles apart: patterns met through it are not helped.)
 */

/** The subject length from which V8 compiles a pattern to machine code at its first match. */
const LONG_SUBJECT = 1000;

const compiled = new WeakSet<RegExp>();

/**
 * Has V8 compile `re` to machine code now, if this is its first use here, on a subject as wide as
 * `like` (one or two bytes a character). Matches found afterwards are the same: only when the
 * pattern is compiled changes.
 */
export function compileOnFirstUse(re: RegExp, like: string): void {
  if (compiled.has(re)) return;
  compiled.add(re);
  const lastIndex = re.lastIndex;
  re.lastIndex = 0;
  re.exec(like.padEnd(LONG_SUBJECT));
  re.lastIndex = lastIndex;
}

/** `re.test(text)`, the pattern compiled straight to machine code if this is its first use here. */
export function testCompiled(re: RegExp, text: string): boolean {
  compileOnFirstUse(re, text);
  return re.test(text);
}
