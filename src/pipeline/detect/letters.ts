/**
 * Letters that only some languages of a script use. Statistical detection (franc) confuses
 * close languages on short text; one of these letters settles it. Each record says why.
 */
export interface LetterRule {
  language: string;
  /** Letters any of which points to `language`. */
  marks: RegExp;
  /** Letters that rule `language` out when present. */
  excludes?: RegExp;
  reason: string;
}

/** Rules for text in Cyrillic script, tried in order. */
export const CYRILLIC_RULES: LetterRule[] = [
  { language: 'sr', marks: /[ђћџљњј]/iu, reason: 'ђ ћ џ љ њ ј are Serbian (and Macedonian) letters' },
  { language: 'be', marks: /ў/iu, reason: 'ў is Belarusian' },
  { language: 'uk', marks: /[іїєґ]/iu, excludes: /[ыэёъ]/iu, reason: 'і ї є ґ without ы э ё ъ is Ukrainian' },
  { language: 'ru', marks: /[ыэё]/iu, excludes: /[іїєґ]/iu, reason: 'ы э ё without і ї є ґ is Russian' },
];

/** Rules for text in Latin script, used to overrule franc between close neighbours. */
export const LATIN_RULES: LetterRule[] = [
  { language: 'cs', marks: /[řůě]/iu, excludes: /[łąęż]/iu, reason: 'ř ů ě are Czech' },
  { language: 'pl', marks: /[łąężźś]/iu, excludes: /[řůěșțăâî]/iu, reason: 'ł ą ę ż ź ś are Polish' },
  { language: 'ro', marks: /[șțşţ]/iu, reason: 'ș ț are Romanian' },
];

/** The first rule whose marks occur in the text and whose exclusions do not. */
export function matchLetters(text: string, rules: LetterRule[]): LetterRule | null {
  return rules.find((rule) => rule.marks.test(text) && !rule.excludes?.test(text)) ?? null;
}
