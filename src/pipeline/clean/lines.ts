/** One line of a text: `[start, end)` is its content, `next` where the following line starts (after the newline). */
export interface Line {
  start: number;
  end: number;
  next: number;
}

/** Splits text into lines with offsets; `\r\n` and lone `\r` end a line too, and stay out of the content. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let found = breaks.exec(text); found; found = breaks.exec(text)) {
    lines.push({ start, end: found.index, next: found.index + found[0].length });
    start = found.index + found[0].length;
  }
  if (start < text.length || lines.length === 0) lines.push({ start, end: text.length, next: text.length });
  return lines;
}

/** True for a line with nothing but white space (including no-break and zero-width spaces). */
export function isBlank(content: string): boolean {
  return /^[\s\u200b\ufeff]*$/u.test(content);
}

/** True for a line that reads as article prose: long enough and closed like a sentence. */
export function isProse(content: string): boolean {
  const trimmed = content.trim();
  return trimmed.length >= 40 && closesLikeSentence(trimmed);
}

/** Marks that may follow a sentence's closing punctuation: quotation marks, brackets. */
const CLOSERS = `"'»”’)]`;
const SENTENCE_ENDS = '.!?…';

/**
 * True when `text` ends in sentence punctuation and then only CLOSERS (/[.!?…]["'»”’)\]]*$/u),
 * read back from the end: the pattern would be tried at every character of the line.
 */
export function closesLikeSentence(text: string): boolean {
  let end = text.length;
  while (end > 0 && CLOSERS.includes(text[end - 1])) end--;
  return end > 0 && SENTENCE_ENDS.includes(text[end - 1]);
}

/**
 * True for a line shaped like a headline, tag list or label rather than a sentence: short and
 * not closed by sentence punctuation. Teasers of other stories look like this.
 */
export function isHeadlineLike(content: string): boolean {
  const trimmed = content.trim();
  if (trimmed.length === 0 || trimmed.length > 200) return false;
  // An attribution line ("Source: Sirena") belongs to the article even though it has no full stop.
  if (/^(source|sources|источник|источники|джерело|джерела)\s*:/iu.test(trimmed)) return false;
  return !/[.!?…:;,"'»”’)\]]$/u.test(trimmed);
}
