import { isLetterUnit } from '../../../knowledge/text/characters.js';

/**
 * Latin letters that look like Cyrillic ones ("ИK-7" typed with a Latin K). Inside a word that
 * mixes both scripts they are read as Cyrillic; the mapping is one code unit for one, so every
 * offset into the normalised text is an offset into the original.
 */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у',
};
const LETTER = /\p{L}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /[A-Za-z]/g;
const LOOKALIKE = /[ABCEHIKMOPTXYaceiopxy]/g;

/** The text with look-alike Latin letters inside mixed-script words made Cyrillic; same length as the input. */
export function normaliseLookalikes(text: string): string {
  // Only a word (a run of letters) holding a Latin letter can change: such words are found from
  // their Latin letters, so a Cyrillic report is not split into all its words.
  let out = '';
  let copied = 0;
  LATIN.lastIndex = 0;
  for (let m = LATIN.exec(text); m; m = LATIN.exec(text)) {
    const start = wordStart(text, m.index);
    const end = wordEnd(text, m.index);
    LATIN.lastIndex = end;
    const word = text.slice(start, end);
    if (!CYRILLIC.test(word)) continue;
    // In a Russian word a Latin "I" stands for "И" as often as for the Ukrainian "І".
    out += text.slice(copied, start) + word.replace(LOOKALIKE, (c) => (c === 'I' && !/[іїє]/u.test(word) ? 'И' : LATIN_TO_CYRILLIC[c]));
    copied = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Where the run of letters holding `index` starts (letters are code points: a surrogate pair is one). */
function wordStart(text: string, index: number): number {
  let at = index;
  while (at > 0) {
    const pair = at >= 2 && isLowSurrogate(text.charCodeAt(at - 1)) && isHighSurrogate(text.charCodeAt(at - 2));
    const before = pair ? text.slice(at - 2, at) : text[at - 1];
    if (!isLetter(before)) break;
    at -= before.length;
  }
  return at;
}

/** Where the run of letters holding `index` ends. */
function wordEnd(text: string, index: number): number {
  let at = index;
  while (at < text.length) {
    const pair = at + 1 < text.length && isHighSurrogate(text.charCodeAt(at)) && isLowSurrogate(text.charCodeAt(at + 1));
    const here = pair ? text.slice(at, at + 2) : text[at];
    if (!isLetter(here)) break;
    at += here.length;
  }
  return at;
}

/** A letter, as `\p{L}` reads one code point; a single code unit without a regular expression. */
function isLetter(codePoint: string): boolean {
  return codePoint.length === 1 ? isLetterUnit(codePoint.charCodeAt(0)) : LETTER.test(codePoint);
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
