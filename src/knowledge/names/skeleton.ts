/**
 * Transliteration-aware name keys. Russian and Ukrainian names reach English text through
 * several romanisations (BGN/PCGN "Kushchyovskaya", scholarly "Kuščëvskaja", German
 * "Kuschtschewskaja", loose "Kuschevka"); `nameSkeleton` folds Cyrillic and every such
 * spelling to one coarse key, so different spellings of one name meet. It is a key for
 * comparing names already found, never for finding them in running text.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'e', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

// Spellings different romanisations give one Cyrillic letter, longest first, each to one key letter.
const LATIN_FOLDS: Record<string, string> = {
  schtsch: 's', shch: 's', sch: 's', shtsh: 's', szcz: 's', stsh: 's',
  tsch: 'c', tch: 'c', cz: 'c', ch: 'c', č: 'c',
  zh: 's', ž: 's', sh: 's', sz: 's', š: 's',
  kh: 'h', h: 'h', ts: 'c', tz: 'c', c: 'c', x: 'ks', w: 'v', q: 'k', z: 's',
};
const LATIN_FOLD_RE = /schtsch|shch|shtsh|szcz|stsh|sch|tsch|tch|cz|ch|č|zh|ž|sh|sz|š|kh|h|ts|tz|c|x|w|q|z|[yj][oeëé]|[yj]/g;

// CYRILLIC by char code from FIRST_LETTER (а) to ґ: read per character, faster than a property look-up.
const FIRST_LETTER = 0x430;
const LATIN_OF: (string | undefined)[] = Array.from({ length: 0x492 - FIRST_LETTER }, (_, i) => CYRILLIC[String.fromCharCode(FIRST_LETTER + i)]);

/** Cyrillic (Russian or Ukrainian) to a plain Latin spelling, letter by letter. */
export function romanize(text: string): string {
  const lower = text.toLowerCase();
  // Runs of letters with no Latin spelling (Latin ones, spaces) are copied whole.
  let out = '';
  let copied = 0;
  for (let i = 0; i < lower.length; i++) {
    const at = lower.charCodeAt(i) - FIRST_LETTER;
    const latin = at >= 0 && at < LATIN_OF.length ? LATIN_OF[at] : undefined;
    if (latin === undefined) continue;
    out += lower.slice(copied, i) + latin;
    copied = i + 1;
  }
  return out + lower.slice(copied);
}

const cache = new Map<string, string>();
const ASCII = /^[\x00-\x7f]*$/;

/** The coarse key two spellings of one name share: "Kushchevskaya", "Kuschevskaja" and "Кущёвская" all give "kusevska". */
export function nameSkeleton(name: string): string {
  let key = cache.get(name);
  if (key === undefined) {
    key = computeSkeleton(name);
    // Names repeat across reports; a bounded cache keeps memory flat on long ingests.
    if (cache.size > 20000) cache.clear();
    cache.set(name, key);
  }
  return key;
}

/**
 * `nameSkeleton` without its cache, for indexing many names once (they would only churn the
 * cache): the gazetteer keys its 66,000 names by it when a report first names a place it cannot
 * find as written, while a worker is starting. The folds are written as loops over character
 * codes (a fifth of the time of the patterns they stand for); `skeletonByPatterns` is the
 * definition, and the tests hold the two to the same keys.
 */
