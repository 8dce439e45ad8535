/**
 * Finds known place names in an English sentence, as one regular expression would:
 *
 *   (?<![\p{L}-])(DIRECTION )?(Name1|Name2|…)( REGION_WORD)?(?![\p{L}])
 *
 * with the names longest first. Written as that single expression, V8 tries some 1,300
 * alternatives at every character (about 50 µs a sentence, the largest cost of English
 * extraction). Here the expression runs sticky, only where a word starts, and only with the
 * names that begin with that word's first two letters — the same matches, in the same order.
 */
import { noLetterBefore } from '../scan.js';
import { compileOnFirstUse } from '../machine-code.js';
import { escapeRegExp } from '../provenance.js';
import { isAsciiLetter } from '../../../knowledge/text/characters.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';


export const DIRECTION_WORDS = ['northern', 'southern', 'eastern', 'western', 'central', 'north', 'south', 'east', 'west', 'occupied', 'Russian-occupied', 'Russia-occupied'];
export const REGION_WORD = '(?:[Rr]egions?|[Oo]blasts?|[Kk]rai|[Tt]erritory|[Tt]erritories|[Rr]epublic|[Pp]rovince)';
const DIRECTION = `(?:(?:${DIRECTION_WORDS.join('|')}) )`;

/** One match: `[0]` the whole, `[1]` the direction (or ''), `[2]` the name; `index` in the sentence. */
export type KnownPlaceMatch = RegExpExecArray;

export class KnownPlaceNames {
  /** The full expression, for word starts that may open with a direction. */
  private readonly withDirection: RegExp;
  /** Per first two characters: the expression with only the names starting with them (no direction). */
  private readonly byStart = new Map<string, RegExp>();
  private readonly directionFirst = new Set<string>();
  private readonly firstRuns = new Set<string>();
  private readonly directionAt = compilePattern(DIRECTION, 'y');
  /** The direction words in lower case ("occupied"): one of them, a space and a name make a match. */
  private readonly lowerDirections: ReadonlySet<string>;

  /** `names` longest first (the order the alternation tries them in). */
  constructor(names: readonly string[]) {
    if (!names.every((n) => /^[A-Z]/u.test(n))) throw new Error('KnownPlaceNames: every name must start with a capital A–Z');
    this.lowerDirections = new Set(DIRECTION_WORDS.filter((w) => !/^[A-Z]/u.test(w)));
    this.withDirection = compile(`(${DIRECTION}?)`, names);
    // Buckets by the first two characters; a one-character name joins every bucket it prefixes.
    const keys = new Set(names.filter((n) => n.length >= 2).map((n) => n.slice(0, 2)));
    for (const key of keys) this.byStart.set(key, compile('()', names.filter((n) => n.startsWith(key) || key.startsWith(n))));
    for (const short of names.filter((n) => n.length < 2)) this.byStart.set(short, compile('()', [short]));
    for (const word of DIRECTION_WORDS) this.directionFirst.add(word[0]);
    // A name can only match where the text's run of letters is the name's first run of letters:
    // the name ends at a non-letter, and so does a name that goes on past its first word.
    for (const name of names) this.firstRuns.add(/^\p{L}*/u.exec(name)![0]);
  }

  /** Every match in `sentence`, leftmost first, none overlapping (as `matchAll` would give). */
  matchAll(sentence: string): KnownPlaceMatch[] {
    const out: KnownPlaceMatch[] = [];
    // Every match opens with a capital A–Z (a name, or "Russian-occupied") or with a lower-case
    // direction word and a space right before one ("occupied Kherson"). The capitals are found
    // by a pattern V8 runs fast; at each, the direction word before it is tried, then its word.
    let from = 0;
    for (;;) {
      // A test builds no match array: the capital is the one character before where it stopped.
      CAPITAL.lastIndex = from;
      if (!CAPITAL.test(sentence)) break;
      const at = CAPITAL.lastIndex - 1;
      const direction = this.directionBefore(sentence, at, from);
      const withDirection = direction >= 0 ? this.matchAt(this.withDirection, sentence, direction) : null;
      if (withDirection) {
        out.push(withDirection);
        from = direction + withDirection[0].length;
        continue;
      }
      // Inside a word or after a hyphen: no match starts here.
      if (sentence.charCodeAt(at - 1) === HYPHEN || !noLetterBefore(sentence, at)) {
        from = at + 1;
        continue;
      }
      const wordEnd = endOfLetters(sentence, at);
      let re = this.firstRuns.has(sentence.slice(at, wordEnd)) ? (this.byStart.get(sentence.slice(at, at + 2)) ?? this.byStart.get(sentence[at])) : undefined;
      if (this.directionFirst.has(sentence[at])) {
        this.directionAt.lastIndex = at;
        if (this.directionAt.test(sentence)) re = this.withDirection;
      }
      const m = re ? this.matchAt(re, sentence, at) : null;
      if (m) out.push(m);
      // The capitals left in the word follow letters: none opens a match.
      from = m ? at + m[0].length : wordEnd;
    }
    return out;
  }

  /**
   * Where a lower-case direction word followed by one space ends right before `at` and starts a
   * word (not after a letter or a hyphen), at or after `from`; else -1.
   */
  private directionBefore(sentence: string, at: number, from: number): number {
    if (sentence.charCodeAt(at - 1) !== SPACE) return -1;
    let start = at - 1;
    while (start > from && isLowerAscii(sentence.charCodeAt(start - 1))) start--;
    if (start === at - 1 || !this.lowerDirections.has(sentence.slice(start, at - 1))) return -1;
    if (sentence.charCodeAt(start - 1) === HYPHEN || !noLetterBefore(sentence, start)) return -1;
    return start;
  }

  private matchAt(re: RegExp, sentence: string, at: number): KnownPlaceMatch | null {
    compileOnFirstUse(re, sentence);
    re.lastIndex = at;
    return re.exec(sentence);
  }
}

const CAPITAL = /[A-Z]/g;
const SPACE = 0x20;
const HYPHEN = 0x2d;
const LETTERS = compilePattern('\\p{L}*', 'uy');

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Where the run of letters (\p{L}) starting at `from` ends; ASCII letters are read without a pattern. */
function endOfLetters(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) {
      LETTERS.lastIndex = i;
      LETTERS.test(s);
      return LETTERS.lastIndex;
    }
    if (!isAsciiLetter(c)) return i;
  }
  return s.length;
}

function compile(direction: string, names: readonly string[]): RegExp {
  return compilePattern(`(?<![\\p{L}-])${direction}(${names.map(escapeRegExp).join('|')})(?: ${REGION_WORD})?(?![\\p{L}])`, 'uy');
}
