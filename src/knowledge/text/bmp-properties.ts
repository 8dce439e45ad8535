/**
 * Unicode property classes without their astral half. In a `u` pattern V8 compiles `\p{L}` to
 * a test of every range of letters, and those above U+FFFF as surrogate pairs: some 7 KB of
 * machine code, against 1 KB for the letters of the Basic Multilingual Plane alone. Patterns
 * with dozens of them came to most of etap's 17 MB of pattern code (see compile-pattern.ts for
 * why that size slows V8 down). bmpProperties writes each property class as "a character of the
 * class that is no astral character", `[^\P{L}\u{10000}-\u{10FFFF}]`. Astral letters (historic
 * scripts, rare CJK ideographs, mathematical letters such as 𝐀) stop counting as letters, digits
 * or marks; on the Basic Multilingual Plane the patterns match exactly as before. Under the `i`
 * flag, V8 closes a negated class over case before negating it, which would drop the letters
 * the Greek iota's case forms share with a combining mark: they are added back. Properties that
 * case closure widens (`\p{Lu}`, `\p{Ll}` under `i`) are left as they are.
 */

import { classEnd } from './pattern-source.js';

/** Properties rewritten; under `i`, with the characters case closure would otherwise lose. */
const REWRITTEN: Record<string, { caseless: boolean; restore: string }> = {
  L: { caseless: true, restore: '\\u0345\\u0399\\u03b9\\u1fbe' },
  N: { caseless: true, restore: '' },
  M: { caseless: true, restore: '\\u0345\\u0399\\u03b9\\u1fbe' },
  Lu: { caseless: false, restore: '' },
  Ll: { caseless: false, restore: '' },
};
const PROPERTY = /^\\p\{([A-Za-z_=]+)\}/u;

/** `source` (a pattern with flags `flags`) with its property classes confined to the BMP, as above. */
export function bmpProperties(source: string, flags: string): string {
  if (!flags.includes('u')) return source;
  const ignoreCase = flags.includes('i');
  const rewrite = (name: string): string | null => {
    // A script under `i` only where case closure was checked to add nothing (Cyrillic; see the tests).
    const known = REWRITTEN[name] ?? (name.startsWith('Script=') ? { caseless: name === 'Script=Cyrillic', restore: '' } : undefined);
    if (!known || (ignoreCase && !known.caseless)) return null;
    const bmp = `[^\\P{${name}}\\u{10000}-\\u{10FFFF}]`;
    return ignoreCase && known.restore ? `(?:${bmp}|[${known.restore}])` : bmp;
  };
  let out = '';
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === '\\') {
      const property = PROPERTY.exec(source.slice(i));
      const bmp = property && rewrite(property[1]);
      out += bmp ?? source.slice(i, i + (property ? property[0].length : 2));
      i += property ? property[0].length : 2;
    } else if (c === '[') {
      const end = classEnd(source, i);
      out += rewriteClass(source.slice(i, end), rewrite);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * A class `[…]` with its rewritable properties taken out into alternatives: `[\p{L}’'-]` becomes
 * `(?:[’'-]|[^\P{L}…])`. Negated classes are left as they are.
 */
function rewriteClass(klass: string, rewrite: (name: string) => string | null): string {
  if (klass.startsWith('[^')) return klass;
  const rest: string[] = [];
  const alternatives: string[] = [];
  for (let i = 1; i < klass.length - 1; ) {
    const property = klass[i] === '\\' ? PROPERTY.exec(klass.slice(i)) : null;
    const bmp = property && rewrite(property[1]);
    if (bmp) {
      alternatives.push(bmp);
      i += property![0].length;
    } else {
      const length = klass[i] === '\\' ? (property ? property[0].length : 2) : 1;
      rest.push(klass.slice(i, i + length));
      i += length;
    }
  }
  if (!alternatives.length) return klass;
  const parts = rest.length ? [`[${rest.join('')}]`, ...alternatives] : alternatives;
  return parts.length === 1 ? parts[0] : `(?:${parts.join('|')})`;
}

