/**
 * Classes of single UTF-16 code units, for code that walks text character by character (the
 * pipeline's scanners, the gazetteer's name reader) rather than running a pattern.
 *
 * Whether a unit is a letter (`\p{L}`) or a letter or digit (`[\p{L}\p{N}]`) is asked
 * many times a report: before every match a pattern finds, and of every character when cleaning
 * counts what it removed. A regular-expression test costs tens of nanoseconds a character; the
 * scripts etap reads most (ASCII, Latin, Cyrillic) are answered from their code ranges, the rest
 * by the expression once per code unit. (Counting the letters of a Russian report took ten times
 * as long.)
 */

const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Code units in these blocks are all letters: Latin-1's and Latin Extended's, Cyrillic's but its signs and combining marks (checked against \p{L} for each in characters.test.ts). */
function inLetterBlock(c: number): boolean {
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x400 && c <= 0x481) || (c >= 0x48a && c <= 0x52f);
}

/** A–Z or a–z. */
export function isAsciiLetter(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

/**
 * What the expressions said of each other code unit, kept as met: bit 1 asked whether a letter,
 * bit 2 the answer; bit 4 asked whether a letter or digit, bit 8 the answer.
 */
const ASKED = new Uint8Array(0x10000);

/** `\p{L}` of the code unit `c` on its own (so a surrogate is none). */
export function isLetterUnit(c: number): boolean {
  if (c < 128) return isAsciiLetter(c);
  if (inLetterBlock(c)) return true;
  let known = ASKED[c];
  if (!(known & 1)) ASKED[c] = known |= LETTER.test(String.fromCharCode(c)) ? 3 : 1;
  return (known & 2) !== 0;
}

/** `[\p{L}\p{N}]` of the code unit `c` on its own. */
export function isLetterOrDigitUnit(c: number): boolean {
  if (c < 128) return isAsciiLetter(c) || (c >= 48 && c <= 57);
  if (inLetterBlock(c)) return true;
  let known = ASKED[c];
  if (!(known & 4)) ASKED[c] = known |= LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 12 : 4;
  return (known & 8) !== 0;
}

/** ECMAScript white space and line terminators: what `\s` matches, and `trim` removes. */
export function isWhiteSpaceUnit(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
