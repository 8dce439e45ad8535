/**
 * Light suffix morphology for Russian and Ukrainian names: enough to match any case form of a
 * known name ("Краснодарский край" in "из Краснодарского края") and to put a genitive name back
 * in the nominative ("Ольги Романовой" → "Ольга Романова"). Not a full analyser: names only.
 */

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Case endings a nominative name may carry, longest first; what is left is the stem every case shares. */
const NOMINATIVE_ENDINGS = ['ськ[аеиі]й', 'ий', 'ый', 'ій', 'ой', 'ая', 'яя', 'ое', 'ее', 'ие', 'ые', 'ія', 'ия', 'а', 'я', 'о', 'е', 'ь', 'й', 'ы', 'и', 'і'];
const ENDING_RE = new RegExp(`(?:${NOMINATIVE_ENDINGS.slice(1).join('|')})$`, 'u');
/** Letters an inflected form may add to a stem ("Краснодарск|ого", "област|ях"). */
const CASE_TAIL = '\\p{Ll}{0,3}';
const MIN_STEM = 3;

/** The stem of one word of a name: its nominative ending removed, never shorter than three letters. */
export function stemOf(word: string): string {
  const m = ENDING_RE.exec(word);
  if (!m || word.length - m[0].length < MIN_STEM) return word;
  return word.slice(0, word.length - m[0].length);
}

/** Regex source matching a name in any case form: each word's stem plus a short case ending. */
export function inflectedSource(name: string): string {
  return name
    .split(/[\s]+/u)
    .map((word) => {
      // Abbreviations and codes ("РФ", "ДНР", "Санкт-Петербург") do not inflect in their capitals.
      if (/^[\p{Lu}\d-]+$/u.test(word)) return escape(word);
      const stem = stemOf(word);
      return `${escape(stem)}${CASE_TAIL}`;
    })
    .join('[\\s\\u00a0]+');
}

/** Genitive (and some dative/instrumental) endings of personal names, with their nominative. */
const PERSON_ENDINGS: [RegExp, string][] = [
  [/ской$/u, 'ская'],
  [/цкой$/u, 'цкая'],
  [/ської$/u, 'ська'],
  [/ової$/u, 'ова'],
  [/євої$/u, 'єва'],
  [/овой$/u, 'ова'],
  [/евой$/u, 'ева'],
  [/иной$/u, 'ина'],
  [/іної$/u, 'іна'],
  [/ого$/u, 'ый'],
  [/его$/u, 'ий'],
  [/ії$/u, 'ія'],
  [/ии$/u, 'ия'],
  [/ея$/u, 'ей'],
  [/ія$/u, 'ій'],
  [/ова$/u, 'ов'],
  [/ева$/u, 'ев'],
  [/ина$/u, 'ин'],
  [/ги$/u, 'га'],
  [/ки$/u, 'ка'],
  [/хи$/u, 'ха'],
  [/ы$/u, 'а'],
  [/і$/u, 'а'],
];

/**
 * The nominative of a personal name read in the genitive ("по словам Ольги Романовой"). Male
 * surnames in -ова/-ина are ambiguous with female nominatives; `female` tells them apart.
 */
export function nominativePersonName(name: string): string {
  const words = name.split(/\s+/u);
  const female = words.some((w) => /(?:ой|ої|ы|и|і)$/u.test(w)) && !words.some((w) => /(?:ого|его|ея|ія)$/u.test(w));
  return words
    .map((word) => {
      for (const [re, to] of PERSON_ENDINGS) {
        if (!re.test(word)) continue;
        if (female && /^(?:ов|ев|ин|ий|ый)$/u.test(to)) return word;
        if (/(?:ого|его)$/u.test(word)) return word.replace(re, /[кгх]ого$|ского$/u.test(word) ? 'ий' : to);
        return word.replace(re, to);
      }
      return word;
    })
    .join(' ');
}

/** The nominative of an adjective read in any case, agreeing with a noun of `gender`. */
export function nominativeAdjective(word: string, gender: 'feminine' | 'masculine', language: 'ru' | 'uk'): string {
  const stem = word.replace(/(?:ого|ому|ым|ом|ой|ую|ая|ий|ый|их|ым|ими|ых|ые|ої|ій|ою|ому|ими|ій|ої|у|а|і|ої)$/u, '');
  if (language === 'uk') return stem + (gender === 'feminine' ? 'а' : 'ий');
  if (gender === 'feminine') return stem + 'ая';
  return stem + (/[кгхжшщч]$/u.test(stem) ? 'ий' : 'ый');
}
