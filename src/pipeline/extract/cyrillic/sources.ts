import { namedValue } from '../provenance.js';
import { caseStem, nominativePersonName } from '../../morphology/stem.js';
import type { NamedValue, Span } from '../../../domain/types.js';
import type { CyrillicLanguage, CyrillicText } from './language.js';
import { cleanSourcePhrase, type SourcePhrase } from './source-phrase.js';
import { matchesWhere } from '../scan.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

/** What the report has said so far, for resolving "по её словам", "она рассказала", "Романова отмечает". */
export interface AttributionMemory {
  lastPerson?: NamedValue;
  lastGroup?: NamedValue;
}

// A clause ends at punctuation, a conjunction, or a reflexive past verb ("на сайте X появилось сообщение").
const CLAUSE_END = compilePattern(String.raw`[,;:.!?(—–]|\s(?:что|чтобы|о том|що|про те|ссылаясь|со ссылкой|з посиланням|посилаючись|\p{L}+(?:лось|лся|лась|лись|лося))(?![\p{L}])`, 'u');
/** "рассказал изданию, что": the outlet named before (starting a word: matchesWhere checks, as for OUTLET_TOLD). */
const OUTLET_BACK_REFERENCE = /(?:изданию|виданню)(?=\s*(?:,|что|що))/gu;
const PERSON_OPENER = compilePattern(String.raw`^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+(?= (?:был|была|было|были|была|є|був|була|стал|стала))`, 'u');
const QUOTATION_END = /[»”"]\s*,?\s*[—–-]\s/gu;
const OUTLET_TOLD =
  /(?:изданию|газете|агентству|каналу|порталу|журналу|выданню|виданню|в интервью|в інтерв['’]ю|в эфире|в ефірі|в (?:расследовании|материале|статье|публикации|докладе|отчете|отчёте)|у (?:розслідуванні|матеріалі|статті|публікації|звіті|доповіді))(?: \p{L}+){0,2} ([«"„“][^»"“”]{2,40}[»"“”]|(?:\d+ )?\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*){0,2})/gu;

/** A source finder for one language: "по данным X", "как пишет X", "X сообщил", "сообщил X", "рассказала изданию «X»". */
export function createSourceFinder(language: CyrillicLanguage): (doc: CyrillicText, range: Span, memory: AttributionMemory) => NamedValue[] {
  const lex = language.lexicons.attribution;
  const code = language.code;
  const byLength = (a: string, b: string) => b.length - a.length;
  // These must start a word: matchesWhere checks, faster than a leading lookbehind.
  const phraseRe = compilePattern(`(?:${[...lex.phrases].sort(byLength).join('|')})\\s+`, 'giu');
  const genitive = compilePattern(`^(?:${lex.genitive.join('|')})\\s+$`, 'iu');
  const pronounPhrase = compilePattern(`(?:по|за) (её|ее|его|их|її|його|їхніми|їх) (?:словам|данным|мнению|оценкам|словами|даними)(?![\\p{L}])`, 'giu');
  const verbRe = compilePattern(`(?:${lex.verbs.join('|')})(?![\\p{L}])`, 'giu');
  const roleWord = compilePattern(`^(?:${lex.roles.join('|')})(?![\\p{L}])`, 'iu');
  const pronoun = compilePattern(`^(?:${lex.pronouns.join('|')}|изданию|виданню)$`, 'iu');

  return (doc, range, memory) => {
    const sentence = doc.norm.slice(range.start, range.end);
    const found: NamedValue[] = [];
    const push = (phrase: SourcePhrase | null, rule: string, inGenitive = false) => {
      if (!phrase) return;
      const value = resolve(doc, range.start, phrase, `${code}.source.${rule}`, memory, pronoun, inGenitive);
      if (!value || found.some((f) => f.span.start < value.span.end && value.span.start < f.span.end)) return;
      found.push(value);
    };
    for (const m of matchesWhere(pronounPhrase, sentence)) {
      const start = (m.index ?? 0) + m[0].indexOf(m[1]);
      push({ start, end: start + m[1].length, name: m[1] }, 'pronoun');
    }
    for (const m of matchesWhere(phraseRe, sentence)) {
      const from = (m.index ?? 0) + m[0].length;
      const to = clauseEnd(sentence, from);
      for (const part of splitList(sentence, from, to)) push(cleanSourcePhrase(sentence, part.start, part.end, lex), 'according-to', genitive.test(m[0]));
    }
    for (const m of matchesWhere(verbRe, sentence)) {
      const at = m.index ?? 0;
      const after = at + m[0].length;
      const subjectAfter = cleanSourcePhrase(sentence, after, clauseEnd(sentence, after), lex, 'after');
      push(subjectAfter ?? subjectBefore(sentence, at, lex), subjectAfter ? 'verb-subject' : 'subject-verb');
    }
    for (const m of matchesWhere(OUTLET_BACK_REFERENCE, sentence)) push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, name: m[0] }, 'outlet-told');
    // "Наталья Джаниева была …": a person who opens a sentence is who "она" means next.
    const opener = PERSON_OPENER.exec(sentence);
    if (opener && !found.length) memory.lastPerson = namedValue(doc.text, range.start, range.start + opener[0].length, `${code}.source.opener`);
    for (const m of matchesWhere(OUTLET_TOLD, sentence)) {
      const start = (m.index ?? 0) + m[0].length - m[1].length;
      push(cleanSourcePhrase(sentence, start, start + m[1].length, lex), 'outlet-told');
    }
    found.sort((a, b) => a.span.start - b.span.start);
    for (const v of found) remember(v, memory, roleWord.test(v.name));
    return found;
  };
}

function clauseEnd(sentence: string, from: number): number {
  const stop = sentence.slice(from).search(CLAUSE_END);
  return stop < 0 ? sentence.length : from + stop;
}

/** "X, Y и Z" → three phrases. */
function splitList(sentence: string, start: number, end: number): Span[] {
  const parts: Span[] = [];
  const re = /,\s*|\s+(?:и|та|і|й)\s+/gu;
  const phrase = sentence.slice(start, end);
  let at = 0;
  for (const m of phrase.matchAll(re)) {
    // "«Русь сидящая» и Gulagu.net": split outside quotation marks only.
    if (((phrase.slice(0, m.index).match(/[«"“„]/gu)?.length ?? 0) + (phrase.slice(0, m.index).match(/[»”]/gu)?.length ?? 0)) % 2 === 1) continue;
    parts.push({ start: start + at, end: start + (m.index ?? 0) });
    at = (m.index ?? 0) + m[0].length;
  }
  parts.push({ start: start + at, end });
  return parts;
}

/** The speaker before a verb: the clause's own subject, or the sentence's first phrase when the clause is a relative one. */
function subjectBefore(sentence: string, verbAt: number, lex: CyrillicLanguage['lexicons']['attribution']): SourcePhrase | null {
  const before = sentence.slice(0, verbAt);
  // The clause starts after a closing quotation ("«…», — написала"), a semicolon, or "что".
  const quoteEnd = [...before.matchAll(QUOTATION_END)].pop();
  const cut = Math.max(quoteEnd ? (quoteEnd.index ?? 0) + quoteEnd[0].length - 1 : -1, before.lastIndexOf(';'), before.search(/ (?:что|що) [^,]*$/u));
  const clause = before.slice(cut + 1);
  const segments = [...clause.matchAll(/[^,—–]+/gu)];
  const last = segments.filter((s) => s[0].trim()).pop();
  if (!last) return null;
  const start = cut + 1 + (last.index ?? 0);
  const own = cleanSourcePhrase(sentence, start, start + last[0].length, lex, 'before');
  if (own) return own;
  // "Бывший заключенный, воевавший в составе ЧВК, рассказал": the subject opens the sentence.
  const first = segments[0];
  if (!first || first === last) return null;
  return cleanSourcePhrase(sentence, cut + 1 + (first.index ?? 0), cut + 1 + (first.index ?? 0) + first[0].length, lex, 'before');
}

function resolve(doc: CyrillicText, offset: number, phrase: SourcePhrase, rule: string, memory: AttributionMemory, pronoun: RegExp, inGenitive: boolean): NamedValue | null {
  const start = offset + phrase.start;
  const end = offset + phrase.end;
  if (pronoun.test(phrase.name)) {
    const plural = /^(?:они|их|вони|їх|їхніми)$/iu.test(phrase.name);
    const organisation = /^(?:изданию|изданием|виданню|газете|каналу)$/iu.test(phrase.name);
    const target = plural || organisation ? (memory.lastGroup ?? memory.lastPerson) : memory.lastPerson;
    if (!target) return null;
    return { ...namedValue(doc.text, start, end, `${rule}+pronoun`, { name: target.name, alternatives: target.alternatives, certainty: 'implied' }) };
  }
  let name = phrase.person && inGenitive ? nominativePersonName(phrase.name) : phrase.name;
  let alternatives = phrase.alternatives;
  // "Романова отмечает", "по словам Романовой": a surname alone is the person named before.
  const words = name.split(/\s+/u);
  const known = memory.lastPerson;
  if (words.length === 1 && known && known.name.split(/\s+/u).some((w) => caseStem(w).stem === caseStem(words[0]).stem)) {
    name = known.name;
    alternatives = known.alternatives;
  }
  return namedValue(doc.text, start, end, rule, { name, ...(alternatives?.length ? { alternatives } : {}) });
}

function remember(value: NamedValue, memory: AttributionMemory, role: boolean): void {
  const words = value.name.split(/\s+/u);
  const person = role || words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w)) && /\p{Script=Cyrillic}/u.test(value.name);
  if (person || (memory.lastPerson && value.name === memory.lastPerson.name)) memory.lastPerson = value;
  else if (!value.rule.endsWith('+pronoun')) memory.lastGroup = value;
}
