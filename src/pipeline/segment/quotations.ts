/**
 * Offsets questions the sentence splitter asks of a line, answered by binary search over sorted
 * offsets instead of a look through all of them: a report scraped without its line breaks is one
 * line of megabytes, with tens of thousands of sentence ends and quotation marks.
 */

/** How many of `sorted` (ascending) are at most `value`: the index of the first above it. */
export function firstAbove(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Quotations of a line, asked whether one holds an offset strictly inside it. They may overlap
 * (curly, guillemets and straight marks are paired apart), so the question is whether any that
 * opens before the offset closes after it: the latest close among those opening before, kept
 * for each in order of opening. A look through them all for each sentence end made a long line
 * (a report scraped without its line breaks) quadratic.
 */
export class Quotations {
  readonly #opens: number[];
  /** The latest close of the quotations opening at or before each of #opens. */
  readonly #latestClose: number[];

  constructor(ranges: [number, number][]) {
    const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
    this.#opens = sorted.map(([a]) => a);
    this.#latestClose = [];
    let latest = -Infinity;
    for (const [, b] of sorted) this.#latestClose.push((latest = Math.max(latest, b)));
  }

  holds(offset: number): boolean {
    const opened = firstAbove(this.#opens, offset - 1);
    return opened > 0 && this.#latestClose[opened - 1] > offset;
  }
}

/** How many of `sorted` (ascending integers) lie strictly between `after` and `before`. */
export function countBetween(sorted: readonly number[], after: number, before: number): number {
  return Math.max(0, firstAbove(sorted, before - 1) - firstAbove(sorted, after));
}
