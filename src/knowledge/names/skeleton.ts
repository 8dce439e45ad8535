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

/** `nameSkeleton` without its cache, for indexing many names once (they would only churn the cache). */
export function computeSkeleton(name: string): string {
  let s = name.toLowerCase();
  // Most names are plain ASCII: nothing to romanise and no accents to strip (ASCII is its own NFD).
  if (!ASCII.test(s)) s = romanize(s.replace(/ё/g, 'е').replace(/й/g, 'и')).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  s = s.replace(/[’'`ʼ"«»“”.]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  // One pass: each spelling folds once (sequential passes would fold the output of earlier ones).
  s = s.replace(LATIN_FOLD_RE, (m) => LATIN_FOLDS[m] ?? (m.length === 2 ? 'e' : 'i'));
  // Vowel clusters from soft signs and iotated letters ("ye", "iya", "oye"): one vowel each.
  s = s.replace(/([aeiou])[aeiou]+/g, '$1').replace(/(.)\1+/g, '$1');
  return s;
}
