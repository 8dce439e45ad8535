import type { Span, Subjects } from '../../../domain/types.js';
import { findWord, startlessPattern, type CyrillicLanguage, type CyrillicText } from './language.js';

/** A subjects finder for one language: who the prisoners are, from group words ("женщин-заключенных", "граждан Украины"). */
export function createSubjectFinder(language: CyrillicLanguage): (doc: CyrillicText, range: Span) => Subjects {
  const lex = language.lexicons.subjects;
  const gender = lex.gender.map((g) => ({ value: g.value as 'female' | 'male', re: startlessPattern(g.pattern) }));
  const nationality = lex.nationality.map((n) => ({ value: n.value as 'UA' | 'RU', re: startlessPattern(n.pattern) }));
  return (doc, range) => {
    const sentence = doc.norm.slice(range.start, range.end);
    const subjects: Subjects = {};
    const g = gender.find((x) => findWord(x.re, sentence));
    if (g) subjects.gender = g.value;
    const n = nationality.find((x) => findWord(x.re, sentence));
    if (n) subjects.nationality = n.value;
    return subjects;
  };
}
