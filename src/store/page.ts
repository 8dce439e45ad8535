/** Keyset pages: rows in `seq` order, the cursor being the last `seq` handed out. */

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** The page size asked for, clamped to 1..MAX_PAGE_SIZE. */
export function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(1, Math.floor(limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
}

export function encodeCursor(seq: number): string {
  return String(seq);
}

/** The `seq` a cursor stands for; a cursor not made by encodeCursor is a caller's bug. */
export function decodeCursor(cursor: string): number {
  const seq = Number(cursor);
  if (!/^\d+$/.test(cursor) || !Number.isSafeInteger(seq)) throw new TypeError(`not a page cursor: ${JSON.stringify(cursor)}`);
  return seq;
}
