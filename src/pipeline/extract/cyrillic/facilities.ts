import { namedValue } from '../provenance.js';
import type { NamedValue, Span } from '../../../domain/types.js';
import type { CyrillicText } from './language.js';
import { anywhere, matchesWhere } from '../scan.js';
import { testCompiled } from '../machine-code.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

const NO = String.raw`(?:№|N|No\.?|номер)`;
const CODE = String.raw`(?:ИК|СИЗО|ЛИУ|КП|ВК|ПКТ|ШИЗО|ІК|СІЗО|IK|SIZO|LIU)`;
// Case-sensitive patterns (a case-insensitive \p{Lu} would match any letter), so first letters are spelled both ways.
const KIND = String.raw`(?:(?:[Ии]справительн|[Вв]оспитательн|[Жж]енск|[Мм]ужск|[Вв]иправн|[Вв]иховн|[Жж]іноч|[Чч]оловіч)\p{L}*\s+)?(?:[Кк]олони(?:я|и|ю|ей)?(?:-поселени\p{L}*|-поселенн\p{L}*)?|[Кк]олоні(?:я|ї|ю|єю)?(?:-поселенн\p{L}*)?|(?:[Сс]ледственн\p{L}*|[Сс]лідч\p{L}*)\s+(?:изолятор|ізолятор)\p{L}*|[Тт]юрьм\p{L}*|[Тт]юрм\p{L}*)`;
/** "три российских колонии", "в 11 колониях": several colonies are no one facility. */
const SEVERAL_BEFORE = compilePattern(String.raw`(?:\d|[Дд]ву[хм]|[Тт]р[её]х|[Тт]ри|[Чч]етыр\p{L}*|[Нн]еск\p{L}*|[Рр]азн\p{L}*|[Вв]сех|[Ээ]тих|[Дд]есят\p{L}*|[Кк]ільк\p{L}*|[Дд]вох|[Тт]рьох|[Оо]бох|[Оо]беих)\s+(?:(?:[Рр]оссийск|[Уу]краинск|[Рр]осійськ|[Уу]країнськ|[Рр]азн|[Дд]руг|[Іі]нш)\p{L}*\s+)?$`, 'u');
const PLACE = String.raw`\p{Lu}[\p{L}-]+(?:\s+(?:област\p{L}*|кра[йяюе]|республик\p{L}*|республік\p{L}*))?`;

/** Text some facility shape needs (KIND always spells one of these), so most sentences run no rule at all. */
const KIND_HINT = /олони|олоні|изолятор|ізолятор|юрьм|юрм/u;
const CODE_HINT = compilePattern(CODE, 'u');

/**
 * Facility shapes, most specific first; an earlier match wins over an overlapping later one. A rule
 * runs only on a sentence its `hint` (text every match contains) is found in: the leading look-behind
 * keeps V8 from skipping ahead, so a full scan costs far more than the hint test.
 */
const RULES: { id: string; hint: RegExp; re: RegExp }[] = [
  { id: 'facility.code', hint: CODE_HINT, re: compilePattern(String.raw`(?<![\p{L}])${CODE}(?:\s?[-–]\s?|\s?)(?:${NO}\s?)?\d{1,3}(?!\d)`, 'gu') },
  // "СИЗО Симферополя": an unnumbered remand prison named by its town.
  { id: 'facility.code-town', hint: /СИЗО|СІЗО/u, re: compilePattern(String.raw`(?<![\p{L}])(?:СИЗО|СІЗО)\s+\p{Lu}\p{Ll}+(?:а|я|и|і|у|ю|ы)(?![\p{L}])`, 'gu') },
  { id: 'facility.numbered', hint: KIND_HINT, re: compilePattern(String.raw`(?<![\p{L}])${KIND}\s*${NO}\s?\d{1,3}(?!\d)`, 'gu') },
  {
    id: 'facility.described',
    hint: KIND_HINT,
    re: compilePattern(String.raw`(?<![\p{L}])${KIND}(?:\s+(?:строгого|общего|особого|суворого|загального|посиленого)\s+режим[ау])?\s+(?:(?:в|во|у|на)\s+(?:городе\s+|поселке\s+|посёлке\s+|селе\s+|місті\s+|селищі\s+)?${PLACE}|(?:города|поселка|посёлка|села|міста|селища)\s+\p{Lu}[\p{L}-]+)`, 'gu'),
  },
];
const BACK_REFERENCE = compilePattern(String.raw`(?<![\p{L}])(?:(?:эт|той|дан|ці|цю|ц)\p{L}* (?:колони|колоні|тюрьм|тюрм|изолятор|ізолятор)\p{L}*|(?:обеих|обох|обоих) (?:колони|колоні)\p{L}*|колони\p{L}* (?:нашл|процвета)\p{L}*|в колонии процветает)`, 'iu');

/** Penal institutions named in a sentence: "ИК-7", "ИК № 7", "колонии № 2", "колонія-поселення №3", "колонии строгого режима в Челябинской области". */
export function findFacilities(doc: CyrillicText, range: Span, language: string): NamedValue[] {
  const sentence = doc.norm.slice(range.start, range.end);
  const found: NamedValue[] = [];
  for (const rule of RULES) {
    if (!rule.hint.test(sentence)) continue;
    for (const m of matchesWhere(rule.re, sentence, anywhere)) {
      const start = range.start + (m.index ?? 0);
      const end = start + m[0].length;
      if (found.some((f) => start < f.span.end && end > f.span.start)) continue;
      if (rule.id !== 'facility.code' && testCompiled(SEVERAL_BEFORE, sentence.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0))) continue;
      // "колонии в России" describes a country, not one institution.
      if (rule.id === 'facility.described' && /(?:Росси|Росі|Украин|Україн|РФ)\p{L}*$/u.test(m[0])) continue;
      found.push(namedValue(doc.text, start, end, `${language}.${rule.id}`, { entityId: facilityKey(m[0]) }));
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** True when a sentence refers back to a facility named before ("в этой колонии", "з обох колоній"). */
export const refersBackToFacility = (doc: CyrillicText, range: Span): boolean => testCompiled(BACK_REFERENCE, doc.norm.slice(range.start, range.end));

/** A rough identity for a facility mention, kind and number ("facility:ik-7"), shared with the English extractor's keys. */
function facilityKey(name: string): string | undefined {
  const n = name.match(/(\d{1,3})(?!\d)/u)?.[1];
  if (!n) return undefined;
  const kind = /сизо|сізо|sizo|изолятор|ізолятор/iu.test(name) ? 'sizo' : /лиу|liu/iu.test(name) ? 'liu' : /поселен|^кп/iu.test(name) ? 'kp' : 'ik';
  return `facility:${kind}-${Number(n)}`;
}
