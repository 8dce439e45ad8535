import { bandKeys, COPY_SIMILARITY, estimateSimilarity } from './minhash.js';

/** A report as copy detection sees it. */
export interface CopyCandidate {
  reportId: string;
  signature: Uint32Array;
  /** ISO publication date, when known. */
  published?: string;
  /** Order of ingest (smaller is earlier). */
  ingestOrder: number;
}

/** The report a copy is linked to, and how similar they are. */
export interface CopyLink {
  originalId: string;
  similarity: number;
}

/**
 * The original of a cluster of copies: the earliest published; reports without a date come
 * after dated ones; ties and undated reports go by ingest order.
 */
export function pickOriginal<T extends Pick<CopyCandidate, 'published' | 'ingestOrder'>>(reports: readonly T[]): T {
  return [...reports].sort(compareAge)[0];
}

function compareAge(a: Pick<CopyCandidate, 'published' | 'ingestOrder'>, b: Pick<CopyCandidate, 'published' | 'ingestOrder'>): number {
  if (a.published && b.published && a.published.slice(0, 10) !== b.published.slice(0, 10)) return a.published < b.published ? -1 : 1;
  if (a.published && !b.published) return -1;
  if (!a.published && b.published) return 1;
  return a.ingestOrder - b.ingestOrder;
}

/** The candidates whose estimated similarity to `signature` reaches the copy threshold, most similar first. */
export function similarReports<T extends CopyCandidate>(signature: Uint32Array, candidates: readonly T[], threshold = COPY_SIMILARITY): (T & { similarity: number })[] {
  return candidates
    .map((candidate) => ({ ...candidate, similarity: estimateSimilarity(signature, candidate.signature) }))
    .filter((candidate) => candidate.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity);
}

/**
 * In-memory copy detection (tests, benchmarks, scripts): originals are indexed by band key and a
 * new report is compared only with the originals it shares a band with.
 */
export class CopyIndex {
  private readonly byBand = new Map<string, CopyCandidate[]>();
  private readonly originals = new Map<string, string>();

  /** Adds a report; returns its link when it copies one already added. */
  add(report: CopyCandidate): CopyLink | undefined {
    const keys = bandKeys(report.signature);
    const seen = new Map<string, CopyCandidate>();
    for (const key of keys) for (const candidate of this.byBand.get(key) ?? []) seen.set(candidate.reportId, candidate);
    const [best] = similarReports(report.signature, [...seen.values()]);
    if (!best) {
      // Only an original is indexed: a copy is found through it (as in the store).
      for (const key of keys) {
        const list = this.byBand.get(key);
        if (list) list.push(report);
        else this.byBand.set(key, [report]);
      }
      return undefined;
    }
    const originalId = this.originals.get(best.reportId) ?? best.reportId;
    this.originals.set(report.reportId, originalId);
    return { originalId, similarity: best.similarity };
  }
}
