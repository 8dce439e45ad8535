import type { Span } from '../../../../domain/types.js';

/**
 * Keeps the longest of overlapping mentions (the earlier on a tie) and returns them in text
 * order: chrono's overlap refiner, shared by the count and time extractors.
 */
export function keepLongest<T extends { span: Span }>(mentions: T[]): T[] {
  const bySize = [...mentions].sort(
    (a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start,
  );
  const kept: T[] = [];
  for (const candidate of bySize) {
    if (kept.every((k) => candidate.span.end <= k.span.start || candidate.span.start >= k.span.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.span.start - b.span.start);
}
