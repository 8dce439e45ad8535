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
  private readonly directionAt = new RegExp(DIRECTION, 'y');
  /**
   * Runs of letters that may open a match: a capital (every name starts with A–Z) or a direction
   * word. A match starts only where a run starts (and not after a hyphen).
   */
  private readonly starts: RegExp;

  /** `names` longest first (the order the alternation tries them in). */
  constructor(names: readonly string[]) {
    if (!names.every((n) => /^[A-Z]/u.test(n))) throw new Error('KnownPlaceNames: every name must start with a capital A–Z');
    const lowerDirections = DIRECTION_WORDS.filter((w) => !/^[A-Z]/u.test(w));
    this.starts = new RegExp(`[A-Z]\\p{L}*|(?:${lowerDirections.join('|')})\\p{L}*`, 'gu');
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
    const starts = this.starts;
    starts.lastIndex = 0;
    for (let s = starts.exec(sentence); s; s = starts.exec(sentence)) {
      const at = s.index;
      // Inside a word or after a hyphen: no match starts anywhere in this run.
      if (sentence[at - 1] === '-' || !noLetterBefore(sentence, at)) continue;
      let re = this.firstRuns.has(s[0]) || this.firstRuns.has('') ? (this.byStart.get(sentence.slice(at, at + 2)) ?? this.byStart.get(sentence[at])) : undefined;
      if (this.directionFirst.has(sentence[at])) {
        this.directionAt.lastIndex = at;
        if (this.directionAt.test(sentence)) re = this.withDirection;
      }
      if (!re) continue;
      compileOnFirstUse(re, sentence);
      re.lastIndex = at;
      const m = re.exec(sentence);
      if (!m) continue;
      out.push(m);
      starts.lastIndex = at + m[0].length;
    }
    return out;
  }
}

function compile(direction: string, names: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}-])${direction}(${names.map(escapeRegExp).join('|')})(?: ${REGION_WORD})?(?![\\p{L}])`, 'uy');
}
