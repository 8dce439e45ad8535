import type { FacilityKind } from './registry.js';
import { compilePattern } from '../text/compile-pattern.js';

/** What a facility mention says of itself: kind, number, gender ("women's penal colony", "ИК-7", "Sizo number 2"). */
export interface FacilityDescription {
  kind?: FacilityKind;
  number?: number;
  gender?: 'female' | 'male';
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
/** Kind words, most specific first; each says why it means that kind. */
const code = (codes: string, words: string) => compilePattern(`(?<![\\p{L}])(?:${codes})(?![\\p{L}])|${words}`, 'iu');
const KINDS: [RegExp, FacilityKind][] = [
  [code('LIU|ЛИУ|ЛВУ', 'hospital|лечебн'), 'LIU'],
  [code('VK|ВК', 'juvenile|educational colony|воспитательн|виховн'), 'VK'],
  [code('KP|КП', 'colony[- ]settlement|settlement colony|колон[иі][яїі]?[- ]поселен'), 'KP'],
  [code('PKT|ПКТ', 'cell-type'), 'PKT'],
  [code('SHIZO|ШИЗО', 'punishment cell'), 'SHIZO'],
  [code('SIZO|СИЗО|СІЗО', 'pre-?trial|detention (?:cent(?:re|er)|facility)|isolator|следственн|слідч'), 'SIZO'],
  [code('IK|ИК|ІК', 'colony|penal|correctional|колони|колоні|виправн|исправительн|prison|тюрьм|в’язниц|в\'язниц'), 'IK'],
];

/** Reads kind, number and gender from a facility's name as written. */
export function describeFacility(name: string): FacilityDescription {
  const out: FacilityDescription = {};
  for (const [re, kind] of KINDS) {
    if (re.test(name)) {
      out.kind = kind;
      break;
    }
  }
  const digits = name.match(/(?<![\p{L}\d])(\d{1,3})(?!\d)/u)?.[1];
  const word = name.match(/\b(?:No\.?|Number|number|#)\s*(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/iu)?.[1];
  if (digits) out.number = Number(digits);
  else if (word) out.number = NUMBER_WORDS[word.toLowerCase()];
  if (/women|female|женск|жіноч/iu.test(name)) out.gender = 'female';
  else if (/\bmen[’']s\b|\bmale\b|мужск|чоловіч/iu.test(name)) out.gender = 'male';
  return out;
}
