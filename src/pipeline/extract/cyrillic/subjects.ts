import { wordsPattern } from '../provenance.js';
import type { Span, Subjects } from '../../../domain/types.js';
import type { CyrillicLanguage, CyrillicText } from './language.js';

/** A subjects finder for one language: who the prisoners are, from group words ("женщин-заключенных", "граждан Украины"). */
export function createSubjectFinder(language: CyrillicLanguage): (doc: CyrillicText, range: Span) => Subjects {
  const lex = language.lexicons.subjects;
  const gender = lex.gender.map((g) => ({ value: g.value as 'female' | 'male', re: wordsPattern([g.pattern], 'iu') }));
  const nationality = lex.nationality.map((n) => ({ value: n.value as 'UA' | 'RU', re: wordsPattern([n.pattern], 'iu') }));
  return (doc, range) => {
    const sentence = doc.norm.slice(range.start, range.end);
    const subjects: Subjects = {};
    const g = gender.find((x) => x.re.test(sentence));
    if (g) subjects.gender = g.value;
    const n = nationality.find((x) => x.re.test(sentence));
    if (n) subjects.nationality = n.value;
    return subjects;
  };
}
