import type { SourceItem } from '../../domain/source-item.js';
import type { ExtractedReport, Extraction } from './extraction.js';

/** A source item after the pipeline: its report, or why it has none. */
export type Extracted =
  | { ok: true; origin: string; extracted: ExtractedReport }
  | { ok: false; origin: string; reason: string };

/**
 * The items of `source`, processed, in their order. Up to `ahead` items are read and handed to
 * the extraction before the caller takes the first, so an extraction running on other threads
 * works while the caller stores. When the caller stops taking, reading stops and the source is
 * closed. An error reading the source is thrown after every item read before it was yielded.
 * Processing errors never throw: they become the item's reason.
 */
export async function* extractAhead(source: AsyncIterator<SourceItem>, extraction: Extraction, ahead: number): AsyncGenerator<Extracted> {
  const queue: { item: SourceItem; result: Promise<Extracted> }[] = [];
  let finished = false;
  let stopped = false;
  let readError: { error: unknown } | undefined;
  let roomMade: (() => void) | undefined;
  let itemQueued: (() => void) | undefined;

  const reader = (async () => {
    try {
      while (!stopped) {
        if (queue.length >= ahead) {
          await new Promise<void>((resolve) => (roomMade = resolve));
          continue;
        }
        const next = await source.next();
        if (next.done || stopped) break;
        queue.push({ item: next.value, result: processed(next.value, extraction) });
        itemQueued?.();
      }
    } catch (error) {
      readError = { error };
    } finally {
      finished = true;
      itemQueued?.();
    }
  })();

  try {
    for (;;) {
      const head = queue.shift();
      if (head) {
        roomMade?.();
        if (head.item.ok) extraction.needNow?.(head.item.input);
        yield await head.result;
      } else if (finished) {
        break;
      } else {
        await new Promise<void>((resolve) => (itemQueued = resolve));
      }
    }
    if (readError) throw readError.error;
  } finally {
    stopped = true;
    roomMade?.();
    // The reader may be waiting on a slow source (stdin): it stops at its next item, then closes the source.
    void reader.then(() => source.return?.());
  }
}

async function processed(item: SourceItem, extraction: Extraction): Promise<Extracted> {
  if (!item.ok) return item;
  try {
    return { ok: true, origin: item.input.origin, extracted: await extraction.process(item.input) };
  } catch (error) {
    return { ok: false, origin: item.input.origin, reason: error instanceof Error ? error.message : String(error) };
  }
}
