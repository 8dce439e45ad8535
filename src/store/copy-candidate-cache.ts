import type { StoredFingerprint } from './event.repository.js';

/**
 * The copy-detection index as known in a batch's transaction: which reports each band key read
 * of `report_bands` leads to, the fingerprints read or written, and the next ingest order, kept
 * in step with what the transaction wrote since. Reports of one story come in clusters, so most
 * of a report's band keys were looked up by an earlier report of its batch, and its candidates'
 * fingerprints read. Only this transaction writes while it is open, so what it knows stays true
 * until it ends; a unit (report) that is undone makes it forget everything.
 */
export class CopyCandidateCache {
  /** Each key known, with every report registered under it (an empty set: none). */
  readonly #reports = new Map<string, Set<string>>();
  readonly #fingerprints = new Map<string, StoredFingerprint>();
  #lastIngestOrder: number | undefined;

  /** The reports registered under the keys known here, and the keys not known. */
  lookup(keys: readonly string[]): { reports: Set<string>; unknown: string[] } {
    const reports = new Set<string>();
    const unknown: string[] = [];
    for (const key of keys) {
      const known = this.#reports.get(key);
      if (!known) unknown.push(key);
      else for (const report of known) reports.add(report);
    }
    return { reports, unknown };
  }

  /** Records what the store holds under `keys`, just read: `rows` are every (key, report) there is for them. */
  learn(keys: readonly string[], rows: readonly { band_key: string; report_id: string }[]): void {
    for (const key of keys) if (!this.#reports.has(key)) this.#reports.set(key, new Set());
    for (const row of rows) this.#reports.get(row.band_key)!.add(row.report_id);
  }

  /** A fingerprint known here (read or written in this transaction); the caller does not change it. */
  fingerprint(reportId: string): StoredFingerprint | undefined {
    return this.#fingerprints.get(reportId);
  }

  /** Fingerprints just read from the store. */
  remember(fingerprints: readonly StoredFingerprint[]): void {
    for (const fingerprint of fingerprints) this.#fingerprints.set(fingerprint.reportId, fingerprint);
  }

  /** A report's fingerprint was written under `keys`; `replaced`: in place of the one it had, whose keys were deleted. */
  saved(fingerprint: StoredFingerprint, keys: readonly string[], { replaced }: { replaced: boolean }): void {
    if (replaced) for (const reports of this.#reports.values()) reports.delete(fingerprint.reportId);
    for (const key of keys) this.#reports.get(key)?.add(fingerprint.reportId);
    this.#fingerprints.set(fingerprint.reportId, fingerprint);
    if (this.#lastIngestOrder !== undefined) this.#lastIngestOrder = Math.max(this.#lastIngestOrder, fingerprint.ingestOrder);
  }

  /** Every copy of `from`, and `from` itself, now copies `to`, which copies none (see EventRepository.relinkCopies). */
  relinked(from: string, to: string): void {
    for (const [id, fingerprint] of this.#fingerprints) {
      if (id === to) {
        const { originalId: _original, similarity: _similarity, ...rest } = fingerprint;
        this.#fingerprints.set(id, rest);
      } else if (fingerprint.originalId === from || id === from) {
        this.#fingerprints.set(id, { ...fingerprint, originalId: to });
      }
    }
  }

  /** The highest ingest order stored, when known. */
  get lastIngestOrder(): number | undefined {
    return this.#lastIngestOrder;
  }

  set lastIngestOrder(order: number) {
    this.#lastIngestOrder = order;
  }

  forget(): void {
    this.#reports.clear();
    this.#fingerprints.clear();
    this.#lastIngestOrder = undefined;
  }
}