export function computeSkeleton(name: string): string {
  let s = name.toLowerCase();
  // Most names are plain ASCII: nothing to romanise and no accents to strip (ASCII is its own NFD).
  if (!ASCII.test(s)) {
    s = romanize(s.replace(/ё/g, 'е').replace(/й/g, 'и'));
    // Cyrillic romanised is ASCII; what is not (Latin letters with accents) loses its accents.
    if (!ASCII.test(s)) s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return skeletonFolds(s);
}

/**
 * The definition of computeSkeleton's folds, as patterns, after romanising: quotes, apostrophes
 * and dots dropped, anything else but a–z and 0–9 a space; each romanisation's spelling of a
 * letter folded to one key letter, in one pass (sequential passes would fold the output of
 * earlier ones); vowel clusters from soft signs and iotated letters ("ye", "iya", "oye") one
 * vowel; and doubled letters one.
 */
export function skeletonByPatterns(romanised: string): string {
  let s = romanised.replace(/[’'`ʼ"«»“”.]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  s = s.replace(LATIN_FOLD_RE, (m) => LATIN_FOLDS[m] ?? (m.length === 2 ? 'e' : 'i'));
  return s.replace(/([aeiou])[aeiou]+/g, '$1').replace(/(.)\1+/g, '$1');
}

/** The folds of computeSkeleton after romanising, as skeletonByPatterns defines them. */
export function skeletonFolds(romanised: string): string {
  return fromCodes(collapseRepeats(collapseVowels(foldSpellings(plainWords(romanised)))));
}

const SPACE = 32;
const [A, C, E, H, I, J, K, O, Q, S, T, U, V, W, X, Y, Z] = [...'acehijkoqstuvwxyz'].map((ch) => ch.charCodeAt(0));

/** Quotes, apostrophes and dots dropped; every run of anything else but a–z and 0–9 one space; none at the ends. */
function plainWords(text: string): number[] {
  const out: number[] = [];
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && out.length > 0) out.push(SPACE);
      gap = false;
      out.push(c);
    } else if (!DROPPED.has(c)) {
      gap = true;
    }
  }
  return out;
}

const DROPPED = new Set([...'’\'`ʼ"«»“”.'].map((ch) => ch.charCodeAt(0)));

/** True when `codes` has the letters of `word` from `at`. */
function hasAt(codes: readonly number[], at: number, word: string): boolean {
  if (at + word.length > codes.length) return false;
  for (let i = 0; i < word.length; i++) if (codes[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * LATIN_FOLD_RE's replacement on text of a–z, 0–9 and spaces, where its alternatives with
 * accented letters never match: at each position the first alternative that matches, among
 * those starting with the letter there, in the pattern's order.
 */
function foldSpellings(codes: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < codes.length; ) {
    const c = codes[i];
    const next = codes[i + 1];
    let length = 1;
    switch (c) {
      case S:
        length = hasAt(codes, i, 'schtsch') ? 7 : hasAt(codes, i, 'shtsh') ? 5 : hasAt(codes, i, 'shch') || hasAt(codes, i, 'szcz') || hasAt(codes, i, 'stsh') ? 4 : hasAt(codes, i, 'sch') ? 3 : next === H || next === Z ? 2 : 1;
        out.push(S);
        break;
      case T:
        length = hasAt(codes, i, 'tsch') ? 4 : hasAt(codes, i, 'tch') ? 3 : next === S || next === Z ? 2 : 1;
        out.push(length > 1 ? C : T);
        break;
      case C:
        if (next === Z || next === H) length = 2;
        out.push(C);
        break;
      case Z:
        if (next === H) length = 2;
        out.push(S);
        break;
      case K:
        if (next === H) length = 2;
        out.push(length > 1 ? H : K);
        break;
      case X:
        out.push(K, S);
        break;
      case W:
        out.push(V);
        break;
      case Q:
        out.push(K);
        break;
      case Y:
      case J:
        if (next === O || next === E) length = 2;
        out.push(length > 1 ? E : I);
        break;
      default:
        out.push(c);
    }
    i += length;
  }
  return out;
}

function isVowel(c: number): boolean {
  return c === A || c === E || c === I || c === O || c === U;
}

/** Each run of vowels its first vowel. */
function collapseVowels(codes: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < codes.length; i++) if (!(i > 0 && isVowel(codes[i]) && isVowel(codes[i - 1]))) out.push(codes[i]);
  return out;
}

/** Each run of one character that character once. */
function collapseRepeats(codes: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[i - 1]) out.push(codes[i]);
  return out;
}

/** The string of these character codes (in slices: an argument list has a limit). */
function fromCodes(codes: readonly number[]): string {
  let out = '';
  for (let at = 0; at < codes.length; at += 4096) out += String.fromCharCode(...codes.slice(at, at + 4096));
  return out;
}
