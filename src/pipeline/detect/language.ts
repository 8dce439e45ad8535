import { francAll } from 'franc-min';
import { toIso6391 } from './iso-639.js';
import { CYRILLIC_RULES, LATIN_RULES, matchLetters } from './letters.js';

/** Fewer letters than this and no language is named. */
const MIN_LETTERS = 12;
/** Detection reads at most this much text: the opening of a report is enough, and franc is quadratic-ish in effort. */
const SAMPLE_CHARS = 4000;
/** Cyrillic languages franc may choose from once the script is known (it otherwise drifts to Komi on short Russian). */
const CYRILLIC_LANGUAGES = ['rus', 'ukr', 'bel', 'bul', 'srp', 'kaz'];

export interface DetectedLanguage {
  /** ISO 639-1 code ('en', 'ru', 'uk', 'pl'…), a 639-3 code for languages without one, or 'und'. */
  language: string;
  /** Rough certainty, 0..1: grows with text length and with franc's lead over the runner-up. */
  confidence: number;
}

/**
 * Detects a report's language: franc-min's trigram statistics, restricted to Cyrillic
 * languages for Cyrillic text, then overruled by telling letters (і ї є ґ → Ukrainian;
 * ы э ё → Russian; ř ů ě → Czech…), which settle short texts franc gets wrong. 'und' when the
 * text has too few letters.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < MIN_LETTERS) return { language: 'und', confidence: 0 };
  const cyrillic = (sample.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (sample.match(/\p{Script=Latin}/gu) ?? []).length;
  const isCyrillic = cyrillic > latin;
  const scripted = isCyrillic ? (sample.match(/[\p{Script=Cyrillic}\s\p{P}]+/gu) ?? []).join(' ') : sample;
  const lengthFactor = Math.min(1, letters / 150);
  // Telling letters and English function words settle most reports without franc's trigram
  // statistics, which cost more than the rest of the pipeline together.
  const rule = matchLetters(scripted, isCyrillic ? CYRILLIC_RULES : LATIN_RULES);
  if (rule) return { language: rule.language, confidence: round(Math.max(0.6, lengthFactor)) };
  if (!isCyrillic && looksEnglish(sample, latin, letters)) return { language: 'en', confidence: round(Math.max(0.6, lengthFactor)) };
  const ranked = francAll(scripted, { minLength: 3, ...(isCyrillic ? { only: CYRILLIC_LANGUAGES } : {}) });
  const [top, second] = ranked;
  if (!top || top[0] === 'und') return { language: isCyrillic ? 'ru' : 'und', confidence: isCyrillic ? 0.3 : 0 };
  const lead = second ? 1 - second[1] : 1;
  return { language: toIso6391(top[0]), confidence: round(lengthFactor * (0.5 + 0.5 * Math.min(1, lead * 5))) };
}

const ENGLISH_FUNCTION_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'that', 'was', 'were', 'is', 'are', 'for', 'with', 'by', 'from', 'on', 'had', 'has', 'have', 'said', 'their', 'they', 'it', 'as', 'at', 'be', 'this', 'which', 'who']);

/** At least 30 words, nearly all Latin letters, and a fifth of the words English function words. */
function looksEnglish(sample: string, latin: number, letters: number): boolean {
  if (latin < 0.9 * letters) return false;
  const words = sample.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length < 30) return false;
  let hits = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
  return hits / words.length >= 0.2;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
