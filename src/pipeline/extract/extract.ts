import type { Claim, Message } from '../../domain/types.js';
import { extractEnglish } from './en/configuration.js';
import { extractRussian, extractUkrainian } from './cyrillic/configuration.js';

export interface ExtractContext {
  /** Publication date (ISO), for resolving relative times. */
  published?: string;
  language: string;
}

type Extractor = (text: string, context: ExtractContext) => { claims: Claim[]; messages: Message[] };

/** One extraction configuration per language (as chrono has one per locale). */
const EXTRACTORS: Record<string, Extractor> = {
  en: extractEnglish,
  ru: extractRussian,
  uk: extractUkrainian,
};

/** Languages with an extraction configuration. */
export const SUPPORTED_LANGUAGES = Object.keys(EXTRACTORS);

/** Finds the claims in a report's canonical text. Pure: text in, claims out; never throws on content. */
export function extractClaims(text: string, context: ExtractContext): { claims: Claim[]; messages: Message[] } {
  const extractor = EXTRACTORS[context.language];
  if (!extractor) {
    return {
      claims: [],
      messages: [{ source: 'extract', rule: 'extract.unsupported-language', reason: `no extraction for language "${context.language}"`, severity: 'warning' }],
    };
  }
  return extractor(text, context);
}
