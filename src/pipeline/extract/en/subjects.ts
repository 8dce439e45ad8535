import lexicon from '../../../knowledge/lexicons/en/subjects.json' with { type: 'json' };
import { wordsPattern } from '../provenance.js';
import type { Span, Subjects } from '../../../domain/types.js';

const GENDER = lexicon.gender.map((g) => ({ value: g.value as 'female' | 'male', re: wordsPattern([g.pattern], 'iu') }));
const NATIONALITY = lexicon.nationality.map((n) => ({ value: n.value as 'UA' | 'RU', re: wordsPattern([n.pattern], 'iu') }));

/** Who the prisoners are, from group words in the sentence ("female prisoners", "Ukrainian citizens"). */
export function findSubjects(text: string, range: Span): Subjects {
  const sentence = text.slice(range.start, range.end);
  const subjects: Subjects = {};
  const gender = GENDER.find((g) => g.re.test(sentence));
  if (gender) subjects.gender = gender.value;
  const nationality = NATIONALITY.find((n) => n.re.test(sentence));
  if (nationality) subjects.nationality = nationality.value;
  return subjects;
}
