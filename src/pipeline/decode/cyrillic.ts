import { iconv } from './charset-libraries.js';

/** Legacy Cyrillic charsets old Russian and Ukrainian sites used, most common first (wins ties). */
export const CYRILLIC_CHARSETS = ['windows-1251', 'koi8-r', 'koi8-u', 'ibm866', 'iso-8859-5'] as const;
export type CyrillicCharset = (typeof CYRILLIC_CHARSETS)[number];

/**
 * How often each lowercase letter occurs in Russian and Ukrainian prose (per letter). A wrong
 * charset turns common letters into rare ones or into capitals, so the right one scores highest.
 */
const FREQUENCY: Record<string, number> = {
  о: 0.11, е: 0.085, а: 0.08, и: 0.073, н: 0.067, т: 0.063, с: 0.055, р: 0.047, в: 0.045, л: 0.044, к: 0.035, м: 0.032,
  д: 0.03, п: 0.028, у: 0.026, я: 0.02, ы: 0.019, ь: 0.017, г: 0.017, з: 0.016, б: 0.016, ч: 0.014, й: 0.012, х: 0.01,
  ж: 0.009, ш: 0.007, ю: 0.006, ц: 0.005, щ: 0.004, э: 0.003, ф: 0.003, ъ: 0.0004, ё: 0.0004, і: 0.05, ї: 0.006, є: 0.004, ґ: 0.0005,
};
/** Capitals start sentences and names; in a wrongly decoded text they are the majority. */
const CAPITAL_WEIGHT = 0.25;
/** Share of the non-ASCII characters that must come out as Cyrillic letters. */
const MIN_CYRILLIC_SHARE = 0.8;
const MIN_LETTERS = 4;
/** Mean frequency per letter below which a reading is noise: real prose averages about 0.05. */
const MIN_MEAN_FREQUENCY = 0.03;

export interface CyrillicGuess {
  charset: CyrillicCharset;
  /** Score of the winner over the runner-up's, 0..1 (1: no contest). */
  margin: number;
}

/**
 * Which legacy Cyrillic charset the bytes are in, or null when none reads as Cyrillic prose.
 * Decodes with each candidate and scores the result by letter frequency, counting capitals
 * low: cp1251 read as KOI8-R (or the other way round) comes out mostly in capitals.
 */
export function guessCyrillicCharset(bytes: Uint8Array): CyrillicGuess | null {
  const sample = Buffer.from(bytes.subarray(0, 64 * 1024));
  const scored = CYRILLIC_CHARSETS.map((charset) => ({ charset, ...scoreCyrillic(iconv().decode(sample, charset)) }))
    .filter((s) => s.share >= MIN_CYRILLIC_SHARE && s.letters >= MIN_LETTERS && s.score / s.letters >= MIN_MEAN_FREQUENCY)
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return null;
  const [best, second] = scored;
  return { charset: best.charset, margin: second ? 1 - second.score / best.score : 1 };
}

/** Letter-frequency score of decoded text, and the share of its non-ASCII characters that are Cyrillic letters. */
export function scoreCyrillic(text: string): { score: number; share: number; letters: number } {
  let nonAscii = 0;
  let letters = 0;
  let score = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (!/\p{Script=Cyrillic}/u.test(ch) || !/\p{L}/u.test(ch)) continue;
    letters++;
    const lower = ch.toLowerCase();
    score += (FREQUENCY[lower] ?? 0.001) * (lower === ch ? 1 : CAPITAL_WEIGHT);
  }
  return { score, share: nonAscii === 0 ? 0 : letters / nonAscii, letters };
}
