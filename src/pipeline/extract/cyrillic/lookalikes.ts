/**
 * Latin letters that look like Cyrillic ones ("ИK-7" typed with a Latin K). Inside a word that
 * mixes both scripts they are read as Cyrillic; the mapping is one code unit for one, so every
 * offset into the normalised text is an offset into the original.
 */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у',
};
const WORD = /[\p{L}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /[A-Za-z]/;
const LOOKALIKE = /[ABCEHIKMOPTXYaceiopxy]/g;

/** The text with look-alike Latin letters inside mixed-script words made Cyrillic; same length as the input. */
export function normaliseLookalikes(text: string): string {
  return text.replace(WORD, (word) => {
    if (!LATIN.test(word) || !CYRILLIC.test(word)) return word;
    // In a Russian word a Latin "I" stands for "И" as often as for the Ukrainian "І".
    return word.replace(LOOKALIKE, (c) => (c === 'I' && !/[іїє]/u.test(word) ? 'И' : LATIN_TO_CYRILLIC[c]));
  });
}
