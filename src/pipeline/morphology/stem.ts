/**
 * Light suffix morphology for Russian and Ukrainian names: enough to match any case form of a
 * known name ("Краснодарский край" in "из Краснодарского края") and to put a genitive name back
 * in the nominative ("Ольги Романовой" → "Ольга Романова"). Not a full analyser: names only.
 */

/** Case endings of Russian and Ukrainian nouns and adjectives, longest first. */
const CASE_ENDINGS = [
  'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ями', 'ами', 'ої', 'ою', 'ею', 'ій', 'ий', 'ый', 'ой', 'ей', 'ая', 'яя', 'ое', 'ее', 'ую', 'юю',
  'ом', 'ем', 'ым', 'им', 'ых', 'их', 'ах', 'ях', 'ие', 'ые', 'і', 'ї', 'а', 'я', 'о', 'е', 'у', 'ю', 'ы', 'и', 'ь', 'й',
];
const ADJECTIVE_ENDINGS = new Set(['ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ої', 'ою', 'ій', 'ий', 'ый', 'ой', 'ая', 'яя', 'ое', 'ее', 'ую', 'юю', 'ым', 'ых', 'их', 'ие', 'ые']);
const MIN_STEM = 3;

/** A word split into the stem its case forms share and the case ending it carries ("Краснодарского" → "краснодарск" + "ого"). */
export function caseStem(word: string): { readonly stem: string; readonly ending: string } {
  let found = stems.get(word);
  if (!found) {
    found = computeCaseStem(word);
    // Words repeat; a bounded cache keeps memory flat on long ingests.
    if (stems.size > 50000) stems.clear();
    stems.set(word, found);
  }
  return found;
}

const stems = new Map<string, { readonly stem: string; readonly ending: string }>();

function computeCaseStem(word: string): { stem: string; ending: string } {
  const lower = word.toLowerCase().replace(/ё/gu, 'е').replace(/[’ʼ`]/gu, "'");
  for (const ending of CASE_ENDINGS) {
    if (lower.endsWith(ending) && lower.length - ending.length >= MIN_STEM) return { stem: lower.slice(0, -ending.length), ending };
  }
  return { stem: lower, ending: '' };
}

/** True for an ending only adjectives take ("-ская", "-ого"), which a noun name never carries. */
export const isAdjectiveEnding = (ending: string): boolean => ADJECTIVE_ENDINGS.has(ending);

/** The key every case form of a name shares: the stems of its words ("из Краснодарского края" → "краснодарск кра"). */
export function nameStemKey(words: readonly string[]): string {
  return words.map((w) => caseStem(w).stem).join(' ');
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
  // A man's first name in the genitive ("Ивана", "Максима").
  [/(?<=[бвгдзклмнпрстфхцчшщ])а$/u, ''],
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
