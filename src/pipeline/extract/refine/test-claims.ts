import type { Claim, ClaimType, NamedValue } from '../../../domain/types.js';
import type { Sentence } from '../../segment/sentences.js';

/** For refiners' tests: a claim on `sentence`, with nothing in its slots but the sources given. */
export function claimOn(text: string, sentence: Sentence, sources: NamedValue[] = [], type: ClaimType = 'transfer'): Claim {
  return { type, quote: text.slice(sentence.start, sentence.end), start: sentence.start, end: sentence.end, rule: 'test', places: [], facilities: [], sources, actors: [], subjects: {}, hedged: false };
}

/** For refiners' tests: a named source, stated at `at`. */
export function source(name: string, at = 0): NamedValue {
  return { name, span: { start: at, end: at + name.length }, text: name, rule: 'test', certainty: 'stated' };
}
