import type { Claim, Message } from '../../domain/types.js';

export interface ExtractContext {
  /** Publication date (ISO), for resolving relative times. */
  published?: string;
  language: string;
}

/** Languages with an extraction configuration. */
export const SUPPORTED_LANGUAGES = ['en'] as const;

/** Finds the claims in a report's canonical text. Pure: text in, claims out. PLACEHOLDER. */
export function extractClaims(text: string, context: ExtractContext): { claims: Claim[]; messages: Message[] } {
  void text;
  void context;
  return { claims: [], messages: [] };
}
