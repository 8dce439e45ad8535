import type { NamedValue } from '../../../domain/types.js';
import type { Sentence } from '../../segment/sentences.js';

/**
 * A quotation of several sentences closed by "…,” Gudkov noted" gives that source to each claim
 * inside it (GUIDE: Attribution). Returns the sources per sentence with the closing ones lent to
 * the sentences the quotation opened before.
 */
export function inheritQuotationSources(text: string, sentences: Sentence[], sources: NamedValue[][]): NamedValue[][] {
  const out = sources.map((s) => [...s]);
  let open: number[] = [];
  for (const [i, sentence] of sentences.entries()) {
    if (i > 0 && sentences[i - 1].paragraph !== sentence.paragraph) open = [];
    const opens = count(sentence.text, '“') + count(sentence.text, '«');
    const closes = count(sentence.text, '”') + count(sentence.text, '»');
    if (opens > closes) {
      open = [i];
      continue;
    }
    if (open.length && closes > opens) {
      const lent = out[i].map((s) => ({ ...s, certainty: 'implied' as const, rule: `${s.rule}+quotation` }));
      for (const j of open) out[j] = [...out[j], ...lent.filter((s) => !out[j].some((t) => t.name === s.name))];
      open = [];
      continue;
    }
    if (open.length) open.push(i);
  }
  void text;
  return out;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let at = s.indexOf(ch); at >= 0; at = s.indexOf(ch, at + 1)) n++;
  return n;
}
